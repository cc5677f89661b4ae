"""Semantic search over paragraph embeddings kept in the store.

Python's sqlite3 here cannot load extensions, so vectors are int8 BLOBs
(embedding × 127) in an ordinary table, bucketed by the signs of BITS fixed
random projections (an IVF-style index): a query reads its own bucket and
the buckets one sign away, bounded by CANDIDATES rows, plus the paragraphs
of the full-text hits, and ranks them by cosine with numpy. Hybrid ranking
fuses that order with the BM25 order by reciprocal rank.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..encoder import DIM

BITS = 10
CANDIDATES = 20000
RRF_K = 60
_PLANES = np.random.default_rng(20261203).standard_normal((BITS, DIM)).astype(np.float32)


def bucket(vec: np.ndarray) -> int:
    bits = (_PLANES @ vec) > 0
    return int(sum(1 << i for i, b in enumerate(bits) if b))


def probe(vec: np.ndarray) -> list[int]:
    """The vector's bucket, then those one and two sign flips away, smallest margins first."""
    b = bucket(vec)
    order = [int(i) for i in np.argsort(np.abs(_PLANES @ vec))]
    one = [b ^ (1 << i) for i in order]
    two = [b ^ (1 << order[i]) ^ (1 << order[j]) for i in range(BITS) for j in range(i + 1, BITS)]
    return [b] + one + two


def quantise(vec: np.ndarray) -> bytes:
    return np.clip(np.round(vec * 127), -127, 127).astype(np.int8).tobytes()


def dequantise(blob: bytes) -> np.ndarray:
    v = np.frombuffer(blob, dtype=np.int8).astype(np.float32)
    return v / (np.linalg.norm(v) or 1.0)


@dataclass(frozen=True)
class SemanticHit:
    id: str
    start: int
    end: int
    score: float


def rank(query: np.ndarray, rows: list[tuple[str, int, int, bytes]], limit: int) -> list[SemanticHit]:
    """Best paragraph per document, by cosine with the query."""
    if not rows:
        return []
    mat = np.stack([dequantise(r[3]) for r in rows])
    scores = mat @ query
    best: dict[str, SemanticHit] = {}
    for (doc, s, e, _), sc in zip(rows, scores):
        if doc not in best or sc > best[doc].score:
            best[doc] = SemanticHit(doc, s, e, float(sc))
    return sorted(best.values(), key=lambda h: -h.score)[:limit]


def fuse(semantic: list[str], lexical: list[str]) -> list[str]:
    """Reciprocal-rank fusion of two ranked id lists."""
    score: dict[str, float] = {}
    for ranked in (semantic, lexical):
        for i, d in enumerate(ranked):
            score[d] = score.get(d, 0.0) + 1.0 / (RRF_K + i + 1)
    return sorted(score, key=lambda d: -score[d])


def search(store, query: str, limit: int = 20, embed=None, **filters) -> list[dict]:
    """Hybrid search: paragraph cosine over bounded candidates, fused with FTS5 BM25 by rank."""
    if embed is None:
        from .ingest import default_embedder as embed
    qv = np.asarray(embed([query]), dtype=np.float32)[0]
    terms = re.findall(r"\w+", query)
    lexical = store.search(" OR ".join(f'"{t}"' for t in terms) or query, limit=50, **filters)
    rows = store.paragraphs_in(probe(qv), CANDIDATES)
    if len(rows) < 10 * limit:  # a small store: its buckets are sparse, read it whole (still bounded)
        rows = store.paragraphs_in(None, CANDIDATES)
    rows += store.paragraphs_of([h.id for h in lexical])
    allowed = None
    if any(v for k, v in filters.items() if k != "all_acts"):  # all_acts only widens --speaker
        allowed = {h.id for h in lexical}  # filters apply through the full-text side
    sem = [h for h in rank(qv, rows, limit * 3) if allowed is None or h.id in allowed]
    by_id = {h.id: h for h in sem}
    order = fuse([h.id for h in sem], [h.id for h in lexical])[:limit]
    out = []
    for d in order:
        brief = store.doc_brief(d)
        if brief is None:
            continue
        h = by_id.get(d)
        snippet = " ".join(brief["text"][h.start:h.end].split())[:240] if h else \
            next((x.snippet for x in lexical if x.id == d), "")
        out.append({"id": d, "title": brief["title"], "source": brief["source"], "published": brief["published"],
                    "snippet": snippet, "score": round(h.score, 4) if h else 0.0})
    return out
