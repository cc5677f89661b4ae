"""Read models shared by each HTML page and its JSON twin.

Plain functions over the Store's public methods: the page and the API call
the same function, so they cannot drift apart.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from typing import Any

from markupsafe import Markup, escape

from ..coref.places import canonical_place
from ..lang.names import same_name
from ..store import Store

SEARCH_FILTERS = ("source", "language", "date_from", "date_to", "entity", "speaker", "technique", "frame")


def article_rows(store: Store, limit: int, offset: int) -> list[dict[str, Any]]:
    return store.documents(limit=limit, offset=offset)


def search_rows(store: Store, q: str, limit: int, offset: int, filters: dict[str, Any]) -> list[dict[str, Any]]:
    active = {k: v for k, v in filters.items() if v}
    for kind in ("frame", "technique"):
        if active.get(kind):  # as typed ("political", "loaded language"); an unknown one matches nothing
            active[kind] = _label_as_stored(store, kind, active[kind])
    return [{"id": h.id, "title": h.title, "source": h.source, "published": h.published,
             "score": round(h.score, 4), "snippet": h.snippet}
            for h in store.search(q, limit=limit, offset=offset, **active)]


def _label_as_stored(store: Store, kind: str, typed: str) -> str:
    from ..errors import PresslensError
    from ..labels import known_labels, resolve_label, table_of

    try:
        return resolve_label(kind, typed, known_labels(kind, store.labels(table_of(kind))))
    except PresslensError:
        return typed


_MARKED = re.compile(r"\[([^\[\]]*)\]")


def snippet_html(snippet: str) -> Markup:
    """The store marks matches as [word]; escape everything, then turn only
    balanced [..] pairs into <mark> (a lone bracket from the text stays text)."""
    escaped = str(escape(snippet))
    return Markup(_MARKED.sub(lambda m: f"<mark>{m.group(1)}</mark>", escaped))


def _same(a: Any, b: str) -> bool:
    # one name in either script: "Тимур Оразалиев" is "Timur Orazaliev" (lang/names.py)
    return same_name(a, b)


def _fts_phrases(names: list[str]) -> str:
    """An FTS5 query matching any of `names` as a phrase."""
    phrases = []
    for n in dict.fromkeys(n.strip() for n in names if n and n.strip()):
        words = re.findall(r"\w+", n)
        if words:
            phrases.append('"' + " ".join(words) + '"')
    return " OR ".join(phrases)


def entity_profile(store: Store, name: str, limit: int = 200) -> dict[str, Any] | None:
    """Everything by and about the entity with canonical name `name` (case-insensitive).

    Entities are per-article records; across the corpus one entity is one
    canonical name (its types are listed when articles disagree).
    """
    candidates = store.entities(name=name, limit=500)
    # "US" is the page of "United States": corpus entities name a country once
    exact = [e for e in candidates if _same(e["name"], name) or _same(e["name"], canonical_place(name))]
    if not exact:
        return None
    canonical = exact[0]["name"]
    quotes = [q for q in store.quotes(speaker=canonical, limit=limit) if _same(q.get("speaker"), canonical)]
    events = []
    for ev in store.events(entity=canonical, limit=limit):
        if _same(ev.get("actor"), canonical) or _same(ev.get("target"), canonical):
            row = {k: v for k, v in ev.items() if k != "record"}
            row["role"] = "actor" if _same(ev.get("actor"), canonical) else "target"
            events.append(row)
    articles = search_rows(store, _fts_phrases([canonical, *(e["name"] for e in exact)]) or '""', limit, 0,
                           {"entity": canonical})
    return {
        "name": canonical,
        "types": sorted({e["type"] for e in exact}),
        "articles_count": sum(e["articles"] for e in exact),
        "mentions": sum(e["mentions"] or 0 for e in exact),
        "quotes": [_quote_row(q) for q in quotes],
        "events": events,
        "articles": articles,
    }


def entity_suggestions(store: Store, name: str) -> list[str]:
    return [e["name"] for e in store.entities(name=name, limit=10)]


def _quote_row(q: dict[str, Any]) -> dict[str, Any]:
    return {"article": q["document_id"], "title": q.get("title"), "published": q.get("published"),
            "kind": q["kind"], "start": q["start"], "end": q["end"], "content": q["content"],
            "speaker": q.get("speaker"), "speaker_entity": q.get("speaker_entity"), "cue": q.get("cue"),
            "channel": q.get("channel")}


def quote_rows(store: Store, q: str | None, speaker: str | None, channel: str | None, limit: int,
               all_acts: bool = False) -> list[dict[str, Any]]:
    return [_quote_row(r) for r in store.quotes(q, speaker=speaker, channel=channel, limit=limit, all_acts=all_acts)]


def event_rows(store: Store, entity: str | None, type_: str | None, limit: int) -> list[dict[str, Any]]:
    out = []
    for r in store.events(entity=entity, type=type_, limit=limit):
        row = {k: v for k, v in r.items() if k != "record"}
        row["article"] = row.pop("document_id")
        out.append(row)
    return out


def entity_rows(store: Store, name: str | None, limit: int) -> list[dict[str, Any]]:
    return store.entities(name=name, limit=limit)


def _month(date: Any) -> str | None:
    if isinstance(date, str) and re.match(r"\d{4}-\d{2}", date):
        return date[:7]
    return None


def _top_series(per_month: dict[str, Counter], totals: Counter, k: int) -> dict[str, dict[str, int]]:
    return {label: {m: c[label] for m, c in per_month.items() if c[label]} for label, _ in totals.most_common(k)}


def dashboard_data(store: Store, top: int = 6) -> dict[str, Any]:
    """One pass over the newest analysis of every article."""
    articles: Counter = Counter()
    techniques: dict[str, Counter] = defaultdict(Counter)
    frames: dict[str, Counter] = defaultdict(Counter)
    technique_totals: Counter = Counter()
    frame_totals: Counter = Counter()
    genres: Counter = Counter()
    undated = 0
    for r in store.iter_results():
        month = _month(r.get("published"))
        if month is None:
            undated += 1
        else:
            articles[month] += 1
        for t in r.get("techniques") or []:
            technique_totals[t["label"]] += 1
            if month:
                techniques[month][t["label"]] += 1
        for f in r.get("frames") or []:
            frame_totals[f["label"]] += 1
            if month:
                frames[month][f["label"]] += 1
        if r.get("genre"):
            genres[r["genre"]["label"]] += 1
    months = sorted(articles)
    return {
        "stats": {k: v for k, v in store.stats().items() if k != "by_format"},
        "months": months,
        "articles_by_month": {m: articles[m] for m in months},
        "undated_articles": undated,
        "techniques_by_month": _top_series(techniques, technique_totals, top),
        "frames_by_month": _top_series(frames, frame_totals, top),
        "technique_totals": dict(technique_totals.most_common()),
        "frame_totals": dict(frame_totals.most_common()),
        "genres": dict(genres.most_common()),
        "top_speakers": [{"name": s["name"], "quotes": s["quotes"]} for s in store.speakers(15)],
        "unresolved_quotes": store.unresolved_quotes(),
        "top_entities": store.entities(limit=15),
    }


def dashboard_key(store: Store) -> str:
    s = store.stats()
    return json.dumps([s["documents"], s["analyses"]])
