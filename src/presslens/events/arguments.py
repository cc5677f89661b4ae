"""Participants of an event: noun-phrase spans from the parse, resolved to entities.

An argument is the noun phrase around a head token. When an entity mention
overlaps that phrase (preferring the mention that covers the head) the
argument carries the entity id and canonical name; otherwise only the text,
which is what we want for "him" when the antecedent was lost: we never guess.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any, Iterable

from ..model import Argument

RELATIVE = {"who", "that", "which", "whom", "whose"}


@dataclass
class EntityIndex:
    """Entity mentions sorted by start, for overlap lookups."""

    starts: list[int]
    items: list[tuple[int, int, str, str]]  # start, end, entity id, canonical name

    @classmethod
    def build(cls, entities: Iterable[Any]) -> "EntityIndex":
        items = []
        for e in entities or ():
            for m in getattr(e, "mentions", ()) or ():
                items.append((m.start, m.end, e.id, e.name))
        items.sort()
        return cls([i[0] for i in items], items)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        hi = bisect.bisect_left(self.starts, end)
        return [it for it in self.items[max(0, hi - 64):hi] if it[1] > start]

    def resolve(self, start: int, end: int, head: tuple[int, int]) -> tuple[str, str] | None:
        """The entity the phrase names. Only a mention covering the head counts: in
        "a Moscow court" or "a Capitol rioter" the name only modifies another referent."""
        on_head = [h for h in self.overlapping(start, end) if h[0] < head[1] and head[0] < h[1]]
        if not on_head:
            return None
        best = max(on_head, key=lambda h: min(end, h[1]) - max(start, h[0]))
        return best[2], best[3]


def phrase(tok: Any) -> tuple[int, int]:
    """Token indices [i, j) of the noun phrase headed by tok: its left modifiers and
    compound/flat right parts, not its relative clauses or prepositional tails."""
    if tok.pos_ == "PRON":
        return tok.i, tok.i + 1
    left = tok.i
    for c in tok.lefts:
        if c.dep_ in ("det", "compound", "amod", "poss", "nmod", "nummod", "quantmod", "case") or c.dep_ == "punct" and c.text in "-'":
            left = min(left, c.left_edge.i)
    right = tok.i + 1
    for c in tok.rights:
        if c.dep_ in ("compound", "flat", "case") and c.i == right:
            right = c.i + 1
    return left, right


def _apposed(tok: Any, chunk_offset: int, index: EntityIndex) -> tuple[str, str] | None:
    for c in tok.rights:
        if c.dep_ == "appos":
            i, j = phrase(c)
            doc = c.doc
            hit = index.resolve(chunk_offset + doc[i].idx, chunk_offset + doc[j - 1].idx + len(doc[j - 1].text),
                                (chunk_offset + c.idx, chunk_offset + c.idx + len(c.text)))
            if hit:
                return hit
    return None


def argument(tok: Any, chunk_offset: int, text: str, index: EntityIndex) -> Argument | None:
    if tok is None:
        return None
    if tok.text.lower() in RELATIVE and tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "the court that sentenced him": the court
    doc = tok.doc
    i, j = phrase(tok)
    start, end = chunk_offset + doc[i].idx, chunk_offset + doc[j - 1].idx + len(doc[j - 1].text)
    head = (chunk_offset + tok.idx, chunk_offset + tok.idx + len(tok.text))
    hit = index.resolve(start, end, head)
    if not hit:
        hit = _apposed(tok, chunk_offset, index)  # "the organizer, activist Dana Omarova"
    if hit:
        return Argument(text=text[start:end], start=start, end=end, entity=hit[0], name=hit[1])
    return Argument(text=text[start:end], start=start, end=end)


__all__ = ["EntityIndex", "phrase", "argument"]
