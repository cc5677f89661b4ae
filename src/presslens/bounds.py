"""How much one analysis may take: the documented limits (README, Limits).

Every stage's cost grows with the text (the spaCy parse and the encoder
about linearly, memory too), so the text one analysis accepts is capped and
a longer one is refused with a named error before any stage runs. Long
paragraphs inside that cap are parsed in pieces of at most nlp.MAX_CHUNK
characters; `bounded_ranges` is that cut, shared by every language's parse.
"""
from __future__ import annotations

from .errors import TextTooLong

# ~10,000 words, past the longest news articles. Peak RSS of the full pipeline
# grows ~6 MB per 1,000 characters (0.8 GB at 100,000 for adversarial shapes:
# 9,000 one-line sentences, 4,300 quotes); this cap keeps one analysis near
# 0.6 GB (benchmarks/RESULTS.md, "Hostile input")
MAX_TEXT_CHARS = 60_000
# Article extraction (trafilatura) slows faster than linearly with the number of
# elements: 20,000 paragraphs take 7.5 s, 110,000 take 156 s. News pages carry a
# few thousand tags; past this many `<` a page is refused before extraction.
MAX_HTML_TAGS = 60_000
ARTICLE_TIMEOUT_S = 300  # one article's analysis; past it the article is recorded as failed


def check_text(text: str, where: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLong(where, f"text of {len(text):,} characters is over the limit of {MAX_TEXT_CHARS:,} "
                                 "for one analysis; split it into articles")


def bounded_ranges(text: str, ranges: list[tuple[int, int]], max_chars: int) -> list[tuple[int, int]]:
    """`ranges` with every range longer than `max_chars` cut into pieces of at
    most that size, at the last space in the second half of each piece when
    there is one (a word is never split unless it is itself that long)."""
    out: list[tuple[int, int]] = []
    for s, e in ranges:
        while e - s > max_chars:
            cut = text.rfind(" ", s + max_chars // 2, s + max_chars)
            cut = cut if cut > s else s + max_chars
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out
