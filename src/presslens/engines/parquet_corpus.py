"""Reprint detection for a Parquet run, spread over a Ray cluster, with the local engine's result.

The corpus layer finds an article's copies by looking up its 64 LSH band keys among
earlier articles (store/corpus.py), then links it to the canonical of the best copy
(corpus/ingest.py). Here the band keys are shuffle keys:

1. map, one task per `articles` part: each article's band keys, hashed into R partitions
   (its MinHash signature travels once per partition it reaches, not once per band);
2. reduce, one task per partition: articles sharing a key, in input order, give each
   article its earlier candidates (at most KEY_FANOUT per key, as the store reads them),
   each scored with the same `copy_score`;
3. the driver replays the linking step in input order over the candidate lists only, the
   small part of the corpus that has a copy at all, so the groups are the local engine's.

Without Ray the same map and reduce functions run in this process. The result is
written to DIR/reprints/reprints.parquet (article, canonical, similarity), and the
canonical each copy found when it arrived to DIR/reprints/arrivals.parquet: a copy joins
that article's story, so story assignment (engines/parquet_stories.py) reads it.
"""
from __future__ import annotations

import math
from collections import OrderedDict, defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from ..corpus import dedup
from ..corpus.text import date_day
from ..store.corpus import CANDIDATES, KEY_FANOUT
from ..store.parquet import ARRIVALS, REPRINTS, parts, write_table

Order = tuple[float, int, int, str]  # (day or inf, input_seq, input_sub, id): the store's (day, seq)


def _partition(band: int, h: int, n: int) -> int:
    return (band * 1_000_003 + h) % n


def map_part(path: str, n: int) -> list[tuple[list[tuple], dict[str, tuple]]]:
    """For each of n partitions: (band rows (band, hash, id), {id: (order, shingles, signature)})."""
    import pyarrow.parquet as pq

    cols = ["id", "input_seq", "input_sub", "published", "shingles", "signature"]
    t = pq.read_table(path, columns=cols).to_pydict()
    out: list[tuple[list[tuple], dict[str, tuple]]] = [([], {}) for _ in range(n)]
    for doc_id, seq, sub, published, n_sh, sig in zip(*(t[c] for c in cols)):
        day = date_day(published)
        order: Order = (math.inf if day is None else day, seq, sub, doc_id)
        signature = np.frombuffer(sig, dtype=np.uint32)
        for band, h in dedup.band_keys(signature):
            rows, sigs = out[_partition(band, h, n)]
            rows.append((band, h, doc_id))
            sigs.setdefault(doc_id, (order, n_sh, sig))
    return out


def reduce_partition(*mapped: tuple[list[tuple], dict[str, tuple]]) -> tuple[list[tuple], dict[str, tuple]]:
    """Candidate rows (me, candidate, band, score ok, similarity) for one partition, and the
    order, shingles and signature of every article in a row."""
    sigs: dict[str, tuple] = {}
    groups: dict[tuple[int, int], set[str]] = defaultdict(set)
    for rows, part_sigs in mapped:
        for doc_id, info in part_sigs.items():
            if doc_id not in sigs or info[0] < sigs[doc_id][0]:
                sigs[doc_id] = info  # an id written twice counts at its first position
        for band, h, doc_id in rows:
            groups[(band, h)].add(doc_id)
    out: list[tuple] = []
    used: dict[str, tuple] = {}
    arrays = {}

    def sig(d: str) -> np.ndarray:
        if d not in arrays:
            arrays[d] = np.frombuffer(sigs[d][2], dtype=np.uint32)
        return arrays[d]

    for (band, _h), members in groups.items():
        if len(members) < 2:
            continue
        # the store reads a key's rows in insertion order, i.e. ingest order
        ordered = sorted(members, key=lambda d: sigs[d][0][1:])
        for i, me in enumerate(ordered[1:], start=1):
            for cand in ordered[:min(i, KEY_FANOUT)]:
                ok, sim = dedup.copy_score(sig(me), sigs[me][1], sig(cand), sigs[cand][1])
                out.append((me, cand, band, ok, sim))
                used[me], used[cand] = sigs[me], sigs[cand]
    return out, used


