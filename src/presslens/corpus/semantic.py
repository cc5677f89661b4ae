"""Semantic search over paragraph embeddings kept in the store.

Python's sqlite3 here cannot load extensions, so vectors are int8 BLOBs
(embedding × 127) in an ordinary table, bucketed by the signs of BITS fixed
random projections (an IVF-style index): a query reads its own bucket and
the buckets one sign away, bounded by CANDIDATES rows, plus the paragraphs
of the full-text hits, and ranks them by cosine with numpy. Hybrid ranking
fuses that order with the BM25 order by reciprocal rank.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..encoder import DIM

BITS = 12
CANDIDATES = 6000
RRF_K = 60
_PLANES = np.random.default_rng(20261203).standard_normal((BITS, DIM)).astype(np.float32)


def bucket(vec: np.ndarray) -> int:
    bits = (_PLANES @ vec) > 0
    return int(sum(1 << i for i, b in enumerate(bits) if b))


def probe(vec: np.ndarray) -> list[int]:
    """The vector's bucket, then the buckets one sign flip away, closest margin first."""
    b = bucket(vec)
    margins = np.abs(_PLANES @ vec)
    return [b] + [b ^ (1 << int(i)) for i in np.argsort(margins)]


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
