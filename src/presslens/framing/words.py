"""Bag-of-words input for the frames word head: sublinear TF-IDF over a stored vocabulary.

Frames are largely about what an article talks about (courts, borders, prices, votes),
which single words name better than a mean sentence embedding does; the word head's
probabilities are averaged with the embedding head's (framing.predict). The vocabulary
and document frequencies are data (models/framing/<lang>/frames_words.json), written by
train/article_heads.py from the training articles, and the same `vectors` function
builds the input at training and at inference, so the two cannot drift.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

_TOKEN = re.compile(r"\b\w\w+\b")


def tokens(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text.lower()) if not t.isdigit()]


def occurrences(text: str, word: str) -> list[tuple[int, int]]:
    """Character spans of `word` in `text`, as `tokens` reads it (case-insensitive, whole tokens)."""
    return [m.span() for m in _TOKEN.finditer(text) if m.group().lower() == word]


def first_spans(text: str) -> dict[str, tuple[int, int]]:
    """word -> its first span in `text` (`occurrences(text, word)[0]` for every word at once)."""
    out: dict[str, tuple[int, int]] = {}
    for m in _TOKEN.finditer(text):
        out.setdefault(m.group().lower(), m.span())
    return out


@dataclass(frozen=True)
class Vocabulary:
    words: tuple[str, ...]
    idf: np.ndarray

    @classmethod
    def build(cls, docs: Iterable[str], stop: frozenset[str] = frozenset(), min_df: int = 3,
              max_df: float = 0.7) -> "Vocabulary":
        """Words in at least `min_df` documents and at most `max_df` of them, stop words left out;
        idf = ln((1 + n) / (1 + df)) + 1."""
        df: Counter[str] = Counter()
        n = 0
        for d in docs:
            df.update(set(tokens(d)))
            n += 1
        words = sorted(w for w, k in df.items() if k >= min_df and k <= max_df * n and w not in stop)
        idf = np.array([math.log((1 + n) / (1 + df[w])) + 1 for w in words], np.float32)
        return cls(tuple(words), idf)

    @cached_property
    def index(self) -> dict[str, int]:
        """word -> column; built once per vocabulary (rebuilding it cost more than the transform)."""
        return {w: i for i, w in enumerate(self.words)}

    def vectors(self, docs: Sequence[str]) -> np.ndarray:
        """One L2-normalised row per document: (1 + log tf) x idf over the vocabulary."""
        index = self.index
        out = np.zeros((len(docs), len(self.words)), np.float32)
        for r, d in enumerate(docs):
            for w, k in Counter(t for t in tokens(d) if t in index).items():
                out[r, index[w]] = (1 + math.log(k)) * self.idf[index[w]]
            norm = float(np.linalg.norm(out[r]))
            if norm > 0:
                out[r] /= norm
        return out

    def cues(self, text: str, weights: np.ndarray, k: int, vector: np.ndarray | None = None) -> list[str]:
        """The `k` words of `text` that push a linear head with `weights` (one per vocabulary word)
        furthest up: the word head's reasons, strongest first. `vector`: the text's row of `vectors`,
        when the caller already has it (one article asks for several frames)."""
        vector = self.vectors([text])[0] if vector is None else vector
        present = np.flatnonzero(vector)  # only the text's own words can push; sorting them is enough
        push = vector[present] * weights[present]
        return [self.words[present[i]] for i in np.argsort(-push, kind="stable")[:k] if push[i] > 0]

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({"words": list(self.words), "idf": [round(float(v), 5) for v in self.idf]},
                                   ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "Vocabulary":
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(tuple(data["words"]), np.asarray(data["idf"], np.float32))