def candidate_rows(out: str | Path, address: str | None = None, use_ray: bool = False) -> tuple[list[tuple], dict]:
    """Steps 1 and 2, on the cluster when `use_ray`, else in this process."""
    paths = [str(p) for p in parts(out)]
    if not paths:
        return [], {}
    if not use_ray:
        mapped = [map_part(p, 1)[0] for p in paths]
        return reduce_partition(*mapped)
    from .ray import _connect, _import_ray

    ray = _import_ray()
    _connect(ray, address)
    n = max(2, int(ray.cluster_resources().get("CPU", 1)))
    mapper = ray.remote(num_cpus=1, max_retries=3)(map_part).options(num_returns=n)
    reducer = ray.remote(num_cpus=1, max_retries=3)(reduce_partition)
    maps = [mapper.remote(p, n) for p in paths]
    results = ray.get([reducer.remote(*[m[r] for m in maps]) for r in range(n)])
    rows, sigs = [], {}
    for part_rows, part_sigs in results:
        rows += part_rows
        sigs.update(part_sigs)
    return rows, sigs


def replay(rows: list[tuple], sigs: dict[str, tuple]) -> list[dict[str, Any]]:
    """Step 3: corpus/ingest.py's linking, article by article in input order."""
    return replay_arrivals(rows, sigs)[0]


def replay_arrivals(rows: list[tuple], sigs: dict[str, tuple]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Step 3, with the canonical each copy found on arrival (the article whose story it joins)."""
    cands: dict[str, dict[str, list]] = defaultdict(dict)
    for me, cand, band, ok, sim in rows:
        c = cands[me].get(cand)
        if c is None:
            cands[me][cand] = [1, band, ok, sim]
        else:
            c[0] += 1
            c[1] = min(c[1], band)
    arrays = {d: np.frombuffer(v[2], dtype=np.uint32) for d, v in sigs.items()}

    def score(a: str, b: str) -> float:
        return dedup.copy_score(arrays[a], sigs[a][1], arrays[b], sigs[b][1])[1]

    links: OrderedDict[str, tuple[str, float]] = OrderedDict()  # copy -> (canonical, similarity), in link order
    arrivals: dict[str, str] = {}

    def link(doc: str, canonical: str, sim: float) -> None:
        links.pop(doc, None)  # INSERT OR REPLACE: a relinked row moves to the end
        links[doc] = (canonical, sim)

    for me in sorted(cands, key=lambda d: sigs[d][0][1:]):  # arrival order; the day only ranks canonicals
        # the store's candidate order: most shared bands, then first shared band, then ingest order
        ranked = sorted(cands[me], key=lambda c: (-cands[me][c][0], cands[me][c][1], sigs[c][0][1:]))[:CANDIDATES]
        best, best_sim = None, 0.0
        for c in ranked:
            _, _, ok, sim = cands[me][c]
            if ok and sim > best_sim:
                best, best_sim = c, sim
        if best is None:
            continue
        canonical = links[best][0] if best in links else best
        arrivals[me] = canonical
        sim = score(me, canonical)
        if sigs[me][0] >= sigs[canonical][0]:
            link(me, canonical, sim)
        else:
            group = [canonical, *(d for d, (c, _) in links.items() if c == canonical)]
            for other in group:
                link(other, me, score(me, other))
    return [{"article": d, "canonical": c, "similarity": s} for d, (c, s) in links.items()], arrivals


def write_reprints(out: str | Path, address: str | None = None, use_ray: bool = False) -> int:
    """Find the run's reprints and write DIR/reprints/reprints.parquet and arrivals.parquet;
    the number of copies."""
    rows, sigs = candidate_rows(out, address, use_ray)
    links, arrivals = replay_arrivals(rows, sigs)
    write_table(out, ARRIVALS, [{"article": a, "canonical": c} for a, c in arrivals.items()], ARRIVALS, REPRINTS)
    write_table(out, REPRINTS, links, REPRINTS)
    return len(links)


def groups(links: list[dict[str, Any]]) -> dict[str, set[tuple[str, float]]]:
    """canonical -> {(copy, similarity rounded as `duplicates` shows it)}."""
    out: dict[str, set[tuple[str, float]]] = defaultdict(set)
    for r in links:
        out[r["canonical"]].add((r["article"], round(r["similarity"], 3)))
    return dict(out)
