"""A person's likely gender from a given name: the one function resolution asks.

Reads the given-name lists coref exposes (`types.given_name_gender`: mined and regional
lists, moving to models/names/); a maintained names library, when installed, answers for
names those lists lack. None when nobody knows: an unknown gender never blocks a pronoun.
"""
from __future__ import annotations

from functools import lru_cache

from .types import given_name_gender

INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"), None)


def visible(text: str) -> str:
    """Text without zero-width and other invisible characters (`Traeger\u200b` is `Traeger`)."""
    return text.translate(INVISIBLE)


@lru_cache(maxsize=1)
def _library():
    try:  # optional: gender-guesser's detector, when the environment has it
        from gender_guesser.detector import Detector  # type: ignore[import-not-found]
    except ImportError:
        return None
    return Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def name_gender(given: str) -> str | None:
    """'m', 'f' or None for a given name."""
    word = visible(given).strip(".,").lower()
    if not word.isalpha():
        return None
    known = given_name_gender(word)
    if known in ("m", "f"):
        return known
    lib = _library()
    if lib is not None:
        answer = lib.get_gender(word.capitalize())
        return {"male": "m", "female": "f"}.get(answer)
    return None
