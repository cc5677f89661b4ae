"""WARC archives: every HTML response record becomes a Document.

Bodies are read through warcio's decoding stream (chunked transfer, HTTP
Content-Encoding) in bounded steps, and all bodies of one archive share one
budget of `max_bytes` produced bytes, so a small archive cannot inflate
into gigabytes. A record cut short (a truncated download) is reported, not
analysed as if whole.
"""
from __future__ import annotations

import io
from typing import Iterator

from ..errors import InputError
from ..model import Document
from .html import html_to_document
from .limits import read_capped

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_DECODED = {"identity", "gzip", "x-gzip", "deflate"}  # what warcio inflates without optional packages


def read_warc(raw: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    budget = max_bytes
    records = ArchiveIterator(io.BytesIO(raw))
    try:
        for number, record in enumerate(records, start=1):
            if record.rec_type != "response" or not record.http_headers:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source} ({url})" if url else f"{source}#record{number}"
            found += 1
            encoding = (record.http_headers.get_header("Content-Encoding") or "identity").strip().lower()
            if encoding not in _DECODED:
                yield InputError(where, f"unsupported HTTP Content-Encoding {encoding!r} (gzip and deflate are read)")
                continue
            try:
                body = read_capped(record.content_stream(), where, budget, " of the archive's decoded bodies")
            except InputError as e:
                yield e
                return  # the budget is spent: later records cannot be read within it
            except Exception as e:  # noqa: BLE001 - e.g. an unsupported or corrupt Content-Encoding
                yield InputError(where, f"undecodable HTTP body (corrupt {encoding} data, {type(e).__name__})")
                continue
            budget -= len(body)
            if _cut_short(record):
                yield InputError(where, "truncated WARC record (the archive ends inside it); not analysed")
                continue
            try:
                yield html_to_document(body, url or f"{source}#record{number}", url=url)
            except InputError as e:
                yield InputError(where, e.reason)
    except ArchiveLoadFailed as e:
        yield InputError(source, f"not a readable WARC file, or truncated inside a record header ({_first_line(e)})")
        return
    end = getattr(records, "offset", len(raw))
    if raw[end:].strip():
        yield InputError(source, f"truncated WARC: {len(raw) - end:,} bytes after byte {end:,} are not a whole record")
    elif not found:
        yield InputError(source, "WARC file has no HTML responses")


def _cut_short(record) -> bool:
    """True when the record's declared Content-Length runs past the end of the archive."""
    stream = record.raw_stream
    try:
        while stream.read(1 << 16):
            pass
    except Exception:  # noqa: BLE001 - a failing read of the rest is a truncation too
        return True
    return getattr(stream, "limit", 0) > 0


def _first_line(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return (text[0] if text else type(e).__name__)[:200]

