"""The cue classifier's weights, read from models/attribution/cue_classifier.json.

The weights are data (see models/attribution/MODEL_CARD.md for what they were trained
on and how to rebuild them); this module only names them for attribution.classifier.
"""
from __future__ import annotations

from ..model_files import load_json

_MODEL = load_json("attribution", "cue_classifier.json")

BIAS: float = _MODEL["bias"]
THRESHOLD: float | None = _MODEL["threshold"]
WEIGHTS: dict[str, float] = _MODEL["weights"]
