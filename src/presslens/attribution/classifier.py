"""The learned cue classifier: logistic regression over candidate_features.

Weights are trained on PolNeAR train by presslens.train.attribution_cues and
shipped as data (models/attribution/cue_classifier.json, read by cue_model.py).
Inference is a dictionary sum,
far cheaper than the parse it reads.
"""
from __future__ import annotations

import math

try:
    from .cue_model import BIAS, THRESHOLD, WEIGHTS
except ImportError:  # no trained model shipped: every candidate passes to the rule thresholds
    BIAS, THRESHOLD, WEIGHTS = 0.0, None, {}


def probability(features: tuple[str, ...]) -> float:
    z = BIAS + sum(WEIGHTS.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def available() -> bool:
    return THRESHOLD is not None
