"""Quotation-mark pairing that never fails on real, damaged text.

Glyphs are not trusted: scraped and machine-translated text opens quotes
with ” or closes them with “, mixes straight and curly marks, and runs
quotes over several paragraphs (each paragraph opens, only the last
closes). Whether a mark opens or closes is decided by its neighbours
(space before and a word after = opening), and pairing is a left-to-right
scan inside one paragraph, continuing into the next paragraph only when
that paragraph itself starts with an opening mark.
"""
from __future__ import annotations

from dataclasses import dataclass

DOUBLE = set('"“”„«»‟〝〞＂')
SINGLE = set("‘’‚‛")  # apostrophes look the same; only used when clearly delimiting
_OPEN_BEFORE = set(" \t\n([{—–-:;,/")
_CLOSE_AFTER = set(" \t\n)]}.,;:!?—–-/…")


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # the opening mark
    end: int  # one past the closing mark (or the paragraph end when left open)
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        return (self.start + 1, self.end - 1 if self.closed else self.end)


def _role(text: str, i: int, width: int = 1) -> str | None:
    """'open', 'close', 'either' or None for the mark at i (`width` 2 for '' and ``)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    ch = '"' if width == 2 else text[i]
    opens = before in _OPEN_BEFORE or before in DOUBLE or before in SINGLE
    closes = after in _CLOSE_AFTER or after in DOUBLE or after in SINGLE
    if ch in SINGLE:
        # ’ between letters is an apostrophe (don’t); ’ after s/letter before space is
        # a possessive more often than a closing quote, so single marks need a clear opener
        if before.isalnum() and after.isalnum():
            return None
        if opens and not after.isspace():
            return "open"
        if closes and not before.isspace() and not before.isalnum():
            return "close"  # e.g. ‘word.’ — closing after punctuation
        if closes and before.isalnum() and after in " \n\t.,;:!?" and ch == "’":
            return "close"
        return None
    if opens and not after.isspace():
        return "open"
    if closes and not before.isspace():
        return "close"
    if opens and closes:
        return "either"
    return "close" if before.isalnum() or before in ".,!?" else "open"


def find_quotes(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[QuoteSpan]:
    """Quoted spans in reading order; unbalanced marks are skipped, never raised on."""
    paragraphs = paragraphs or [(0, len(text))]
    out: list[QuoteSpan] = []
    for p_start, p_end in paragraphs:
        start: int | None = None
        found: list[QuoteSpan] = []
        for i, width in _double_marks(text, p_start, p_end):
            role = _role(text, i, width)
            if start is None:
                if role in ("open", "either"):
                    start = i
            elif role in ("close", "either"):
                if i > start + 1:
                    found.append(QuoteSpan(start, i + width))
                start = None
            elif role == "open" and text[start + 1:i].strip():
                start = i  # a second opener: the first was stray
        if start is not None and text[start + 1:p_end].strip():
            # left open: maybe continued by the next paragraph (multi-paragraph quote)
            found.append(QuoteSpan(start, _rstrip(text, start, p_end), closed=False))
        found.extend(_single_quotes(text, p_start, p_end, found))
        out.extend(found)
    return _merge_continued(sorted(out, key=lambda q: q.start), paragraphs, text)


def _double_marks(text: str, start: int, end: int):
    """Positions and widths of double quotation marks, '' and `` (newspaper style) included."""
    i = start
    while i < end:
        ch = text[i]
        if ch in DOUBLE:
            yield i, 1
        elif ch in "'`" and i + 1 < end and text[i + 1] == ch:
            yield i, 2
            i += 1
        i += 1


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _single_quotes(text: str, start: int, end: int, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    opened: int | None = None
    for i in range(start, end):
        if text[i] not in SINGLE or text[i - 1:i + 1] == "''" or text[i:i + 2] == "''":
            continue
        role = _role(text, i)
        if role == "open" and opened is None:
            opened = i
        elif role == "close" and opened is not None and i > opened + 1:
            spans.append(QuoteSpan(opened, i + 1))
            opened = None
    # keep single-quoted spans that do not sit inside a double-quoted one (nested quotes
    # belong to their host) and hold more than one word
    return [s for s in spans if " " in text[s.start:s.end]
            and not any(d.start <= s.start and s.end <= d.end for d in doubles)]


def _merge_continued(spans: list[QuoteSpan], paragraphs: list[tuple[int, int]], text: str) -> list[QuoteSpan]:
    """Join an open-ended span with the span opening the next paragraph."""
    out: list[QuoteSpan] = []
    for s in spans:
        prev = out[-1] if out else None
        if (prev is not None and not prev.closed and s.start >= prev.end
                and _next_para(prev.end, s.start, paragraphs) and not text[prev.end:s.start].strip()):
            out[-1] = QuoteSpan(prev.start, s.end, s.closed)
            continue
        out.append(s)
    return out


def _next_para(end: int, start: int, paragraphs: list[tuple[int, int]]) -> bool:
    for k, (a, b) in enumerate(paragraphs):
        if a <= end - 1 < b or b == end:
            return k + 1 < len(paragraphs) and paragraphs[k + 1][0] <= start < paragraphs[k + 1][1]
    return False
