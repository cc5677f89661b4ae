"""Genre, frames and persuasion techniques (SemEval-2023 Task 3 labels).

Paragraphs are the parsed chunks (boilerplate already blanked); their encoder
pass is shared with any other neural stage through presslens.encoder.encode_parsed.
Heads are chosen by the document's language (models/framing/<lang>/, English
when a language has none). The models and their validation scores:
models/framing/MODEL_CARD.md.
"""
from __future__ import annotations

from ..model import Analysis
from ..registry import stage


@stage("framing", version="6", requires=("parsed",), assigns=("genre", "frames", "techniques"))
def framing_stage(analysis: Analysis) -> dict:
    from ..encoder import encode_parsed
    from ..framing.predict import Paragraph, default_model

    parsed = analysis.get("parsed")
    chunks = [c for c in getattr(parsed, "chunks", []) if c.text.strip()]
    if not chunks:
        return {"genre": None, "frames": [], "techniques": []}
    encoded = encode_parsed(parsed)
    by_chunk = dict(zip((id(c) for c in parsed.chunks), encoded))
    paragraphs = [Paragraph(c.offset, c.text) for c in chunks]
    result = default_model(analysis.document.language).predict(paragraphs, [by_chunk[id(c)] for c in chunks])
    text_len = len(analysis.document.text)
    techniques = [t for t in result.techniques
                  if 0 <= t.start < t.end <= text_len and not analysis.in_boilerplate(t.start, t.end)]
    return {"genre": result.genre, "frames": result.frames, "techniques": techniques}
