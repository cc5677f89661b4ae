"""One name across scripts: "Тимур Оразалиев" and "Timur Orazaliev" are one search key.

Entities and speakers keep their `latin` (BGN/PCGN, presslens.ru.morph.latin) in
the store. A typed name matches a name as typed, or through its search key: the
Latin spelling (the query's own transliteration when it is Cyrillic, the stored
`latin` or the name itself on the other side), lower-cased and folded over the
letters that romanisation schemes and English-language news spell differently
(BGN "Orazaliyev", "Aleksey", "Yuriy" vs. news "Orazaliev", "Alexei", "Yuri"),
so the match does not depend on which scheme a newsroom used.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..ru.morph import latin

# scheme variants folded, in order: a y between vowels dropped (Orazaliyev, Alekseyev),
# y -> i (Aleksey/Alexei), x -> ks, j -> i (Jurij), then doubled letters once (Yurii, Zelenyy)
_FOLDS = ((re.compile(r"([aeiou])y(?=[aeiou])"), r"\1"), (re.compile(r"y"), "i"), (re.compile(r"x"), "ks"),
          (re.compile(r"j"), "i"), (re.compile(r"(\w)\1+"), r"\1"), (re.compile(r"[^\w ]+"), ""),
          (re.compile(r"\s+"), " "))


def fold(latin_name: str) -> str:
    out = latin_name.casefold()
    for pattern, repl in _FOLDS:
        out = pattern.sub(repl, out)
    return out.strip()


@lru_cache(maxsize=65536)  # SQLite calls it once per row; names repeat across rows
def name_key(name: str | None) -> str | None:
    """The search key of a name in either script (None for None)."""
    if name is None:
        return None
    return fold(latin(name) or name)


def same_name(a: object, b: str) -> bool:
    return isinstance(a, str) and (a.casefold() == b.casefold() or name_key(a) == name_key(b))
