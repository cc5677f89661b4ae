"""When an event happened: the dates of a sentence, the one that belongs to the
trigger's clause chain, and a date carried over when a next sentence restates a decision."""
from __future__ import annotations

from dataclasses import replace
from typing import Any, TYPE_CHECKING

from ..model import Argument, Event
from .dates import DateMention, day_shift, find_dates, shift_day
from .quantities import find_durations
from .syntax import _conj_chain, _pos

if TYPE_CHECKING:  # annotation only: extraction.py imports this module
    from .extraction import Context


def _sentence_dates(sent: Any, base: int, ctx: Context) -> list[tuple[DateMention, int, int]]:
    """Dates in the sentence (global offsets), minus durations and boilerplate."""
    stext = sent.text
    durs = find_durations(stext)
    out = []
    for d in find_dates(stext, ctx.anchor):
        if any(q.start < d.end and d.start < q.end for q in durs):
            continue  # "4 years and 8 months": a duration, never a date
        s, e = base + d.start, base + d.end
        if ctx.in_boilerplate(s, e):
            continue
        if d.kind == "day_shift":
            last = _last_day(ctx, s)
            d = replace(d, value=shift_day(last, day_shift(stext[d.start:d.end])) if last else None)
        out.append((d, s, e))
    return out


_DAY_KINDS = ("iso", "dotted", "mdy", "dmy", "md", "dm", "weekday", "rel_day")
LOOKBACK = 3000  # characters: "the day before" points at a day named in the last paragraphs


def _last_day(ctx: Context, pos: int) -> str | None:
    """The last calendar day named before pos ('on Tuesday', 'on June 6'), outside boilerplate."""
    lo = max(0, pos - LOOKBACK)
    window = ctx.text[lo:pos]
    durs = find_durations(window)
    for d in reversed(find_dates(window, ctx.anchor)):
        if d.kind in _DAY_KINDS and d.value and not ctx.in_boilerplate(lo + d.start, lo + d.end) and not any(
                q.start < d.end and d.start < q.end for q in durs):
            return d.value
    return None


def _own_date(tok: Any, dates: list[tuple[DateMention, int, int]], chunk_off: int) -> bool:
    """A date inside the noun's own phrase: "the March 3 hearing", "the protest on Saturday"."""
    sub = list(tok.subtree)
    a, b = chunk_off + sub[0].idx, chunk_off + sub[-1].idx + len(sub[-1].text)
    return any(a <= s and e <= b for _, s, e in dates)


SEQUENCE_PREPS = {"after", "before", "following", "since", "prior", "until", "till"}


def _date_for(tok: Any, gov: Any, dates: list[tuple[DateMention, int, int]], chunk_off: int,
              future: bool, ctx: Context) -> str | None:
    if not dates:
        return None
    doc = tok.doc
    chain = set(t.i for t in _conj_chain(gov))
    own = set(t.i for t in tok.subtree) if _pos(tok) == "N" else set()
    if own and tok.dep_ == "pobj" and tok.head.text.lower() in SEQUENCE_PREPS:
        chain = set()  # "detained on Tuesday after a rally": the rally came before Tuesday, on a day not given
    best = None
    for d, s, e in dates:
        # the token where the date starts, and the nearest verb above it
        t = next((x for x in doc if chunk_off + x.idx >= s), None)
        if t is None:
            continue
        if t.i in own:
            best = (d, s, e)
            break
        v = t
        for _ in range(8):
            if v.head.i == v.i:
                break
            v = v.head
            if _pos(v) == "V" and v.tag_ != "VBG" or v.dep_ == "ROOT":
                break
        if v.i in chain:
            best = (d, s, e)
            break
    if best is None and gov.dep_ in ("relcl", "advcl"):
        # "by March 1, when 12 states hold primaries": the clause describes the date itself
        hs, he_ = chunk_off + gov.head.idx, chunk_off + gov.head.idx + len(gov.head.text)
        best = next(((d, s, e) for d, s, e in dates if s < he_ and hs < e), None)
    if best is None:
        return None
    d, s, e = best
    if future and d.kind in ("weekday", "md", "dm", "rel_period", "month"):
        again = find_dates(ctx.text[s:e], ctx.anchor, future=True)
        return again[0].value if again else d.value
    return d.value


# Court decisions that a next sentence often restates: "... found X guilty. He was convicted under ..."
CARRY_TYPES = {"convict", "acquit", "sentence"}
PERSONAL = {"he", "she", "they", "him", "her", "them"}
# Words that move the story to another time: the restated decision may be an earlier or later one
OTHER_TIME = {"earlier", "previously", "later", "subsequently", "afterwards", "already", "formerly", "again",
              "once", "also", "before", "since", "then", "first", "last", "next"}


def _same_case_date(etype: str, target: Argument | None, prev: list[Event], sent: Any) -> str | None:
    """The date of a dated decision of the same type in the sentence just before, when this
    one restates it about the same person (same entity, or a personal pronoun): "On March 3 the
    court found X guilty of fraud. He was convicted under article 190 ..." is one conviction."""
    if etype not in CARRY_TYPES or target is None or any(t.text.lower() in OTHER_TIME for t in sent):
        return None
    for ev in reversed(prev):
        if ev.type != etype or ev.date is None or ev.target is None:
            continue
        if (target.entity is not None and target.entity == ev.target.entity) or (
                target.text.lower() in PERSONAL and target.entity is None):
            return ev.date
        return None  # the nearest earlier decision of this type is about someone else
    return None
