"""presslens: evidence-linked reading of news articles.

    >>> import presslens
    >>> analysis = presslens.analyze_text("The minister said ...", source="pasted")
    >>> analysis.to_dict()["entities"]
"""
from __future__ import annotations

from .errors import InputError, PipelineError, PresslensError, StoreError
from .model import SCHEMA, Analysis, Document
from .pipeline import DEFAULT_STAGES, Pipeline

__version__ = "0.2.0"

_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline.from_names(DEFAULT_STAGES)
    return _default


def analyze(document: Document, pipeline: Pipeline | None = None) -> Analysis:
    return (pipeline or default_pipeline()).run(document)


def analyze_text(text: str, source: str = "<text>", **meta) -> Analysis:
    from .ingest.text import document_from_text

    return analyze(document_from_text(text, source=source, **meta))


__all__ = [
    "SCHEMA", "Analysis", "Document", "Pipeline", "DEFAULT_STAGES", "analyze", "analyze_text",
    "default_pipeline", "PresslensError", "InputError", "PipelineError", "StoreError", "__version__",
]
