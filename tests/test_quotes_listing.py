"""Listings of who said what keep to speech and writing by people and organisations; `--all`
(CLI) and `?all=1` (web, API) show every attribution type."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
sys.path.insert(0, str(Path(__file__).parent / "browser"))

from webfixtures import article_record, client_for, store_with  # noqa: E402

from presslens.store import Store  # noqa: E402

BELIEF = "the decision would cost the town hundreds of jobs"


def _typed_record():
    r = article_record()
    acts = [("speech", "person"), ("thought", "person"), ("writing", "person")]
    for q, (act, kind) in zip(r["quotes"], acts):
        q["act"], q["source_kind"] = act, kind
    return r


@pytest.fixture()
def db(tmp_path):
    return store_with(tmp_path / "typed.db", _typed_record())


def test_store_lists_speech_and_writing_unless_asked_for_all(db):
    with Store(db) as s:
        default = [r["content"] for r in s.quotes()]
        every = [r["content"] for r in s.quotes(all_acts=True)]
        assert BELIEF not in default and len(default) == 2
        assert BELIEF in every and len(every) == 3
        assert [r["act"] for r in s.quotes(all_acts=True) if r["content"] == BELIEF] == ["thought"]


def test_api_quotes_filter_and_toggle(db):
    with client_for(db) as c:
        assert BELIEF not in [r["content"] for r in c.get("/api/quotes").json()["items"]]
        assert BELIEF in [r["content"] for r in c.get("/api/quotes?all=1").json()["items"]]


def test_side_panel_hides_a_belief_and_offers_the_toggle(db):
    rid = article_record()["id"]
    with client_for(db) as c:
        page = c.get(f"/articles/{rid}").text
        side = page[page.index('id="who-said-what"'):]
        assert BELIEF not in side and "?all=1" in side
        side_all = c.get(f"/articles/{rid}?all=1").text
        side_all = side_all[side_all.index('id="who-said-what"'):]
        assert BELIEF in side_all and "thought" in side_all


def test_cli_quotes_all(db, cli):
    out = cli("quotes", "--db", str(db), "--json")
    assert out.returncode == 0, out.stderr
    assert BELIEF not in out.stdout.decode()
    out = cli("quotes", "--db", str(db), "--json", "--all")
    rows = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert any(r["content"] == BELIEF for r in rows)
