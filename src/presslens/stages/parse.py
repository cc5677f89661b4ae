"""Sentences, tokens, parse and NER from spaCy, over the text outside boilerplate."""
from __future__ import annotations

from ..model import Analysis
from ..nlp import MODEL, parse
from ..registry import stage


@stage("parse", version=f"2:{MODEL}-3.8.0", requires=("boilerplate",), assigns=("parsed",))
def parse_stage(analysis: Analysis) -> dict:
    spans = [(b.start, b.end) for b in analysis.get("boilerplate")]
    return {"parsed": parse(analysis.document.text, spans)}
