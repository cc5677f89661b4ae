"""Terminal rendering of stored results with rich (used by the CLI only)."""
from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

TYPE_STYLES = {"PERSON": "bold cyan", "ORG": "bold magenta", "GPE": "bold green", "LOC": "green",
               "NORP": "yellow", "FAC": "green", "EVENT": "blue", "PRODUCT": "magenta"}


def article_text(r: dict[str, Any]) -> Text:
    """The article with boilerplate dimmed, damage underlined red, entities coloured, quotes italic."""
    t = Text(r["text"])
    for q in r.get("quotes", []):
        t.stylize("italic", q["start"], q["end"])
    for e in r.get("entities", []):
        for m in e.get("mentions", []):
            t.stylize(TYPE_STYLES.get(e["type"], "bold"), m["start"], m["end"])
    for d in r.get("damage", []):
        t.stylize("underline red", d["start"], d["end"])
    for b in r.get("boilerplate", []):
        t.stylize("dim strike", b["start"], b["end"])
    return t


def _snip(text: str, start: int, end: int, width: int = 160) -> str:
    s = " ".join(text[start:end].split())
    return s if len(s) <= width else s[: width - 1] + "…"


def article_view(r: dict[str, Any], full_text: bool = True) -> Group:
    text = r["text"]
    head = Table.grid(padding=(0, 2))
    for k in ("id", "title", "source", "url", "published", "language"):
        if r.get(k):
            head.add_row(Text(k, style="bold"), str(r[k]))
    if r.get("genre"):
        unsure = ", unsure" if r["genre"].get("unsure") else ""
        head.add_row(Text("genre", style="bold"), f"{r['genre']['label']} ({r['genre']['score']:.2f}{unsure})")
    if r.get("frames"):
        head.add_row(Text("frames", style="bold"), ", ".join(f"{f['label']} ({f['score']:.2f}{', unsure' if f.get('unsure') else ''})"
                                                             for f in r["frames"]))
    parts: list[Any] = [Panel(head, title="article", expand=False)]
    if full_text:
        parts.append(Panel(article_text(r), title="text (dim: boilerplate, red: damage)"))
    if r.get("damage"):
        tab = Table("kind", "at", "note", title="scraping damage")
        for d in r["damage"]:
            tab.add_row(d["kind"], _snip(text, d["start"], d["end"], 70), d.get("note", ""))
        parts.append(tab)
    if r.get("entities"):
        tab = Table("name", "type", "aliases", "roles", "mentions", title="entities")
        for e in r["entities"]:
            tab.add_row(Text(e["name"], style=TYPE_STYLES.get(e["type"], "")), e["type"], "; ".join(e["aliases"]),
                        "; ".join(e["roles"]), str(len(e["mentions"])))
        parts.append(tab)
    if r.get("quotes"):
        tab = Table("speaker", "kind", "cue", "channel", "what was said", title="who said what")
        for q in r["quotes"]:
            sp = q.get("speaker") or {}
            tab.add_row(Text(sp.get("name") or "?", style="bold cyan"), q["kind"], (q.get("cue") or {}).get("text", ""),
                        q.get("channel") or "", _snip(text, q["start"], q["end"]))
        parts.append(tab)
    if r.get("events"):
        tab = Table("date", "type", "trigger", "actor", "target", "attributes", title="events")
        for e in r["events"]:
            arg = lambda a: (a or {}).get("name") or (a or {}).get("text") or ""  # noqa: E731
            attrs = ", ".join(f"{k}={v}" for k, v in (e.get("attributes") or {}).items())
            tab.add_row(e.get("date") or "", e["type"], _snip(text, e["trigger"]["start"], e["trigger"]["end"], 30),
                        arg(e.get("actor")), arg(e.get("target")), attrs)
        parts.append(tab)
    if r.get("techniques"):
        tab = Table("technique", "score", "span", title="persuasion techniques")
        for t in r["techniques"]:
            tab.add_row(t["label"], f"{t['score']:.2f}", _snip(text, t["start"], t["end"], 100))
        parts.append(tab)
    return Group(*parts)


def summary_table(rows: list[dict[str, Any]], title: str = "analysed") -> Table:
    tab = Table("id", "title / source", "chars", "boilerplate", "damage", "entities", "quotes", "events",
                "techniques", title=title)
    for r in rows:
        tab.add_row(r["id"][7:19], (r.get("title") or r["source"])[:60], str(len(r["text"])),
                    str(len(r["boilerplate"])), str(len(r["damage"])), str(len(r["entities"])),
                    str(len(r["quotes"])), str(len(r["events"])), str(len(r["techniques"])))
    return tab


def console(stderr: bool = False) -> Console:
    # markup off: article content must never be read as rich markup ("[court]")
    return Console(stderr=stderr, highlight=False, soft_wrap=False, markup=False)
