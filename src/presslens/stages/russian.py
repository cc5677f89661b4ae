"""Russian variants of the default stages, picked by lang/routing.py for
Russian documents (`parse_ru`, `entities_ru`, `quotes_ru`, `events_ru`, `framing_ru`).
Each adapts presslens.ru in a few lines, as stages/repair.py adapts repair.
`framing_ru` reads words, not the English encoder (presslens.ru.framing).
`paragraphs_mixed` (routed in after the others for an article with paragraphs in
another language) reads those paragraphs in their own language, or clears them.
"""
from __future__ import annotations

from ..model import ANNOTATION_FIELDS, Analysis
from ..pipeline import stage
from ..ru.parse import MODELS, parse_ru


@stage("parse_ru", version=f"2:{MODELS}", requires=("boilerplate",), assigns=("parsed_ru",))
def parse_ru_stage(analysis: Analysis) -> dict:
    spans = [(b.start, b.end) for b in analysis.get("boilerplate")]
    return {"parsed_ru": parse_ru(analysis.document.text, spans)}


@stage("entities_ru", version="1", requires=("parsed_ru",), assigns=("entities",))
def entities_ru_stage(analysis: Analysis) -> dict:
    from ..ru.entities import resolve

    return {"entities": resolve(analysis.get("parsed_ru"))}


@stage("quotes_ru", version="3", requires=("parsed_ru", "entities"), assigns=("quotes",))
def quotes_ru_stage(analysis: Analysis) -> dict:
    from ..ru.quotes import find_quotes

    return {"quotes": find_quotes(analysis.get("parsed_ru"), analysis.get("entities"))}


@stage("events_ru", version="1", requires=("parsed_ru", "entities"), assigns=("events",))
def events_ru_stage(analysis: Analysis) -> dict:
    from ..ru.events import find_events

    return {"events": find_events(analysis.get("parsed_ru"), analysis.get("entities"), analysis.document.published)}


@stage("framing_ru", version="1", requires=("parsed_ru",), assigns=("genre", "frames", "techniques"))
def framing_ru_stage(analysis: Analysis) -> dict:
    from ..ru.framing import default_model, lines_of

    # a line more than half inside boilerplate is not the article's own text
    lines = [ln for ln in lines_of(analysis.document.text)
             if not analysis.in_boilerplate(ln.start, ln.start + len(ln.text))]
    result = default_model().predict(lines)
    return {"genre": result.genre, "frames": result.frames, "techniques": result.techniques}


@stage("paragraphs_mixed", version="2", requires=("entities",), assigns=("entities", "quotes", "events"))
def paragraphs_mixed_stage(analysis: Analysis) -> dict:
    from ..lang.mixed import ENTITY_STAGES, read_paragraphs
    from ..lang.routing import stages_for
    from ..registry import get_stage, variant

    note = analysis.document.metadata.get("language", {})
    paragraphs = list(note.get("paragraphs", ()))  # a language presslens does not analyse is only cleared
    # only what the pipeline itself made: `--stages repair,parse,entities` asks for no quotes
    names = [n for n in ENTITY_STAGES if n in ("parse", "entities") or n in analysis.annotations]

    def run(sub: Analysis, lang: str) -> Analysis:
        for s in stages_for([get_stage(n) for n in names], lang, variant):
            for key, value in s(sub).items():
                (sub.annotations if key in ANNOTATION_FIELDS else sub.scratch)[key] = value
        return sub

    return read_paragraphs(analysis, paragraphs, run)
