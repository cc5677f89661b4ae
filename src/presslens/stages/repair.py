"""Text repair: flag web debris (boilerplate) and scraping damage. Never deletes."""
from __future__ import annotations

from ..model import Analysis
from ..pipeline import stage


@stage("repair", version="0", requires=(), assigns=("boilerplate", "damage"))
def repair_stage(analysis: Analysis) -> dict:
    return {"boilerplate": [], "damage": []}
