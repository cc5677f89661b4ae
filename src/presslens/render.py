"""Terminal rendering of stored results with rich (used by the CLI only).

Every table is laid out for the width it is printed at (a tmux pane, a pipe
at 80 columns, a wide terminal). A column never shrinks below its header, so
no header is cut; where the columns do not fit, the least needed ones fold
into a neighbour as a dim line under its value ("direct · said · Telegram"
under the speaker), so that a quote still reads as lines of text. Text cut
to a length always ends with "…".
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from rich.cells import cell_len
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

TYPE_STYLES = {"PERSON": "bold cyan", "ORG": "bold magenta", "GPE": "bold green", "LOC": "green",
               "NORP": "yellow", "FAC": "green", "EVENT": "blue", "PRODUCT": "magenta"}
ID_WIDTH = 12  # `presslens show` takes any unique prefix; 12 hex digits are unique in any real store


def clip(text: str | None, width: int) -> str:
    """`text` on one line, at most `width` characters, ending with "…" when cut."""
    s = " ".join((text or "").split())
    return s if len(s) <= width else s[: width - 1].rstrip() + "…"


def short_id(doc_id: str) -> str:
    return doc_id.removeprefix("sha256:")[:ID_WIDTH]


def plural(n: int, noun: str) -> str:
    """ "1 article", "2 articles"; "1 entity", "2 entities"."""
    if n == 1:
        return f"{n:,} {noun}"
    many = noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"
    return f"{n:,} {many}"


# -- fitting a table to the width ---------------------------------------------
@dataclass(frozen=True)
class Col:
    key: str
    header: str
    min_width: int = 0          # never narrower (nor narrower than the header)
    max_width: int | None = None
    grow: bool = False          # takes the room left over (running text)
    justify: str = "left"
    no_wrap: bool = False       # cut with "…" instead of wrapping
    fold_into: str | None = None  # the column it joins when there is no room for it
    fold_rank: int = 0          # lower folds first
    fold_fmt: str = "{}"        # how it reads inside the other column: "score {}", "roles: {}"
    fold_noun: str | None = None  # a count folds as "1 quote", "3 quotes"; a zero count not at all
    fold_first: bool = False    # shown above the value it joins (a title above its snippet)
    fold_line: bool = False     # on a line of its own rather than joined with " · " (an article id)

    @property
    def least(self) -> int:
        return max(self.min_width, len(self.header))


def _needed(cols: Sequence[Col]) -> int:
    return sum(c.least for c in cols) + 3 * len(cols) + 1  # "│ " + cell + " " per column, closing "│"


def fit_columns(cols: Sequence[Col], width: int) -> tuple[list[Col], list[Col]]:
    """(shown, folded): fold the lowest-ranked foldable columns until the rest fit in `width`."""
    shown = list(cols)
    foldable = sorted((c for c in cols if c.fold_into), key=lambda c: c.fold_rank)
    folded: list[Col] = []
    while _needed(shown) > width and foldable:
        c = foldable.pop(0)
        shown.remove(c)
        folded.append(c)
    return shown, folded


def _as_text(value: Any) -> Text:
    if isinstance(value, Text):
        return value
    return Text("" if value is None else str(value))


def _folded(c: Col, value: Text) -> str | None:
    if c.fold_noun:
        n = int(value.plain.replace(",", "") or 0)
        return plural(n, c.fold_noun) if n else None
    return c.fold_fmt.format(value.plain)


def _widths(shown: Sequence[Col], body: Sequence[Sequence[Text]], width: int) -> list[int]:
    """Each column as wide as its content within its bounds; running text gets the room left.

    Set here rather than left to rich, which narrows the widest column first: the
    running text, exactly the column that must stay readable.
    """
    longest = [max((cell_len(line) for row in body for line in row[i].plain.split("\n")), default=0)
               for i in range(len(shown))]
    out = [max(c.least, min(n, c.max_width or n)) for c, n in zip(shown, longest)]
    growing = [i for i, c in enumerate(shown) if c.grow]
    room = width - 3 * len(shown) - 1
    fixed = [i for i in range(len(shown)) if i not in growing]
    for i in growing:
        out[i] = shown[i].least
    # fixed columns give back room, the one furthest above its least width first
    while sum(out) > room:
        i = max(fixed, key=lambda j: out[j] - shown[j].least, default=None)
        if i is None or out[i] <= shown[i].least:
            break
        out[i] -= 1
    left = room - sum(out)
    for n, i in enumerate(growing):
        extra = max(left // (len(growing) - n), 0)
        grown = max(shown[i].least, min(shown[i].least + extra, longest[i]))
        left -= grown - shown[i].least
        out[i] = grown
    return out


Cell = tuple[Text, list[str], list[str]]  # the value (with anything folded above it), folded parts, own lines


def fit_table(cols: Sequence[Col], rows: Sequence[dict[str, Any]], width: int, title: str | None = None,
              caption: str | None = None) -> Table:
    shown, folded = fit_columns(cols, width)
    body = [_cells(row, cols, shown, folded) for row in rows]
    widths = _widths(shown, [[_measure(c) for c in cells] for cells in body], width)
    tab = Table(title=title, caption=caption, expand=False)
    for c, w in zip(shown, widths):
        tab.add_column(c.header, width=w, justify=c.justify,  # type: ignore[arg-type]
                       no_wrap=c.no_wrap, overflow="ellipsis" if c.no_wrap else "fold")
    for cells in body:
        tab.add_row(*(_final(c, w) for c, w in zip(cells, widths)))
    return tab


def _measure(cell: Cell) -> Text:
    main, parts, own = cell
    # the parts as one line: the column grows to hold it, within its max_width
    return Text("\n").join([main, *([Text(" · ".join(parts))] if parts else []), *map(Text, own)])


def _final(cell: Cell, width: int) -> Text:
    """Folded parts joined with " · ", a line break only between two parts, never inside one."""
    main, parts, own = cell
    lines: list[str] = []
    for p in parts:
        if lines and cell_len(lines[-1] + " · " + p) <= width:
            lines[-1] += " · " + p
        else:
            lines.append(p)
    lines += own
    if not lines:
        return main
    extra = Text("\n".join(lines), style="dim")
    return Text("\n").join([main, extra]) if main.plain else extra


def _cells(row: dict[str, Any], cols: Sequence[Col], shown: Sequence[Col], folded: Sequence[Col]) -> list[Cell]:
    by_key = {c.key: c for c in shown}
    cells = {c.key: _as_text(row.get(c.key)) for c in shown}
    above: dict[str, list[Text]] = {}
    below: dict[str, list[str]] = {}
    own: dict[str, list[str]] = {}
    for c in sorted(folded, key=lambda c: [x.key for x in cols].index(c.key)):
        host = c.fold_into
        while host not in by_key:  # the host itself folded: follow it
            host = next(x.fold_into for x in cols if x.key == host)
        value = _as_text(row.get(c.key))
        if not value.plain.strip():
            continue
        if c.fold_first:
            above.setdefault(host, []).append(value)
        elif (line := _folded(c, value)) is not None:
            (own if c.fold_line else below).setdefault(host, []).append(line)
    for key, texts in above.items():
        cells[key] = Text("\n").join([*texts, cells[key]]) if cells[key].plain else Text("\n").join(texts)
    return [(cells[c.key], below.get(c.key, []), own.get(c.key, [])) for c in shown]


# -- the article view -------------------------------------------------------
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


def _snip(text: str, start: int, end: int, width: int = 240) -> str:
    return clip(text[start:end], width)


def _happened(actor: str | None, trigger: str, target: str | None) -> Text:
    """An event as the text tells it: "[actor] trigger [target]"."""
    out = Text()
    if actor:
        out.append(actor, style="bold")
        out.append(" ")
    out.append(trigger, style="italic")
    if target:
        out.append(" ")
        out.append(target, style="bold")
    return out


QUOTE_COLS = (
    Col("speaker", "speaker", min_width=18, max_width=28),
    Col("kind", "kind", min_width=8, fold_into="speaker", fold_rank=2),
    Col("cue", "cue", min_width=10, max_width=24, fold_into="speaker", fold_rank=3),
    Col("channel", "channel", min_width=9, max_width=16, fold_into="speaker", fold_rank=1),
    Col("said", "what was said", min_width=48, grow=True),
)


UNRESOLVED = ("", "unknown")  # the quotes stage's name for a speaker it could not find


def _speaker(name: str | None) -> Text:
    if (name or "") in UNRESOLVED:
        return Text("(unknown)", style="dim italic")
    return Text(name or "", style="bold cyan")


def _quote_row(q: dict[str, Any], content: str) -> dict[str, Any]:
    return {"speaker": _speaker(q.get("speaker")), "kind": q.get("kind"), "cue": q.get("cue") or "",
            "channel": q.get("channel") or "", "said": content}


def article_view(r: dict[str, Any], full_text: bool = True, width: int | None = None) -> Group:
    width = width or console().width
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
        cols = (Col("kind", "kind", min_width=9), Col("at", "at", min_width=30, grow=True),
                Col("note", "note", min_width=20, max_width=40, fold_into="at", fold_rank=1))
        rows = [{"kind": d["kind"], "at": _snip(text, d["start"], d["end"], 70), "note": d.get("note", "")}
                for d in r["damage"]]
        parts.append(fit_table(cols, rows, width, title="scraping damage"))
    if r.get("entities"):
        cols = (Col("name", "name", min_width=16, max_width=32), Col("type", "type", min_width=7, fold_into="name", fold_rank=2),
                Col("aliases", "aliases", min_width=20, grow=True),
                Col("roles", "roles", min_width=16, fold_into="aliases", fold_rank=1, fold_fmt="roles: {}"),
                Col("mentions", "mentions", justify="right", fold_into="name", fold_rank=3, fold_noun="mention"))
        rows = [{"name": Text(e["name"], style=TYPE_STYLES.get(e["type"], "")), "type": e["type"],
                 "aliases": "; ".join(e["aliases"]), "roles": "; ".join(e["roles"]), "mentions": len(e["mentions"])}
                for e in r["entities"]]
        parts.append(fit_table(cols, rows, width, title="entities"))
    if r.get("quotes"):
        rows = []
        for q in r["quotes"]:
            sp = q.get("speaker") or {}
            rows.append(_quote_row({"speaker": sp.get("name"), "kind": q["kind"], "cue": (q.get("cue") or {}).get("text"),
                                    "channel": q.get("channel")}, _snip(text, q["start"], q["end"])))
        parts.append(fit_table(QUOTE_COLS, rows, width, title="who said what"))
    if r.get("events"):
        arg = lambda a: (a or {}).get("name") or (a or {}).get("text") or ""  # noqa: E731
        rows = [{"date": e.get("date") or "", "type": e["type"],
                 "what": _happened(arg(e.get("actor")), _snip(text, e["trigger"]["start"], e["trigger"]["end"], 30),
                                   arg(e.get("target"))),
                 "attributes": ", ".join(f"{k}={v}" for k, v in (e.get("attributes") or {}).items())}
                for e in r["events"]]
        cols = (Col("date", "date", min_width=10, no_wrap=True), Col("type", "type", min_width=9, fold_into="date", fold_rank=2),
                Col("what", "what happened", min_width=30, grow=True),
                Col("attributes", "attributes", min_width=16, max_width=40, fold_into="what", fold_rank=1))
        parts.append(fit_table(cols, rows, width, title="events"))
    if r.get("techniques"):
        cols = (Col("label", "technique", min_width=16, max_width=32),
                Col("score", "score", justify="right", fold_into="label", fold_rank=1, fold_fmt="score {}"),
                Col("span", "span", min_width=40, grow=True))
        rows = [{"label": t["label"], "score": f"{t['score']:.2f}", "span": _snip(text, t["start"], t["end"], 160)}
                for t in r["techniques"]]
        parts.append(fit_table(cols, rows, width, title="persuasion techniques"))
    return Group(*parts)


# -- corpus tables -----------------------------------------------------------
SUMMARY_COLS = (
    Col("id", "id", min_width=ID_WIDTH, no_wrap=True),
    Col("title", "title / source", min_width=24, grow=True),
    Col("chars", "chars", justify="right", fold_into="title", fold_rank=1, fold_noun="char"),
    Col("boilerplate", "boilerplate", justify="right", fold_into="title", fold_rank=2, fold_noun="boilerplate span"),
    Col("damage", "damage", justify="right", fold_into="title", fold_rank=3, fold_noun="damaged span"),
    Col("entities", "entities", justify="right", fold_into="title", fold_rank=6, fold_noun="entity"),
    Col("quotes", "quotes", justify="right", fold_into="title", fold_rank=7, fold_noun="quote"),
    Col("events", "events", justify="right", fold_into="title", fold_rank=8, fold_noun="event"),
    Col("techniques", "techniques", justify="right", fold_into="title", fold_rank=4, fold_noun="technique"),
)


def summary_table(rows: list[dict[str, Any]], title: str = "analysed", width: int | None = None) -> Table:
    data = [{"id": short_id(r["id"]), "title": clip(r.get("title") or r["source"], 90), "chars": f"{len(r['text']):,}",
             **{k: str(len(r[k])) for k in ("boilerplate", "damage", "entities", "quotes", "events", "techniques")}}
            for r in rows]
    return fit_table(SUMMARY_COLS, data, width or console().width, title=title)


CORPUS_QUOTE_COLS = (*QUOTE_COLS, Col("article", "article", min_width=ID_WIDTH, no_wrap=True, fold_into="speaker",
                                      fold_rank=4, fold_line=True))


def _reprints(n: int) -> str:
    return f" (+{n} reprint{'s' if n != 1 else ''})" if n else ""


def quotes_table(rows: list[dict[str, Any]], width: int | None = None,
                 reprints: Sequence[int] | None = None) -> Table:
    """`reprints[i]`: copies of row i's quote in reprints folded into it (corpus layer)."""
    counts = reprints or [0] * len(rows)
    data = [_quote_row(r, clip(r["content"], 400)) | {"article": short_id(r["article"]) + _reprints(n)}
            for r, n in zip(rows, counts)]
    return fit_table(CORPUS_QUOTE_COLS, data, width or console().width, title="who said what")


