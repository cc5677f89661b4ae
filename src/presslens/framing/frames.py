"""The frames decision: calibrated probability per frame, the set of frames to name, evidence.

Two article heads read the text: the embedding head (mean paragraph vector and technique
scores, features.frame_features) and the word head (TF-IDF over a stored vocabulary,
framing/words.py). Each is Platt-calibrated per frame, and their probabilities are averaged
with WORDS_WEIGHT. A text up to SHORT_TEXT characters is judged by the copies calibrated on
training articles cut short (`*_short` heads), so a short report's probabilities mean what
they say. The decision (`choose`) names the frames whose set has the highest expected F1
under those probabilities: how many frames an article gets follows from how sure the heads
are, not from a fixed count or per-frame thresholds (both lost to it held out by ID batch,
eval/frames_shift.py). Each frame cites its evidence paragraphs and the words of the text
that pushed the word head furthest towards it (CUE_WORDS). Weights: models/framing/<lang>/
frames.npz (its heads replace any of the same name in heads.npz) and frames_words.json;
without them the embedding head alone decides.
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
# every article is framed somehow: an article the heads are unsure of still gets its most probable
# frames (as unsure when under the unsure line)
MIN_FRAMES = 2
# and never more than this: readers name three to five frames; a head unsure of many frames at once
# (a text unlike the training articles) would otherwise spread over most of them. Held out by ID batch
# the cap is F1-neutral (eval/frames_shift.py)
MAX_FRAMES = 6
# nor, beyond the floor, a frame under this probability: for nearly even low probabilities the expected
# F1 keeps rising with every label added, which would name frames nothing points to. It changed no
# decision held out by ID batch or on the validation split (eval/frames_shift.py)
MIN_PROBABILITY = 0.1
EVIDENCE = 2  # paragraphs cited per frame
CUE_WORDS = 3  # the word head's strongest words for a frame, each cited where it first occurs


def mix(p_emb: np.ndarray, p_words: np.ndarray, weight: float = WORDS_WEIGHT) -> np.ndarray:
    return (1 - weight) * p_emb + weight * p_words


def expected_f1_set(p: np.ndarray) -> list[int]:
    """The labels, most probable first, whose set maximises the expected F1 of one article's labels
    when label j is true with probability p[j] (independently): the top k for the k maximising
    2 * (sum of the top k p) / (k + sum of all p), the plug-in estimate of expected F1 (its
    numerator is the expected true positives, its denominator predicted plus expected true
    labels). Sure heads name few frames, unsure ones spread over more, as readers do."""
    order = np.argsort(-p, kind="stable")
    gain = 2 * np.cumsum(p[order]) / (np.arange(1, len(p) + 1) + float(p.sum()))
    return [int(j) for j in order[:int(np.argmax(gain)) + 1]]


def choose(p: np.ndarray) -> list[int]:
    """The frames to name for one article's calibrated probabilities `p` (a short text's come from the
    heads calibrated on short texts), most probable first: the `expected_f1_set` frames of at least
    MIN_PROBABILITY, topped up to MIN_FRAMES and cut at MAX_FRAMES."""
    order = [int(j) for j in np.argsort(-p, kind="stable")]
    k = sum(1 for j in expected_f1_set(p) if p[j] >= MIN_PROBABILITY)
    return order[:min(max(k, MIN_FRAMES), MAX_FRAMES)]


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

    def choose(self, p: np.ndarray) -> list[int]:
        return choose(p)

    def decide(self, means: np.ndarray, ptech: np.ndarray, texts: Sequence[str]) -> list[FrameChoice]:
        """The chosen frames of one article's paragraphs, each with its evidence.

        Evidence: the paragraphs that, scored alone by the same heads, look most like the frame,
        and the words of the text that pushed the word head furthest towards it."""
        short = sum(len(t) for t in texts) <= SHORT_TEXT
        joined = "\n".join(texts)
        # the article's word vector, read once for its probabilities and every frame's cue words
        vec = self.vocabulary.vectors([joined]) if self.vocabulary is not None else None
        p, _ = self.probabilities(frame_features(means, ptech)[None], [joined], short, vec)
        chosen = self.choose(p[0])
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
