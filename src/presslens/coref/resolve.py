"""Within-article entity resolution: the one entry point (`resolve_entities`).

mentions (ner_mentions.py: NER relabelled; descriptions.py: org patterns, relations, appositions)
-> groups of names (names.py) -> candidate antecedents for every pronoun and description, each
scored by the salience model whose weights live in models/coref/ (people.py, pronouns.py;
org_speakers.py for `it`/`the company`) -> entities plus a coref map (mention span -> entity id).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .descriptions import appositive_roles, org_appositions, org_patterns, relations, role_text
from .names import Group, group_others, group_people
from .given_names import is_given_name
from .lexicon import NAME_TITLES
from .places import canonical_place
from ..model import Analysis, Entity, Mention
from .index import MentionIndex
from .ner_mentions import KEEP, ner_mentions
from .org_speakers import resolve_org_speakers
from .people import resolve_people


def resolve_entities(analysis: Analysis) -> tuple[list[Entity], dict[tuple[int, int], str]]:
    """Entities of the article and the coref map (pronoun/description span -> entity id)."""
    text = analysis.document.text
    parsed = analysis.get("parsed")
    ner = ner_mentions(analysis)
    orgs = org_patterns(text)
    orgs += [o for c in parsed.chunks for o in org_appositions(c)
             if not any(p.start <= o.name_start < p.end for p in orgs)]
    orgs = [o for o in orgs if not analysis.in_boilerplate(o.start, o.end)]
    # mentions inside an org pattern belong to the org
    ner = [m for m in ner if not any(o.start <= m[0] < o.end for o in orgs)]
    groups: list[Group] = group_people([m for m in ner if m[2] == "PERSON"], text)
    others = group_others([m for m in ner if m[2] != "PERSON"], text)
    org_by_name: dict[str, Group] = {}
    for o in orgs:
        key = o.name.lower()
        g = org_by_name.get(key)
        if g is None:
            g = next((x for x in others if " ".join(x.words) == key), None) or Group("ORG", tuple(key.split()))
            g.label, g.name = "ORG", o.name
            org_by_name[key] = g
            if g not in others:
                others.append(g)
        g.aliases.append((o.start, o.end))
    # a person-labelled name that an org pattern names is the org ("X" after "the X party")
    for g in list(groups):
        key = " ".join(g.words)
        if key in org_by_name:
            org_by_name[key].spans.extend(g.spans)
            groups.remove(g)
    _absorb_person_names(groups, others, text)
    _absorb_places(groups, others)
    _propagate_names(analysis, groups, others)
    persons = list(groups)
    index = MentionIndex(persons)

    # relation entities: "X's mother"
    for c in parsed.chunks:
        for r in relations(c, index.span_at):
            owner = index.group_at(r.owner[0])
            owner_name = text[r.owner[0]:r.owner[1]]
            g = Group("PERSON", (owner_name.lower(), r.noun), gender=r.gender,
                      name=f"{owner_name}'s {r.noun}", roles=[f"{r.noun} of {owner_name}"])
            same = next((x for x in persons if x.name == g.name), None)
            if same is None:
                persons.append(g)
                same = g
            same.aliases.append((r.start, r.end))
            del owner
    index = MentionIndex(persons)
    # appositions and role premodifiers
    described: set[tuple[int, int]] = set()
    for c in parsed.chunks:
        for person_span, desc, is_mention in appositive_roles(c, index.span_at):
            g = index.group_at(person_span[0])
            if g is None:
                continue
            role = role_text(text, desc)
            if role and role not in g.roles:
                g.roles.append(role)
            if is_mention:
                g.aliases.append(desc)
            described.add(desc)
    places = {g.words for g in others if g.label in ("GPE", "LOC")}
    coref = resolve_people(analysis, persons, MentionIndex(persons), described, places)
    org_coref = resolve_org_speakers(analysis, others, index)
    entities, ids = _to_entities(text, persons + others)
    out = {span: ids[id(persons[gi])] for span, gi in coref.items() if id(persons[gi]) in ids}
    out.update({span: ids[id(g)] for span, g in org_coref.items() if id(g) in ids})
    return entities, out


def _absorb_person_names(persons: list[Group], others: list[Group], text: str = "") -> None:
    """NER flips between PERSON and ORG for the same name ("Trump"): a non-person group whose
    words are a person's full name or surname joins that person."""
    by_full = {p.words: p for p in persons if len(p.words) >= 2}
    by_last: dict[str, list[Group]] = {}
    for p in by_full.values():
        by_last.setdefault(p.words[-1], []).append(p)
    for g in list(others):
        if g.label not in ("ORG", "PRODUCT", "WORK_OF_ART", "NORP", "GPE", "FAC") or g.name:
            continue
        target = by_full.get(g.words)
        if target is None and len(g.words) == 1 and len(by_last.get(g.words[0], [])) == 1:
            target = by_last[g.words[0]][0]
        if target is None and len(g.words) == 2 and len(by_last.get(g.words[1], [])) == 1 \
                and (g.words[0] in NAME_TITLES or re.search(rf"\b(?:the|a|an) {re.escape(g.words[0])}\b", text)):
            # "Skipper Ingvall says" after "Ludde Ingvall, the skipper of X": a title (a word the
            # article also uses as a common noun) before a person's unique surname
            by_last[g.words[1]][0].aliases.extend(g.spans)  # the title is no part of the name
            others.remove(g)
            continue
        if target is not None:
            target.spans.extend(g.spans)
            others.remove(g)


