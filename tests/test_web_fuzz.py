"""Fuzz every operation of the OpenAPI spec (schemathesis): no input may cause a 500.

Bounded: a few dozen generated requests per operation, in process over ASGI.
Skipped when schemathesis is not installed (it is a test-only dependency).
"""
from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
pytest.importorskip("fastapi")
sys.path.insert(0, str(Path(__file__).parent / "browser"))

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from webfixtures import article_record, fake_analyzer, hostile_record, save  # noqa: E402

from presslens.store import Store  # noqa: E402
from presslens.web import create_app  # noqa: E402

# The schema is loaded when this module is collected, so the app (and its
# store, seeded with fixture articles) is built here too.
_DIR = tempfile.mkdtemp(prefix="presslens-fuzz-")
atexit.register(shutil.rmtree, _DIR, ignore_errors=True)
_DB = Path(_DIR) / "fuzz.db"
with Store(_DB) as _store:
    save(_store, article_record())
    save(_store, hostile_record())
app = create_app(_DB, analyzer=fake_analyzer, max_bytes=64 * 1024)
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=20, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])
def test_no_server_errors(case):
    case.call_and_validate(checks=[not_a_server_error])
