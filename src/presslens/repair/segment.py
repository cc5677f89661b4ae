"""Cheap text segmentation for the repair stage: lines, paragraphs and
sentence-like pieces as (start, end) offsets. Linear regex scans only: the
repair stage runs before spaCy and must stay a small share of the pipeline.
"""
from __future__ import annotations

import re

_LINE = re.compile(r"[^\n]+")
# A sentence ends at . ! ? or … (optionally followed by closing quotes or
# brackets) and then whitespace. Abbreviations are rejoined afterwards.
_SENT_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_ABBREV = frozenset(
    "mr mrs ms dr prof st jr sr gen gov sen rep col lt sgt capt cmdr adm maj gen rev hon pres "
    "inc ltd co corp no nos vs etc e.g i.e al approx fig jan feb mar apr jun jul aug sep sept oct nov dec "
    "u.s u.k u.n a.m p.m mt ft est dept univ assn bros ave blvd rd "
    "г гг т тыс млн млрд руб ул им др пр проф акад".split()
)


def line_spans(text: str) -> list[tuple[int, int]]:
    """Every non-blank line, leading and trailing whitespace excluded."""
    out = []
    for m in _LINE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs: runs of non-blank lines separated by blank lines. Extracted
    HTML puts one paragraph per line, plain text separates them by blank lines;
    a single newline after sentence punctuation also ends a paragraph."""
    out: list[tuple[int, int]] = []
    lines = line_spans(text)
    cur: tuple[int, int] | None = None
    for s, e in lines:
        if cur is not None:
            gap = text[cur[1]:s]
            prev_end = text[cur[1] - 1]
            if gap.count("\n") >= 2 or prev_end in ".!?…:;\"”»)]" or (cur[1] - cur[0]) < 60:
                out.append(cur)
                cur = None
        cur = (s, e) if cur is None else (cur[0], e)
    if cur is not None:
        out.append(cur)
    return out


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence-like pieces of text[start:end] (no parser: a punctuation split
    that rejoins after known abbreviations and initials)."""
    out = []
    s = start
    for m in _SENT_END.finditer(text, start, end):
        e = m.end()
        if m.group()[0] == "." and len(m.group()) == 1:
            # only the word before the period: a window, not the whole growing sentence (quadratic)
            w = re.search(r"([\w.]+)$", text[max(s, m.start() - 64):m.start()])
            word = w.group(1).lower() if w else ""
            if word in _ABBREV or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"(\w\.)+\w", word):
                continue
        out.append((s, e))
        s = e
        while s < end and text[s].isspace():
            s += 1
    if s < end and text[s:end].strip():
        out.append((s, end))
    return out


def word_count(s: str) -> int:
    return len(re.findall(r"\w+", s))
