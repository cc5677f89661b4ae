"""Given names, from data under models/names/ (see its MODEL_CARD.md), and one lookup over them.

`GIVEN_NAMES` is the list mined from PolNeAR train and SemEval by
`python -m presslens.train.attribution_given_names ../shared/data` (name -> gender or
None). `given_name_gender` and `is_given_name` read all the name lists in one order:
the PolNeAR first-name genders, the regional list, then the mined given names.
"""
from __future__ import annotations

from ..model_files import load_json
from .first_names import FIRST_NAMES
from .regional_names import REGIONAL_NAMES

GIVEN_NAMES: dict[str, str | None] = load_json("names", "mined_given_names.json")["names"]


def given_name_gender(name: str) -> str | None:
    """'m' or 'f' when a name list gives the given name a gender, else None."""
    w = name.lower()
    return FIRST_NAMES.get(w) or REGIONAL_NAMES.get(w) or GIVEN_NAMES.get(w)


def is_given_name(word: str) -> bool:
    w = word.lower()
    return w in REGIONAL_NAMES or w in FIRST_NAMES or w in GIVEN_NAMES
