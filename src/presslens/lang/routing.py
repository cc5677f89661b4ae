"""Route a document to the stages that can read its language.

A stage named `X` has a variant `X_<lang>` for each other language presslens
analyses (stages/russian.py registers `parse_ru`, `entities_ru`, …). English
runs the stages as named. A language with no variants keeps only the stages
that read characters, not words (repair), so its text and boilerplate are
stored and nothing an English model would make of it.
"""
from __future__ import annotations

import dataclasses
import sys
from typing import Callable, Sequence

from ..model import Document
from . import ANALYSED
from .detect import detect_language

LANGUAGE_FREE = frozenset({"repair"})


def read_language(document: Document) -> Document:
    """The document with its detected language and a `language` note in its metadata."""
    reading = detect_language(document.text or "")
    lang = reading.language
    if lang == "und":  # too few letters to tell: keep what the input said
        lang = document.language or "en"
    note = reading.note()
    if lang not in ANALYSED:
        note["note"] = (f"language {lang!r} is not analysed by presslens; only the text, "
                        "boilerplate and language are stored")
    elif reading.mixed:
        note["note"] = "paragraphs in several languages; analysed as " + lang
    return dataclasses.replace(document, language=lang, metadata={**document.metadata, "language": note})


def route(stages: Sequence, document: Document, variant: Callable[[str], object | None]) -> tuple[Document, list]:
    """(document with its language, the stages to run on it). `variant(name)`
    returns the registered stage of that name, or None."""
    document = read_language(document)
    lang = document.language
    if lang != "en" and lang not in ANALYSED:
        print(f"presslens: {document.source}: language {lang!r} not analysed; stored text and boilerplate only",
              file=sys.stderr)
    return document, stages_for(stages, lang, variant)


def stages_for(stages: Sequence, lang: str, variant: Callable[[str], object | None]) -> list:
    """The stages that read `lang`: as named for English, their `_<lang>` variants for
    another analysed language, only the language-free ones for any other."""
    if lang == "en":
        return list(stages)
    if lang not in ANALYSED:
        return [s for s in stages if s.name in LANGUAGE_FREE]
    out = []
    for s in stages:
        if s.name in LANGUAGE_FREE:
            out.append(s)
            continue
        v = variant(f"{s.name}_{lang}")
        if v is not None:  # a stage with no variant for this language is skipped, never run in English
            out.append(v)
    return out


def routed_version(stage_names: Sequence[str], document: Document) -> str:
    """The pipeline version a run of `stage_names` records for `document` (its `meta.pipeline`):
    the stages routing picks for the document's language, so a rerun can tell it is done."""
    from ..registry import get_stage, variant

    lang = read_language(document).language
    return "+".join(f"{s.name}@{s.version}" for s in stages_for([get_stage(n) for n in stage_names], lang, variant))