SEARCH_COLS = (
    Col("id", "id", min_width=ID_WIDTH, no_wrap=True),
    Col("published", "published", min_width=10, no_wrap=True, fold_into="id", fold_rank=1, fold_line=True),
    Col("score", "score", justify="right", fold_into="id", fold_rank=2, fold_fmt="score {}", fold_line=True),
    Col("title", "title / source", min_width=20, max_width=40, fold_into="snippet", fold_rank=3, fold_first=True),
    Col("snippet", "snippet", min_width=36, grow=True),
)


def search_table(hits: Sequence[Any], query: str, width: int | None = None,
                 reprints: Sequence[int] | None = None) -> Table:
    counts = reprints or [0] * len(hits)
    data = [{"id": short_id(h.id), "score": f"{h.score:.2f}", "published": h.published or "",
             "title": Text(clip(h.title or h.source, 80) + _reprints(n), style="bold"),
             "snippet": " ".join(h.snippet.split())}
            for h, n in zip(hits, counts)]
    return fit_table(SEARCH_COLS, data, width or console().width, title=f"search: {query}")


TIMELINE_COLS = (
    Col("date", "date", min_width=10, no_wrap=True),
    Col("type", "type", min_width=9, fold_into="date", fold_rank=2),
    Col("what", "what happened", min_width=30, grow=True),
    Col("article", "article", min_width=28, max_width=48, fold_into="what", fold_rank=1, fold_line=True),
)


