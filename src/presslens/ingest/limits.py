"""Size caps enforced on the bytes actually produced, never on what a header claims.

Compressed input is inflated in bounded steps, so a bomb is refused after
at most `max_bytes + 1` bytes of output, and a file of several gzip members
(`cat a.gz b.gz`, a per-record .warc.gz) is read to its last member.
"""
from __future__ import annotations

import zlib
from typing import BinaryIO

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
