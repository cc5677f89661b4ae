"""Raw input as the store keeps it: zstd-compressed, with its codec named beside it.

HTML is most of a store's bytes (72% before this), and compresses to about a
fifth at level 9 in ~3 ms a page. The codec column says how a row was written, so
rows stored uncompressed before (codec NULL) read unchanged. The document id stays
the sha256 of the bytes as read, so the store is content-addressed whatever the codec.

An analysis's JSON (which repeats the article's text) is kept the same way: a BLOB
is zstd-compressed JSON, TEXT is JSON as stored before, so no column is needed.
"""
from __future__ import annotations

import json
from typing import Any

import zstandard

ZSTD = "zstd"
_LEVEL = 9


def pack(raw: bytes) -> tuple[bytes, str | None]:
    """(bytes to store, codec); input that does not shrink is kept as read."""
    packed = zstandard.ZstdCompressor(level=_LEVEL).compress(raw)
    return (packed, ZSTD) if len(packed) < len(raw) else (raw, None)


def unpack(stored: bytes, codec: str | None) -> bytes:
    if codec is None:
        return stored
    if codec == ZSTD:
        return zstandard.ZstdDecompressor().decompress(stored)
    raise ValueError(f"unknown raw codec {codec!r}")


def pack_json(result: dict[str, Any]) -> bytes:
    return zstandard.ZstdCompressor(level=_LEVEL).compress(json.dumps(result, ensure_ascii=False).encode("utf-8"))


def unpack_json(stored: str | bytes) -> dict[str, Any]:
    if isinstance(stored, bytes):
        stored = zstandard.ZstdDecompressor().decompress(stored)
    return json.loads(stored)
