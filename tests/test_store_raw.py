"""Raw input is stored compressed, content-addressed, and older uncompressed rows still read."""
import sqlite3

from presslens.ingest.text import document_from_text
from presslens.model import Analysis
from presslens.store import Store


def _page(n: int) -> bytes:
    rows = "".join(f"<tr><td class='cell'>row {i}</td><td>value {i * 7}</td></tr>\n" for i in range(n))
    return f"<html><body><p>The mayor said the budget passed.</p><table>{rows}</table></body></html>".encode()


def test_html_raw_is_stored_compressed_and_read_back_verbatim(db_path):
    raw = _page(400)
    doc = document_from_text("The mayor said the budget passed.", source="p.html", raw=raw)
    with Store(db_path) as s:
        s.save(Analysis(doc))
        assert s.raw(doc.id) == raw
        stored, codec = s.db.execute("SELECT raw, raw_codec FROM documents WHERE id=?", (doc.id,)).fetchone()
        assert codec == "zstd" and len(stored) < len(raw) / 4


def test_a_row_written_before_compression_reads_unchanged(db_path):
    raw = b"Old row, stored as read."
    doc = document_from_text(raw.decode(), source="old.txt", raw=raw)
    with Store(db_path) as s:
        s.save(Analysis(doc))
    with sqlite3.connect(db_path) as c:  # what a store from before the codec column held
        c.execute("UPDATE documents SET raw=?, raw_codec=NULL WHERE id=?", (raw, doc.id))
    with Store(db_path) as s:
        assert s.raw(doc.id) == raw


def test_the_same_bytes_are_stored_once(db_path):
    raw = _page(50)
    with Store(db_path) as s:
        for version in ("v1", "v2"):
            doc = document_from_text("The mayor said the budget passed.", source="p.html", raw=raw)
            s.save(Analysis(doc, pipeline_version=version))
        assert s.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_analysis_json_is_compressed_and_old_text_rows_still_read(db_path):
    doc = document_from_text("The mayor said the budget passed. " * 40, source="m.txt")
    with Store(db_path) as s:
        s.save(Analysis(doc, pipeline_version="v1"))
        stored = s.db.execute("SELECT result FROM analyses WHERE document_id=?", (doc.id,)).fetchone()[0]
        assert isinstance(stored, bytes) and len(stored) < len(doc.text) / 4
        fresh = s.get(doc.id)
        assert fresh["text"] == doc.text
        import json
        s.db.execute("UPDATE analyses SET result=? WHERE document_id=?", (json.dumps(fresh), doc.id))
        assert s.get(doc.id)["text"] == doc.text and next(s.iter_results())["id"] == doc.id
