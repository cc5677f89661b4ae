"""Story assignment for a Parquet run, the text work on a Ray cluster, with the local engine's stories.

The local corpus step (corpus/ingest.py) gives each arriving article a story: a copy joins
its canonical's story, any other article the best candidate story sharing its rarest
anchors, and the story then absorbs candidate stories that now agree with it. Every
decision reads the state the earlier articles left (anchor document frequencies, story
anchor vectors, merges), so the order matters and the same stories need the same order.
The work splits in two:

1. map, on the cluster, one task per `articles` part: each article's anchor counts (names,
   places and numbers folded to Latin skeletons) from its text, written to
   DIR/story_keys/<part>; the only step that reads texts (JSON records, transliteration);
2. one sequential pass over those summaries in input order (one Ray task, or this process
   without Ray), calling the store's and corpus/ingest.py's own story functions against a
   scratch SQLite store that holds no text: per article a few indexed lookups and one
   story update. Its cost is per article, not per text byte (docs/scale.md gives the rate).
   A copy joins the story of the canonical reprint detection found for it on arrival
   (DIR/reprints/arrivals.parquet, from engines/parquet_corpus.py).

The pass writes DIR/stories/{stories,members,anchor_df}.parquet: the final stories, each
article's story with what its arrival did (the story it joined or opened, the merges that
followed), and the anchor frequencies; `presslens import` replays those operations instead
of recomputing the story step (cli_commands/import_parquet.py). The shipped story score
gives the encoder no weight (corpus/stories.py, TEXT_WEIGHT = 0); with a weight the pass
would need encoder vectors it does not compute, so it then writes no stories and `import`
assigns them itself.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from ..errors import PresslensError
from ..store import Store
from ..store.parquet import (ANCHOR_DF, ARRIVALS, MEMBERS, REPRINTS, STORIES, STORY_KEYS, ordered_articles, parts,
                             schema, write_table)

_NO_SIGNATURE = np.zeros(0, dtype=np.uint32)
_CHUNK = 5000  # articles per scratch transaction and per written row group


def summarise_part(out: str, path: str) -> str | None:
    """Step 1 for one articles part: DIR/story_keys/<part>, or None for an unreadable part
    (`import` names it). A summary newer than its part is kept, so a rerun redoes new parts only."""
    import pyarrow.parquet as pq

    from ..corpus import stories
    from ..corpus.text import body_text, date_day

    src = Path(path)
    dest = Path(out) / STORY_KEYS / src.name
    if dest.exists() and dest.stat().st_mtime_ns >= src.stat().st_mtime_ns:
        return str(dest)
    try:
        rows = pq.read_table(src, columns=["id", "input_seq", "input_sub", "record"]).to_pylist()
    except Exception:  # noqa: BLE001
        return None
    out_rows = []
    for r in rows:
        record = json.loads(r["record"])
        title = record.get("title") or ""
        counts = stories.anchor_counts(title, body_text(record))
        # the counts' key order is kept: article_keys breaks weight ties by it
        out_rows.append({"id": r["id"], "input_seq": r["input_seq"], "input_sub": r["input_sub"],
                         "day": date_day(record.get("published")), "title": title,
                         "keys": list(counts), "counts": list(counts.values())})
    write_table(out, STORY_KEYS, out_rows, src.stem)
    return str(dest)


class _Scratch(Store):
    """A throwaway store for the sequential pass that notes every story merge."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.db.execute("PRAGMA synchronous=OFF")  # thrown away after the pass
        self.db.execute("PRAGMA foreign_keys=OFF")  # it holds no documents, only their corpus rows
        self.merges: list[list[str]] = []
        self.absorbed: dict[str, str] = {}  # story -> the story it was merged into

    def story_merge(self, a: str, b: str, keep: int) -> str:
        survivor = super().story_merge(a, b, keep)
        self.merges.append([a, b])
        if survivor in (a, b) and a != b:
            self.absorbed[b if survivor == a else a] = survivor
        return survivor

    def final(self, story: str) -> str:
        while story in self.absorbed:
            story = self.absorbed[story]
        return story


