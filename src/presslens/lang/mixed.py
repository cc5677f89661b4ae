"""Mixed-language articles, paragraph by paragraph.

The article's own language has run over the whole text. This reads each
other analysed language's paragraphs with that language's stages (English
paragraphs with the English ones, Russian with the `_ru` ones), on a copy of
the text where every other paragraph is blanked to spaces, so offsets hold;
then it merges: what the article's language made inside those paragraphs is
dropped (no English-model entity on a Russian paragraph, nor the reverse),
the other language's entities are numbered after the article's, and one
whose name or Latin transliteration is the same as an entity's of the article
becomes that entity (Марат Искаков and Marat Iskakov). A paragraph in a
language presslens does not analyse (Ukrainian in an English article) is only
cleared: no reading at all rather than the article language's.
"""
from __future__ import annotations

import dataclasses
from typing import Callable

from ..model import Analysis, Argument, Boilerplate, Entity, Event, Quote, Speaker
from ..nlp import blank
from . import ANALYSED

ENTITY_STAGES = ("parse", "entities", "quotes", "events")


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _kind(entity_type: str) -> str:
    return "LOC" if entity_type in ("LOC", "GPE") else entity_type  # English NER says GPE, Russian LOC


def _key(name: str | None) -> str:
    return " ".join((name or "").replace("ё", "е").lower().split())


def _keep_outside(analysis: Analysis, spans: list[tuple[int, int]]) -> tuple[list[Entity], list[Quote], list[Event]]:
    """The article language's results, without what it made inside the other-language paragraphs."""
    entities, dropped = [], set()
    for e in analysis.get("entities"):
        mentions = tuple(m for m in e.mentions if not _inside(m.start, spans))
        if mentions:
            entities.append(dataclasses.replace(e, mentions=mentions))
        else:
            dropped.add(e.id)
    quotes = [q for q in analysis.get("quotes") if not _inside(q.start, spans)]
    quotes = [dataclasses.replace(q, speaker=dataclasses.replace(q.speaker, entity=None))
              if q.speaker and q.speaker.entity in dropped else q for q in quotes]
    events = [ev for ev in analysis.get("events") if not _inside(ev.trigger.start, spans)]
    events = [_remap_event(ev, {d: None for d in dropped}) for ev in events]
    return entities, quotes, events


def _remap_arg(arg: Argument | None, ids: dict[str, str | None]) -> Argument | None:
    if arg is None or arg.entity not in ids:
        return arg
    return dataclasses.replace(arg, entity=ids[arg.entity])


def _remap_event(ev: Event, ids: dict[str, str | None]) -> Event:
    return dataclasses.replace(ev, actor=_remap_arg(ev.actor, ids), target=_remap_arg(ev.target, ids))


def _remap_speaker(sp: Speaker | None, ids: dict[str, str | None], by_id: dict[str, Entity]) -> Speaker | None:
    if sp is None or sp.entity not in ids:
        return sp
    new = ids[sp.entity]
    ent = by_id.get(new) if new else None
    return dataclasses.replace(sp, entity=new, latin=sp.latin or (ent.latin if ent else None))


def read_paragraphs(analysis: Analysis, paragraphs: list[dict],
                    run: Callable[[Analysis, str], Analysis]) -> dict:
    """Entities, quotes and events of `analysis` with its other-language `paragraphs` ({start,
    end, language}) read in their own language, or, in a language presslens does not analyse,
    left without any reading. `run(sub, lang)` runs that language's stages over a sub-analysis
    and returns it."""
    doc = analysis.document
    spans = [(p["start"], p["end"]) for p in paragraphs]
    entities, quotes, events = _keep_outside(analysis, spans)
    by_key: dict[str, Entity] = {}
    for e in entities:
        for k in (_key(e.name), _key(e.latin)):
            if k:
                by_key.setdefault(k, e)
    used = {int(e.id[1:]) for e in entities if e.id[1:].isdigit()}
    next_id = max(used, default=0) + 1
    for lang in sorted({p["language"] for p in paragraphs} & set(ANALYSED)):
        own = [(p["start"], p["end"]) for p in paragraphs if p["language"] == lang]
        others = _complement(own, len(doc.text))
        sub_doc = dataclasses.replace(doc, text=blank(doc.text, others), language=lang)
        sub = Analysis(document=sub_doc, pipeline_version=analysis.pipeline_version)
        sub.annotations["boilerplate"] = list(analysis.get("boilerplate")) + [
            Boilerplate(s, e, "other-language") for s, e in others if e > s]
        sub.annotations["damage"] = list(analysis.get("damage"))
        sub = run(sub, lang)
        ids: dict[str, str | None] = {}
        for e in sub.get("entities"):
            mentions = tuple(dataclasses.replace(m, text=doc.text[m.start:m.end]) for m in e.mentions
                             if _inside(m.start, own))
            if not mentions:
                ids[e.id] = None
                continue
            same = by_key.get(_key(e.name)) or by_key.get(_key(e.latin))
            if same is not None and _kind(same.type) == _kind(e.type):  # one name across the two languages
                merged = dataclasses.replace(
                    same, mentions=tuple(sorted(same.mentions + mentions, key=lambda m: m.start)),
                    aliases=tuple(dict.fromkeys(same.aliases + (e.name,))) if e.name != same.name else same.aliases,
                    latin=same.latin or e.latin)
                entities[entities.index(same)] = merged
                for k in (_key(merged.name), _key(merged.latin)):
                    if k:
                        by_key[k] = merged
                ids[e.id] = same.id
                continue
            new = dataclasses.replace(e, id=f"E{next_id}", mentions=mentions)
            next_id += 1
            entities.append(new)
            ids[e.id] = new.id
            for k in (_key(new.name), _key(new.latin)):
                if k:
                    by_key.setdefault(k, new)
        by_id = {e.id: e for e in entities}
        quotes += [dataclasses.replace(q, speaker=_remap_speaker(q.speaker, ids, by_id))
                   for q in sub.get("quotes") if _inside(q.start, own)]
        events += [_remap_event(ev, ids) for ev in sub.get("events") if _inside(ev.trigger.start, own)]
    return {"entities": entities, "quotes": sorted(quotes, key=lambda q: q.start),
            "events": sorted(events, key=lambda ev: ev.trigger.start)}


def _complement(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    out, pos = [], 0
    for s, e in sorted(spans):
        if s > pos:
            out.append((pos, s))
        pos = max(pos, e)
    if pos < length:
        out.append((pos, length))
    return out

