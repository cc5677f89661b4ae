"""Feature vectors for the heads, shared by training and inference so they cannot drift."""
from __future__ import annotations

import math
import re
from typing import Sequence

import numpy as np

_FIRST = re.compile(r"\b(?:I|me|my|we|us|our)\b")
_SECOND = re.compile(r"\byou(?:r)?\b", re.I)
_SAID = re.compile(r"\b(?:said|says|told|according to|stated|announced|reported)\b", re.I)
_QUOTE = re.compile(r"[\"“”«»]")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")

N_STYLE = 9


def paragraph_features(mean: np.ndarray, maxpool: np.ndarray) -> np.ndarray:
    """Paragraph input: mean-pooled (normalised) and max-pooled token vectors side by side."""
    return np.concatenate([np.asarray(mean, np.float32), np.asarray(maxpool, np.float32)], axis=-1)


def style(texts: Sequence[str]) -> np.ndarray:
    """Reporting vs opinion vs satire cues that embeddings average away."""
    n = max(len(texts), 1)
    joined = "\n".join(texts)
    n_words = max(len(_WORD.findall(joined)), 1)
    return np.array([
        math.log1p(len(texts)),
        math.log1p(len(joined) / n),
        sum(1 for t in texts if _QUOTE.search(t)) / n,
        joined.count("?") / n,
        joined.count("!") / n,
        len(_FIRST.findall(joined)) / n_words * 100,
        len(_SECOND.findall(joined)) / n_words * 100,
        len(_SAID.findall(joined)) / n,
        len(_DIGIT.findall(joined)) / max(len(joined), 1) * 100,
    ], dtype=np.float32)


def _mean_embedding(means: np.ndarray) -> np.ndarray:
    m = means.mean(axis=0)
    return m / max(float(np.linalg.norm(m)), 1e-9)


def frame_features(means: np.ndarray, tech_scores: np.ndarray) -> np.ndarray:
    """Article input for frames: mean paragraph embedding, mean and max technique scores.

    (Style cues such as paragraph counts hurt frames on validation: they say more
    about the source's layout than about the frame.)"""
    n_t = tech_scores.shape[1] if tech_scores.ndim == 2 else 0
    if len(means) == 0:
        return np.zeros(means.shape[-1] + 2 * n_t, np.float32)
    return np.concatenate([_mean_embedding(means), tech_scores.mean(axis=0), tech_scores.max(axis=0)]).astype(np.float32)


def genre_features(means: np.ndarray, texts: Sequence[str]) -> np.ndarray:
    """Article input for genre: mean paragraph embedding and style cues."""
    if len(means) == 0:
        return np.zeros(means.shape[-1] + N_STYLE, np.float32)
    return np.concatenate([_mean_embedding(means), style(texts)]).astype(np.float32)
