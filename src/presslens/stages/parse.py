"""Sentences, tokens, parse and NER from spaCy, over the text outside boilerplate.

Cost is bounded: a text past bounds.MAX_TEXT_CHARS is refused with TextTooLong,
and nlp.parse feeds spaCy pieces of at most nlp.MAX_CHUNK characters.
"""
from __future__ import annotations

import re

from ..bounds import check_text
from ..model import Analysis
from ..nlp import MODEL, parse
from ..registry import stage

# zero-width and other invisible characters at a word's edge ("Traeger\u200b said") are blanked
# for the parse like boilerplate, so NER sees the name; inside a word they are left alone
_INVISIBLE_EDGE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f]+(?![^\W\d_])|(?<![^\W\d_])[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f]+")


@stage("parse", version=f"3:{MODEL}-3.8.0", requires=("boilerplate",), assigns=("parsed",))
def parse_stage(analysis: Analysis) -> dict:
    check_text(analysis.document.text, analysis.document.source)
    spans = [(b.start, b.end) for b in analysis.get("boilerplate")]
    spans += [m.span() for m in _INVISIBLE_EDGE.finditer(analysis.document.text)]
    return {"parsed": parse(analysis.document.text, spans)}
