"""Export stored results as JSON Lines, CSV or Parquet."""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, Iterator

from .store import Store

TABLES = ("articles", "quotes", "entities", "events")


def article_row(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": r["id"], "source": r["source"], "url": r.get("url"), "title": r.get("title"),
        "published": r.get("published"), "language": r.get("language"), "chars": len(r["text"]),
        "boilerplate": len(r["boilerplate"]), "damage": len(r["damage"]), "entities": len(r["entities"]),
        "quotes": len(r["quotes"]), "events": len(r["events"]), "techniques": len(r["techniques"]),
        "genre": (r.get("genre") or {}).get("label"), "frames": ";".join(f["label"] for f in r["frames"]),
    }


def rows(store: Store, table: str) -> Iterator[dict[str, Any]]:
    for r in store.iter_results():
        text = r["text"]
        if table == "articles":
            yield article_row(r)
        elif table == "quotes":
            for q in r["quotes"]:
                sp = q.get("speaker") or {}
                yield {"article": r["id"], "kind": q["kind"], "start": q["start"], "end": q["end"],
                       "content": text[q["start"]:q["end"]], "speaker": sp.get("name"), "speaker_entity": sp.get("entity"),
                       "cue": (q.get("cue") or {}).get("text"), "channel": q.get("channel")}
        elif table == "entities":
            for e in r["entities"]:
                yield {"article": r["id"], "entity": e["id"], "name": e["name"], "type": e["type"],
                       "aliases": ";".join(e["aliases"]), "roles": ";".join(e["roles"]), "mentions": len(e["mentions"])}
        elif table == "events":
            for e in r["events"]:
                arg = lambda a: (a or {}).get("name") or (a or {}).get("text")  # noqa: E731
                yield {"article": r["id"], "type": e["type"], "date": e.get("date"),
                       "trigger": text[e["trigger"]["start"]:e["trigger"]["end"]], "actor": arg(e.get("actor")),
                       "target": arg(e.get("target")), "attributes": json.dumps(e.get("attributes") or {})}
        else:
            raise ValueError(f"unknown table {table!r}; choose from {', '.join(TABLES)}")


def write_jsonl(store: Store, table: str, out) -> int:
    """Articles export the full output contract; other tables one row per record."""
    n = 0
    source: Iterable[dict[str, Any]] = store.iter_results() if table == "articles" else rows(store, table)
    for item in source:
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(store: Store, table: str, out) -> int:
    writer = None
    n = 0
    for item in rows(store, table):
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(item))
            writer.writeheader()
        writer.writerow(item)
        n += 1
    return n


def write_parquet(store: Store, table: str, path: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = list(rows(store, table))
    pq.write_table(pa.Table.from_pylist(data), path)
    return len(data)


def to_csv_string(items: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    if items:
        w = csv.DictWriter(buf, fieldnames=list(items[0]))
        w.writeheader()
        w.writerows(items)
    return buf.getvalue()
