"""Size caps enforced on the bytes actually produced, never on what a header claims.

Compressed input is inflated in bounded steps, so a bomb is refused after
at most `max_bytes + 1` bytes of output, and a file of several gzip members
(`cat a.gz b.gz`, a per-record .warc.gz) is read to its last member.
"""
from __future__ import annotations

import zlib
from typing import BinaryIO, Iterable, Iterator

from ..errors import InputError

_STEP = 1 << 20  # bytes of output per inflate call: memory stays flat whatever the ratio


def over_cap(where: str, max_bytes: int, what: str = "") -> InputError:
    return InputError(where, f"over the size cap{what} ({max_bytes:,} bytes; see --max-bytes)")


def gunzip(raw: bytes, where: str, max_bytes: int) -> bytes:
    """Every gzip member of `raw`, concatenated, refused past `max_bytes` of output."""
    out = bytearray()
    data = raw
    try:
        while True:
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            buf = data
            while buf and not d.eof:
                out += d.decompress(buf, min(_STEP, max_bytes + 1 - len(out)))
                if len(out) > max_bytes:
                    raise over_cap(where, max_bytes, " when decompressed")
                buf = d.unconsumed_tail
            if not d.eof:
                raise InputError(where, "truncated gzip stream")
            rest = d.unused_data
            if not rest.strip(b"\x00"):  # tape-style zero padding after the last member
                return bytes(out)
            if rest[:2] != b"\x1f\x8b":
                raise InputError(where, "data after the end of the gzip stream is not another gzip member")
            data = rest
    except zlib.error as e:
        raise InputError(where, f"corrupt gzip data ({e})") from None


def read_capped(stream: BinaryIO, where: str, max_bytes: int, what: str = "") -> bytes:
    """At most `max_bytes` from a (possibly decoding) stream, else the named cap error."""
    out = bytearray()
    while True:
        chunk = stream.read(min(_STEP, max_bytes + 1 - len(out)))
        if not chunk:
            return bytes(out)
        out += chunk
        if len(out) > max_bytes:
            raise over_cap(where, max_bytes, what)


_MAGIC = b"\x1f\x8b"


def gunzip_stream(chunks: Iterable[bytes], where: str) -> Iterator[bytes]:
    """`gunzip` for a stream: every member's output in steps of at most _STEP bytes, so a
    huge or bomb-like input costs time, never memory; the reader caps each article."""
    d: "zlib._Decompress | None" = zlib.decompressobj(16 + zlib.MAX_WBITS)
    between = b""  # bytes after a finished member: zero padding, or the start of the next one
    padded = False
    try:
        for chunk in chunks:
            data = chunk
            while data:
                if d is None:
                    between += data
                    data = b""
                    if padded and between.strip(b"\x00"):
                        raise InputError(where, "data after the end of the gzip stream is not another gzip member")
                    if not between.strip(b"\x00"):
                        padded = padded or bool(between)
                        between = b""
                        continue
                    if len(between) < 2:
                        continue
                    if between[:2] != _MAGIC:
                        raise InputError(where, "data after the end of the gzip stream is not another gzip member")
                    d, data, between = zlib.decompressobj(16 + zlib.MAX_WBITS), between, b""
                buf = data
                data = b""
                while buf and not d.eof:
                    out = d.decompress(buf, _STEP)
                    if out:
                        yield out
                    buf = d.unconsumed_tail
                if d.eof:
                    data = d.unused_data
                    d = None
        if d is not None and not d.eof:
            raise InputError(where, "truncated gzip stream")
    except zlib.error as e:
        raise InputError(where, f"corrupt gzip data ({e})") from None


def capped_lines(chunks: Iterable[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) for each `\\n`-ended line of a byte stream, the `\\r` of CRLF
    dropped; a line past `max_bytes` comes as (number, None) and is skipped without ever
    being held whole, so memory stays under about two caps whatever the stream's size."""
    lineno = 1
    part = bytearray()
    skipping = False
    for chunk in chunks:
        start = 0
        while True:
            nl = chunk.find(b"\n", start)
            piece = chunk[start:] if nl < 0 else chunk[start:nl]
            if not skipping:
                part += piece
                if len(part) > max_bytes + 1:  # +1: the CR of a CRLF line at exactly the cap
                    skipping = True
                    part.clear()
            if nl < 0:
                break
            yield lineno, None if skipping else _within(part, max_bytes)
            lineno += 1
            part.clear()
            skipping = False
            start = nl + 1
    if skipping:
        yield lineno, None
    elif part:
        yield lineno, _within(part, max_bytes)


def _within(part: bytearray, max_bytes: int) -> bytes | None:
    line = bytes(part[:-1] if part.endswith(b"\r") else part)
    return line if len(line) <= max_bytes else None
