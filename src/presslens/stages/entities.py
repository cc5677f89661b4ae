"""Entities resolved within the article, on top of spaCy NER.

This first version groups NER mentions by name and folds a surname-only
mention into the one full name that ends with it; coreference of
descriptions and pronouns comes with the attribution work.
"""
from __future__ import annotations

import re

from ..model import Analysis, Entity, Mention
from ..pipeline import stage

KEEP = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}


def _key(name: str) -> str:
    return re.sub(r"(?:'s|’s)$", "", re.sub(r"\s+", " ", name.strip())).lower()


@stage("entities", version="1", requires=("parsed",), assigns=("entities",))
def entities_stage(analysis: Analysis) -> dict:
    text = analysis.document.text
    groups: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for start, end, label in analysis.get("parsed").entities():
        if label in KEEP:
            groups.setdefault((_key(text[start:end]), label), []).append((start, end))
    # surname-only PERSON mentions join the single full name ending with it
    persons = [k for k in groups if k[1] == "PERSON" and " " in k[0]]
    for key in [k for k in list(groups) if k[1] == "PERSON" and " " not in k[0]]:
        full = [p for p in persons if p[0].split()[-1] == key[0]]
        if len(full) == 1:
            groups[full[0]].extend(groups.pop(key))
    entities = []
    for n, ((_, label), spans) in enumerate(sorted(groups.items(), key=lambda kv: min(kv[1]))):
        spans.sort()
        names = [text[s:e] for s, e in spans]
        canonical = max(names, key=lambda x: (len(x.split()), len(x)))
        aliases = tuple(sorted({x for x in names if x != canonical}))
        mentions = tuple(Mention(s, e, text[s:e]) for s, e in spans)
        entities.append(Entity(f"E{n + 1}", canonical, label, aliases, (), mentions))
    return {"entities": entities}