def assign_step(store: _Scratch, row: dict[str, Any], canonical: str | None) -> dict[str, Any]:
    """The story half of corpus/ingest.py's add_article for one article's summary."""
    from ..corpus import ingest, stories

    doc_id, day, title = row["id"], row["day"], row["title"]
    counts = Counter(dict(zip(row["keys"], row["counts"])))
    seq = store.corpus_count() + 1
    keys = stories.article_keys(counts, store.anchor_df(list(counts)), seq - 1)
    store.merges = []
    if canonical is not None:
        story, new = store.story_of(canonical) or ingest._story_id(doc_id), False
    else:
        story, new = ingest._choose_story(store, keys, None, day, {"id": doc_id})
    if new:
        store.story_new(story, title or None, day, seq)
    anchors, centroid, n = store.story_vector(story)
    store.story_update(story, day, stories.merge_anchors(anchors, keys.vector), centroid, n, stories.STORY_KEYS)
    joined = story
    story = ingest._merge_neighbours(store, story, keys, day)
    store.anchor_df_add(set(counts))
    store.corpus_add_doc(doc_id, seq, day, 0, _NO_SIGNATURE, story, None, [])
    return {"article": doc_id, "seq": seq, "story": story, "joined": joined, "new": new, "merges": store.merges}


def _arrivals(out: Path) -> dict[str, str]:
    import pyarrow.parquet as pq

    path = out / REPRINTS / f"{ARRIVALS}.parquet"
    if not path.exists():
        return {}
    t = pq.read_table(path).to_pydict()
    return dict(zip(t["article"], t["canonical"]))


def _batches(rows: Iterator[dict[str, Any]], size: int = _CHUNK) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for r in rows:
        batch.append(r)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def assign(out: str, *summaries: str | None) -> int:
    """Step 2: the sequential pass over the summaries in input order; the number of stories."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    root = Path(out)
    paths = [Path(s) for s in summaries if s is not None]
    arrivals = _arrivals(root)
    scratch_dir = Path(tempfile.mkdtemp(prefix="presslens-stories-"))
    try:
        store = _Scratch(scratch_dir / "stories.db")
        # the members as they arrived, then rewritten with each article's final story
        arrived = scratch_dir / "arrived.parquet"
        arrived_schema = schema(MEMBERS)
        with pq.ParquetWriter(arrived, arrived_schema) as w:
            rows = ordered_articles(paths, ["id", "day", "title", "keys", "counts"])
            for batch in _batches(rows):
                store.db.execute("BEGIN")
                done = [assign_step(store, r, arrivals.get(r["id"])) for r in batch]
                store.db.execute("COMMIT")
                w.write_table(pa.Table.from_pylist(done, schema=arrived_schema))
        n = _write_state(store, root)
        folder = root / STORIES
        tmp = folder / f".{MEMBERS}.{os.getpid()}.tmp"
        with pq.ParquetWriter(tmp, arrived_schema, compression="zstd") as w:
            for b in pq.ParquetFile(arrived).iter_batches(batch_size=_CHUNK):
                t = b.to_pydict()
                t["story"] = [store.final(s) for s in t["story"]]
                w.write_table(pa.Table.from_pydict(t, schema=arrived_schema))
        os.replace(tmp, folder / f"{MEMBERS}.parquet")  # last: a complete members table marks the stories as written
        store.close()
        return n
    finally:
        shutil.rmtree(scratch_dir, ignore_errors=True)


def _write_state(store: Store, root: Path) -> int:
    from ..store.corpus_load import anchor_frequencies, story_states

    stories = story_states(store)
    write_table(root, ANCHOR_DF, anchor_frequencies(store), ANCHOR_DF, STORIES)
    write_table(root, STORIES, stories, STORIES)
    return len(stories)


def write_stories(out: str | Path, address: str | None = None, use_ray: bool = False) -> int | None:
    """Assign the run's stories and write DIR/stories/; the number of stories, or None when the
    story score needs encoder vectors (then `import` assigns stories itself)."""
    from ..corpus import stories

    root = Path(out)
    if stories.TEXT_WEIGHT:
        shutil.rmtree(root / STORIES, ignore_errors=True)
        return None
    paths = [str(p) for p in parts(root)]
    if not use_ray:
        return assign(str(root), *[summarise_part(str(root), p) for p in paths])
    from .ray import _connect, _import_ray

    ray = _import_ray()
    _connect(ray, address)
    summarise = ray.remote(num_cpus=1, max_retries=3)(summarise_part)
    sequential = ray.remote(num_cpus=1, max_retries=3)(assign)
    # the pass waits for every summary; it runs on a worker, so the driver only waits
    try:
        return ray.get(sequential.remote(str(root), *[summarise.remote(str(root), p) for p in paths]))
    except ray.exceptions.RayError as e:  # the parts are written; `import` assigns stories without DIR/stories
        raise PresslensError(f"{out}: story assignment failed on the cluster ({type(e).__name__}); "
                             "`presslens import` assigns the stories instead") from None
