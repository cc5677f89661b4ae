"""RSS and Atom feeds: one Document per entry, HTML content extracted like a page."""
from __future__ import annotations

import json
import re
from html import unescape
from typing import Iterator

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
        where = f"{source}#entry{n}"
        text = _entry_text(entry)
        if not text:
            yield InputError(where, "feed entry has no text")
            continue
        entry_raw = json.dumps(entry, default=str, sort_keys=True).encode("utf-8")
        yield Document(
            id=Document.make_id(entry_raw), source=entry.get("link") or where, text=text, raw=entry_raw,
            url=entry.get("link"), title=entry.get("title"), published=_published(entry),
            author=entry.get("author"), site=feed.feed.get("title"), format="feed",
        )
