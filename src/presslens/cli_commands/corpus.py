"""Corpus commands: `stories`, `duplicates`, `trace`, `network` (thin shells over presslens.corpus.views)."""
from __future__ import annotations

import argparse
import json
import sys

from ..store import DEFAULT_PATH, Store


def register(subparsers) -> None:
    p = subparsers.add_parser("stories", help="articles grouped into stories across outlets and languages")
    _common(p, 50)
    p.set_defaults(func=cmd_stories)

    p = subparsers.add_parser("duplicates", help="reprints and near-duplicates, each linked to its earliest copy")
    _common(p, 50)
    p.set_defaults(func=cmd_duplicates)

    p = subparsers.add_parser("trace", help="where a quote first appeared, who carried it, how its words changed")
    p.add_argument("quote", metavar="QUOTE", help="a quote group id (from `quotes --json`) or words of the quote")
    _db(p)
    p.add_argument("--json", action="store_true", help="one JSON object instead of tables")
    p.set_defaults(func=cmd_trace)

    p = subparsers.add_parser("network", help="who quotes whom (outlet → speaker, speaker → speaker) for Gephi")
    _db(p)
    p.add_argument("--format", choices=("gexf", "graphml"), default="gexf", help="graph file format (default gexf)")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    p.set_defaults(func=cmd_network)


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=DEFAULT_PATH, metavar="PATH", help=f"SQLite store (default ./{DEFAULT_PATH})")


def _common(p: argparse.ArgumentParser, limit: int) -> None:
    _db(p)
    p.add_argument("--limit", type=int, default=limit, help=f"rows in the table (default {limit}; --json prints all)")
    p.add_argument("--json", action="store_true", help="JSON Lines instead of a table")


def _open(args: argparse.Namespace) -> Store:
    return Store(args.db, readonly=True)


def cmd_stories(args: argparse.Namespace) -> int:
    from rich.table import Table

    from ..corpus import views
    from ..render import console

    with _open(args) as store:
        if args.json:
            for s in views.stories(store):
                sys.stdout.write(json.dumps(s, ensure_ascii=False) + "\n")
            return 0
        rows = list(views.stories(store, limit=args.limit))
    tab = Table("story", "first seen", "articles", "outlets", "languages", "title", "top entities", title="stories")
    for s in rows:
        tab.add_row(s["id"], s["first_seen"] or "", str(len(s["articles"])), str(len(s["outlets"])),
                    ", ".join(s["languages"]), (s["title"] or "")[:60], ", ".join(s["entities"][:3]))
    console().print(tab)
    return 0


def cmd_duplicates(args: argparse.Namespace) -> int:
    from rich.table import Table

    from ..corpus import views
    from ..render import console

    with _open(args) as store:
        groups = views.duplicates(store, None if args.json else args.limit)
    if args.json:
        for g in groups:
            out = {"canonical": {k: g["canonical"][k] for k in ("id", "url")},
                   "copies": [{k: c[k] for k in ("id", "url", "similarity")} for c in g["copies"]]}
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        return 0
    tab = Table("earliest copy", "title / source", "reprints", "least similar", title="reprints and near-duplicates")
    for g in groups:
        c = g["canonical"]
        tab.add_row(c["id"][7:19], (c["title"] or c["source"] or "")[:60], f"+{len(g['copies'])}",
                    f"{min(x['similarity'] for x in g['copies']):.2f}")
    console().print(tab)
    return 0


def cmd_trace(args: argparse.Namespace) -> int:
    from rich.table import Table

    from ..corpus import views
    from ..render import console

    with _open(args) as store:
        t = views.trace(store, args.quote)
    if args.json:
        print(json.dumps(t, ensure_ascii=False))
        return 0
    tab = Table("#", "published", "outlet", "lang", "kind", "speaker", "wording (changes against the first)",
                title=f"quote {t['group']} by {t['speaker'] or '?'}")
    for i, a in enumerate(t["appearances"]):
        art, q = a["article"], a["quote"]
        tab.add_row(str(i), art["published"] or "", art["source"] or "", art["language"] or "", q["kind"],
                    a["speaker"] or "?", (a["variant"] or q["text"])[:200])
    console().print(tab)
    if t["drift"]:
        d = Table("appearance", "drift", "detail", title="drift")
        for x in t["drift"]:
            d.add_row(str(x["appearance"]), x["kind"], x["detail"])
        console().print(d)
    return 0


def cmd_network(args: argparse.Namespace) -> int:
    from ..corpus import network

    with _open(args) as store:
        g = network.build(store.quote_edges())
    text = network.export(g, args.format)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            out.write(text)
    else:
        sys.stdout.write(text)
    print(f"presslens: network of {g.number_of_nodes()} nodes and {g.number_of_edges()} edges"
          + (f" written to {args.output}" if args.output else ""), file=sys.stderr)
    return 0


# -- helpers that `search` and `quotes` (cli.py) use to fold reprints ----------
def collapse(store: Store, items: list, key, expand: bool, limit: int) -> list[tuple[object, int]]:
    """Items with reprints of an earlier item folded in, as (item, reprints folded); all when expand."""
    import sqlite3

    from ..corpus import views

    if expand:
        return [(x, 0) for x in items[:limit]]
    try:
        kept = dict(views.collapse(store, list(dict.fromkeys(key(x) for x in items))))
    except sqlite3.OperationalError:  # a store from before the corpus layer
        return [(x, 0) for x in items[:limit]]
    out, seen = [], set()
    for x in items:
        k = key(x)
        if k in kept and k not in seen:
            seen.add(k)
            out.append((x, kept[k]))
    return out[:limit]


def semantic_hits(store: Store, query: str, limit: int, filters: dict) -> list:
    from ..corpus.semantic import search
    from ..store import SearchHit

    return [SearchHit(**h) for h in search(store, query, limit=limit, **filters)]


def fold_quotes(store: Store, rows: list[dict], expand: bool, limit: int) -> list[tuple[dict, int]]:
    """Quote rows with the same quote in reprints of one article folded: (row, reprints folded)."""
    import sqlite3

    if expand:
        return [(r, 0) for r in rows[:limit]]
    try:
        info = store.reprint_counts(list(dict.fromkeys(r["article"] for r in rows)))
    except sqlite3.OperationalError:
        return [(r, 0) for r in rows[:limit]]
    out: list[list] = []
    index: dict[tuple, int] = {}
    for r in rows:
        canon = info.get(r["article"], (r["article"], 0))[0]
        key = (canon, r.get("group") or (r["article"], r["start"]))
        if key in index:
            out[index[key]][1] += 1
            continue
        index[key] = len(out)
        out.append([r, 0])
    return [(r, n) for r, n in out[:limit]]