def timeline_table(rows: list[dict[str, Any]], width: int | None = None) -> Table:
    data = [{"date": r["date"] or "(undated)", "type": r["type"], "what": _happened(r["actor"], r["trigger"], r["target"]),
             "article": clip(r.get("title"), 60) or short_id(r["article"])} for r in rows]
    return fit_table(TIMELINE_COLS, data, width or console().width, title="timeline")


def stats_tables(stats: dict[str, Any], top: list[dict[str, Any]], db: str, width: int | None = None,
                 speakers: list[dict[str, Any]] | None = None) -> list[Table]:
    width = width or console().width
    cols = (Col("what", "what", min_width=10), Col("count", "count", min_width=10, grow=True))
    rows = [{"what": k.replace("_", " "),
             "count": ", ".join(f"{a}: {b:,}" for a, b in v.items()) if isinstance(v, dict) else f"{v:,}"}
            for k, v in stats.items()]
    out = [fit_table(cols, rows, width, title=f"store {db}")]
    if top:
        cols = (Col("name", "entity", min_width=20, grow=True), Col("type", "type", min_width=7),
                Col("articles", "articles", justify="right"), Col("mentions", "mentions", justify="right"))
        out.append(fit_table(cols, [{**e, "articles": f"{e['articles']:,}", "mentions": f"{e['mentions'] or 0:,}"}
                                    for e in top], width, title="most mentioned entities"))
    if speakers:
        cols = (Col("name", "speaker", min_width=20, grow=True), Col("quotes", "quotes", justify="right"),
                Col("articles", "articles", justify="right"))
        out.append(fit_table(cols, [{k: f"{v:,}" if isinstance(v, int) else v for k, v in sp.items()} for sp in speakers],
                             width, title="most quoted speakers (named ones)"))
    return out


def console(stderr: bool = False) -> Console:
    # markup off: article content must never be read as rich markup ("[court]")
    return Console(stderr=stderr, highlight=False, soft_wrap=False, markup=False)
