"""Text keys the corpus layer compares articles and quotes by.

Three views of an article, all language-agnostic so that one setting serves
every corpus:

- `body_words`: the body without flagged boilerplate and without the title,
  lower-cased words; reprints are compared on these (a swapped headline or an
  added widget should not hide a copy).
- `anchors`: capitalised words and multi-digit numbers folded to a Latin
  consonant skeleton ("Брекзит" and "Brexit" both give `brkst`, "Меркелю" and
  "Merkel" give `mrkl`), the cross-language glue for stories and quotes.
- `date_day`: a publication date as a day number for the story time window.
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from functools import lru_cache
from typing import Any

import iuliia

_WORD = re.compile(r"\w+", re.UNICODE)
_CAP = re.compile(r"\b[^\W\d_][\w'’-]*", re.UNICODE)
_NUMBER = re.compile(r"\b\d[\d.,]*\d\b")
# Cyrillic letters of Ukrainian and Bulgarian that the Russian scheme leaves alone.
_EXTRA = str.maketrans({"і": "i", "ї": "i", "є": "e", "ґ": "g", "І": "I", "Ї": "I", "Є": "E", "Ґ": "G",
                        "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "ø": "o", "æ": "ae"})
# Spelling differences between transliterations and Latin spellings of one name
# (c and k last: "Америка"/"America", "Окснер"/"Ochsner").
_FOLD = (("sch", "s"), ("shch", "s"), ("kh", "h"), ("zh", "z"), ("sh", "s"), ("ch", "c"), ("ts", "c"),
         ("tz", "c"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("x", "ks"), ("q", "k"), ("w", "v"), ("z", "s"),
         ("j", "i"), ("y", "i"), ("c", "k"))
_VOWELS = set("aeiou")


@lru_cache(maxsize=65536)
def latin(word: str) -> str:
    """A word in lower-case ASCII Latin letters (Cyrillic transliterated, diacritics dropped)."""
    w = word.translate(_EXTRA)
    if any("\u0400" <= ch <= "\u04ff" for ch in w):
        w = iuliia.WIKIPEDIA.translate(w)
    w = unicodedata.normalize("NFKD", w)
    return "".join(ch for ch in w if ch.isascii() and ch.isalnum()).lower()


@lru_cache(maxsize=65536)
def skeleton(word: str, size: int = 4) -> str:
    """Consonant skeleton of a word's Latin form: first letter, then consonants, runs collapsed."""
    w = latin(word)
    if not w:
        return ""
    if w.isdigit():
        return w
    for a, b in _FOLD:
        w = w.replace(a, b)
    out = [w[0]]
    for ch in w[1:]:
        if ch in _VOWELS or ch.isdigit():
            continue
        if ch != out[-1]:
            out.append(ch)
    return "".join(out[:size])


def anchors(text: str) -> list[str]:
    """Anchor keys of a text, in order (repeats kept, so callers can count)."""
    keys = []
    for m in _CAP.finditer(text):
        w = m.group(0)
        if not w[0].isupper() or len(w) < 3:
            continue
        k = skeleton(w)
        if len(k) >= 3:
            keys.append(k)
    for m in _NUMBER.finditer(text):
        n = re.sub(r"\D", "", m.group(0))
        if len(n) >= 2:
            keys.append("#" + n)
    return keys


def body_text(record: dict[str, Any]) -> str:
    """The article text with boilerplate spans blanked out."""
    text = record.get("text") or ""
    spans = sorted((b["start"], b["end"]) for b in record.get("boilerplate") or [])
    if not spans:
        return text
    parts, pos = [], 0
    for s, e in spans:
        if s > pos:
            parts.append(text[pos:s])
        pos = max(pos, e)
    parts.append(text[pos:])
    return "\n".join(parts)


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def shingles(tokens: list[str], size: int = 5) -> set[str]:
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def paragraphs(text: str, limit: int = 30, min_chars: int = 40) -> list[tuple[int, int]]:
    """(start, end) of the text's paragraphs (blank-line or line separated), the first `limit`."""
    out = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s >= min_chars:
            out.append((s, e))
        if len(out) >= limit:
            break
    return out


def date_day(value: str | None) -> int | None:
    """Days since 1970 of an ISO date; None for missing, partial or placeholder (1970-01-01) dates."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        d = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    day = (d - _dt.date(1970, 1, 1)).days
    return day if day > 0 else None

