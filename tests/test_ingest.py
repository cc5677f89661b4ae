import gzip
import io
import json

import pytest

from presslens.errors import InputError
from presslens.ingest import read_inputs, read_one, sniff
from presslens.ingest.text import decode, guess_title

RUSSIAN = "Суд признал журналиста виновным и приговорил его к двум годам колонии. Адвокат заявил, что обжалует решение."

HTML = b"""<!DOCTYPE html><html><head><title>Port strike ends | Coast Daily</title>
<meta property="og:title" content="Port strike ends">
<meta property="article:published_time" content="2025-05-06T10:00:00Z">
<link rel="canonical" href="https://coast.example/port"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Port strike ends</h1>
<p>Dock workers in the port of Varna ended a nine-day strike on Tuesday after the operator agreed to raise wages by eight percent, the union said.</p>
<p>"We got what we asked for," union leader Petar Ivanov told reporters outside the gates. Ships that had waited at anchor began to unload on Wednesday morning.</p>
<p>The operator said the deal would cost it about four million euros a year and that it would not raise fees for shipping lines.</p>
</article><div id="comments"><p>Great news for the city!</p></div></body></html>"""


def _docs(items):
    return [i for i in items if not isinstance(i, InputError)]


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "utf-8", "utf-8-sig", "utf-16"])
def test_russian_text_decodes_in_every_supported_encoding(encoding):
    assert decode(RUSSIAN.encode(encoding), "f.txt") == RUSSIAN


def test_txt_normalises_line_endings_and_keeps_raw_bytes(tmp_path):
    raw = b"Title here\r\n\r\nFirst line.\r\nSecond line.\r\n"
    (tmp_path / "a.txt").write_bytes(raw)
    [doc] = _docs(read_inputs([str(tmp_path / "a.txt")]))
    assert doc.text == "Title here\n\nFirst line.\nSecond line.\n"
    assert doc.raw == raw and doc.id.startswith("sha256:")
    assert doc.title == "Title here"


def test_title_is_not_guessed_from_a_long_first_paragraph():
    assert guess_title(("word " * 40) + "\n\nbody") is None


def test_html_extracts_body_and_metadata_and_keeps_raw():
    [doc] = _docs(read_one(HTML, "page.html"))
    assert "nine-day strike" in doc.text and "Great news for the city" not in doc.text
    assert "Home" not in doc.text.split("\n")[0]
    assert doc.title == "Port strike ends" and doc.published == "2025-05-06"
    assert doc.url == "https://coast.example/port" and doc.raw == HTML and doc.format == "html"


def test_gzip_is_transparent_and_named_by_inner_extension():
    [doc] = _docs(read_one(gzip.compress(HTML), "page.html.gz"))
    assert "nine-day strike" in doc.text and doc.format == "html"


def test_jsonl_reads_text_and_html_lines_with_metadata():
    lines = [
        {"text": "Alpha said hello.", "title": "A", "published": "2024-02-03T09:00:00", "source": "wire-1"},
        {"html": HTML.decode(), "url": "https://x.example/b"},
    ]
    raw = "\n".join(json.dumps(x) for x in lines).encode()
    a, b = _docs(read_one(raw, "batch.jsonl"))
    assert (a.text, a.title, a.published, a.source) == ("Alpha said hello.", "A", "2024-02-03", "wire-1")
    assert "nine-day strike" in b.text and b.url == "https://x.example/b"
    assert a.id != b.id


def test_rss_feed_yields_one_document_per_entry():
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
    <item><title>One</title><link>https://w.example/1</link><pubDate>Tue, 10 Jun 2025 08:00:00 GMT</pubDate>
    <description>&lt;p&gt;The senate passed the budget on Monday.&lt;/p&gt;</description></item>
    <item><title>Two</title><link>https://w.example/2</link><description>Rain is expected tomorrow.</description></item>
    </channel></rss>"""
    docs = _docs(read_one(rss, "feed.xml"))
    assert [d.title for d in docs] == ["One", "Two"]
    assert docs[0].text == "The senate passed the budget on Monday." and docs[0].published == "2025-06-10"
    assert docs[0].url == "https://w.example/1"


def test_warc_html_responses_become_documents():
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://coast.example/port", "response",
                                                  payload=io.BytesIO(HTML), http_headers=headers))
    [doc] = _docs(read_one(buf.getvalue(), "crawl.warc"))
    assert "nine-day strike" in doc.text and doc.url == "https://coast.example/port"


def test_directories_are_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second article text.")
    (tmp_path / "a.txt").write_text("First article text.")
    (tmp_path / ".hidden.txt").write_text("skip me")
    docs = _docs(read_inputs([str(tmp_path)]))
    assert [d.text for d in docs] == ["First article text.", "Second article text."]


def test_sniffing_without_extension():
    assert sniff(b"WARC/1.0\r\n") == "warc"
    assert sniff(b'  {"text": "x"}') == "jsonl"
    assert sniff(b"<?xml version='1.0'?><rss>") == "feed"
    assert sniff(b"<html><body>x</body></html>") == "html"
    assert sniff(b"Plain words.") == "txt"
