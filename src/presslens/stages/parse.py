"""Sentences, tokens, parse and NER from spaCy, over the text outside boilerplate.

Cost is bounded: a text past bounds.MAX_TEXT_CHARS is refused with TextTooLong,
and nlp.parse feeds spaCy pieces of at most nlp.MAX_CHUNK characters.
"""
from __future__ import annotations

from ..bounds import check_text
from ..model import Analysis
from ..nlp import MODEL, parse
from ..pipeline import stage


@stage("parse", version=f"2:{MODEL}-3.8.0", requires=("boilerplate",), assigns=("parsed",))
def parse_stage(analysis: Analysis) -> dict:
    check_text(analysis.document.text, analysis.document.source)
    spans = [(b.start, b.end) for b in analysis.get("boilerplate")]
    return {"parsed": parse(analysis.document.text, spans)}
