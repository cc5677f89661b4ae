"""Events: who did what to whom, when, and how much (see docs/events.md)."""
from __future__ import annotations

from ..events import Context, extract, parse_published
from ..events.arguments import EntityIndex
from ..model import Analysis
from ..registry import stage


@stage("events", version="3", requires=("parsed", "entities"), assigns=("events",))
def events_stage(analysis: Analysis) -> dict:
    parsed = analysis.get("parsed")
    if parsed is None or not getattr(parsed, "chunks", None):
        return {"events": []}
    ctx = Context(
        text=analysis.document.text,
        anchor=parse_published(analysis.document.published),
        index=EntityIndex.build(analysis.get("entities")),
        in_boilerplate=analysis.in_boilerplate,
    )
    return {"events": extract(parsed, ctx)}
