"""Genre, frames and techniques for Russian text, without an encoder.

The shipped sentence encoder reads English only, so the Russian heads read
words: TF-IDF over word stems (a 6-letter prefix, which folds most Russian
case endings: Искаков/Искакова/Искакову share one) and stem bigrams, with
logistic-regression heads fitted on the Russian SemEval-2023 articles
(presslens.train.ru_framing). Everything is numpy at run time; the vocabulary,
idf and weights live in models/framing/ru/word_heads.npz (MODEL_CARD.md beside it; named apart from
the encoder heads' heads.npz so presslens.framing never mistakes it for its own).

- genre: softmax over the whole article (temperature fitted out of fold);
- frames: one calibrated logistic head per frame on the whole article, one
  threshold chosen out of fold for micro-F1; evidence is the two lines that,
  scored alone, look most like the frame;
- techniques: the same kind of head on each line (a SemEval paragraph); a
  technique is reported on the whole line, as the task labels lines.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from ..framing.records import Paragraph, Result
from ..model import Frame, Label, Span, Technique

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "framing" / "ru"
STEM = 6
EVIDENCE = 2
UNSURE = {"genre": 0.6, "frames": 0.5}
_WORD = re.compile(r"\w+", re.U)
_MARKS = {"!": "p:excl", "?": "p:quest", "«": "p:quote", "…": "p:ellipsis", "—": "p:dash"}


def terms(text: str) -> list[str]:
    """The features one text contributes (shared by training and prediction)."""
    stems = [w[:STEM] for w in _WORD.findall(text.lower()) if not w.isdigit()]
    out = ["w:" + s for s in stems]
    out += ["b:" + a + "_" + b for a, b in zip(stems, stems[1:])]
    out += [name for mark, name in _MARKS.items() for _ in range(text.count(mark))]
    return out


# a line of a Russian article is what the English model calls a paragraph (SemEval's unit)
Line = Paragraph


def lines_of(text: str) -> list[Line]:
    """The non-empty lines of `text` with their offsets (a SemEval paragraph is a line)."""
    out, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append(Line(pos, raw.rstrip()))
        pos += len(raw) + 1
    return out


class RussianFraming:
    def __init__(self, path: Path = MODEL_DIR / "word_heads.npz") -> None:
        z = np.load(path, allow_pickle=False)
        self.index = {t: i for i, t in enumerate(z["vocab"].tolist())}
        self.idf = z["idf"]
        self.heads = {name: (z[f"{name}_W"], z[f"{name}_b"], z[f"{name}_labels"].tolist(),
                             float(z[f"{name}_threshold"])) for name in ("genre", "frames", "tech")}

    def vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Sparse TF-IDF (sublinear tf, l2-normalised) as (indices, values)."""
        counts = Counter(self.index[t] for t in terms(text) if t in self.index)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        idx = np.fromiter(counts, dtype=np.int64)
        val = np.array([1.0 + math.log(counts[i]) for i in idx.tolist()]) * self.idf[idx]
        return idx, val / (np.linalg.norm(val) or 1.0)

    def logits(self, head: str, texts: Iterable[str]) -> np.ndarray:
        W, b, _, _ = self.heads[head]
        rows = []
        for t in texts:
            idx, val = self.vector(t)
            rows.append(val @ W[idx] + b)
        return np.array(rows).reshape(-1, W.shape[1])

    def predict(self, lines: Sequence[Line]) -> Result:
        lines = [ln for ln in lines if ln.text.strip()]
        article = "\n".join(ln.text for ln in lines)
        if not any(ch.isalpha() for ch in article):
            return Result(None, [], [])  # punctuation alone would get the heads' bias as a sure label
        g = _softmax(self.logits("genre", [article])[0])
        glabels = self.heads["genre"][2]
        genre = Label(glabels[int(np.argmax(g))], round(float(g.max()), 3), unsure=bool(g.max() < UNSURE["genre"]))

        _, _, flabels, fthr = self.heads["frames"]
        fs = _sigmoid(self.logits("frames", [article])[0])
        chosen = [j for j in np.argsort(-fs) if fs[j] >= fthr]
        per_line = _sigmoid(self.logits("frames", [ln.text for ln in lines])) if chosen else None
        frames = []
        for j in chosen:
            top = np.argsort(-per_line[:, j])[:EVIDENCE]
            ev = tuple(sorted(Span(lines[i].start, lines[i].start + len(lines[i].text)) for i in top))
            frames.append(Frame(flabels[j], round(float(fs[j]), 3), ev, unsure=bool(fs[j] < UNSURE["frames"])))

        _, _, tlabels, tthr = self.heads["tech"]
        ts = _sigmoid(self.logits("tech", [ln.text for ln in lines]))
        techniques = [Technique(tlabels[j], ln.start, ln.start + len(ln.text), round(float(ts[i, j]), 3))
                      for i, ln in enumerate(lines) for j in np.argsort(-ts[i]) if ts[i, j] >= tthr]
        return Result(genre, frames, techniques)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max())
    return e / e.sum()


@lru_cache(maxsize=1)
def default_model() -> RussianFraming:
    return RussianFraming()
