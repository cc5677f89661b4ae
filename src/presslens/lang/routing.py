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
from .detect import CYRILLIC_LANGUAGES, detect_language

LANGUAGE_FREE = frozenset({"repair"})


def read_language(document: Document) -> Document:
    """The document with its detected language and a `language` note in its metadata."""
    reading = detect_language(document.text or "")
    lang = reading.language
    if lang == "und":  # too few letters to tell: keep what the input said, unless the script contradicts it
        lang = _agreeing_with_script(document.language or "en", reading.cyrillic, reading.latin)
    note = reading.note()
    if lang not in ANALYSED:
        note["note"] = (f"language {lang!r} is not analysed by presslens; only the text, "
                        "boilerplate and language are stored")
    elif note.get("paragraphs"):
        read = foreign_languages(note)
        unread = {p["language"] for p in note["paragraphs"]} - read
        note["note"] = (f"paragraphs in several languages; analysed as {lang}"
                        + (", and the paragraphs in " + ", ".join(sorted(read)) + " each in their own language"
                           if read else "")
                        + ("; the paragraphs in " + ", ".join(sorted(unread)) + " are not analysed" if unread else ""))
    elif reading.mixed:
        note["note"] = "paragraphs in several languages; analysed as " + lang
    return dataclasses.replace(document, language=lang, metadata={**document.metadata, "language": note})


def _agreeing_with_script(lang: str, cyrillic: float, latin: float) -> str:
    """`lang`, or the script's default when most letters are in the other script: a one-word
    Russian headline in a .txt (default "en") must not meet the English models."""
    if cyrillic > 0.5 and lang not in CYRILLIC_LANGUAGES:
        return "ru"
    if latin > 0.5 and lang in CYRILLIC_LANGUAGES:
        return "en"
    return lang


def foreign_languages(note: dict) -> set[str]:
    """The analysed languages of the paragraphs not in the article's language (detect's `paragraphs`)."""
    return {p["language"] for p in note.get("paragraphs", ()) if p["language"] in ANALYSED}


MIXED_STAGE = "paragraphs_mixed"  # stages/russian.py: reads other-language paragraphs in their language


def route(stages: Sequence, document: Document, variant: Callable[[str], object | None]) -> tuple[Document, list]:
    """(document with its language, the stages to run on it). `variant(name)`
    returns the registered stage of that name, or None."""
    document = read_language(document)
    lang = document.language
    if lang != "en" and lang not in ANALYSED:
        print(f"presslens: {document.source}: language {lang!r} not analysed; stored text and boilerplate only",
              file=sys.stderr)
    return document, stages_for(stages, lang, variant, _is_mixed(document))


def _is_mixed(document: Document) -> bool:
    """Paragraphs in another language than the article's: those in an analysed language are read
    in it, and none of them keeps what the article language's models made of it."""
    return document.language in ANALYSED and bool(document.metadata.get("language", {}).get("paragraphs"))


def stages_for(stages: Sequence, lang: str, variant: Callable[[str], object | None], mixed: bool = False) -> list:
    """The stages that read `lang`: as named for English, their `_<lang>` variants for
    another analysed language, only the language-free ones for any other. `mixed`: the
    article has paragraphs in another language, read (or only cleared) by a last stage
    when the pipeline reads entities (a pipeline without them has nothing to merge)."""
    out = _stages_for(stages, lang, variant)
    extra = variant(MIXED_STAGE) if mixed else None
    if extra is not None and any("entities" in s.assigns for s in out):
        out.append(extra)
    return out


def _stages_for(stages: Sequence, lang: str, variant: Callable[[str], object | None]) -> list:
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

    document = read_language(document)
    chosen = stages_for([get_stage(n) for n in stage_names], document.language, variant, _is_mixed(document))
    return "+".join(f"{s.name}@{s.version}" for s in chosen)
