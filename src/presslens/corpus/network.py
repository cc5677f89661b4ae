"""Who quotes whom: outlet → speaker and speaker → speaker graphs, for Gephi and the web view.

Built with networkx from the quotes table when asked for (counting is one
pass over the quotes); an edge carries its total count and a count per
month. Speaker → speaker means a quote by A names B (A answers or speaks
about B). One person quoted in two scripts is one node: speakers are keyed
by first initial and surname skeleton of their Latin name, and B is found in
A's words by surname, as written or as a Latin consonant skeleton, so
"Путина" in a Russian quote names "Vladimir Putin".
"""
from __future__ import annotations

import io
import re
from collections import Counter, defaultdict
from typing import Any, Iterable

import networkx as nx
from markupsafe import Markup, escape

from ..lang.names import name_key
from .quotes import is_named
from .text import anchors, latin, skeleton


def _surname(name: str) -> str:
    parts = [p for p in name.split() if latin(p)]
    return parts[-1] if parts else ""


def _person_key(name: str) -> tuple[str, str]:
    """(first initial, surname skeleton): "Donald Trump" and the transliterated "Donald Tramp" meet,
    "Ivanka Trump" stays apart."""
    parts = [p for p in name.replace("-", " ").split() if latin(p)]
    if not parts:
        return "", name_key(name) or name
    return (latin(parts[0])[:1] if len(parts) > 1 else ""), skeleton(parts[-1], size=6)


def _speaker_nodes(rows: list[dict[str, Any]]) -> dict[str, str]:
    """Each raw speaker name -> its node label (the Latin name when known), one label per person key;
    a bare surname joins the one full name with that surname when there is exactly one."""
    label_of_key: dict[tuple[str, str], str] = {}
    key_of: dict[str, tuple[str, str]] = {}
    for r in rows:
        display = r.get("speaker_latin") or r["speaker"]
        key = _person_key(display) if is_named(display) else ("", name_key(display) or display)
        key_of[r["speaker"]] = key
        label_of_key.setdefault(key, display)
    full: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for initial, surname in label_of_key:
        if initial:
            full[surname].append((initial, surname))
    out = {}
    for raw, key in key_of.items():
        if not key[0] and len(full.get(key[1], [])) == 1:
            key = full[key[1]][0]
        out[raw] = label_of_key[key]
    return out


def _named_by(labels: Iterable[str], key) -> dict[str, str]:
    """Surname (or its skeleton) -> the one speaker a quote means by it: the only named speaker with
    that surname, else the speaker known by the bare surname; two Trumps and no bare one: nobody."""
    groups: dict[str, set[str]] = defaultdict(set)
    for n in labels:
        k = key(n) if is_named(n) else ""  # "the experts" is named by no quote
        if len(k) >= 3:
            groups[k].add(n)
    out = {}
    for k, names in groups.items():
        bare = [n for n in names if len(n.split()) == 1]
        if len(names) == 1 or len(bare) == 1:
            out[k] = names.pop() if len(names) == 1 else bare[0]
    return out


# What a person or organisation said or wrote; an unnamed source ("unknown", "officials") is no node.
STATEMENT_ACTS = (None, "speech", "writing")


def build(rows: Iterable[dict[str, Any]]) -> nx.DiGraph:
    rows = [r for r in rows if r.get("act") in STATEMENT_ACTS and r.get("source_kind") != "unnamed"]
    g = nx.DiGraph()
    counts: Counter = Counter()
    months: dict[tuple[str, str], Counter] = defaultdict(Counter)
    label = _speaker_nodes(rows)
    by_surname = _named_by(label.values(), _surname)
    by_skeleton = _named_by(label.values(), lambda n: skeleton(_surname(n)))
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(by_surname, key=len, reverse=True))) + r")\b") \
        if by_surname else None
    for r in rows:
        spk, outlet, month = label[r["speaker"]], r["outlet"] or "?", r["month"] or "undated"
        edges = [(f"outlet:{outlet}", f"speaker:{spk}")]
        content = r["content"] or ""
        named = {by_surname[m] for m in pattern.findall(content)} if pattern else set()
        named |= {by_skeleton[k] for k in set(anchors(content)) if k in by_skeleton}
        for other in sorted(named - {spk}):
            edges.append((f"speaker:{spk}", f"speaker:{other}"))
        for a, b in edges:
            counts[(a, b)] += 1
            months[(a, b)][month] += 1
    for (a, b), n in counts.items():
        for node in (a, b):
            kind, text = node.split(":", 1)
            g.add_node(node, kind=kind, label=text)
        g.add_edge(a, b, weight=n, kind="quotes" if a.startswith("outlet:") else "names",
                   months=";".join(f"{m}={c}" for m, c in sorted(months[(a, b)].items())))
    return g


