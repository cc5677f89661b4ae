"""WARC archives: every HTML response record becomes a Document.

The archive is read record by record from a file object (warcio's
ArchiveIterator over an open file or a decompressing stream), so memory is
one record's body whatever the archive's size. The size cap applies to each
record's decoded body (chunked transfer and HTTP Content-Encoding undone in
bounded steps): a record past it is refused by its URL without being
inflated further, and the records after it are read. A body read in steps
of the cap can cost time on a hostile archive, never memory. A record cut
short (a truncated download) is reported, not analysed as if whole.
"""
from __future__ import annotations

from typing import BinaryIO, Iterator

from ..errors import InputError
from ..model import Document
from .html import html_to_document
from .limits import gunzip_stream, read_capped
from .streams import ChunkReader, chunked_file

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_DECODED = {"identity", "gzip", "x-gzip", "deflate"}  # what warcio inflates without optional packages


def read_warc(raw: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    """Every HTML response of an archive held in memory (an upload); `stream_warc` reads a file."""
    yield from stream_warc(ChunkReader([raw]), source, max_bytes)


def read_warc_file(path: str, source: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    """Every HTML response of a .warc or .warc.gz file, read record by record."""
    source = source or path
    try:
        fh = open(path, "rb")
    except OSError as e:
        yield InputError(source, e.strerror or str(e))
        return
    with fh:
        chunks = chunked_file(fh)
        if fh.peek(2)[:2] == b"\x1f\x8b":
            chunks = gunzip_stream(chunks, source)
        try:
            yield from stream_warc(ChunkReader(chunks), source, max_bytes)
        except InputError as e:  # a corrupt or cut gzip stream under the records
            yield e


def stream_warc(stream: ChunkReader | BinaryIO, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    """Every HTML response record of an uncompressed WARC stream, the cap per record's body.
    A `ChunkReader` also lets a cut inside the last record's header be reported."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = number = 0
    records = ArchiveIterator(stream)
    try:
        for number, record in enumerate(records, start=1):
            if record.rec_headers.get_header("Content-Length") is None:  # its URL may be cut too
                yield InputError(f"{source}#record{number}", "truncated WARC record header (no Content-Length); not analysed")
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source} ({url})" if url else f"{source}#record{number}"
            html = (record.rec_type == "response" and record.http_headers is not None
                    and "html" in (record.http_headers.get_header("Content-Type") or "").lower())
            found += html
            body = _body(record, where, max_bytes) if html else None
            if _cut_short(record):  # any record: a cut archive is worth knowing about
                yield InputError(where, "truncated WARC record (the archive ends inside it); not analysed")
            elif isinstance(body, InputError):
                yield body
            elif body is not None:
                yield _document(body, where, url or f"{source}#record{number}", url)
    except ArchiveLoadFailed as e:
        yield InputError(source, f"not a readable WARC file, or truncated inside a record header ({_first_line(e)})")
        return
    except (ValueError, AttributeError, IndexError) as e:  # warcio on a header cut mid-line
        yield InputError(source, f"truncated WARC record header after record {number} ({type(e).__name__} in warcio)")
        return
    if isinstance(stream, ChunkReader) and not stream.rest_is_blank(records.offset):
        yield InputError(source, f"truncated WARC: {stream.consumed - records.offset:,} bytes after byte "
                                 f"{records.offset:,} are not a whole record")
    elif not found:
        yield InputError(source, "WARC file has no HTML responses")


def _body(record, where: str, max_bytes: int) -> bytes | InputError:
    """One response's decoded body, or why it cannot be read. The rest of a body past the
    cap is skipped undecoded."""
    encoding = (record.http_headers.get_header("Content-Encoding") or "identity").strip().lower()
    if encoding not in _DECODED:
        return InputError(where, f"unsupported HTTP Content-Encoding {encoding!r} (gzip and deflate are read)")
    try:
        body = read_capped(record.content_stream(), where, max_bytes, " for one record's decoded body")
    except InputError as e:
        return e
    except Exception as e:  # noqa: BLE001 - e.g. an unsupported or corrupt Content-Encoding
        return InputError(where, f"undecodable HTTP body (corrupt {encoding} data, {type(e).__name__})")
    return body


def _document(body: bytes, where: str, name: str, url: str | None) -> Document | InputError:
    try:
        return html_to_document(body, name, url=url)
    except InputError as e:
        return InputError(where, e.reason)


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


__all__ = ["read_warc", "read_warc_file", "stream_warc"]
