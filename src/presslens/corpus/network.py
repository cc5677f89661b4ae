"""Who quotes whom: outlet → speaker and speaker → speaker graphs for Gephi.

Built with networkx from the quotes table when asked for (counting is one
pass over the quotes); an edge carries its total count and a count per
month. Speaker → speaker means a quote by A names B (A answers or speaks
about B), matched on the surname of every speaker known to the store.
"""
from __future__ import annotations

import io
import re
from collections import Counter, defaultdict
from typing import Any, Iterable

import networkx as nx

from .text import latin


def _surname(name: str) -> str:
    parts = [p for p in name.split() if latin(p)]
    return parts[-1] if parts else ""


def build(rows: Iterable[dict[str, Any]]) -> nx.DiGraph:
    rows = list(rows)
    g = nx.DiGraph()
    counts: Counter = Counter()
    months: dict[tuple[str, str], Counter] = defaultdict(Counter)
    speakers = {r["speaker"] for r in rows}
    by_surname = {}
    for s in speakers:
        sur = _surname(s)
        if len(sur) >= 3:
            by_surname.setdefault(sur, s)
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(by_surname, key=len, reverse=True))) + r")\b") \
        if by_surname else None
    for r in rows:
        spk, outlet, month = r["speaker"], r["outlet"] or "?", r["month"] or "undated"
        edges = [(f"outlet:{outlet}", f"speaker:{spk}")]
        if pattern:
            for m in set(pattern.findall(r["content"] or "")):
                other = by_surname[m]
                if other != spk:
                    edges.append((f"speaker:{spk}", f"speaker:{other}"))
        for a, b in edges:
            counts[(a, b)] += 1
            months[(a, b)][month] += 1
    for (a, b), n in counts.items():
        for node in (a, b):
            kind, label = node.split(":", 1)
            g.add_node(node, kind=kind, label=label)
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
