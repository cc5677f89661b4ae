import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from presslens.errors import StoreError
from presslens.ingest.text import document_from_text
from presslens.model import Analysis, Entity, Mention, Quote, Speaker
from presslens.store import Store


def _analysis(text: str, version: str = "v1", **ann) -> Analysis:
    return Analysis(document_from_text(text, source="t.txt"), annotations=ann, pipeline_version=version)


def test_same_bytes_are_one_document_and_reanalysis_is_kept_beside(db_path):
    with Store(db_path) as s:
        a = _analysis("The harbour froze over.")
        first = s.save(a)
        again = s.save(a)
        newer = s.save(_analysis("The harbour froze over.", version="v2"))
        assert (first.new_document, first.new_analysis) == (True, True)
        assert (again.new_document, again.new_analysis) == (False, False)
        assert (newer.new_document, newer.new_analysis) == (False, True)
        assert [x["pipeline_version"] for x in s.analyses_of(first.id)] == ["v1", "v2"]
        assert s.get(first.id)["meta"]["pipeline"] == "v2"
        assert s.stats()["documents"] == 1


def test_wal_mode_and_migrations_recorded(db_path):
    Store(db_path).close()
    with sqlite3.connect(db_path) as c:
        assert c.execute("pragma journal_mode").fetchone()[0] == "wal"
        assert c.execute("pragma user_version").fetchone()[0] >= 2


def test_raw_bytes_are_kept_verbatim(db_path):
    raw = b"Caf\xe9 owner arrested.\r\n"
    doc = document_from_text(raw.decode("cp1252"), source="c.txt", raw=raw)
    with Store(db_path) as s:
        s.save(Analysis(doc))
        assert s.raw(doc.id) == raw


def test_search_ranks_and_snippets_and_survives_bad_syntax(db_path):
    with Store(db_path) as s:
        s.save(_analysis("The senate rejected the budget. The budget was late."))
        s.save(_analysis("A budget was mentioned once among other news about sport."))
        s.save(_analysis("Nothing relevant here."))
        hits = s.search("budget")
        assert len(hits) == 2 and "[budget]" in hits[0].snippet
        assert hits[0].score >= hits[1].score
        assert s.search('budget AND (') != [] or True  # malformed FTS syntax must not raise
        assert len(s.search('"budget')) == 2


def test_quote_and_entity_tables_follow_the_newest_analysis(db_path):
    text = "Ana Pop said the court erred."
    ent = Entity("E1", "Ana Pop", "PERSON", (), (), (Mention(0, 7),))
    q = Quote("indirect", 13, 28, Speaker("E1", "Ana Pop", 0, 7), None, None)
    with Store(db_path) as s:
        s.save(_analysis(text, "v1", entities=[ent], quotes=[q]))
        assert [r["speaker"] for r in s.quotes(speaker="pop")] == ["Ana Pop"]
        assert s.quotes()[0]["content"] == "the court erred"
        s.save(_analysis(text, "v2", entities=[ent], quotes=[]))
        assert s.quotes() == [] and len(s.entities("Ana")) == 1
        assert len(s.search("court", speaker="Ana")) == 0 and len(s.search("court", entity="Pop")) == 1


def test_resolve_id_by_prefix_and_clear_errors(db_path):
    with Store(db_path) as s:
        saved = s.save(_analysis("One article."))
        assert s.resolve_id(saved.id[7:17]) == saved.id
        with pytest.raises(StoreError, match="no such article"):
            s.resolve_id("ffffffffffff")


def test_readonly_store_that_does_not_exist_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.db", readonly=True)


def test_a_kill_inside_the_transaction_leaves_nothing_half_written(db_path):
    script = textwrap.dedent(f"""
        import os, signal
        from presslens.store import Store
        from presslens.ingest.text import document_from_text
        from presslens.model import Analysis
        s = Store({str(db_path)!r})
        s.save(Analysis(document_from_text("first article", source="a"), pipeline_version="v"))
        def die(*a, **k):
            os.kill(os.getpid(), signal.SIGKILL)
        s._index_annotations = die   # killed after the document row, before COMMIT
        s.save(Analysis(document_from_text("second article", source="b"), pipeline_version="v"))
    """)
    r = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert r.returncode == -signal.SIGKILL
    with Store(db_path) as s:
        assert s.stats()["documents"] == 1 and s.stats()["analyses"] == 1
        assert [h.source for h in s.search("article")] == ["a"]


def test_kill_9_mid_batch_then_resume_without_duplicates(tmp_path, db_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(40):
        (inputs / f"a{i:02d}.txt").write_text(f"Report {i}. Officials in Riga met on Monday to discuss item {i}.")
    cmd = [sys.executable, "-m", "presslens", "analyze", str(inputs), "--db", str(db_path), "--format", "json",
           "--stages", "repair,parse,entities"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    for _ in range(5):
        assert proc.stdout.readline()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db_path) as c:
        done = c.execute("select count(*) from documents").fetchone()[0]
        assert 5 <= done < 40
        assert c.execute("select count(*) from analyses").fetchone()[0] == done
    r = subprocess.run(cmd, capture_output=True)
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.decode().splitlines()) == 40  # resumed: stored ones are printed, not re-analysed
    assert f"({done} already in the store)" in r.stderr.decode() or done == 40
    with sqlite3.connect(db_path) as c:
        assert c.execute("select count(*) from documents").fetchone()[0] == 40
        assert c.execute("select count(*) from analyses").fetchone()[0] == 40
        assert c.execute("select count(*) from documents_fts").fetchone()[0] == 40
        assert c.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_a_store_of_an_older_release_is_upgraded_before_a_read_only_open(tmp_path):
    import sqlite3

    from presslens.store import Store
    from presslens.store.migrations import MIGRATIONS

    path = tmp_path / "old.db"
    with sqlite3.connect(path, isolation_level=None) as db:  # what release 0.2 left: migrations 1-2
        for number, step in enumerate(MIGRATIONS[:2], start=1):
            db.executescript(f"BEGIN;\n{step()}\nPRAGMA user_version = {number};\nCOMMIT;")
    with Store(path, readonly=True) as store:  # read commands open read-only
        assert store.quotes(speaker="anyone") == [] and store.stats()["documents"] == 0
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
