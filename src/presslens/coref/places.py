"""One name per country across the corpus: "U.S.", "US" and "United States" are one place.

The variants live in models/places/countries.json (ISO 3166-1 names plus the
forms newsrooms write; see its MODEL_CARD.md). Only names of places are
mapped: a person called "Chad" or "Jordan" keeps his name.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

PLACE_TYPES = ("GPE", "LOC")
_DATA = Path(__file__).resolve().parent.parent / "models" / "places" / "countries.json"


def _key(name: str) -> str:
    """Case, dots, diacritics, curly apostrophes and a leading "the" do not make another place."""
    s = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().replace(".", "")
    s = re.sub(r"\s+", " ", s).strip()
    return s.removeprefix("the ")


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    for canonical, variants in data["countries"].items():
        for v in (canonical, *variants):
            table.setdefault(_key(v), canonical)
    return table


def canonical_place(name: str, type: str = "GPE") -> str:
    """The corpus-wide name of a place (`name` itself when it is no known variant or not a place)."""
    if type not in PLACE_TYPES or not name:
        return name
    return _table().get(_key(name), name)
