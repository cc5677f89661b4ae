"""Cue word forms mined from PolNeAR train (models/cue_forms/cue_forms.json, MODEL_CARD.md there).

form -> (n, n_cue, n_with_complement, n_cue_with_complement), loaded once per process.
"""
from __future__ import annotations

import json
from pathlib import Path

CUE_FORMS_PATH = Path(__file__).resolve().parents[1] / "models" / "cue_forms" / "cue_forms.json"


def _load(path: Path = CUE_FORMS_PATH) -> dict[str, tuple[int, int, int, int]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {form: tuple(counts) for form, counts in data["forms"].items()}


CUES: dict[str, tuple[int, int, int, int]] = _load()
