"""Headlines: the first line of a piece names the event its lead then reports.

A headline and the body sentence that restates it are one event to an
analyst, so a headline event that a body event of the same type matches
(same entities, the headline's head words in the body's arguments, the same
place; or, failing that, the first such event of the lead paragraph) is
folded into that body event, lending it only what the body left out (a
charge, a place). A headline event with no body counterpart stays, marked
`"headline": true`: it is worded in headlinese, without a date.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..model import Argument, Event

MAX_WORDS = 25
_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")


def headline_spans(parsed: Any) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(headline, lead paragraph) as character spans, when the piece opens with a headline:
    a short first line without a full stop, followed by more text."""
    chunks = [c for c in getattr(parsed, "chunks", ()) if c.text.strip()]
    if len(chunks) < 2:
        return None
    first = chunks[0].text.strip()
    if first[-1] in ".!?" or len(first.split()) > MAX_WORDS:
        return None
    return (chunks[0].offset, chunks[0].end), (chunks[1].offset, chunks[1].end)


def _head_word(arg: Argument) -> str | None:
    words = _WORD.findall(arg.text.lower())
    return words[-1].rstrip("s") if words else None


def _compare(h: Argument | None, b: Argument | None) -> int:
    """1 when the two arguments name the same party, -1 when they clearly do not, else 0."""
    if h is None or b is None:
        return 0
    if h.entity and b.entity:
        return 1 if h.entity == b.entity else -1
    hw, bw = _head_word(h), _head_word(b)
    if hw and hw in {w.rstrip("s") for w in _WORD.findall(b.text.lower())}:
        return 1
    if bw and bw in {w.rstrip("s") for w in _WORD.findall(h.text.lower())}:
        return 1
    return 0


def _score(h: Event, b: Event) -> int | None:
    """How well body event b restates headline event h; None when they cannot be one event."""
    if h.type != b.type:
        return None
    roles = [_compare(h.actor, b.actor), _compare(h.target, b.target)]
    if -1 in roles or (h.date and b.date and h.date != b.date):
        return None
    return sum(roles) + (1 if h.location and h.location == b.location else 0)


def fold_headline(events: list[Event], headline: tuple[int, int], lead: tuple[int, int]) -> list[Event]:
    out = list(events)
    for h in [e for e in events if headline[0] <= e.trigger.start < headline[1]]:
        body = [(k, e) for k, e in enumerate(out) if e is not None and e.trigger.start >= headline[1]]
        scored = [(s, k) for k, e in body if (s := _score(h, e)) is not None]
        best = max((sk for sk in scored if sk[0] > 0), key=lambda sk: sk[0], default=None)
        if best is None:  # no shared party: the lead's first event of the type is the one the headline sums up
            best = next(((s, k) for s, k in scored if lead[0] <= out[k].trigger.start < lead[1]), None)
        pos = next(k for k, e in enumerate(out) if e is h)
        if best is None:
            out[pos] = replace(h, attributes={**h.attributes, "headline": True})
            continue
        b = out[best[1]]
        out[best[1]] = replace(b, location=b.location or h.location,
                               attributes={**{k: v for k, v in h.attributes.items()}, **b.attributes})
        out[pos] = None  # type: ignore[call-overload]
    return [e for e in out if e is not None]


__all__ = ["headline_spans", "fold_headline"]
