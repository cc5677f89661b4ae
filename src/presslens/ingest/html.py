"""HTML: trafilatura extracts the article text and metadata; the raw page is kept."""
from __future__ import annotations

from ..bounds import MAX_HTML_TAGS
from ..errors import InputError
from ..model import Document
from .text import DECODING_NOTE, decode_noting, normalise_newlines


def extract(html: str) -> dict:
    """Text and metadata of one page, or an empty text when no article is found."""
    import trafilatura

    found = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    if found is None:
        return {"text": ""}
    return found.as_dict() if hasattr(found, "as_dict") else dict(found)


def html_to_document(raw: bytes, source: str, url: str | None = None, html: str | None = None,
                     **overrides) -> Document:
    note = None
    if html is None:
        html, note = decode_noting(raw, source)
    tags = html.count("<")
    if tags > MAX_HTML_TAGS:
        raise InputError(source, f"HTML page with {tags:,} tags is over the limit of {MAX_HTML_TAGS:,} for extraction")
    meta = extract(html)
    text = normalise_newlines(meta.get("text") or "")
    if not text.strip():
        raise InputError(source, "HTML page with no extractable article text")
    fields = {
        "url": url or meta.get("url"),
        "title": meta.get("title"),
        "published": _iso_day(meta.get("date")),
        "author": meta.get("author"),
        "site": meta.get("sitename") or meta.get("hostname"),
    }
    fields.update({k: v for k, v in overrides.items() if v is not None})
    extra = {k: meta[k] for k in ("description", "categories", "tags") if meta.get(k)}
    if note:
        extra[DECODING_NOTE] = note
    return Document(id=Document.make_id(raw), source=source, text=text, raw=raw, format="html",
                    metadata=extra, **fields)


def _iso_day(value: object) -> str | None:
    s = str(value or "")[:10]
    return s if len(s) == 10 and s[4] == "-" and s[7] == "-" and s.replace("-", "").isdigit() else None


def read_html(raw: bytes, source: str) -> Document:
    return html_to_document(raw, source)
