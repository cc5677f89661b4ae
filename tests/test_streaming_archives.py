"""WARC archives, feeds, folders and stdin are read record by record: the cap applies to
each article, a bad record is reported and the rest goes on, and nothing is read (or
listed) before it is needed. Every fixture is built here."""
from __future__ import annotations

import gzip
import io
import os
import sys

import pytest

from presslens.errors import InputError
from presslens.ingest import expand, read_inputs
from presslens.ingest.feeds import stream_feed
from presslens.ingest.streams import ChunkReader
from presslens.ingest.warc import read_warc_file, stream_warc
from presslens.model import Document

SENTENCE = b"The harbour authority said the new ferry line would open in May, officials confirmed. "


def page(i: int, padding: int = 0) -> bytes:
    comment = b"<!--" + b"p" * padding + b"-->" if padding else b""
    return (b"<html><head><title>Ferry %d</title></head><body>%s<article><h1>Ferry story %d</h1><p>" % (i, comment, i)
            + SENTENCE * 5 + b"</p></article></body></html>")


def record(uri: str, body: bytes, kind: bytes = b"response") -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
    head = (b"WARC/1.0\r\nWARC-Type: " + kind + b"\r\nWARC-Target-URI: " + uri.encode()
            + b"\r\nWARC-Date: 2025-05-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:%s>" % uri.encode()[-8:]
            + b"\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % len(http))
    return head + http + b"\r\n\r\n"


def archive(n: int, big_at: int | None = None, padding: int = 0) -> list[bytes]:
    return [record(f"http://port.example/{i}", page(i, padding if i == big_at else 0)) for i in range(n)]


def split(items):
    items = list(items)
    return ([x for x in items if isinstance(x, Document)], [x for x in items if isinstance(x, InputError)])


# -- WARC ---------------------------------------------------------------------
def test_a_warc_record_over_the_cap_is_refused_alone(tmp_path):
    p = tmp_path / "crawl.warc"
    p.write_bytes(b"".join(archive(6, big_at=2, padding=30_000)))
    assert p.stat().st_size > 30_000
    docs, [err] = split(read_inputs([str(p)], max_bytes=20_000))
    assert [d.url for d in docs] == [f"http://port.example/{i}" for i in (0, 1, 3, 4, 5)]
    assert "size cap" in err.reason and "port.example/2" in err.where and "\n" not in str(err)


def test_an_archive_far_past_the_cap_is_read_whole(tmp_path):
    """The cap is per article: 40 records of ~1 KB are read under a 3 KB cap."""
    p = tmp_path / "many.warc"
    p.write_bytes(b"".join(archive(40)))
    assert p.stat().st_size > 10 * 3_000
    docs, errs = split(read_inputs([str(p)], max_bytes=3_000))
    assert not errs and len(docs) == 40


@pytest.mark.parametrize("packing", ["per-record", "whole-file"])
def test_a_gzipped_warc_gives_the_plain_archive_records(tmp_path, packing):
    recs = archive(4)
    plain, packed = tmp_path / "c.warc", tmp_path / "c.warc.gz"
    plain.write_bytes(b"".join(recs))
    packed.write_bytes(b"".join(gzip.compress(r) for r in recs) if packing == "per-record" else gzip.compress(b"".join(recs)))
    ids = [d.id for d in read_inputs([str(plain)])]
    assert len(ids) == 4 and [d.id for d in read_inputs([str(packed)])] == ids
    assert [d.id for d in read_warc_file(str(packed), "c.warc.gz")] == ids


def test_a_truncated_warc_keeps_the_whole_records_and_names_the_cut_one(tmp_path):
    recs = archive(4)
    cut_body, cut_head = tmp_path / "body.warc", tmp_path / "head.warc"
    cut_body.write_bytes(b"".join(recs)[:-250])
    cut_head.write_bytes(b"".join(recs[:3]) + recs[3][:50])
    docs, [err] = split(read_inputs([str(cut_body)]))
    assert len(docs) == 3 and "truncated WARC record" in err.reason and "port.example/3" in err.where
    docs, [err] = split(read_inputs([str(cut_head)]))
    assert len(docs) == 3 and "truncated WARC" in err.reason and err.where.startswith(str(cut_head))


def test_a_truncated_gzipped_warc_keeps_the_records_before_the_cut(tmp_path):
    p = tmp_path / "cut.warc.gz"
    p.write_bytes(b"".join(gzip.compress(r) for r in archive(5))[:-120])
    docs, [err] = split(read_inputs([str(p)]))
    assert len(docs) == 4 and "truncated" in err.reason and err.where.startswith(str(p))


def _counted(data: bytes, step: int = 4096):
    state = {"read": 0}

    def chunks():
        for i in range(0, len(data), step):
            state["read"] += step
            yield data[i:i + step]
    return chunks(), state


def test_warc_records_come_out_before_the_archive_is_read():
    raw = b"".join(archive(200))
    chunks, state = _counted(raw)
    first = next(stream_warc(ChunkReader(chunks), "s.warc", 50_000))
    assert isinstance(first, Document) and first.url == "http://port.example/0"
    assert state["read"] < len(raw) // 10


def test_non_html_records_are_skipped_without_being_read_into_memory(tmp_path):
    """A 3 MB resource record under a 20 KB cap: not an article, skipped, not refused."""
    p = tmp_path / "mixed.warc"
    blob = record("http://port.example/video", b"v" * 3_000_000, kind=b"resource")
    p.write_bytes(archive(1)[0] + blob + archive(2)[1])
    docs, errs = split(read_inputs([str(p)], max_bytes=20_000))
    assert not errs and len(docs) == 2


# -- feeds --------------------------------------------------------------------
def rss(n: int, big_at: int | None = None) -> bytes:
    items = []
    for i in range(n):
        extra = "<category>port</category>" * 3_000 if i == big_at else ""
        items.append(f"<item><title>Ferry {i} &amp; harbour</title><link>http://port.example/{i}</link>"
                     f"<dc:creator>Desk {i}</dc:creator><pubDate>Mon, 05 May 2025 0{i % 10}:00:00 GMT</pubDate>"
                     f"{extra}<description><![CDATA[<p>The harbour authority said line {i} would open in May.</p>"
                     f"<p>Officials confirmed the timetable.</p>]]></description></item>")
    return ("<?xml version='1.0' encoding='utf-8'?>\n<rss version='2.0' xmlns:dc='http://purl.org/dc/elements/1.1/'"
            " xml:base='http://port.example/'><channel><title>Port News</title><link>http://port.example/</link>"
            + "".join(items) + "</channel></rss>").encode()


def atom(n: int) -> bytes:
    entries = "".join(f"<entry><title>Quay {i}</title><link href='q/{i}'/><id>urn:q:{i}</id>"
                      f"<updated>2025-05-0{i % 9 + 1}T00:00:00Z</updated><author><name>Desk</name></author>"
                      f"<content type='html'>&lt;p&gt;The quay {i} reopened on Monday, the mayor said.&lt;/p&gt;</content></entry>"
                      for i in range(n))
    return ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom' xml:lang='en'"
            " xml:base='http://quay.example/'><title>Quay Times</title><id>urn:q</id>" + entries + "</feed>").encode()


