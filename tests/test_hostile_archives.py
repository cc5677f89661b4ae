"""A crafted-archive corpus, built in tmp_path: every limit holds on the bytes
actually produced, every record is read or reported, names and encodings
that had to be escaped or guessed say so."""
from __future__ import annotations

import gzip
import json
import os
import zlib

import pytest

from presslens.errors import InputError, one_line
from presslens.ingest import read_inputs, read_one
from presslens.ingest.limits import gunzip
from presslens.model import Document

PARA = b"The minister said the reform would pass on Friday, officials confirmed in a statement. " * 6


def page(i: int) -> bytes:
    return (b"<html><head><title>T</title></head><body><article><h1>Headline %d</h1><p>" % i
            + PARA + b"</p></article></body></html>")


def warc_record(uri: str, body: bytes, http_headers: bytes = b"") -> bytes:
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + http_headers
            + b"Content-Length: %d\r\n\r\n" % len(body) + body)
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri.encode()
            + b"\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + uri.encode()[-12:]
            + b">\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % len(http))
    return head + http + b"\r\n\r\n"


def records(n: int = 3) -> list[bytes]:
    return [warc_record(f"http://news.example/{i}", page(i)) for i in range(n)]


def split(items):
    items = list(items)
    docs = [i for i in items if isinstance(i, Document)]
    errs = [i for i in items if isinstance(i, InputError)]
    return docs, errs


def gzip_bomb(size: int) -> bytes:
    """`size` bytes of 'a' compressed without ever holding them in memory."""
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"a" * (1 << 20)
    parts = [z.compress(block) for _ in range(size >> 20)]
    return b"".join(parts) + z.flush()


def test_per_record_warc_gz_reads_every_member(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(b"".join(gzip.compress(r) for r in records(3)))
    docs, errs = split(read_inputs([str(p)]))
    assert not errs and [d.title for d in docs] == ["Headline 0", "Headline 1", "Headline 2"]


def test_concatenated_gzip_text_is_read_to_the_end(tmp_path):
    p = tmp_path / "c.txt.gz"
    p.write_bytes(gzip.compress(b"First part of the story.\n") + gzip.compress(b"Second part of it.\n"))
    [doc] = read_inputs([str(p)])
    assert doc.text == "First part of the story.\nSecond part of it.\n"


def test_multi_member_gzip_cap_counts_all_members():
    member = gzip.compress(b"x" * 60_000)
    with pytest.raises(InputError, match="decompressed"):
        gunzip(member * 3, "m.gz", max_bytes=150_000)
    assert len(gunzip(member * 2, "m.gz", max_bytes=150_000)) == 120_000


def test_garbage_after_a_gzip_member_is_reported():
    with pytest.raises(InputError, match="not another gzip member"):
        gunzip(gzip.compress(b"text") + b"trailing junk", "g.gz", 1000)


def test_content_encoded_warc_bomb_is_refused_without_inflating_it(tmp_path):
    p = tmp_path / "bomb.warc"
    p.write_bytes(warc_record("http://news.example/bomb", gzip_bomb(64 << 20), b"Content-Encoding: gzip\r\n"))
    assert p.stat().st_size < 200_000
    docs, [err] = split(read_inputs([str(p)], max_bytes=2_000_000))
    assert not docs and "size cap" in err.reason and "news.example/bomb" in err.where


def test_content_encoded_and_chunked_bodies_are_decoded(tmp_path):
    body = page(7)
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    raw = (warc_record("http://news.example/gz", gzip.compress(body), b"Content-Encoding: gzip\r\n")
           + warc_record("http://news.example/chunked", chunked, b"Transfer-Encoding: chunked\r\n"))
    docs, errs = split(read_one(raw, "mixed.warc"))
    assert not errs and [d.title for d in docs] == ["Headline 7", "Headline 7"]


def test_deflate_is_read_and_an_unsupported_encoding_is_reported():
    body = page(3)
    d = zlib.compressobj(9, zlib.DEFLATED, 15)
    raw = (warc_record("http://news.example/d", d.compress(body) + d.flush(), b"Content-Encoding: deflate\r\n")
           + warc_record("http://news.example/br", b"\x1b\x00not-read", b"Content-Encoding: br\r\n"))
    docs, [err] = split(read_one(raw, "enc.warc"))
    assert [doc.title for doc in docs] == ["Headline 3"]
    assert "unsupported HTTP Content-Encoding 'br'" in err.reason and "news.example/br" in err.where


def test_the_cap_applies_to_each_record_not_to_the_archive():
    """Three inflating bodies of 300 KB under a 700 KB cap are all read (the archive's
    900 KB of bodies is not one article); a fourth of 800 KB alone is refused by its URL."""
    body = page(1).replace(b"<body>", b"<body><!--" + b"a" * 300_000 + b"-->")
    big = page(9).replace(b"<body>", b"<body><!--" + b"a" * 800_000 + b"-->")
    raw = b"".join(warc_record(f"http://news.example/{i}", gzip.compress(big if i == 2 else body),
                               b"Content-Encoding: gzip\r\n") for i in range(4))
    assert len(raw) < 20_000
    docs, errs = split(read_one(raw, "four.warc", max_bytes=700_000))
    assert [d.source for d in docs] == ["http://news.example/0", "http://news.example/1", "http://news.example/3"]
    assert len(errs) == 1 and "size cap" in errs[0].reason and "news.example/2" in errs[0].where


def test_truncated_inside_a_record_body_is_reported_not_stored():
    recs = records(3)
    raw = recs[0] + recs[1][:-300]
    docs, errs = split(read_one(raw, "cut.warc"))
    assert [d.title for d in docs] == ["Headline 0"]
    assert len(errs) == 1 and "truncated" in errs[0].reason


def test_truncated_inside_a_record_header_is_reported():
    recs = records(3)
    raw = recs[0] + recs[1][:60]
    docs, errs = split(read_one(raw, "cut.warc"))
    assert [d.title for d in docs] == ["Headline 0"]
    assert len(errs) == 1 and "truncated" in errs[0].reason


def test_non_utf8_and_newline_names_are_read_and_named_safely(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    bad = os.fsencode(folder) + b"/a-\xe9.txt"
    with open(bad, "wb") as f:
        f.write(b"The mayor said the bridge would open.\n")
    (folder / "b.txt").write_text("The minister resigned on Friday.\n")
    (folder / "new\nline.txt").write_text("")
    items = list(read_inputs([str(folder)]))
    docs, errs = split(items)
    assert [d.source.rsplit("/", 1)[-1] for d in docs] == ["a-\\xe9.txt", "b.txt"]
    for d in docs:
        d.source.encode("utf-8")  # storable
    [err] = errs
    assert "\n" not in str(err) and "new\\nline.txt" in str(err)


def test_one_line_escapes_controls_and_surrogates():
    assert one_line("a\nb\r\x00c") == "a\\nb\\r\\x00c"
    assert one_line("x-\udce9.txt") == "x-\\xe9.txt"
    assert one_line("plain é") == "plain é"


def test_stdin_over_the_cap_is_named_stdin(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 500)))
    [err] = read_inputs(["-"], max_bytes=100)
    assert err.where == "<stdin>" and "size cap" in err.reason


