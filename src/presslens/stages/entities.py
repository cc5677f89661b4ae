"""Entities resolved within the article: adapts coref.resolve_entities to the pipeline.

Besides `entities` the stage leaves a scratch `coref` map (mention span -> entity id) for
every resolved pronoun and description, which the quotes stage reads.
"""
from __future__ import annotations

from ..coref.resolve import fallback_entities, resolve_entities
from ..model import Analysis
from ..registry import stage


@stage("entities", version="11", requires=("parsed",), assigns=("entities", "coref"))
def entities_stage(analysis: Analysis) -> dict:
    try:
        entities, coref = resolve_entities(analysis)
    except Exception:  # noqa: BLE001 — never crash the pipeline; fall back to bare NER groups
        entities, coref = fallback_entities(analysis)
    return {"entities": entities, "coref": coref}
