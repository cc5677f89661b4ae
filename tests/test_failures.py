"""One article's failure is recorded with its reason; the batch goes on and counts it."""
from __future__ import annotations

import json
import os
import time

import pytest

from presslens import cli
from presslens.engines.local import run_safely
from presslens.errors import ArticleFailed
from presslens.ingest.text import document_from_text
from presslens.pipeline import _REGISTRY, FunctionStage, Pipeline
from presslens.store import Store


def _boom(analysis):
    if "explode" in analysis.document.text:
        raise RuntimeError("kaput")
    return {"events": []}


@pytest.fixture
def boom_stage(monkeypatch):
    monkeypatch.setitem(_REGISTRY, "boom", lambda: FunctionStage("boom", "1", (), ("events",), _boom))


def test_a_stage_exception_names_the_stage_and_article(boom_stage):
    doc = document_from_text("This will explode.", source="x.txt")
    out = run_safely(Pipeline.from_names(["repair", "boom"]), doc)
    assert isinstance(out, ArticleFailed)
    assert out.stage == "boom" and out.document_id == doc.id and "kaput" in out.reason and out.where == "x.txt"


def test_a_stage_past_its_time_limit_is_a_timeout_failure(monkeypatch):
    def slow(analysis):
        time.sleep(5)
        return {"events": []}

    monkeypatch.setitem(_REGISTRY, "slow", lambda: FunctionStage("slow", "1", (), ("events",), slow))
    out = run_safely(Pipeline.from_names(["slow"]), document_from_text("Anything."), timeout_s=0.2)
    assert isinstance(out, ArticleFailed) and out.kind == "timeout" and out.stage == "slow"


def test_batch_goes_on_records_failures_and_stats_show_them(tmp_path, boom_stage, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("This article will explode.\n")
    with open(os.fsencode(folder) + b"/b-\xff.txt", "wb") as f:
        f.write(b"The mayor opened the bridge.\n")
    (folder / "c.txt").write_text("The minister resigned.\n")
    db = tmp_path / "s.db"
    rc = cli.main(["analyze", str(folder), "--db", str(db), "--stages", "repair,boom", "--format", "none", "--quiet"])
    err = capsys.readouterr().err
    assert rc == 1 and "1 of 3 inputs failed; 2 analysed" in err
    assert "a.txt" in err and "stage boom" in err and "kaput" in err
    with Store(db) as s:
        assert s.stats()["documents"] == 2 and s.stats()["failures"] == 1
        [f] = s.failures()
        assert f["kind"] == "analysis" and f["stage"] == "boom" and f["document_id"].startswith("sha256:")
        assert any(r["source"].endswith("b-\\xff.txt") for r in s.documents())
    assert cli.main(["stats", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["failures"] == 1
    # a rerun counts the same failure up instead of adding a row
    cli.main(["analyze", str(folder), "--db", str(db), "--stages", "repair,boom", "--format", "none", "--quiet"])
    with Store(db) as s:
        assert s.stats()["failures"] == 1 and s.failures()[0]["times"] == 2


def test_events_stage_survives_a_possessive_protest_sentence():
    text = ("Meanwhile, Clinton\u2019s loss comes despite former President Bill Clinton\u2019s rallies in the state "
            "to drum up support for his wife.")
    out = run_safely(Pipeline.from_names(["repair", "parse", "entities", "events"]), document_from_text(text))
    assert not isinstance(out, ArticleFailed), out
