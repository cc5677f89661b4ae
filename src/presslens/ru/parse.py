"""The shared Russian parse: razdel sentences and tokens, slovnet morphology,
syntax and NER, loaded once per process from the model files natasha ships.

`import natasha` works on Python 3.11 (its pymorphy2 import is lazy), but
natasha's MorphVocab needs pymorphy2, which imports pkg_resources; lemmas
therefore come from pymorphy3 (morph.py), and natasha is used only for its
shipped models and the Doc that runs them. Boilerplate is blanked to spaces
first (same length), so every offset is an offset into the article text.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from ..nlp import blank

MODELS = "natasha-1.6.0:slovnet_news_v1+navec_news_v1"


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    pos: str
    feats: dict
    index: int  # position in its sentence
    head: int  # index of the head in the same sentence, -1 for the root
    rel: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    tokens: tuple[Token, ...]

    def children(self, tok: Token, rels: Iterable[str] | None = None) -> list[Token]:
        wanted = set(rels) if rels is not None else None
        return [t for t in self.tokens if t.head == tok.index and (wanted is None or t.rel in wanted)]

    def subtree(self, tok: Token) -> list[Token]:
        seen, todo = {tok.index}, [tok]
        while todo:  # slovnet's heads can form a cycle: visit each token once
            for kid in self.children(todo.pop()):
                if kid.index not in seen:
                    seen.add(kid.index)
                    todo.append(kid)
        return sorted((self.tokens[i] for i in seen), key=lambda t: t.start)


@dataclass
class RuParsed:
    text: str
    sentences: list[Sentence]
    ner: list[tuple[int, int, str]]  # (start, end, PER|ORG|LOC)
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.sentences]

    def sentence_at(self, pos: int) -> Sentence | None:
        k = bisect_right(self._starts, pos) - 1
        if k >= 0 and pos < self.sentences[k].end:
            return self.sentences[k]
        return None

    def sentence_spans(self) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in self.sentences]

    def tokens(self) -> Iterable[Token]:
        for s in self.sentences:
            yield from s.tokens

    def tokens_in(self, start: int, end: int) -> list[Token]:
        out = []
        k = max(0, bisect_right(self._starts, start) - 1)
        for s in self.sentences[k:]:
            if s.start >= end:
                break
            starts = [t.start for t in s.tokens]
            out += s.tokens[bisect_left(starts, start):bisect_left(starts, end)]
        return out


def _line_segmenter():
    """natasha's Segmenter, except that a line break always ends a sentence: razdel
    runs a headline without a full stop into the first body sentence, and slovnet
    then parses the two as one clause."""
    from natasha import Segmenter
    from natasha.segment import Sent

    class LineSegmenter(Segmenter):
        def sentenize(self, text):
            for line in re.finditer(r"[^\n]+", text or ""):
                if not line.group().strip():
                    continue
                for sent in Segmenter.sentenize(self, line.group()):
                    yield Sent(sent.start + line.start(), sent.stop + line.start(), sent.text)

    return LineSegmenter()


@lru_cache(maxsize=1)
def load_models():
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser

    emb = NewsEmbedding()
    return _line_segmenter(), NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)


def _feats(raw) -> dict:
    return dict(raw) if raw else {}


def _ner(tagger, doc) -> list[tuple[int, int, str]]:
    """slovnet NER over the words the Doc already holds: natasha's tag_ner hands NER the
    raw text, which it splits into the same razdel words a second time (a quarter of NER's time)."""
    from slovnet.bio import bio_spans

    if not doc.tokens:
        return []
    infer = tagger.infer
    tags = next(iter(infer.decoder(infer.process(infer.encoder([[t.text for t in doc.tokens]])))))
    return [(s.start, s.stop, s.type) for s in bio_spans(doc.tokens, tags)]


def parse_ru(text: str, boilerplate: Iterable[tuple[int, int]] = (), ner: bool = True) -> RuParsed:
    from natasha import Doc

    segmenter, morph, syntax, tagger = load_models()
    doc = Doc(blank(text, boilerplate))
    doc.segment(segmenter)
    doc.tag_morph(morph)
    doc.parse_syntax(syntax)
    spans = _ner(tagger, doc) if ner else []
    sentences = []
    for sent in doc.sents:
        ids = {t.id: i for i, t in enumerate(sent.tokens)}
        toks = tuple(
            Token(t.start, t.stop, t.text, t.pos or "X", _feats(t.feats), i, ids.get(t.head_id, -1), t.rel or "")
            for i, t in enumerate(sent.tokens)
        )
        sentences.append(Sentence(sent.start, sent.stop, toks))
    return RuParsed(text=text, sentences=sentences, ner=spans)