def rdf(n: int) -> bytes:
    items = "".join(f"<item rdf:about='http://dock.example/{i}'><title>Dock {i}</title><link>http://dock.example/{i}</link>"
                    f"<description>The dock workers voted to end the strike {i}.</description></item>" for i in range(n))
    return ("<?xml version='1.0'?><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'"
            " xmlns='http://purl.org/rss/1.0/'><channel rdf:about='http://dock.example/'><title>Dock Wire</title>"
            "<link>http://dock.example/</link><description>d</description></channel>" + items + "</rdf:RDF>").encode()


FIELDS = ("id", "source", "text", "raw", "url", "title", "published", "author", "site", "format")


@pytest.mark.parametrize("make, suffix", [(rss, ".rss"), (atom, ".atom"), (rdf, ".xml")])
def test_a_feed_past_the_cap_is_read_entry_by_entry_as_the_whole_parse_reads_it(tmp_path, make, suffix):
    p = tmp_path / f"big{suffix}"
    p.write_bytes(make(30))
    whole = list(read_inputs([str(p)]))  # within the default cap: feedparser on the whole document
    streamed = list(read_inputs([str(p)], max_bytes=1_000))  # 30 entries, far past a 1 KB cap
    assert p.stat().st_size > 5 * 1_000 and len(whole) == len(streamed) == 30
    assert all(isinstance(d, Document) for d in streamed)
    for a, b in zip(whole, streamed):
        assert [getattr(a, f) for f in FIELDS] == [getattr(b, f) for f in FIELDS]
    assert streamed[0].site in ("Port News", "Quay Times", "Dock Wire")


