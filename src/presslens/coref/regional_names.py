"""Given names of the former Soviet space in their usual English transliterations.

Written by hand because the corpora behind the mined lists are mostly American news;
the list is data (models/names/regional_given_names.json, by region and gender) and
models/names/MODEL_CARD.md gives the evidence for its entries. Several spellings of one
name are listed because translators disagree (Pyotr / Petr, Yevgeny / Evgeny).
"""
from __future__ import annotations

from ..model_files import load_json


def _regional() -> dict[str, str]:
    out: dict[str, str] = {}
    for group in load_json("names", "regional_given_names.json")["groups"]:
        for name in group["names"]:
            out[name] = group["gender"]  # a later group wins, as in the list's reading order
    return out


REGIONAL_NAMES: dict[str, str] = _regional()
