"""JSON Lines: one article per line, with `text` or `html` and optional metadata."""
from __future__ import annotations

import json
from dataclasses import replace
from typing import Iterable, Iterator

from ..errors import InputError
from ..model import Document
from .html import _iso_day, html_to_document
from .limits import capped_lines, over_cap
from .text import normalise_newlines

_META = ("title", "url", "author", "site", "language")


def read_jsonl(raw: bytes, source: str) -> Iterator[Document | InputError]:
    """Yield a Document per good line and an InputError (naming the line) per bad one."""
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        yield InputError(source, f"JSON Lines must be UTF-8 ({e.reason} at byte {e.start})")
        return
    seen_any = False
    for lineno, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        seen_any = True
        yield _from_line(line, f"{source}:{lineno}", line.encode("utf-8"))
    if not seen_any:
        yield InputError(source, "empty: no JSON lines")


def stream_jsonl(chunks: Iterable[bytes], source: str, max_bytes: int) -> Iterator[Document | InputError]:
    """`read_jsonl` for a byte stream of any length: one line in memory at a time, and the
    size cap applies to each line (article), so one oversized line is refused by its
    number and the rest go on."""
    seen_any = False
    for lineno, line in capped_lines(chunks, max_bytes):
        where = f"{source}:{lineno}"
        if line is None:
            seen_any = True
            yield over_cap(where, max_bytes, " for one article")
            continue
        if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        seen_any = True
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as e:
            yield InputError(where, f"JSON Lines must be UTF-8 ({e.reason} at byte {e.start})")
            continue
        yield _from_line(text, where, line)
    if not seen_any:
        yield InputError(source, "empty: no JSON lines")


def record_to_document(record: object, where: str, raw: bytes) -> Document:
    if not isinstance(record, dict):
        raise InputError(where, "a JSON line must be an object with 'text' or 'html'")
    meta = {k: str(record[k]) for k in _META if record.get(k)}
    published = _iso_day(record.get("published") or record.get("date"))
    source = str(record.get("source") or record.get("id") or where)
    extra = {k: v for k, v in record.items() if k not in (*_META, "text", "html", "published", "date", "source")}
    if isinstance(record.get("text"), str) and record["text"].strip():
        return Document(id=Document.make_id(raw), source=source, text=normalise_newlines(record["text"]),
                        raw=raw, format="jsonl", published=published, metadata=extra, **meta)
    if isinstance(record.get("html"), str) and record["html"].strip():
        doc = html_to_document(raw, source, html=record["html"], published=published,
                               **{k: v for k, v in meta.items() if k in ("title", "url", "author", "site")})
        return replace(doc, format="jsonl", metadata={**doc.metadata, **extra})
    raise InputError(where, "no non-empty 'text' or 'html' field")


def _from_line(text: str, where: str, raw: bytes) -> Document | InputError:
    """One JSON line as an article, or the reason it is not one."""
    try:
        return record_to_document(json.loads(text), where, raw)
    except json.JSONDecodeError as e:
        return InputError(where, f"malformed JSON ({e.msg} at column {e.colno})")
    except InputError as e:
        return e
