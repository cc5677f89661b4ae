"""First-name genders mined from PolNeAR train (models/names/first_name_genders.json).

Rebuilt by `python -m presslens.train.attribution_names ../shared/data/polnear/train`;
models/names/MODEL_CARD.md says what the list holds and how it was mined.
"""
from __future__ import annotations

from ..model_files import load_json

FIRST_NAMES: dict[str, str] = load_json("names", "first_name_genders.json")["names"]
