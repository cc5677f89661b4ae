"""Who said what: direct, mixed and reported speech with resolved speakers."""
from __future__ import annotations

from ..model import Analysis
from ..pipeline import stage


@stage("quotes", version="0", requires=("parsed", "entities"), assigns=("quotes",))
def quotes_stage(analysis: Analysis) -> dict:
    return {"quotes": []}
