"""The `fused` junction scorer's threshold, weights (log-odds) and sentence-opener
lexicon, read from models/repair/fused_junctions.json (see its MODEL_CARD.md)."""
from __future__ import annotations

from ..model_files import load_json

_MODEL = load_json("repair", "fused_junctions.json")

THRESHOLD: float = _MODEL["threshold"]
OPENERS: frozenset[str] = frozenset(_MODEL["openers"])
WEIGHTS: dict[str, float] = _MODEL["weights"]
