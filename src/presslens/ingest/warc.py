"""WARC archives: every HTML response record becomes a Document."""
from __future__ import annotations

import io
from typing import Iterator

from ..errors import InputError
from ..model import Document
from .html import html_to_document


def read_warc(raw: bytes, source: str) -> Iterator[Document | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    try:
        for record in ArchiveIterator(io.BytesIO(raw)):
            if record.rec_type != "response" or not record.http_headers:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            body = record.content_stream().read()
            found += 1
            try:
                yield html_to_document(body, url or f"{source}#record{found}", url=url)
            except InputError as e:
                yield InputError(f"{source} ({url})", e.reason)
    except ArchiveLoadFailed as e:
        yield InputError(source, f"not a readable WARC file ({e})")
        return
    if not found:
        yield InputError(source, "WARC file has no HTML responses")
