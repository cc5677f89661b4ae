"""Numpy inference for the trained heads: logistic layers and a one-hidden-layer MLP.

Weights live in one .npz per language (models/framing/<lang>/heads.npz) under `<head>.<name>` keys,
written by presslens.train.heads; labels and thresholds are stored with them so
a head can never be read with the wrong label order.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -40, 40)))


def softmax(x: np.ndarray) -> np.ndarray:
    z = np.exp(x - x.max(axis=-1, keepdims=True))
    return z / z.sum(axis=-1, keepdims=True)


@dataclass(frozen=True)
class Head:
    """x -> scores. `hidden` layers use ReLU; `kind` is 'sigmoid' (multi-label) or 'softmax'."""

    labels: tuple[str, ...]
    weights: tuple[np.ndarray, ...]  # W0, b0, W1, b1, ... (W: in x out)
    kind: str
    thresholds: np.ndarray  # per label (sigmoid) or unused (softmax)
    mean: np.ndarray | None = None  # input standardisation, when trained with it
    scale: np.ndarray | None = None

    def logits(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=np.float32)
        if self.mean is not None and self.scale is not None:
            x = (x - self.mean) / self.scale
        n_layers = len(self.weights) // 2
        for i in range(n_layers):
            x = x @ self.weights[2 * i] + self.weights[2 * i + 1]
            if i < n_layers - 1:
                x = np.maximum(x, 0.0)
        return x

    def scores(self, x: np.ndarray) -> np.ndarray:
        z = self.logits(x)
        return softmax(z) if self.kind == "softmax" else sigmoid(z)


def save_heads(path: Path, heads: dict[str, Head]) -> None:
    arrays: dict[str, np.ndarray] = {}
    for name, h in heads.items():
        arrays[f"{name}.labels"] = np.array(h.labels)
        arrays[f"{name}.kind"] = np.array(h.kind)
        arrays[f"{name}.thresholds"] = np.asarray(h.thresholds, np.float32)
        for i, w in enumerate(h.weights):
            arrays[f"{name}.w{i}"] = np.asarray(w, np.float32)
        if h.mean is not None:
            arrays[f"{name}.mean"] = np.asarray(h.mean, np.float32)
            arrays[f"{name}.scale"] = np.asarray(h.scale, np.float32)
    np.savez_compressed(path, **arrays)


def load_heads(path: Path) -> dict[str, Head]:
    data = np.load(path, allow_pickle=False)
    names = sorted({k.split(".")[0] for k in data.files})
    heads = {}
    for name in names:
        n_w = sum(1 for k in data.files if k.startswith(f"{name}.w"))
        heads[name] = Head(
            labels=tuple(str(x) for x in data[f"{name}.labels"]),
            weights=tuple(data[f"{name}.w{i}"] for i in range(n_w)),
            kind=str(data[f"{name}.kind"]),
            thresholds=data[f"{name}.thresholds"],
            mean=data[f"{name}.mean"] if f"{name}.mean" in data.files else None,
            scale=data[f"{name}.scale"] if f"{name}.scale" in data.files else None,
        )
    return heads