def test_a_feed_entry_over_the_cap_is_refused_by_number(tmp_path):
    p = tmp_path / "big.rss"
    p.write_bytes(rss(8, big_at=3))
    docs, [err] = split(read_inputs([str(p)], max_bytes=20_000))
    assert [d.url for d in docs] == [f"http://port.example/{i}" for i in range(8) if i != 3]
    assert err.where == f"{p}#entry4" and "size cap" in err.reason


def test_a_big_feed_that_breaks_off_keeps_the_entries_before(tmp_path):
    p = tmp_path / "cut.rss"
    raw = rss(20)
    p.write_bytes(raw[:raw.index(b"<item><title>Ferry 12") + 40])
    docs, [err] = split(read_inputs([str(p)], max_bytes=2_000))
    assert len(docs) == 12 and "not well-formed XML after entry 12" in err.reason


def test_feed_entries_come_out_before_the_feed_is_read():
    raw = rss(400)
    chunks, state = _counted(raw)
    first = next(stream_feed(ChunkReader(chunks), "s.rss", 5_000))
    assert isinstance(first, Document) and first.url == "http://port.example/0"
    assert state["read"] < len(raw) // 4


def test_a_small_feed_is_still_read_forgivingly_whole(tmp_path):
    """Within the cap, feedparser reads markup a strict XML parser refuses (an HTML entity)."""
    p = tmp_path / "loose.rss"
    p.write_text("<rss version='2.0'><channel><title>Loose</title><item><title>A&nbsp;B</title>"
                 "<description>The council met on Monday to vote.</description></item></channel></rss>")
    [doc] = read_inputs([str(p)])
    assert isinstance(doc, Document) and doc.site == "Loose"


# -- folders ------------------------------------------------------------------
def _tree(root, dirs: int = 5, files: int = 3):
    for d in range(dirs):
        sub = root / f"d{d}" / "inner"
        sub.mkdir(parents=True)
        for f in range(files):
            (root / f"d{d}" / f"{f}.txt").write_text("x")
            (sub / f"{f}.txt").write_text("x")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "a.txt").write_text("x")
    (root / "top.txt").write_text("x")
    (root / ".dot.txt").write_text("x")


def _old_order(root: str) -> list[str]:
    """The order os.walk gave: a directory's sorted files, then its sorted subdirectories."""
    out = []
    for here, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out += [os.path.join(here, f) for f in sorted(files) if not f.startswith(".")]
    return out


