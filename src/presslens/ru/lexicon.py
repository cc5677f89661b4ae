"""The Russian lexicon data file (models/ru/lexicon.json), loaded once."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return json.loads(files("presslens").joinpath("models", "ru", "lexicon.json").read_text(encoding="utf-8"))


def cue_verbs() -> dict[str, str]:
    return lexicon()["cue_verbs"]


def cue_phrases() -> dict[str, str]:
    return lexicon()["cue_phrases"]


def channels() -> dict[str, str]:
    return lexicon()["channels"]


@lru_cache(maxsize=1)  # one object: ru.morph.lemma_in keeps its spellings per lexicon object
def role_nouns() -> frozenset[str]:
    return frozenset(lexicon()["role_nouns"])


@lru_cache(maxsize=1)  # one object: ru.morph.lemma_in keeps its spellings per lexicon object
def organisation_words() -> frozenset[str]:
    return frozenset(lexicon()["organisation_words"])
