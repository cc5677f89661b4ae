"""Genre, frames and persuasion techniques (SemEval-2023 Task 3 labels)."""
from __future__ import annotations

from ..model import Analysis
from ..pipeline import stage


@stage("framing", version="0", requires=("parsed",), assigns=("genre", "frames", "techniques"))
def framing_stage(analysis: Analysis) -> dict:
    return {"genre": None, "frames": [], "techniques": []}
