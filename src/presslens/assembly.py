"""Which stages make the default pipeline, in which order, per language.

The one place that knows the built-in stage list. It sits above both the
registry (where stages/ register themselves) and the loop (pipeline.py), so
neither of those imports the other's users:

    registry  <-  stages/*, pipeline  <-  assembly  <-  presslens, cli, engines

Language routing extends this module, not the loop: a language whose articles
need other stages (a Russian parse, say) gets its own entry in
`STAGES_BY_LANGUAGE`, and `stage_names(language)` / `default_pipeline(language)`
pick it; languages without an entry get `DEFAULT_STAGES`. Each list is checked
for order when its pipeline is built, like any other.
"""
from __future__ import annotations

from .pipeline import Pipeline

DEFAULT_STAGES: tuple[str, ...] = ("repair", "parse", "entities", "quotes", "events", "framing")

# language code (Document.language) -> stage names; empty until a language needs its own list
STAGES_BY_LANGUAGE: dict[str, tuple[str, ...]] = {}

_built: dict[tuple[str, ...], Pipeline] = {}


def stage_names(language: str | None = None) -> tuple[str, ...]:
    return STAGES_BY_LANGUAGE.get(language or "", DEFAULT_STAGES)


def default_pipeline(language: str | None = None) -> Pipeline:
    """The default pipeline for `language`, built once per process (model loads are lazy)."""
    names = stage_names(language)
    if names not in _built:
        _built[names] = Pipeline.from_names(names)
    return _built[names]
