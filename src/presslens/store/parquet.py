"""A run written as partitioned Parquet: the output contract for a cluster, read back by `import`.

Layout of a run directory (docs/schema.md, "Parquet output"):

    DIR/articles/part-<name>.parquet   one row per article: the output-contract JSON, flat
                                       columns, the raw input, and its MinHash signature
    DIR/quotes/part-<name>.parquet     one row per quote     (article id, offsets, speaker, ...)
    DIR/entities/part-<name>.parquet   one row per entity    (article id, mentions' offsets, ...)
    DIR/events/part-<name>.parquet     one row per event     (article id, trigger offsets, ...)
    DIR/reprints/reprints.parquet      copy -> canonical, written after the run (engines/parquet_corpus.py)
    DIR/reprints/arrivals.parquet      copy -> the canonical it found when it arrived (its story's source)
    DIR/story_keys/part-<name>.parquet per article: its anchor keys and counts (engines/parquet_stories.py)
    DIR/stories/stories.parquet        one row per story, its final state
    DIR/stories/members.parquet        one row per article: its story, and what its arrival did to stories
    DIR/stories/anchor_df.parquet      anchor key -> number of articles holding it
    DIR/failures/part-<run>.parquet    what failed in one run, as the store's `failures` records it

One part is one batch of work, written by the worker that analysed it. A part is
named by its batch (the inputs it covers), written to a temporary name and renamed,
record tables first and `articles` last: a worker killed mid-write leaves no
`articles` part, a retried batch overwrites its own part, and a part under a record
table without its `articles` twin is an orphan that readers ignore and the next run
deletes. An article counts as written once its `articles` row exists.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import OrderedDict
from pathlib import Path
from typing import Any, Iterable, Iterator

import numpy as np

TABLES = ("articles", "quotes", "entities", "events")
RECORD_TABLES = TABLES[1:]
REPRINTS = "reprints"
ARRIVALS = "arrivals"
STORY_KEYS = "story_keys"   # per-article story summaries, one part per articles part
STORIES = "stories"         # the folder of the three story tables below
MEMBERS = "members"
ANCHOR_DF = "anchor_df"
FAILURES = "failures"  # inputs and articles that failed, one part per run (the driver sees every error)
_COMPRESSION = "zstd"


def _schemas():
    import pyarrow as pa

    mention = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])
    return {
        "articles": pa.schema([
            ("id", pa.string()), ("url", pa.string()), ("source", pa.string()), ("language", pa.string()),
            ("published", pa.string()), ("title", pa.string()), ("pipeline_version", pa.string()),
            ("run_version", pa.string()),  # the stages asked for; resume matches on it
            ("input_seq", pa.int64()), ("input_sub", pa.int32()),  # input order: the corpus layer's order
            ("record", pa.string()),  # the output contract, as `analyze --format json` prints it
            ("format", pa.string()), ("raw", pa.binary()),
            ("shingles", pa.int32()), ("signature", pa.binary()),  # MinHash (uint32 x 128) of the body
        ]),
        "quotes": pa.schema([
            ("article", pa.string()), ("kind", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
            ("content", pa.string()), ("speaker", pa.string()), ("speaker_entity", pa.string()),
            ("speaker_latin", pa.string()), ("cue", pa.string()), ("channel", pa.string()), ("act", pa.string()),
            ("source_kind", pa.string()),
        ]),
        "entities": pa.schema([
            ("article", pa.string()), ("entity", pa.string()), ("name", pa.string()), ("type", pa.string()),
            ("latin", pa.string()), ("aliases", pa.list_(pa.string())), ("roles", pa.list_(pa.string())),
            ("mentions", pa.list_(mention)),
        ]),
        "events": pa.schema([
            ("article", pa.string()), ("type", pa.string()), ("date", pa.string()), ("trigger", pa.string()),
            ("start", pa.int32()), ("end", pa.int32()), ("actor", pa.string()), ("target", pa.string()),
            ("record", pa.string()),
        ]),
        FAILURES: pa.schema([
            ("source", pa.string()), ("document_id", pa.string()), ("kind", pa.string()), ("stage", pa.string()),
            ("reason", pa.string()), ("run_version", pa.string()),
        ]),
        REPRINTS: pa.schema([("article", pa.string()), ("canonical", pa.string()), ("similarity", pa.float64())]),
        ARRIVALS: pa.schema([("article", pa.string()), ("canonical", pa.string())]),
        STORY_KEYS: pa.schema([
            ("id", pa.string()), ("input_seq", pa.int64()), ("input_sub", pa.int32()), ("day", pa.int32()),
            ("title", pa.string()), ("keys", pa.list_(pa.string())), ("counts", pa.list_(pa.int32())),
        ]),
        STORIES: pa.schema([
            ("id", pa.string()), ("title", pa.string()), ("first_day", pa.int32()), ("last_day", pa.int32()),
            ("first_seq", pa.int64()), ("articles", pa.int64()),
            ("anchors", pa.list_(pa.struct([("key", pa.string()), ("weight", pa.float64())]))),
        ]),
        MEMBERS: pa.schema([
            ("article", pa.string()), ("seq", pa.int64()), ("story", pa.string()),
            ("joined", pa.string()), ("new", pa.bool_()),  # the story it joined or opened, before merging
            ("merges", pa.list_(pa.list_(pa.string()))),   # story pairs merged after it joined, in order
        ]),
        ANCHOR_DF: pa.schema([("key", pa.string()), ("df", pa.int64())]),
    }


def schema(table: str):
    return _schemas()[table]


# -- rows of one article ------------------------------------------------------
def corpus_signature(record: dict[str, Any]) -> tuple[int, bytes]:
    """(distinct body shingles, MinHash signature bytes), computed as the corpus layer does."""
    from ..corpus import dedup
    from ..corpus.text import body_text, shingles, words

    shing = shingles(words(body_text(record)))
    return len(shing), dedup.signature(shing).astype(np.uint32).tobytes()


def rows_of(analysis, run_version: str, order: tuple[int, int]) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table for one analysed article."""
    r = analysis.to_dict()
    doc = analysis.document
    text = r["text"]
    n_shingles, sig = corpus_signature(r)
    article = {"id": r["id"], "url": r.get("url"), "source": r["source"], "language": r.get("language"),
               "published": r.get("published"), "title": r.get("title"), "pipeline_version": analysis.pipeline_version,
               "run_version": run_version, "input_seq": order[0], "input_sub": order[1],
               "record": json.dumps(r, ensure_ascii=False), "format": doc.format, "raw": doc.raw,
               "shingles": n_shingles, "signature": sig}
    latins = {e["id"]: e.get("latin") for e in r["entities"]}
    quotes = []
    for q in r["quotes"]:
        sp = q.get("speaker") or {}
        quotes.append({"article": r["id"], "kind": q["kind"], "start": q["start"], "end": q["end"],
                       "content": text[q["start"]:q["end"]], "speaker": sp.get("name"), "speaker_entity": sp.get("entity"),
                       "speaker_latin": sp.get("latin") or latins.get(sp.get("entity") or ""),
                       "cue": (q.get("cue") or {}).get("text"), "channel": q.get("channel"), "act": q.get("act"),
                       "source_kind": q.get("source_kind")})
    entities = [{"article": r["id"], "entity": e["id"], "name": e["name"], "type": e["type"], "latin": e.get("latin"),
                 "aliases": list(e["aliases"]), "roles": list(e["roles"]),
                 "mentions": [{"start": m["start"], "end": m["end"], "text": m.get("text", "")} for m in e["mentions"]]}
                for e in r["entities"]]
    names = {e["id"]: e["name"] for e in r["entities"]}

    def arg(a: dict | None) -> str | None:
        return (a.get("name") or names.get(a.get("entity") or "") or a.get("text")) if a else None

    events = [{"article": r["id"], "type": e["type"], "date": e.get("date"),
               "trigger": text[e["trigger"]["start"]:e["trigger"]["end"]], "start": e["trigger"]["start"],
               "end": e["trigger"]["end"], "actor": arg(e.get("actor")), "target": arg(e.get("target")),
               "record": json.dumps(e, ensure_ascii=False)} for e in r["events"]]
    return {"articles": [article], "quotes": quotes, "entities": entities, "events": events}


