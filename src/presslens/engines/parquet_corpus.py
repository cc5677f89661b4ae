"""Reprint detection for a Parquet run, spread over a Ray cluster, with the local engine's result.

The corpus layer finds an article's copies by looking up its 64 LSH band keys among
earlier articles (store/corpus.py), then links it to the canonical of the best copy
(corpus/ingest.py). Here the band keys are shuffle keys:

1. map, one task per `articles` part: each article's band keys, hashed into R partitions
   (its MinHash signature travels once per partition it reaches, not once per band);
2. reduce, one task per partition: articles sharing a key, in input order, give each
   article its earlier candidates (at most KEY_FANOUT per key, as the store reads them),
   each pair scored once with the same `copy_score`, and the pairs shuffled again by the
   later article;
3. rank, one task per article partition: an article's candidates over all its bands,
   ranked and cut as the store does, give its best copy, if it has one;
4. the driver replays the linking step in input order over the articles with a best copy
   only, the small part of the corpus that has a copy at all, so the groups are the local
   engine's and the driver's memory grows with the copies, not with the corpus.

Without Ray the same map, reduce and rank functions run in this process. The result is
written to DIR/reprints/reprints.parquet (article, canonical, similarity), and the
canonical each copy found when it arrived to DIR/reprints/arrivals.parquet: a copy joins
that article's story, so story assignment (engines/parquet_stories.py) reads it.
"""
from __future__ import annotations

import math
import zlib
from collections import OrderedDict, defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from ..corpus import dedup
from ..corpus.text import date_day
from ..store.corpus import CANDIDATES, KEY_FANOUT
from ..store.parquet import ARRIVALS, REPRINTS, parts, write_table

_PARTS_PER_MAP = 8  # parts (of 64 articles from a Ray run) per map task: see map_parts
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


def map_parts(paths: list[str], n: int) -> list[tuple[list[tuple], dict[str, tuple]]]:
    """map_part over several parts, one output per partition: pieces big enough to live in
    Ray's object store, where small task results would be held in the driver's own memory."""
    out: list[tuple[list[tuple], dict[str, tuple]]] = [([], {}) for _ in range(n)]
    for path in paths:
        for (rows, sigs), (part_rows, part_sigs) in zip(out, map_part(path, n)):
            rows += part_rows
            for doc_id, info in part_sigs.items():
                if doc_id not in sigs or info[0] < sigs[doc_id][0]:
                    sigs[doc_id] = info
    return out


def _article_partition(doc_id: str, n: int) -> int:
    return zlib.crc32(doc_id.encode("utf-8", "surrogateescape")) % n  # the same in every process, unlike hash()


def reduce_partition(n_out: int, *mapped: tuple[list[tuple], dict[str, tuple]]) -> list[tuple[dict, dict]]:
    """Articles sharing a band key, for one band partition, split into n_out partitions by the
    later article of each pair: {(me, candidate): [shared bands, first shared band, score ok,
    similarity]} and the order, shingles and signature of every article in a pair."""
    sigs: dict[str, tuple] = {}
    groups: dict[tuple[int, int], set[str]] = defaultdict(set)
    for rows, part_sigs in mapped:
        for doc_id, info in part_sigs.items():
            if doc_id not in sigs or info[0] < sigs[doc_id][0]:
                sigs[doc_id] = info  # an id written twice counts at its first position
        for band, h, doc_id in rows:
            groups[(band, h)].add(doc_id)
    pairs: list[dict[tuple[str, str], list]] = [{} for _ in range(n_out)]
    used: list[dict[str, tuple]] = [{} for _ in range(n_out)]
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
            k = _article_partition(me, n_out)
            for cand in ordered[:min(i, KEY_FANOUT)]:
                c = pairs[k].get((me, cand))
                if c is None:
                    ok, sim = dedup.copy_score(sig(me), sigs[me][1], sig(cand), sigs[cand][1])
                    pairs[k][(me, cand)] = [1, band, ok, sim]
                    used[k][me], used[k][cand] = sigs[me], sigs[cand]
                else:
                    c[0] += 1
                    c[1] = min(c[1], band)
    return list(zip(pairs, used))


