"""Who said what: adapts attribution.extract_quotes to the pipeline."""
from __future__ import annotations

from ..attribution.extract import extract_quotes
from ..model import Analysis
from ..registry import stage


@stage("quotes", version="8", requires=("parsed", "entities"), assigns=("quotes",))
def quotes_stage(analysis: Analysis) -> dict:
    try:
        return {"quotes": extract_quotes(analysis)}
    except Exception:  # noqa: BLE001 — a bug here must not take the article down
        return {"quotes": []}
