"""Turning head scores into probabilities that mean something, and measuring how well they do.

Fitting (temperature for the softmax genre head, Platt scaling per frame) happens at
training time on held-out predictions and is folded into the heads' weights, so
inference needs nothing from here. The measures (expected calibration error and a
reliability table) are shared by training and eval/framing.py.
"""
from __future__ import annotations

import numpy as np


def _log_softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def fit_temperature(logits: np.ndarray, y: np.ndarray, weights: np.ndarray | None = None) -> float:
    """The T minimising the (weighted) negative log-likelihood of softmax(logits / T)."""
    w = np.ones(len(y)) if weights is None else np.asarray(weights, float)
    grid = np.exp(np.linspace(np.log(0.2), np.log(8.0), 121))
    nll = [-(w * _log_softmax(logits / t)[np.arange(len(y)), y]).sum() for t in grid]
    return float(grid[int(np.argmin(nll))])


def fit_platt(z: np.ndarray, y: np.ndarray, iters: int = 50, prior: float = 1e-3) -> tuple[float, float]:
    """(a, b) with P(y = 1 | z) = sigmoid(a z + b), by Newton's method on the log-likelihood.

    Targets are Platt's smoothed ones ((n+ + 1) / (n+ + 2) and 1 / (n- + 2)), so a label
    seen a few times does not get probabilities of exactly 0 or 1; `prior` is a small
    ridge that keeps the fit finite on separable data."""
    z = np.asarray(z, float)
    y = np.asarray(y, float)
    n_pos, n_neg = y.sum(), len(y) - y.sum()
    t = np.where(y > 0, (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2))
    a, b = 1.0, 0.0
    x = np.stack([z, np.ones_like(z)], axis=1)
    for _ in range(iters):
        p = 1 / (1 + np.exp(-np.clip(a * z + b, -40, 40)))
        g = x.T @ (p - t) + prior * np.array([a - 1.0, b])
        h = (x * (p * (1 - p))[:, None]).T @ x + prior * np.eye(2)
        step = np.linalg.solve(h, g)
        a, b = a - step[0], b - step[1]
        if np.abs(step).max() < 1e-8:
            break
    return float(a), float(b)


def reliability(conf: np.ndarray, correct: np.ndarray, bins: int = 10,
                weights: np.ndarray | None = None) -> list[tuple[float, float, int, float, float, float]]:
    """Equal-width bins of confidence: (low, high, count, mean confidence, accuracy, weight) for
    non-empty bins; with `weights` (e.g. to reweight a class mix), means and weight are weighted."""
    conf = np.asarray(conf, float)
    correct = np.asarray(correct, float)
    w = np.ones(len(conf)) if weights is None else np.asarray(weights, float)
    edges = np.linspace(0, 1, bins + 1)
    rows = []
    for i in range(bins):
        m = (conf >= edges[i]) & ((conf < edges[i + 1]) if i < bins - 1 else (conf <= 1.0))
        if m.any() and w[m].sum() > 0:
            rows.append((float(edges[i]), float(edges[i + 1]), int(m.sum()), float(np.average(conf[m], weights=w[m])),
                         float(np.average(correct[m], weights=w[m])), float(w[m].sum())))
    return rows


def ece(conf: np.ndarray, correct: np.ndarray, bins: int = 10, weights: np.ndarray | None = None) -> float:
    """Expected calibration error: bin-weighted |accuracy - confidence|."""
    rows = reliability(conf, correct, bins, weights)
    total = sum(r[5] for r in rows) or 1.0
    return float(sum(wt * abs(acc - mc) for _, _, _, mc, acc, wt in rows) / total)


def reliability_markdown(conf: np.ndarray, correct: np.ndarray, bins: int = 10,
                         weights: np.ndarray | None = None) -> str:
    rows = ["| confidence | n | mean confidence | observed |", "|---|---|---|---|"]
    for lo, hi, c, mc, acc, _ in reliability(conf, correct, bins, weights):
        rows.append(f"| {lo:.1f}-{hi:.1f} | {c} | {mc:.2f} | {acc:.2f} |")
    return "\n".join(rows)
