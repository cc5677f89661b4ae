"""Where shipped model data lives (src/presslens/models/<part>/) and how it is read.

Weights, lexicons and name lists are data files with a MODEL_CARD.md beside them,
never generated Python: a reader sees the code that uses a model, a diff of a
retrained model is a diff of data, and each file is parsed once per process.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

MODELS_DIR = Path(__file__).resolve().parent / "models"


def model_path(part: str, name: str) -> Path:
    return MODELS_DIR / part / name


@lru_cache(maxsize=None)
def load_json(part: str, name: str) -> Any:
    """The parsed JSON file models/<part>/<name>, read once per process."""
    path = model_path(part, name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: model file missing (see {path.parent / 'MODEL_CARD.md'})") from None


def write_json(part: str, name: str, data: Any, out: Path | None = None) -> Path:
    """Write a model file the way load_json reads it: UTF-8, sorted keys, one entry per line."""
    path = out or model_path(part, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path
