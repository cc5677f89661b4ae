"""eval/techniques_by_batch.py's numpy copy of the technique head's network, on invented data."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
from techniques_by_batch import fit_mlp, mlp_scores  # noqa: E402


def test_the_numpy_network_learns_two_labels_and_ranks_unseen_rows():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(600, 6)).astype(np.float32)
    # label 0 follows the first input, label 1 (rare) needs the second and third together
    y = np.stack([x[:, 0] > 0, (x[:, 1] > 0.8) & (x[:, 2] > 0)], axis=1).astype(np.float32)
    params = fit_mlp(x[:400], y[:400], hidden=16, epochs=60, lr=1e-2)
    p = mlp_scores(params, x[400:])
    assert p.shape == (200, 2) and ((p > 0) & (p < 1)).all()
    for j in range(2):
        pos, neg = p[y[400:, j] > 0, j], p[y[400:, j] == 0, j]
        auc = (pos[:, None] > neg[None, :]).mean()
        assert auc > 0.9, (j, auc)


def test_the_fit_is_reproducible():
    rng = np.random.default_rng(2)
    x = rng.normal(size=(50, 3)).astype(np.float32)
    y = (x[:, :1] > 0).astype(np.float32)
    a, b = fit_mlp(x, y, hidden=4, epochs=2), fit_mlp(x, y, hidden=4, epochs=2)
    assert all(np.array_equal(u, v) for u, v in zip(a, b))