def export(g: nx.DiGraph, fmt: str) -> str:
    buf = io.BytesIO()
    if fmt == "gexf":
        nx.write_gexf(g, buf)
    elif fmt == "graphml":
        nx.write_graphml(g, buf)
    else:
        raise ValueError(f"unknown network format {fmt!r}")
    return buf.getvalue().decode("utf-8")


def edge_rows(g: nx.DiGraph, kind: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """The edges as records, heaviest first: {"source", "target", "kind", "count", "months": {month: n}}."""
    out = []
    for a, b, d in g.edges(data=True):
        if kind and d["kind"] != kind:
            continue
        per_month = {m: int(c) for m, c in (x.split("=") for x in d["months"].split(";") if x)}
        out.append({"source": g.nodes[a]["label"], "source_kind": g.nodes[a]["kind"], "target": g.nodes[b]["label"],
                    "kind": d["kind"], "count": int(d["weight"]), "months": per_month})
    out.sort(key=lambda e: (-e["count"], e["source"], e["target"]))
    return out[:limit] if limit else out


def svg(edges: list[dict[str, Any]], width: int = 720) -> Markup:
    """Outlets in the left column, speakers in the right; a quotes edge is a line from outlet to
    speaker, a names edge an arc between two speakers (bulging left); stroke width grows with the count."""
    if not edges:
        return Markup('<p class="empty">No quotes with a speaker yet.</p>')
    left = list(dict.fromkeys(e["source"] for e in edges if e["kind"] == "quotes"))
    right = list(dict.fromkeys([e["target"] for e in edges] + [e["source"] for e in edges if e["kind"] == "names"]))
    row, top = 22, 20
    height = top * 2 + row * max(len(left), len(right), 1)
    lx, rx = 170, width - 190
    ly = {n: top + row * (i + 0.5) for i, n in enumerate(left)}
    ry = {n: top + row * (i + 0.5) for i, n in enumerate(right)}
    most = max(e["count"] for e in edges)
    parts = [f'<svg class="network" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="who quotes whom: {len(left)} outlets, {len(right)} speakers">']
    for e in edges:
        w = 1 + 5 * e["count"] / most
        tip = f'<title>{escape(e["source"])} → {escape(e["target"])}: {e["count"]}</title>'
        if e["kind"] == "quotes":
            parts.append(f'<line class="edge quotes" x1="{lx}" y1="{ly[e["source"]]:.1f}" x2="{rx}" '
                         f'y2="{ry[e["target"]]:.1f}" stroke-width="{w:.1f}">{tip}</line>')
        else:
            y1, y2 = ry[e["source"]], ry[e["target"]]
            bend = rx - 30 - abs(y2 - y1) / 3  # arcs bulge left of the speakers, clear of their labels
            parts.append(f'<path class="edge names" d="M{rx},{y1:.1f} C{bend:.1f},{y1:.1f} {bend:.1f},{y2:.1f} '
                         f'{rx},{y2:.1f}" fill="none" stroke-width="{w:.1f}">{tip}</path>')
    for n, y in ly.items():
        parts.append(f'<circle class="node outlet" cx="{lx}" cy="{y:.1f}" r="4"/>'
                     f'<text x="{lx - 8}" y="{y + 4:.1f}" text-anchor="end">{escape(n[:28])}</text>')
    for n, y in ry.items():
        parts.append(f'<circle class="node speaker" cx="{rx}" cy="{y:.1f}" r="4"/>'
                     f'<text x="{rx + 8}" y="{y + 4:.1f}">{escape(n[:28])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
