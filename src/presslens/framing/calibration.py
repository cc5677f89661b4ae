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


def reliability(conf: np.ndarray, correct: np.ndarray, bins: int = 10) -> list[tuple[float, float, int, float, float]]:
    """Equal-width bins of confidence: (low, high, count, mean confidence, accuracy) for non-empty bins."""
    conf = np.asarray(conf, float)
    correct = np.asarray(correct, float)
    edges = np.linspace(0, 1, bins + 1)
    rows = []
    for i in range(bins):
        m = (conf >= edges[i]) & ((conf < edges[i + 1]) if i < bins - 1 else (conf <= 1.0))
        if m.any():
            rows.append((float(edges[i]), float(edges[i + 1]), int(m.sum()), float(conf[m].mean()),
                         float(correct[m].mean())))
    return rows


def ece(conf: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error: bin-weighted |accuracy - confidence|."""
    n = max(len(conf), 1)
    return float(sum(c * abs(acc - mc) for _, _, c, mc, acc in reliability(conf, correct, bins)) / n)


def reliability_markdown(conf: np.ndarray, correct: np.ndarray, bins: int = 10) -> str:
    rows = ["| confidence | n | mean confidence | observed |", "|---|---|---|---|"]
    for lo, hi, c, mc, acc in reliability(conf, correct, bins):
        rows.append(f"| {lo:.1f}-{hi:.1f} | {c} | {mc:.2f} | {acc:.2f} |")
    return "\n".join(rows)
