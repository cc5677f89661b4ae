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


# A byline or source tag is not a headline: "By Jane Doe", "Greg Beacham, The Associated Press",
# "CTV Vancouver", "The Canadian Press", "Staff Reporter".
_NEWSROOM = re.compile(r"\b(press|news|times|post|herald|journal|tribune|gazette|reuters|associated|agence|afp|"
                       r"staff|reporter|correspondent|writer|editor|contributor|columnist|bureau|wire)\b", re.I)
_BYLINE = re.compile(r"^(by|posted|published|updated|written by)\b", re.I)
_ACRONYM = re.compile(r"^[A-Z]{2,5}\d{0,2}$")  # CTV, CBC, AP, CP24
_DATE_OR_TIME = re.compile(r"\b\d{1,2}:\d{2}\b|\b(19|20)\d{2}\b.*\b\d{1,2}\b|\b\d{4}-\d{2}-\d{2}\b")
_ABBREV_END = re.compile(r"\b(?:[A-Z]\.){2,}$|\b(?:Jr|Sr|Inc|Co|Ltd)\.$")
# "WASHINGTON (AP) — ", "TRENTON, N.J. — ", "Dec 29 (Reuters) - ": a dateline opens a lead, never a headline
_DATELINE = re.compile(r"^(?:[A-Z][A-Z.,'’ -]{2,}|[A-Z][a-z]{2,4}\.? \d{1,2},?)\s*(?:\([^)]{1,30}\))?\s*[—–―-]\s")


def is_byline(line: str) -> bool:
    """A line naming who wrote or published the article rather than what it says, or a
    section label ("IN BRIEF", "ABSTRACT")."""
    words = line.split()
    if 0 < len(words) <= 3 and line.isupper():
        return True
    if not words or _BYLINE.match(line) or _DATE_OR_TIME.search(line) and len(words) <= 8:
        return bool(words)
    if "," in line and len(words) <= 8:
        head, _, tail = line.partition(",")
        if _NEWSROOM.search(tail) or _ACRONYM.match(tail.strip()):
            return True  # "Greg Beacham, The Associated Press", "Jane Roe, CBC News"
    if len(words) <= 4 and (_ACRONYM.match(words[0]) or _NEWSROOM.search(line)) and not line.rstrip().endswith("?"):
        # "CTV Vancouver", "The Canadian Press", "Staff": a name of a newsroom, no claim
        return all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    return False


_ABBREVS = {"mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "jr", "sr", "lt", "col", "sgt", "prof",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc",
            "inc", "co", "ltd", "corp", "mt", "ft", "rev", "pres", "gov't"}
_BOUNDARY = re.compile(r"([\w'’]+)(\.)[\"”’']?\s+[\"“‘']?[A-Z]")


def _title_case(line: str) -> bool:
    """ "Bernie Sanders Suffered A Big Blow. Here's His Plan": capitalised like a headline."""
    long = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= 4]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def is_sentence(line: str) -> bool:
    """Headlines do not end in a full stop; a lead sentence does (or holds more than one sentence),
    opens with a dateline or leads into what follows with a colon."""
    line = line.rstrip()
    if _DATELINE.match(line) or line.endswith(":"):
        return True
    if _title_case(line):
        return False
    for m in _BOUNDARY.finditer(line):
        word = m.group(1)
        # "U.S. Court", "Mary J. Blige", "Dr. Ben Carson" are no sentence boundary
        if m.group(2) == "." and (len(word) == 1 or word.casefold() in _ABBREVS):
            continue
        return True
    return line.endswith(".") and not _ABBREV_END.search(line) and not line.endswith("...")


def guess_title(text: str) -> str | None:
    """A short first block set off by a blank line reads as the headline, unless it is a
    byline or source tag (skipped, the headline may follow) or a lead sentence (no title)."""
    rest = text
    for _ in range(3):
        # one line, or a headline continued after a semicolon on a second line ("X;\nY")
        m = re.match(r"\s*([^\n]{2,200}(?:;[ \t]*\n[^\n]{2,200})?)\n[ \t]*\n", rest)
        if not m:
            return None
        line = " ".join(m.group(1).split())
        if is_byline(line):
            rest = rest[m.end():]
            continue
        if len(line) < 3 or len(line.split()) > 25 or is_sentence(line):
            return None
        return line
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
