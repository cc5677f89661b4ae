"""The one place where "which antecedent" is decided: a linear score over named features.

Weights live in models/coref_ranker/weights.json (MODEL_CARD.md there); the salience model
(pronouns.py) builds the candidates and their features, filters them by hard agreement
(gender, places, parties, offices) and asks `best` for the winner. Changing how antecedents
are chosen means changing a weight or adding a feature here, never a rule at a call site.
"""
from __future__ import annotations

import json
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, TypeVar

WEIGHTS_PATH = Path(__file__).resolve().parents[1] / "models" / "coref_ranker" / "weights.json"
T = TypeVar("T")
# Set by the trainer (train/coref_ranker.py) to a list: every ranking appends
# (kind, {candidate: features}, position, extra); unset (None) at run time, where it costs nothing.
TRACE: ContextVar[list | None] = ContextVar("coref_ranker_trace", default=None)


@lru_cache(maxsize=1)
def weights(path: Path = WEIGHTS_PATH) -> dict[str, dict[str, float]]:
    return json.loads(path.read_text(encoding="utf-8"))


def prominence_weight(name: str) -> float:
    return float(weights()["prominence"][name])


def window(name: str) -> int:
    return int(weights()["windows"][name])


def score(kind: str, features: dict[str, float]) -> float:
    """Sum of weight * value for a `pronoun` or `description` candidate."""
    w = weights()[kind]
    return sum(w[k] * v for k, v in features.items() if v)


def best(kind: str, candidates: Iterable[T], features: Callable[[T], dict[str, float]], pos: int = -1) -> T | None:
    """The highest-scoring candidate, or None when there is none."""
    trace = TRACE.get()
    if trace is not None:
        candidates = list(candidates)
        trace.append({"kind": kind, "pos": pos, "features": {c: features(c) for c in candidates}})
    return max(candidates, key=lambda c: score(kind, features(c)), default=None)
