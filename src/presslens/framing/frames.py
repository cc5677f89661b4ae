"""The frames decision: calibrated probability per frame, per-frame thresholds, evidence paragraphs.

Two article heads read the text: the embedding head (mean paragraph vector and technique
scores, features.frame_features) and the word head (TF-IDF over a stored vocabulary,
framing/words.py). Each is Platt-calibrated, and their probabilities are averaged with
WORDS_WEIGHT; per-frame thresholds on that average come from out-of-fold predictions on
the training articles (train/article_heads.py). A text up to SHORT_TEXT characters is
judged by the copies calibrated and thresholded on training articles cut short (`*_short`
heads) and gets at least MIN_FRAMES_SHORT frames. Each frame cites its evidence paragraphs and
the words of the text that pushed the word head furthest towards it (CUE_WORDS). Weights: models/framing/<lang>/frames.npz (its heads replace any of the same name
in heads.npz) and frames_words.json; without them the embedding head alone decides.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from .features import frame_features
from .heads import Head, load_heads
from .words import Vocabulary, first_spans

# (frame, calibrated probability, evidence paragraph indices, word cues as (paragraph index, start, end))
FrameChoice = tuple[str, float, list[int], list[tuple[int, int, int]]]

WORDS_WEIGHT = 0.5  # share of the word head in the averaged probability
# up to this many characters of text an article is judged by the heads calibrated and thresholded
# on training articles cut short (train/article_heads.py: SHORT_CHARS)
SHORT_TEXT = 3000
# every article is framed somehow: below this many frames over their thresholds, the next most
# probable ones are added (as unsure when under the unsure line). A short text gets one more:
# short reports are where the heads are least sure and readers still name three to five frames;
# held out by batch/language and on the validation split (eval/frames_shift.py) a floor of 3 for
# short texts left micro-F1 within 0.002 and raised recall, a floor of 4 lowered F1
MIN_FRAMES = 2
MIN_FRAMES_SHORT = 3
EVIDENCE = 2  # paragraphs cited per frame
CUE_WORDS = 3  # the word head's strongest words for a frame, each cited where it first occurs


def mix(p_emb: np.ndarray, p_words: np.ndarray, weight: float = WORDS_WEIGHT) -> np.ndarray:
    return (1 - weight) * p_emb + weight * p_words


@dataclass(frozen=True)
class FramesDecision:
    heads: dict[str, Head]
    vocabulary: Vocabulary | None

    @classmethod
    def load(cls, model_dir: Path, heads: dict[str, Head]) -> "FramesDecision":
        own = model_dir / "frames.npz"
        merged = {**heads, **(load_heads(own) if own.exists() else {})}
        words = model_dir / "frames_words.json"
        vocab = Vocabulary.load(words) if words.exists() and "frames_words" in merged else None
        return cls(merged, vocab)

    def _head(self, name: str, short: bool) -> Head:
        return self.heads[f"{name}_short"] if short and f"{name}_short" in self.heads else self.heads[name]

    def probabilities(self, x: np.ndarray, texts: Sequence[str], short: bool,
                      words: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(probabilities, thresholds) for rows of frame features `x` and their texts (`words`: the
        texts' word vectors, when the caller already has them)."""
        emb = self._head("frames", short)
        p = emb.scores(x)
        if self.vocabulary is not None:
            words = self.vocabulary.vectors(texts) if words is None else words
            p = mix(p, self._head("frames_words", short).scores(words))
        return p, emb.thresholds

    def choose(self, p: np.ndarray, thresholds: np.ndarray, short: bool = False) -> list[int]:
        """Frames over their thresholds, most probable first, topped up to the floor for the length."""
        order = [int(j) for j in np.argsort(-p)]
        chosen = [j for j in order if p[j] >= thresholds[j]]
        floor = MIN_FRAMES_SHORT if short else MIN_FRAMES
        return chosen + [j for j in order if j not in chosen][:max(floor - len(chosen), 0)]

    def decide(self, means: np.ndarray, ptech: np.ndarray, texts: Sequence[str]) -> list[FrameChoice]:
        """The chosen frames of one article's paragraphs, each with its evidence.

        Evidence: the paragraphs that, scored alone by the same heads, look most like the frame,
        and the words of the text that pushed the word head furthest towards it."""
        short = sum(len(t) for t in texts) <= SHORT_TEXT
        joined = "\n".join(texts)
        # the article's word vector, read once for its probabilities and every frame's cue words
        vec = self.vocabulary.vectors([joined]) if self.vocabulary is not None else None
        p, t = self.probabilities(frame_features(means, ptech)[None], [joined], short, vec)
        chosen = self.choose(p[0], t, short)
        if not chosen:
            return []
        per_par, _ = self.probabilities(
            np.stack([frame_features(means[i:i + 1], ptech[i:i + 1]) for i in range(len(texts))]), texts, short)
        labels = self.heads["frames"].labels
        where = [first_spans(t) for t in texts] if vec is not None else None
        out = []
        for j in chosen:
            top = [int(i) for i in np.argsort(-per_par[:, j])[:EVIDENCE]]
            out.append((labels[j], float(p[0, j]), top,
                        self.cue_spans(texts, j, short, top, None if vec is None else vec[0], where)))
        return out

    def cue_spans(self, texts: Sequence[str], j: int, short: bool, first: Sequence[int],
                  vector: np.ndarray | None = None, where: Sequence[dict[str, tuple[int, int]]] | None = None
                  ) -> list[tuple[int, int, int]]:
        """(paragraph index, start, end) of the word head's strongest words for frame `j`: each word
        where it first occurs, looked for in the paragraphs `first` before the rest. `vector` (the
        joined texts' word vector) and `where` (words.first_spans of each text): when the caller
        already has them, as `decide` does once per article for all its frames."""
        if self.vocabulary is None:
            return []
        where = [first_spans(t) for t in texts] if where is None else where
        weights = self._head("frames_words", short).weights[0][:, j]
        order = list(first) + [i for i in range(len(texts)) if i not in first]
        spans = []
        for word in self.vocabulary.cues("\n".join(texts), weights, CUE_WORDS, vector):
            hit = next(((i, *where[i][word]) for i in order if word in where[i]), None)
            if hit is not None:
                spans.append(hit)
        return spans
