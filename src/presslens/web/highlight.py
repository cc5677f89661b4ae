"""The article text as HTML, with every annotation layer marked up.

Annotations overlap freely (a quote holds entity mentions, a technique
crosses a quote's end), so nested tags cannot follow them. Instead the text
is cut at every span boundary; each piece is escaped on its own and wrapped
in one flat <span> whose classes and hover title are the union of the layers
covering it. Badges (a quote's speaker, a technique's label) are inserted
as separate elements at span edges, never spliced into the text.

Everything taken from the record (text, names, labels, notes) goes through
`markupsafe.escape`; nothing here builds HTML from unescaped input.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

# Entity types with their own colour in the stylesheet; others share "ent-OTHER".
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT")


@dataclass(frozen=True)
class Layer:
    """One annotation drawn over [start, end)."""

    start: int
    end: int
    css: str  # classes added to every piece it covers
    title: str = ""  # a hover line for every piece it covers
    before: str = ""  # a badge (already escaped HTML) inserted at `start`
    after: str = ""  # a badge (already escaped HTML) inserted at `end`
    order: int = 0  # badges at one offset appear in this order


@dataclass
class Marked:
    """Output of `mark_up`: the HTML plus what was drawn, for the side panel."""

    html: Markup
    layers: int
    skipped: list[str] = field(default_factory=list)  # spans outside the text, reported not drawn


def _badge(css: str, text: str, anchor: str | None = None) -> str:
    ident = f' id="{escape(anchor)}"' if anchor else ""
    return f'<span class="badge {css}"{ident}>{escape(text)}</span>'


def _speaker_name(q: dict[str, Any]) -> str:
    sp = q.get("speaker") or {}
    return sp.get("name") or "unattributed"


def layers_of(record: dict[str, Any]) -> list[Layer]:
    """Every drawable span of an output-contract record, as layers."""
    out: list[Layer] = []
    for b in record.get("boilerplate") or []:
        out.append(Layer(b["start"], b["end"], "bp", f"boilerplate: {b.get('kind', '')}"))
    for d in record.get("damage") or []:
        note = f" ({d['note']})" if d.get("note") else ""
        out.append(Layer(d["start"], d["end"], "dmg", f"damage: {d.get('kind', '')}{note}"))
    for e in record.get("entities") or []:
        etype = e.get("type") or ""
        css = f"ent ent-{etype if etype in ENTITY_TYPES else 'OTHER'}"
        roles = "; ".join(e.get("roles") or [])
        title = f"{e.get('name', '')} ({etype})" + (f", roles: {roles}" if roles else "")
        for m in e.get("mentions") or []:
            out.append(Layer(m["start"], m["end"], css, title))
    for i, q in enumerate(record.get("quotes") or []):
        who = _speaker_name(q)
        kind = q.get("kind") or "direct"
        channel = f" via {q['channel']}" if q.get("channel") else ""
        out.append(Layer(q["start"], q["end"], f"q q-{kind if kind in ('direct', 'mixed', 'indirect') else 'other'}",
                         f"{kind} quote by {who}{channel}",
                         before=_badge("spk-label", who, f"quote-{i}"), order=1))
        sp = q.get("speaker")
        if sp and sp.get("end", 0) > sp.get("start", 0):
            out.append(Layer(sp["start"], sp["end"], "spk", f"speaker: {who}"))
        cue = q.get("cue")
        if cue and cue.get("end", 0) > cue.get("start", 0):
            out.append(Layer(cue["start"], cue["end"], "cue", f"cue: {cue.get('text', '')}"))
    for ev in record.get("events") or []:
        trig = ev.get("trigger") or {}
        bits = [f"event: {ev.get('type', '')}"]
        if ev.get("date"):
            bits.append(f"date {ev['date']}")
        for role in ("actor", "target"):
            arg = ev.get(role)
            if arg:
                bits.append(f"{role} {arg.get('name') or arg.get('text') or ''}")
        if "start" in trig:
            out.append(Layer(trig["start"], trig["end"], "ev", ", ".join(bits)))
    for t in record.get("techniques") or []:
        label = t.get("label", "")
        out.append(Layer(t["start"], t["end"], "tech", f"technique: {label} ({t.get('score', 0):.2f})",
                         after=_badge("tech-label", label), order=2))
    return out


def mark_up(text: str, layers: list[Layer]) -> Marked:
    """Flat HTML of `text` with `layers` drawn; bad spans are skipped and listed."""
    n = len(text)
    good: list[Layer] = []
    skipped: list[str] = []
    for lay in layers:
        if not (isinstance(lay.start, int) and isinstance(lay.end, int)) or not 0 <= lay.start <= lay.end <= n:
            skipped.append(f"{lay.css} ({lay.start}, {lay.end})")
            continue
        good.append(lay)

    cuts = sorted({0, n, *(x.start for x in good), *(x.end for x in good)})
    # For each piece [cuts[i], cuts[i+1]) the layers covering it; sweeping with
    # start/end events keeps this O(pieces + layers) instead of pieces x layers.
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    badges_at: dict[int, list[tuple[int, int, str]]] = {}
    for idx, lay in enumerate(good):
        if lay.end > lay.start:
            opens.setdefault(bisect_left(cuts, lay.start), []).append(idx)
            closes.setdefault(bisect_left(cuts, lay.end), []).append(idx)
        # badges: `after` ones first at an offset (they close what came before)
        if lay.after:
            badges_at.setdefault(lay.end, []).append((0, lay.order, lay.after))
        if lay.before:
            badges_at.setdefault(lay.start, []).append((1, lay.order, lay.before))

    parts: list[str] = []
    active: set[int] = set()
    for i, pos in enumerate(cuts):
        for idx in closes.get(i, ()):
            active.discard(idx)
        for idx in opens.get(i, ()):
            active.add(idx)
        for _, _, html in sorted(badges_at.get(pos, ()), key=lambda b: (b[0], b[1])):
            parts.append(html)
        if i + 1 >= len(cuts):
            break
        piece = escape(text[pos:cuts[i + 1]])
        if not active:
            parts.append(str(piece))
            continue
        ordered = sorted(active)
        classes = " ".join(dict.fromkeys(c for idx in ordered for c in good[idx].css.split()))
        title = "\n".join(dict.fromkeys(good[idx].title for idx in ordered if good[idx].title))
        hover = f' title="{escape(title)}"' if title else ""
        parts.append(f'<span class="{escape(classes)}"{hover}>{piece}</span>')
    return Marked(Markup("".join(parts)), len(good), skipped)


def article_html(record: dict[str, Any]) -> Marked:
    text = record.get("text") or ""
    return mark_up(text, layers_of(record))


__all__ = ["Layer", "Marked", "layers_of", "mark_up", "article_html", "ENTITY_TYPES"]
