"""Descriptions that name or define people and organisations.

- `the X party` (and movement, union, ...) names an organisation even when NER misses it;
- `X's mother` is a person defined by a relation;
- `the first president of Y, NAME` / `NAME, the first president of Y` / `local partner NAME`
  give NAME a role (and the description is a mention of NAME);
- `the politician`, `the leader of the X party` used as a noun phrase of its own is a
  definite description to be resolved (pronouns.py) to a person of the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import FEMALE_ROLES, MALE_ROLES, ORG_HEADS, RELATIONS, ROLE_NOUNS

_ORG_RE = re.compile(
    r"\b([Tt]he\s+)?((?:[A-Z][\w'’-]*\s+){1,4})(" + "|".join(ORG_HEADS) + r")\b")


@dataclass(frozen=True)
class OrgPattern:
    start: int  # the whole "the X party"
    end: int
    name: str  # "X"
    name_start: int
    name_end: int


def org_patterns(text: str) -> list[OrgPattern]:
    out = []
    for m in _ORG_RE.finditer(text):
        name = m.group(2).strip()
        if name.split()[0] in ("The", "A", "An", "This", "That", "His", "Her", "Their"):
            continue
        ns = m.start(2)
        out.append(OrgPattern(m.start(), m.end(), name, ns, ns + len(name)))
    return out


@dataclass(frozen=True)
class Relation:
    start: int
    end: int
    owner: tuple[int, int]  # the owner's name mention
    noun: str
    gender: str | None


def relations(chunk, person_at) -> list[Relation]:
    """`X's mother`: relation noun with a possessive PERSON."""
    off = chunk.offset
    out = []
    for t in chunk.doc:
        if t.lower_ not in RELATIONS or t.pos_ != "NOUN":
            continue
        poss = [c for c in t.children if c.dep_ == "poss"]
        if not poss:
            continue
        p = poss[0]
        span = person_at(off + p.idx)
        if span is None:
            continue
        start = min(span[0], off + p.left_edge.idx)
        out.append(Relation(start, off + t.idx + len(t.text), span, t.lower_, RELATIONS[t.lower_]))
    return out


def description_span(off: int, tok) -> tuple[int, int]:
    """A role noun with its determiner/modifiers and a short of-phrase (without a name
    in apposition to it: `the president of Y, NAME` stops before the comma)."""
    toks = [tok] + [x for c in tok.lefts if c.dep_ in ("det", "amod", "compound", "nmod", "poss") for x in c.subtree]
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            skip = {x.i for a in c.subtree if a.dep_ == "appos" for x in a.subtree}
            part = [x for x in c.subtree if x.i not in skip]
            while part and part[-1].is_punct:
                part.pop()
            if len(part) <= 7:
                toks.extend(part)
    first, last = min(toks, key=lambda x: x.i), max(toks, key=lambda x: x.i)
    return off + first.idx, off + last.idx + len(last.text)


_POSS_ROLE = re.compile(r"^(?:[Tt]he\s+)?([\w-]+)(?:'s|’s)\s+([\w-]+)$")


def role_text(text: str, span: tuple[int, int]) -> str:
    r = text[span[0]:span[1]]
    m = _POSS_ROLE.match(r.strip())
    if m and m.group(1)[:1].islower():  # "the journalist's lawyer" -> "lawyer of the journalist"
        return f"{m.group(2)} of the {m.group(1)}"
    return re.sub(r"^(?:the|The|a|an|An|A|his|His|her|Her|their|Their|its|Its)\s+", "", r).strip(" ,")


def gender_of_role(noun: str) -> str | None:
    return "f" if noun in FEMALE_ROLES else "m" if noun in MALE_ROLES else None


def is_definite_role(tok) -> bool:
    """`the politician` / `the leader of ...`: a role noun with a definite article, no name inside."""
    if tok.lower_ not in ROLE_NOUNS or tok.pos_ not in ("NOUN",) or tok.ent_type_:
        return False
    dets = [c for c in tok.lefts if c.dep_ == "det"]
    return bool(dets) and dets[0].lower_ in ("the", "this", "that")


def appositive_roles(chunk, person_at) -> list[tuple[tuple[int, int], tuple[int, int], bool]]:
    """(person span, description span, is_mention) for appositions and role premodifiers."""
    off = chunk.offset
    out = []
    doc = chunk.doc
    for t in doc:
        if t.lower_ not in ROLE_NOUNS or t.pos_ != "NOUN" or t.ent_type_:
            continue
        desc = description_span(off, t)
        # "NAME, the first president of Y" — appos of a person
        if t.dep_ == "appos":
            span = person_at(off + t.head.idx)
            if span is not None:
                out.append((span, desc, True))
                continue
        # "the first president of Y, NAME" — the name follows the description after a comma
        right = desc[1]
        nxt = [x for x in doc if off + x.idx >= right][:2]
        if len(nxt) == 2 and nxt[0].text == "," and nxt[1].text[:1].isupper():
            span = person_at(off + nxt[1].idx)  # the person index, not NER's label (types.py may fix it)
            if span is not None:
                out.append((span, desc, True))
                continue
        # "local partner NAME": role words right before the name, no determiner needed
        if t.dep_ in ("compound", "nmod") and t.head.pos_ == "PROPN" or t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN":
            head = t.head if t.dep_ in ("compound", "nmod") and t.head.pos_ == "PROPN" else doc[t.i + 1]
            span = person_at(off + head.idx)
            if span is not None:
                left = [c for c in t.lefts if c.dep_ in ("amod", "compound")]
                start = off + (left[0].idx if left else t.idx)
                poss = [c for c in t.lefts if c.dep_ == "poss" and c.pos_ == "PRON"]
                if poss:  # "his lawyer NAME told ...": "lawyer" names NAME (the "his" is someone else)
                    out.append((span, (start, off + t.idx + len(t.text)), True))
                else:
                    out.append((span, (start, off + t.idx + len(t.text)), False))
    return out