def test_guessed_decoding_is_noted_and_raw_kept(tmp_path):
    raw = b"Valid start \xff\xfe\xc3\x28 then \x80\x81 here.\n"
    p = tmp_path / "bad.txt"
    p.write_bytes(raw)
    items = list(read_inputs([str(p)]))
    docs, errs = split(items)
    if errs:  # refusing is honest too; silently decoding is what must not happen
        assert "undecodable" in errs[0].reason
        return
    [doc] = docs
    assert "guessed" in doc.metadata["decoding"] and doc.raw == raw


def test_utf8_text_has_no_decoding_note(tmp_path):
    p = tmp_path / "ok.txt"
    p.write_text("Plain UTF-8 — with a dash.\n", encoding="utf-8")
    [doc] = read_inputs([str(p)])
    assert "decoding" not in doc.metadata


def test_feed_entities_are_unescaped(tmp_path):
    p = tmp_path / "f.rss"
    p.write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>F</title><item><title>T</title>"
                 "<link>http://news.example/1</link><description>Smith &amp;amp;x said the tax rose.</description>"
                 "</item></channel></rss>")
    [doc] = read_inputs([str(p)])
    assert "&amp;" not in doc.text and "Smith &x said" in doc.text


def test_jsonl_line_over_the_text_limit_is_a_named_failure(tmp_path):
    from presslens.bounds import MAX_TEXT_CHARS
    from presslens.engines.local import run_safely
    from presslens.errors import ArticleFailed
    from presslens.pipeline import Pipeline

    p = tmp_path / "big.jsonl"
    p.write_text(json.dumps({"text": "word " * (MAX_TEXT_CHARS // 5 + 10)}) + "\n")
    [doc] = read_inputs([str(p)])
    out = run_safely(Pipeline([]), doc)
    assert isinstance(out, ArticleFailed) and "over the limit" in out.reason and out.document_id == doc.id


def test_html_with_too_many_tags_is_refused_before_extraction(tmp_path):
    from presslens.bounds import MAX_HTML_TAGS

    p = tmp_path / "huge.html"
    p.write_text("<html><body>" + "<p>Word.</p>" * (MAX_HTML_TAGS // 2 + 1) + "</body></html>")
    [err] = read_inputs([str(p)])
    assert isinstance(err, InputError) and "tags is over the limit" in err.reason