def best_copies(*pieces: tuple[dict, dict]) -> tuple[dict[str, str], dict[str, tuple]]:
    """For one article partition: each article's candidates merged over the band partitions,
    ranked as the store ranks them (most shared bands, then the first shared band, then ingest
    order) and cut at CANDIDATES; the best copy among them where there is one, with the
    order, shingles and signature of those articles and their copies. An article without a
    copy goes no further, so what reaches the driver grows with the copies, not the corpus."""
    cands: dict[str, dict[str, list]] = defaultdict(dict)
    info: dict[str, tuple] = {}
    for pairs, used in pieces:
        for doc_id, i in used.items():
            if doc_id not in info or i[0] < info[doc_id][0]:
                info[doc_id] = i
        for (me, cand), (count, band, ok, sim) in pairs.items():
            c = cands[me].get(cand)
            if c is None:
                cands[me][cand] = [count, band, ok, sim]
            else:
                c[0] += count
                c[1] = min(c[1], band)
    best: dict[str, str] = {}
    for me, mine in cands.items():
        ranked = sorted(mine, key=lambda c: (-mine[c][0], mine[c][1], info[c][0][1:]))[:CANDIDATES]
        top, top_sim = None, 0.0
        for c in ranked:
            _, _, ok, sim = mine[c]
            if ok and sim > top_sim:
                top, top_sim = c, sim
        if top is not None:
            best[me] = top
    return best, {d: info[d] for pair in best.items() for d in pair}


def candidate_rows(out: str | Path, address: str | None = None, use_ray: bool = False) -> tuple[dict, dict]:
    """Steps 1 and 2 (each article's best copy, and what step 3 needs of both), on the
    cluster when `use_ray`, else in this process."""
    paths = [str(p) for p in parts(out)]
    if not paths:
        return {}, {}
    if not use_ray:
        mapped = [map_part(p, 1)[0] for p in paths]
        return best_copies(*reduce_partition(1, *mapped))
    from .ray import _connect, _import_ray

    ray = _import_ray()
    _connect(ray, address)
    n = max(2, int(ray.cluster_resources().get("CPU", 1)))
    mapper = ray.remote(num_cpus=1, max_retries=3)(map_parts).options(num_returns=n)
    reducer = ray.remote(num_cpus=1, max_retries=3)(reduce_partition).options(num_returns=n)
    ranker = ray.remote(num_cpus=1, max_retries=3)(best_copies)
    # the driver keeps no refs of its own to intermediate results: Ray holds them while a
    # task that reads them is pending and frees them after
    maps = [mapper.remote(paths[i:i + _PARTS_PER_MAP], n) for i in range(0, len(paths), _PARTS_PER_MAP)]
    reduced = [reducer.remote(n, *[m[r] for m in maps]) for r in range(n)]
    del maps
    ranked = [ranker.remote(*[x[k] for x in reduced]) for k in range(n)]
    del reduced
    best: dict[str, str] = {}
    sigs: dict[str, tuple] = {}
    for part_best, part_sigs in ray.get(ranked):
        best.update(part_best)
        sigs.update(part_sigs)
    return best, sigs


def replay(best: dict[str, str], sigs: dict[str, tuple]) -> list[dict[str, Any]]:
    """Step 3: corpus/ingest.py's linking, article by article in input order."""
    return replay_arrivals(best, sigs)[0]


def replay_arrivals(best: dict[str, str], sigs: dict[str, tuple]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Step 3, with the canonical each copy found on arrival (the article whose story it joins)."""
    arrays = {d: np.frombuffer(v[2], dtype=np.uint32) for d, v in sigs.items()}

    def score(a: str, b: str) -> float:
        return dedup.copy_score(arrays[a], sigs[a][1], arrays[b], sigs[b][1])[1]

    links: OrderedDict[str, tuple[str, float]] = OrderedDict()  # copy -> (canonical, similarity), in link order
    arrivals: dict[str, str] = {}

    def link(doc: str, canonical: str, sim: float) -> None:
        links.pop(doc, None)  # INSERT OR REPLACE: a relinked row moves to the end
        links[doc] = (canonical, sim)

    for me in sorted(best, key=lambda d: sigs[d][0][1:]):  # arrival order; the day only ranks canonicals
        copy = best[me]
        canonical = links[copy][0] if copy in links else copy
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
    best, sigs = candidate_rows(out, address, use_ray)
    links, arrivals = replay_arrivals(best, sigs)
    write_table(out, ARRIVALS, [{"article": a, "canonical": c} for a, c in arrivals.items()], ARRIVALS, REPRINTS)
    write_table(out, REPRINTS, links, REPRINTS)
    return len(links)


def groups(links: list[dict[str, Any]]) -> dict[str, set[tuple[str, float]]]:
    """canonical -> {(copy, similarity rounded as `duplicates` shows it)}."""
    out: dict[str, set[tuple[str, float]]] = defaultdict(set)
    for r in links:
        out[r["canonical"]].add((r["article"], round(r["similarity"], 3)))
    return dict(out)