def part_name(run_version: str, wheres: Iterable[str]) -> str:
    """A batch's part name: the same inputs under the same stages give the same name, so a
    retried batch overwrites its own part instead of adding a second copy."""
    h = hashlib.blake2b(run_version.encode("utf-8"), digest_size=12)
    for w in wheres:
        h.update(b"\n" + w.encode("utf-8", "surrogateescape"))
    return "part-" + h.hexdigest()


class PartWriter:
    """Collects one batch's rows and writes them as one part per table."""

    def __init__(self, out: str | Path, run_version: str) -> None:
        self.out = Path(out)
        self.run_version = run_version
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}

    def add(self, analysis, order: tuple[int, int]) -> None:
        for table, rows in rows_of(analysis, self.run_version, order).items():
            self.rows[table] += rows

    def write(self, name: str) -> int:
        """Write the part (nothing when no article); the number of articles written."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self.rows["articles"]:
            return 0
        for table in (*RECORD_TABLES, "articles"):  # articles last: its part marks the batch as written
            folder = self.out / table
            folder.mkdir(parents=True, exist_ok=True)
            final = folder / f"{name}.parquet"
            tmp = folder / f".{name}.{os.getpid()}.tmp"
            pq.write_table(pa.Table.from_pylist(self.rows[table], schema=schema(table)), tmp, compression=_COMPRESSION)
            os.replace(tmp, final)
        n = len(self.rows["articles"])
        self.rows = {t: [] for t in TABLES}
        return n


# -- reading a run --------------------------------------------------------------
class IdSet:
    """Article ids as 64-bit prefixes of their digests in a sorted array: 8 bytes an article,
    so a driver can hold ten million of them."""

    def __init__(self, ids: Iterable[str] = ()) -> None:
        self.keys = np.unique(np.fromiter((_key(i) for i in ids), dtype=np.uint64))
        self.extra: set[int] = set()

    def __contains__(self, doc_id: str) -> bool:
        k = _key(doc_id)
        i = int(np.searchsorted(self.keys, np.uint64(k)))
        return (i < len(self.keys) and int(self.keys[i]) == k) or k in self.extra

    def add(self, doc_id: str) -> None:
        self.extra.add(_key(doc_id))
        if len(self.extra) > max(65536, len(self.keys) // 4):  # a Python int costs ~100 bytes: fold them in
            self.keys = np.union1d(self.keys, np.fromiter(self.extra, dtype=np.uint64))
            self.extra.clear()

    def __len__(self) -> int:
        return len(self.keys) + len(self.extra)


def _key(doc_id: str) -> int:
    hexpart = doc_id.rsplit(":", 1)[-1]
    try:
        return int(hexpart[:16], 16)
    except ValueError:
        return int.from_bytes(hashlib.blake2b(doc_id.encode(), digest_size=8).digest(), "big")


def parts(out: str | Path, table: str = "articles") -> list[Path]:
    folder = Path(out) / table
    return sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []


def tidy(out: str | Path) -> None:
    """Remove what a killed writer left: temporary files and record-table parts whose batch
    never wrote its `articles` part (a rerun of that batch may be named otherwise)."""
    written = {p.name for p in parts(out)}
    for table in (*TABLES, FAILURES, REPRINTS, STORY_KEYS, STORIES):
        folder = Path(out) / table
        if not folder.is_dir():
            continue
        for p in folder.glob(".*.tmp"):
            p.unlink(missing_ok=True)
        if table in RECORD_TABLES:
            for p in folder.glob("part-*.parquet"):
                if p.name not in written:
                    p.unlink(missing_ok=True)


def present_ids(out: str | Path, run_version: str | None = None) -> IdSet:
    """Ids of the articles a run directory holds (under `run_version` if given); unreadable
    parts are skipped here and reported by `import`."""
    import pyarrow.parquet as pq

    ids: list[str] = []
    for p in parts(out):
        try:
            t = pq.read_table(p, columns=["id", "run_version"])
        except Exception:  # noqa: BLE001
            continue
        for doc_id, version in zip(t.column("id").to_pylist(), t.column("run_version").to_pylist()):
            if run_version is None or version == run_version:
                ids.append(doc_id)
    return IdSet(ids)


class BadPart(Exception):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


def check_part(path: Path):
    """The part's ordering columns, or BadPart naming what is wrong with it."""
    import pyarrow.parquet as pq

    try:
        names = set(pq.read_schema(path).names)
    except Exception as e:  # noqa: BLE001
        raise BadPart(path, f"not a readable Parquet file ({type(e).__name__})") from None
    missing = [c for c in schema("articles").names if c not in names]
    if missing:
        raise BadPart(path, f"not a presslens articles part (no column {', '.join(missing)})")
    try:
        return pq.read_table(path, columns=["id", "input_seq", "input_sub"])
    except Exception as e:  # noqa: BLE001
        raise BadPart(path, f"cannot be read ({type(e).__name__}: {e})") from None


