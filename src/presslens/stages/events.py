"""Events: who did what to whom, when, and how much."""
from __future__ import annotations

from ..model import Analysis
from ..pipeline import stage


@stage("events", version="0", requires=("parsed", "entities"), assigns=("events",))
def events_stage(analysis: Analysis) -> dict:
    return {"events": []}
