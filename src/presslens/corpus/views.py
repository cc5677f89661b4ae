"""The corpus layer's read side: the JSON records of stories, duplicates and quote traces.

These shapes are the stable interfaces of docs/schema.md; the CLI and the
web routes print or render them and add nothing of their own.
"""
from __future__ import annotations

import difflib
import json
from typing import Any, Iterator

from ..errors import PresslensError


def _article(a: dict[str, Any]) -> dict[str, Any]:
    return {"id": a["id"], "url": a.get("url"), "source": a.get("site") or a.get("source"),
            "title": a.get("title"), "published": a.get("published"), "language": a.get("language")}


def story_record(store, story: dict[str, Any], top: int = 10) -> dict[str, Any]:
    arts = [_article(a) for a in store.story_articles(story["id"])]
    ents, spk = store.story_top(story["id"], top)
    dates = sorted(a["published"] for a in arts if a["published"])
    return {
        "id": story["id"],
        "title": story["title"] or next((a["title"] for a in arts if a["title"]), None),
        "first_seen": dates[0] if dates else None,
        "articles": arts,
        "outlets": sorted({a["source"] for a in arts if a["source"]}),
        "languages": sorted({a["language"] for a in arts if a["language"]}),
        "entities": ents,
        "speakers": spk,
    }


def stories(store, limit: int | None = None) -> Iterator[dict[str, Any]]:
    for s in store.stories(limit=limit):
        yield story_record(store, s)


def story(store, story_id: str) -> dict[str, Any]:
    rows = store.stories(story_id=story_id)
    if not rows:
        raise PresslensError(f"{story_id}: no such story")
    rec = story_record(store, rows[0])
    rec["frames"] = store.story_frames(story_id)
    return rec


def duplicates(store, limit: int | None = None) -> list[dict[str, Any]]:
    return store.duplicate_groups(limit)


def _marked_diff(a: str, b: str) -> str:
    """b's words with insertions in [+ +] and deletions from a in [- -]."""
    wa, wb = a.split(), b.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(" ".join(wb[j1:j2]))
        if op in ("delete", "replace"):
            out.append("[-" + " ".join(wa[i1:i2]) + "-]")
        if op in ("insert", "replace"):
            out.append("[+" + " ".join(wb[j1:j2]) + "+]")
    return " ".join(out)


def resolve_group(store, ref: str) -> str:
    ref = ref.strip()
    if ref.startswith("q") and store.quote_group(ref):
        return ref
    found = store.quote_lookup(ref)
    if not found:
        raise PresslensError(f"{ref}: no quote group or quote text like this in the store")
    return found[0]


def trace(store, ref: str) -> dict[str, Any]:
    gid = resolve_group(store, ref)
    rows = store.quote_group(gid)
    first_text = " ".join(rows[0]["content"].split())
    apps, drift = [], []
    for i, r in enumerate(rows):
        text = " ".join(r["content"].split())
        apps.append({
            "article": {"id": r["document_id"], "url": r["url"], "source": r["site"] or r["source"],
                        "published": r["published"], "language": r["language"]},
            "quote": {"start": r["start"], "end": r["end"], "text": text, "kind": r["kind"]},
            "speaker": r["speaker"], "similarity": round(r["similarity"], 3),
            "variant": None if i == 0 or text == first_text or r["language"] != rows[0]["language"]
            else _marked_diff(first_text, text),
        })
        for d in json.loads(r["drift"] or "[]"):
            drift.append({"kind": d["kind"], "detail": d["detail"], "appearance": i} |
                         ({"other": d["appearance"]} if "appearance" in d else {}))
    return {"group": gid, "speaker": rows[0]["speaker"], "first": apps[0], "appearances": apps, "drift": drift}


def collapse(store, ids: list[str]) -> list[tuple[str, int]]:
    """Ids in order with reprints of an earlier id folded in: (id, number of reprints folded)."""
    info = store.reprint_counts(ids)
    seen: dict[str, int] = {}
    out: list[list] = []
    for d in ids:
        canon = info.get(d, (d, 0))[0]
        if canon in seen:  # a copy of an id already kept: counted there, not listed
            out[seen[canon]][1] += 1
            continue
        seen[canon] = len(out)
        out.append([d, 0])
    return [(d, n) for d, n in out]
