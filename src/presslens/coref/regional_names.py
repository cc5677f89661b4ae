"""Given names of the former Soviet space in their usual English transliterations, with gender.

Two data files under models/names/ (MODEL_CARD.md there): the given names of pymorphy3's
OpenCorpora dictionary in Latin letters (built by presslens.train.names_opencorpora), and a
hand list, by region and gender, of what that dictionary does not spell or sexes otherwise
(Ukrainian, Belarusian, Kazakh, Georgian, Armenian, Azerbaijani spellings). The hand list
wins where both name a word. Several spellings of one name are kept because translators
disagree (Pyotr / Petr, Yevgeny / Evgeny).
"""
from __future__ import annotations

from ..model_files import load_json


def _regional() -> dict[str, str]:
    out: dict[str, str] = {w: g for w, g in load_json("names", "opencorpora_given_names.json")["names"].items() if g}
    for group in load_json("names", "regional_given_names.json")["groups"]:
        for name in group["names"]:
            out[name] = group["gender"]  # a later group wins, as in the list's reading order
    return out


REGIONAL_NAMES: dict[str, str] = _regional()
