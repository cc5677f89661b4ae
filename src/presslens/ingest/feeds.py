"""RSS and Atom feeds: one Document per entry, HTML content extracted like a page.

A feed within the size cap is parsed whole by feedparser, which forgives the
broken XML real feeds are full of. A feed file past the cap is not one
article, so it is not refused for its size: `stream_feed` reads it entry by
entry (feed_entries.py), the cap applying to each entry, and feedparser reads
each entry as it would inside the whole document.
"""
from __future__ import annotations

import json
import re
from html import unescape
from typing import BinaryIO, Iterator

from ..errors import InputError
from ..model import Document
from .text import normalise_newlines


def _entry_text(entry) -> str:
    parts = entry.get("content") or []
    html = parts[0].get("value") if parts else entry.get("summary") or entry.get("description") or ""
    if "<" in html:
        import lxml.html

        try:
            tree = lxml.html.fromstring(html)
            for br in tree.iter("br"):
                br.tail = "\n" + (br.tail or "")
            for p in tree.iter("p", "div", "li", "h1", "h2", "h3", "blockquote"):
                p.tail = "\n\n" + (p.tail or "")
            html = tree.text_content()
        except Exception:  # noqa: BLE001 - fragments that lxml rejects are plain text
            html = unescape(re.sub(r"<[^>]+>", " ", html))
    else:
        html = unescape(html)  # an escaped entity in a plain-text summary ("&amp;x") is that character
    return re.sub(r"\n{3,}", "\n\n", normalise_newlines(html)).strip()


def _published(entry) -> str | None:
    t = entry.get("published_parsed") or entry.get("updated_parsed")
    return f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}" if t else None


def read_feed(raw: bytes, source: str) -> Iterator[Document | InputError]:
    import feedparser

    feed = feedparser.parse(raw)
    if not feed.entries:
        reason = f"not a readable RSS/Atom feed ({feed.get('bozo_exception')})" if feed.get("bozo") else "feed has no entries"
        yield InputError(source, reason)
        return
    for n, entry in enumerate(feed.entries, start=1):
        yield entry_document(entry, f"{source}#entry{n}", feed.feed.get("title"))


def stream_feed(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Document | InputError]:
    """`read_feed` for a feed of any size: one entry in memory at a time, the cap per entry."""
    import feedparser

    from .feed_entries import feed_entries

    for item in feed_entries(stream, source, max_bytes):
        if isinstance(item, InputError):
            yield item
            continue
        n, document = item
        feed = feedparser.parse(document)
        where = f"{source}#entry{n}"
        if not feed.entries:
            yield InputError(where, "feed entry is not readable")
            continue
        yield entry_document(feed.entries[0], where, feed.feed.get("title"))


def entry_document(entry, where: str, site: str | None) -> Document | InputError:
    text = _entry_text(entry)
    if not text:
        return InputError(where, "feed entry has no text")
    entry_raw = json.dumps(entry, default=str, sort_keys=True).encode("utf-8")
    return Document(
        id=Document.make_id(entry_raw), source=entry.get("link") or where, text=text, raw=entry_raw,
        url=entry.get("link"), title=entry.get("title"), published=_published(entry),
        author=entry.get("author"), site=site, format="feed",
    )