def test_a_folder_is_walked_lazily_in_a_stable_order(tmp_path, monkeypatch):
    _tree(tmp_path)
    listed: list[str] = []
    real = os.scandir

    def counting(path="."):
        listed.append(os.fspath(path))
        return real(path)
    monkeypatch.setattr(os, "scandir", counting)
    walk = expand([str(tmp_path)])
    assert next(walk) == str(tmp_path / "top.txt")
    assert listed == [str(tmp_path)]  # one directory listed for the first file, not the tree
    assert next(walk) == str(tmp_path / "d0" / "0.txt") and len(listed) == 2
    rest = list(walk)
    monkeypatch.setattr(os, "scandir", real)
    assert [str(tmp_path / "top.txt"), str(tmp_path / "d0" / "0.txt"), *rest] == _old_order(str(tmp_path))
    assert len(rest) == 5 * 6 - 1


def test_a_linked_directory_is_not_walked_and_a_broken_link_is_reported(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("The mayor opened the bridge on Monday.")
    os.symlink(tmp_path / "real", tmp_path / "zlink")
    os.symlink(tmp_path / "missing.txt", tmp_path / "broken.txt")
    paths = list(expand([str(tmp_path)]))
    assert paths == [str(tmp_path / "broken.txt"), str(tmp_path / "real" / "a.txt")]
    docs, [err] = split(read_inputs([str(tmp_path)]))
    assert len(docs) == 1 and "broken.txt" in err.where


# -- stdin --------------------------------------------------------------------
def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_a_warc_on_stdin_is_read_record_by_record(monkeypatch):
    _stdin(monkeypatch, b"".join(archive(5, big_at=1, padding=30_000)))
    docs, [err] = split(read_inputs(["-"], max_bytes=20_000))
    assert len(docs) == 4 and "port.example/1" in err.where and err.where.startswith("<stdin>")


def test_a_gzipped_jsonl_on_stdin_is_streamed_with_the_cap_per_line(monkeypatch):
    import json

    lines = [json.dumps({"id": f"s{i}", "text": "The port reopened. " * (300 if i == 2 else 2)}) for i in range(30)]
    _stdin(monkeypatch, gzip.compress(("\n".join(lines) + "\n").encode()))
    docs, [err] = split(read_inputs(["-"], max_bytes=1_000))
    assert len(docs) == 29 and err.where == "<stdin>:3" and "size cap" in err.reason


def test_a_big_feed_on_stdin_is_read_entry_by_entry(monkeypatch):
    _stdin(monkeypatch, rss(25))
    docs, errs = split(read_inputs(["-"], max_bytes=2_000))
    assert not errs and len(docs) == 25 and docs[0].source == "http://port.example/0"


# -- the command ----------------------------------------------------------------
def test_analyze_reports_the_oversized_record_in_one_line_and_analyses_the_rest(tmp_path, cli):
    import json

    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(b"".join(gzip.compress(r) for r in archive(4, big_at=1, padding=30_000)))
    r = cli("analyze", str(p), "--no-store", "--format", "json", "--stages", "repair", "--max-bytes", "20000")
    assert r.returncode == 1
    assert [json.loads(line)["url"] for line in r.stdout.decode().splitlines()] == [
        f"http://port.example/{i}" for i in (0, 2, 3)]
    errors = [line for line in r.stderr.decode().splitlines() if "error:" in line]
    assert len(errors) == 1 and "port.example/1" in errors[0] and "size cap" in errors[0]


# -- the local engine ---------------------------------------------------------
@pytest.mark.parametrize("jobs", [1, 2])
def test_the_local_engine_pulls_its_input_only_as_results_leave(jobs):
    """Input is pulled lazily: when the first result comes out, at most the look-ahead
    window of articles has been read, not the whole (here endless-looking) input."""
    from presslens.engines import analyze_stream
    from presslens.engines.local import _LOOKAHEAD
    from presslens.ingest.text import document_from_text

    pulled = [0]

    def source():
        for i in range(10_000):
            pulled[0] += 1
            yield document_from_text(f"The ferry {i} left Bergen on Monday.")

    results = analyze_stream(source(), jobs=jobs, stage_names=("repair",))
    first = next(results)
    assert first.document.text.startswith("The ferry 0")
    assert pulled[0] <= jobs * _LOOKAHEAD + 1
    results.close()
