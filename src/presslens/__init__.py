"""presslens: evidence-linked reading of news articles.

    >>> import presslens
    >>> analysis = presslens.analyze_text("The minister said ...", source="pasted")
    >>> analysis.to_dict()["entities"]
"""
from __future__ import annotations

from .assembly import DEFAULT_STAGES
from .errors import InputError, PipelineError, PresslensError, StoreError
from .model import SCHEMA, Analysis, Document
from .pipeline import Pipeline

__version__ = "0.3.0"


def default_pipeline() -> Pipeline:
    from .assembly import default_pipeline as built

    return built()


def analyze(document: Document, pipeline: Pipeline | None = None) -> Analysis:
    return (pipeline or default_pipeline()).run(document)


def analyze_text(text: str, source: str = "<text>", **meta) -> Analysis:
    from .ingest.text import document_from_text

    return analyze(document_from_text(text, source=source, **meta))


__all__ = [
    "SCHEMA", "Analysis", "Document", "Pipeline", "DEFAULT_STAGES", "analyze", "analyze_text",
    "default_pipeline", "PresslensError", "InputError", "PipelineError", "StoreError", "__version__",
]