def _absorb_places(persons: list[Group], others: list[Group]) -> None:
    """`visited Konaev` (PERSON) ... `In Konaev` (GPE): a one-word person name that NER also tags
    as a place, and that ends no full name in the article, is that place."""
    places = {g.words: g for g in others if g.label in ("GPE", "LOC")}
    surnames = {p.words[-1] for p in persons if len(p.words) >= 2}
    for p in list(persons):
        target = places.get(p.words)
        if target is None or len(p.words) != 1 or p.name or p.words[0] in surnames:
            continue
        target.spans.extend(p.spans)
        persons.remove(p)


def _propagate_names(analysis: Analysis, persons: list[Group], others: list[Group]) -> None:
    """NER misses some repeats of a name it found elsewhere ("Fowler said"): a capitalised token
    equal to a person's unique surname (or one-word name), or to a one-word organisation's name,
    becomes a mention of it."""
    text = analysis.document.text
    last: dict[str, list[Group]] = {}
    for p in persons:
        if p.words and p.words[-1].isalpha() and len(p.words[-1]) > 2:
            last.setdefault(p.words[-1], []).append(p)
    # a one-word organisation ("Tatneft said" after "the oil company Tatneft") the same way
    # a given name used alone ("Sergey also noted" after "Sergey Lazarev"), when one person has it
    # and nobody has it as a surname
    firsts: dict[str, list[Group]] = {}
    for p in persons:
        if len(p.words) >= 2 and p.words[0].isalpha() and len(p.words[0]) > 2 and is_given_name(p.words[0]):
            firsts.setdefault(p.words[0], []).append(p)
    for w, ps in firsts.items():
        if w not in last:
            last[w] = ps
    for o in others:
        if o.label == "ORG" and len(o.words) == 1 and o.words[0].isalpha() and len(o.words[0]) > 3 \
                and o.words[0] not in last:
            last[o.words[0]] = [o]
    taken = sorted(span for g in persons + others for span in g.spans + g.aliases)
    starts = [s for s, _ in taken]
    for c in analysis.get("parsed").chunks:
        for t in c.doc:
            cands = last.get(t.lower_, [])
            # the tagger calls a sentence-initial company name a noun ("Tatneft said")
            named = t.pos_ == "PROPN" or len(cands) == 1 and cands[0].label == "ORG" and t.pos_ == "NOUN" \
                and t.text == (cands[0].name or "").removeprefix("the ")
            if not named or not t.text[:1].isupper():
                continue
            if len(cands) != 1:
                continue
            s = c.offset + t.idx
            k = bisect_right(starts, s) - 1
            if k >= 0 and taken[k][0] <= s < taken[k][1]:
                continue
            if any(a <= s < b for a, b in taken[max(0, k - 3):k + 1]):
                continue
            cands[0].spans.append((s, s + len(t.text)))
    del text


def _to_entities(text: str, groups: list[Group]) -> tuple[list[Entity], dict[int, str]]:
    ordered = [g for g in groups if g.spans or g.aliases]
    ordered.sort(key=lambda g: min(g.spans + g.aliases))
    ids = {id(g): f"E{n + 1}" for n, g in enumerate(ordered)}
    out = []
    for g in ordered:
        spans = sorted(set(g.spans + g.aliases))
        names = [text[s:e] for s, e in sorted(set(g.spans))]
        canonical = g.name or max(names, key=lambda x: (len(x.split()), len(x)), default=text[spans[0][0]:spans[0][1]])
        if g.label != "PERSON" and canonical[:4] in ("The ", "the ") and len(canonical.split()) > 2:
            canonical = canonical[4:]  # "the Ministry of Finance" is named "Ministry of Finance"
        canonical = canonical_place(canonical, g.label)  # "U.S." and "United States" are one country
        aliases = tuple(dict.fromkeys(text[s:e] for s, e in spans if text[s:e] != canonical))
        mentions = tuple(Mention(s, e, text[s:e]) for s, e in spans)
        out.append(Entity(ids[id(g)], canonical, g.label, aliases, tuple(g.roles), mentions))
    return out, ids


def fallback_entities(analysis: Analysis) -> tuple[list[Entity], dict[tuple[int, int], str]]:
    """Bare NER groups, for when resolution itself failed."""
    text = analysis.document.text
    try:
        mentions = ner_mentions(analysis)
    except Exception:  # noqa: BLE001 — the corrections failed too: NER's own spans, as they are
        mentions = [(s, e, label) for s, e, label in analysis.get("parsed").entities() if label in KEEP]
    ents = []
    for n, g in enumerate(group_others(mentions, text)):
        names = [text[s:e] for s, e in g.spans]
        ents.append(Entity(f"E{n + 1}", max(names, key=len), g.label, (), (),
                           tuple(Mention(s, e, text[s:e]) for s, e in sorted(g.spans))))
    return ents, {}
