"""Reprints and near-duplicates: MinHash signatures and LSH bands over body shingles.

datasketch computes the signature; the bands are rows of an indexed table in
the store, so finding an article's candidate copies is a handful of index
lookups whatever the corpus size. A candidate is a copy when its estimated
Jaccard similarity clears JACCARD, or when the smaller text is mostly
contained in the larger one (a reprint with paragraphs trimmed).
"""
from __future__ import annotations

import hashlib
import struct

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
BANDS, ROWS = 64, 2          # an index row per band; a pair at J = 0.25 shares a band 98% of the time
JACCARD = 0.3                # estimated Jaccard of 5-word shingles for a copy (typos and trims lower it)
CONTAINMENT = 0.6            # or: this share of the smaller text's shingles inside the larger
MIN_SHINGLES = 8             # texts shorter than this are never called copies
SEED = 7


_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED)  # its permutations are drawn once, not per article


def signature(shingle_set: set[str]) -> np.ndarray:
    m = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme)
    m.update_batch([s.encode("utf-8") for s in shingle_set])
    return np.asarray(m.hashvalues, dtype=np.uint32)


def band_keys(sig: np.ndarray) -> list[tuple[int, int]]:
    """(band, signed 63-bit hash of the band's values) for each band."""
    raw = np.ascontiguousarray(sig, dtype=np.uint32).tobytes()
    step = ROWS * 4
    return [(b, struct.unpack("<q", hashlib.blake2b(raw[b * step:(b + 1) * step], digest_size=8).digest())[0])
            for b in range(BANDS)]


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def containment(j: float, n_a: int, n_b: int) -> float:
    """Share of the smaller set inside the larger, from Jaccard and the set sizes."""
    small = min(n_a, n_b)
    if small == 0:
        return 0.0
    inter = j * (n_a + n_b) / (1.0 + j)
    return min(1.0, inter / small)


def copy_score(a: np.ndarray, n_a: int, b: np.ndarray, n_b: int) -> tuple[bool, float]:
    """(is it a copy, similarity reported for it: the Jaccard estimate, or the containment
    when only containment makes it a copy)."""
    if min(n_a, n_b) < MIN_SHINGLES:
        return False, jaccard(a, b)
    j = jaccard(a, b)
    if j >= JACCARD:
        return True, j
    c = containment(j, n_a, n_b)
    return (True, c) if c >= CONTAINMENT else (False, j)
