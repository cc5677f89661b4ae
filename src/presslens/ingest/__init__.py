"""Ingest: any supported input -> Documents, one module per format.

`read_inputs` walks paths (files, directories, `-` for stdin), undoes gzip,
picks a reader by extension or by sniffing the bytes, and yields either a
Document or an InputError for each article, so one bad file never stops a
batch.
"""
from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import InputError, one_line
from ..model import Document
from .feeds import read_feed, stream_feed
from .html import read_html
from .jsonl import read_jsonl, stream_jsonl
from .limits import gunzip, gunzip_stream, over_cap
from .streams import ChunkReader
from .text import read_text
from .walk import walk_files
from .warc import read_warc, read_warc_file, stream_warc

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

Reader = Callable[[bytes, str], "Document | Iterable[Document | InputError]"]

READERS: dict[str, Reader] = {"txt": read_text, "html": read_html, "jsonl": read_jsonl, "feed": read_feed, "warc": read_warc}

_BY_SUFFIX = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc",
}


def sniff(raw: bytes) -> str:
    head = raw[:2048].lstrip().lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:].lstrip()
    if head.startswith(b"warc/"):
        return "warc"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<"):
        if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
            return "feed"
        return "html"
    return "txt"


def format_of(name: str, raw: bytes) -> str:
    return _BY_SUFFIX.get(Path(name).suffix.lower()) or sniff(raw)


def read_bytes(path: str, max_bytes: int) -> bytes:
    where = source_name(path)
    if path == "-":
        raw = sys.stdin.buffer.read(max_bytes + 1)
    else:
        try:
            with open(path, "rb") as fh:
                raw = fh.read(max_bytes + 1)
        except OSError as e:
            raise InputError(where, e.strerror or str(e)) from None
    if len(raw) > max_bytes:
        raise over_cap(where, max_bytes)
    return raw


def source_name(path: str) -> str:
    """The name an input is reported and stored under: `<stdin>` for `-`; a file
    name's undecodable bytes and control characters as readable escapes."""
    return "<stdin>" if path == "-" else one_line(path)


def read_one(raw: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES,
             display: str | None = None) -> Iterator[Document | InputError]:
    """Every article in one input's bytes (`source` names the format by its suffix;
    `display`, when given, is the name errors and documents report)."""
    name = source
    source = display or source
    if raw[:2] == b"\x1f\x8b":
        raw = gunzip(raw, source, max_bytes)
        name = source[:-3] if source.endswith(".gz") else source
    if not raw.strip():
        raise InputError(source, "empty: no text to analyse")
    fmt = format_of(name, raw)
    result = read_warc(raw, source, max_bytes=max_bytes) if fmt == "warc" else READERS[fmt](raw, source)
    if isinstance(result, Document):
        yield result
    else:
        yield from result


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Files in argument order; directories recursively, sorted, hidden files skipped, walked
    lazily (walk.py) so a folder of millions of files starts at once in flat memory."""
    for p in paths:
        if p != "-" and os.path.isdir(p):
            yield from walk_files(p)
        else:
            yield p


_CHUNK = 1 << 16


def read_inputs(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    for path in expand(paths):
        yield from read_path(path, source_name(path), max_bytes)


def read_path(path: str, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    """Every article of one file, reported as `source` (a worker given an absolute path
    names it as the user typed it)."""
    try:
        yield from _read_path(path, source, max_bytes)
    except InputError as e:
        yield e
    except Exception as e:  # noqa: BLE001 - a reader bug must not stop the batch
        yield InputError(source, f"unreadable ({type(e).__name__}: {e})")


def _read_path(path: str, source: str, max_bytes: int) -> Iterator[Document | InputError]:
    """One input read as a stream. JSON Lines and WARC (plain or gzip) record by record
    with the cap per record; a feed whole within the cap, else entry by entry with the cap
    per entry; a one-article format (text, HTML) whole, within the cap."""
    try:
        fh = sys.stdin.buffer if path == "-" else open(path, "rb")
    except OSError as e:
        raise InputError(source, e.strerror or str(e)) from None
    try:
        chunks: Iterator[bytes] = iter(lambda: fh.read(_CHUNK), b"")
        first = next(chunks, b"")
        chunks = itertools.chain([first], chunks)
        name, compressed = source, first[:2] == b"\x1f\x8b"
        if compressed:
            chunks = gunzip_stream(chunks, source)
            name = source[:-3] if source.endswith(".gz") else source
        head = bytearray()
        taken = []
        for c in chunks:
            taken.append(c)
            head += c
            if len(head) >= 2048:
                break
        chunks = itertools.chain(taken, chunks)
        fmt = format_of(name, bytes(head[:2048])) if head.strip() else None
        if fmt == "jsonl":
            yield from stream_jsonl(chunks, source, max_bytes)
            return
        if fmt == "warc":
            yield from stream_warc(ChunkReader(chunks), source, max_bytes)
            return
        raw = bytearray()
        for c in chunks:
            raw += c
            if len(raw) > max_bytes:
                if fmt == "feed":  # a feed past one article's cap is many articles: read it entry by entry
                    yield from stream_feed(ChunkReader(itertools.chain([bytes(raw)], chunks)), source, max_bytes)
                    return
                raise over_cap(source, max_bytes, " when decompressed" if compressed else "")
        yield from read_one(bytes(raw), name if compressed else source, max_bytes, display=source)
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


__all__ = ["read_inputs", "read_path", "read_one", "expand", "sniff", "gunzip", "source_name", "DEFAULT_MAX_BYTES",
           "read_warc_file", "stream_warc", "stream_feed", "walk_files"]
