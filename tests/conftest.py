"""Fixtures written for the tests; nothing here reads ../shared."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "presslens"]

NEWS = (
    "Mayor opens new bridge\n\n"
    "Mayor Anna Kovacs opened the new Elm Street bridge on Monday. "
    "\"This bridge connects two halves of our city,\" Kovacs told reporters.\n\n"
    "The project cost 12 million euros, the city council said in a statement.\n"
)


@pytest.fixture
def news_text() -> str:
    return NEWS


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


def run_cli(*args: str, input: bytes | None = None, cwd: Path | None = None, timeout: int = 300):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.run([*CLI, *args], input=input, capture_output=True, cwd=cwd, timeout=timeout, env=env)


@pytest.fixture
def cli():
    return run_cli
