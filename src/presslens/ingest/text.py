"""Plain text: detect the encoding, normalise line endings, nothing else."""
from __future__ import annotations

import codecs
import re

from ..errors import InputError
from ..model import Document

# Tried in order after the BOM checks and UTF-8; cp1251 and koi8-r are told
# apart by which one yields plausible Russian (see _plausible_russian).
_CYRILLIC_8BIT = ("cp1251", "koi8_r")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _plausible_russian(text: str) -> bool:
    """Real Russian prose decoded with the right 8-bit table is almost all
    Cyrillic letters outside ASCII, mostly lower case; the wrong table (or
    random bytes) gives box-drawing symbols or flipped case."""
    high = [c for c in text if ord(c) > 127]
    if not high:
        return False
    cyr = [c for c in high if "\u0410" <= c <= "\u044f" or c in "ёЁ"]
    return len(cyr) >= 0.9 * len(high) and sum(c.islower() for c in cyr) >= 0.6 * len(cyr)


DECODING_NOTE = "decoding"  # Document.metadata key set when the encoding had to be guessed


def decode(raw: bytes, where: str) -> str:
    return decode_noting(raw, where)[0]


def decode_noting(raw: bytes, where: str) -> tuple[str, str | None]:
    """The text, and a note when the encoding was a guess (not UTF-8, not
    announced by a byte-order mark): the raw bytes stay stored verbatim, so a
    wrong guess can be undone."""
    text, guessed = _decode(raw, where)
    if guessed is None:
        return text, None
    return text, f"not valid UTF-8; encoding guessed as {guessed}"


def _decode(raw: bytes, where: str) -> tuple[str, str | None]:
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", errors="strict"), None
    if raw.startswith(codecs.BOM_UTF16_LE) or raw.startswith(codecs.BOM_UTF16_BE):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError as e:
            raise InputError(where, f"UTF-16 byte-order mark but undecodable: {e.reason}") from None
    if b"\x00" in raw[:4096]:
        # UTF-16 without a BOM: every other byte is NUL for Latin and Cyrillic-heavy text alike
        even, odd = raw[0:4096:2].count(0), raw[1:4096:2].count(0)
        if max(even, odd) > len(raw[:4096]) // 4:
            try:
                return raw.decode("utf-16-be" if even > odd else "utf-16-le"), None
            except UnicodeDecodeError:
                pass
        raise InputError(where, "binary content (NUL bytes), not text")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    for enc in _CYRILLIC_8BIT:
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible_russian(text):
            return text, enc
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
    except Exception:  # noqa: BLE001 - detector failures mean "undecodable"
        best = None
    # a guess that reads as chaos is no decoding at all
    if best is not None and best.encoding and best.chaos < 0.1 and not _looks_binary(str(best)):
        return str(best), best.encoding
    raise InputError(where, "undecodable: not UTF-8, UTF-16, Windows-1251 or KOI8-R text")


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    control = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\n\r\t\f")
    return control > len(text[:20000]) * 0.01


def guess_title(text: str) -> str | None:
    """A short first line set off by a blank line reads as the headline."""
    m = re.match(r"\s*([^\n]{3,200})\n[ \t]*\n", text)
    if m and len(m.group(1).split()) <= 25:
        return m.group(1).strip()
    return None


def document_from_text(text: str, source: str = "<text>", raw: bytes | None = None, **meta) -> Document:
    text = normalise_newlines(text)
    raw = text.encode("utf-8") if raw is None else raw
    meta.setdefault("title", guess_title(text))
    return Document(id=Document.make_id(raw), source=source, text=text, raw=raw, format="txt", **meta)


def read_text(raw: bytes, source: str) -> Document:
    text, note = decode_noting(raw, source)
    if _looks_binary(text):
        raise InputError(source, "binary content, not text")
    if not text.strip():
        raise InputError(source, "empty: no text to analyse")
    return document_from_text(text, source=source, raw=raw, **({"metadata": {DECODING_NOTE: note}} if note else {}))