def ordered_articles(good: list[Path], columns: list[str], cache_parts: int = 4) -> Iterator[dict[str, Any]]:
    """Article rows of these parts in input order (ties by id), each id once (its first row).

    Only the ordering columns of every part are held; full rows are read a part at a time
    (a run's parts cover runs of consecutive inputs, so a small cache rarely misses)."""
    import pyarrow.parquet as pq

    keys = []
    for i, p in enumerate(good):
        t = pq.read_table(p, columns=["id", "input_seq", "input_sub"])
        for j, (doc_id, seq, sub) in enumerate(zip(*(t.column(c).to_pylist() for c in ("id", "input_seq", "input_sub")))):
            keys.append((seq, sub, doc_id, i, j))
    keys.sort()
    cache: OrderedDict[int, Any] = OrderedDict()
    seen: set[str] = set()
    for _seq, _sub, doc_id, i, j in keys:
        if doc_id in seen:
            continue
        seen.add(doc_id)
        if i not in cache:
            cache[i] = pq.read_table(good[i], columns=columns).to_pylist()
            if len(cache) > cache_parts:
                cache.popitem(last=False)
        cache.move_to_end(i)
        yield cache[i][j]


def write_table(out: str | Path, table: str, rows: list[dict[str, Any]], name: str, folder_name: str | None = None
                ) -> Path:
    """One whole-run table (reprints, stories), replaced atomically."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = Path(out) / (folder_name or table)
    folder.mkdir(parents=True, exist_ok=True)
    final, tmp = folder / f"{name}.parquet", folder / f".{name}.{os.getpid()}.tmp"
    pq.write_table(pa.Table.from_pylist(rows, schema=schema(table)), tmp, compression=_COMPRESSION)
    os.replace(tmp, final)
    return final


def failure_row(e, run_version: str) -> dict[str, Any]:
    return {"source": e.where, "document_id": getattr(e, "document_id", None), "kind": getattr(e, "kind", "input"),
            "stage": getattr(e, "stage", None), "reason": e.reason, "run_version": run_version}


def write_failures(out: str | Path, rows: list[dict[str, Any]]) -> None:
    """One part per call, named by its rows and the time: a rerun's failures are new rows, as a
    rerun into the store counts a failure again."""
    if rows:
        import time

        h = hashlib.blake2b(json.dumps(rows).encode() + str(time.time_ns()).encode(), digest_size=12)
        write_table(out, FAILURES, rows, "part-" + h.hexdigest())
