"""A person's likely gender from a given name: the one function resolution asks.

Reads the name lists under models/names/ (`given_names.given_name_gender`, then the 1990 US
Census first names; their MODEL_CARD says where each comes from). None when nobody knows: an unknown gender never blocks a pronoun.
"""
from __future__ import annotations

from functools import lru_cache

from ..model_files import load_json
from .given_names import given_name_gender, is_given_name

INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"), None)


def visible(text: str) -> str:
    """Text without zero-width and other invisible characters (`Traeger\u200b` is `Traeger`)."""
    return text.translate(INVISIBLE)


@lru_cache(maxsize=4096)
def name_gender(given: str) -> str | None:
    """'m', 'f' or None for a given name."""
    word = visible(given).strip(".,").lower()
    if not word.isalpha():
        return None
    # the 1990 US Census list comes last and only answers "which sex": it does not make a word a
    # given name for entity typing (`May`, `Georgia`, `Will` are also months, places and verbs)
    known = given_name_gender(word) or _census().get(word)
    return known if known in ("m", "f") else None


@lru_cache(maxsize=1)
def _census() -> dict[str, str]:
    return load_json("names", "us_census_given_names.json")["names"]


# Russian (and Bulgarian, Belarusian) surnames agree with their bearer: Yarovaya, Ivanova, Zelenskaya
# are women, Siluanov, Zelensky men. Translated Russian news often names people by surname and
# title alone ("Deputy Yarovaya ... She said"). -in is male only for a word no name list calls a
# given name (Putin, Dyumin; not Martin, Kevin); -ina is left out (Ilyina, but also Molina, Medina).
_FEMALE_SURNAME = ("ova", "eva", "skaya", "tskaya", "aya")
_MALE_SURNAME = ("ov", "ev", "sky", "skiy", "skii", "in")


@lru_cache(maxsize=4096)
def surname_gender(surname: str) -> str | None:
    """'m' or 'f' for a surname whose Russian ending says it, else None (also for a word that is
    a given name or a Spanish -nueva)."""
    word = visible(surname).strip(".,").lower()
    if len(word) < 5 or not word.isalpha() or is_given_name(word) or word.endswith("ueva"):
        return None
    if word.endswith(_FEMALE_SURNAME):
        return "f"
    return "m" if word.endswith(_MALE_SURNAME) else None
