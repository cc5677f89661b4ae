"""Fit the Russian genre / frames / techniques heads (presslens.ru.framing).

usage: python -m presslens.train.ru_framing [--out src/presslens/models/framing/ru]

Data: ../shared/data/semeval2023-task3/ru (or $PRESSLENS_SHARED/data/...). The
articles are split by id: every 5th article in id order is held out
(`held_out_ids`, scored by eval/russian_framing.py) and never seen here. On the
rest: the regularisation C of each head is chosen by 5-fold out-of-fold scores
(folds by article), calibration (a temperature for genre, one Platt pair per
multi-label head) and the decision threshold are fitted on the same
out-of-fold logits and folded into the stored weights. Needs scikit-learn.
"""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import numpy as np

from ..ru.framing import MODEL_DIR, lines_of, terms

SHARED = Path(os.environ.get("PRESSLENS_SHARED", Path(__file__).resolve().parents[3].parent / "shared"))
C_GRID = (0.5, 2.0, 8.0, 32.0)


def data_dir() -> Path:
    d = SHARED / "data" / "semeval2023-task3" / "ru"
    if not d.exists():
        raise SystemExit(f"{d}: not found (set PRESSLENS_SHARED to the folder holding data/)")
    return d


def _table(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            out[parts[0]] = [x for x in parts[1].split(",") if x]
    return out


def load(d: Path) -> list[dict]:
    """One dict per article: id, text, genre, frames, lines [(text, labels)]."""
    genre, frames = _table(d / "train-labels-subtask-1.txt"), _table(d / "train-labels-subtask-2.txt")
    par: dict[str, dict[int, list[str]]] = {}
    for line in (d / "train-labels-subtask-3.txt").read_text(encoding="utf-8").splitlines():
        p = line.split("\t")
        if len(p) >= 2:
            par.setdefault(p[0], {})[int(p[1])] = [x for x in (p[2] if len(p) > 2 else "").split(",") if x]
    arts = []
    for f in sorted((d / "train-articles-subtask-3").glob("article*.txt")):
        aid = f.stem.replace("article", "")
        text = f.read_text(encoding="utf-8")
        raw = text.split("\n")
        lines = [(raw[n - 1], labs) for n, labs in sorted(par.get(aid, {}).items()) if n - 1 < len(raw)]
        arts.append({"id": aid, "text": text, "genre": (genre.get(aid) or [None])[0],
                     "frames": frames.get(aid, []), "lines": lines})
    return arts


def held_out_ids(ids: list[str]) -> set[str]:
    """Every 5th article in numeric id order: a fixed split by article."""
    return set(sorted(ids, key=int)[4::5])


def _folds(groups: list[str], k: int = 5) -> list[np.ndarray]:
    order = sorted(set(groups), key=int)
    fold_of = {g: i % k for i, g in enumerate(order)}
    f = np.array([fold_of[g] for g in groups])
    return [np.where(f == i)[0] for i in range(k)]


def _binary_logits(X, Y: np.ndarray, C: float) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    W = np.zeros((X.shape[1], Y.shape[1]))
    b = np.full(Y.shape[1], -8.0)  # a label never seen twice is never predicted
    for j in range(Y.shape[1]):
        if Y[:, j].sum() >= 2 and Y[:, j].sum() < len(Y):
            m = LogisticRegression(C=C, class_weight="balanced", max_iter=2000).fit(X, Y[:, j])
            W[:, j], b[j] = m.coef_[0], m.intercept_[0]
    return W, b


def _oof(X, Y, groups, C):
    out = np.zeros(Y.shape)
    for test in _folds(groups):
        train = np.setdiff1d(np.arange(len(groups)), test)
        W, b = _binary_logits(X[train], Y[train], C)
        out[test] = X[test] @ W + b
    return out


def _micro(Y: np.ndarray, P: np.ndarray) -> float:
    tp = float((Y * P).sum()); fp = float(((1 - Y) * P).sum()); fn = float((Y * (1 - P)).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _platt(logits: np.ndarray, Y: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    m = LogisticRegression(C=100.0).fit(logits.reshape(-1, 1), Y.reshape(-1))
    return float(m.coef_[0, 0]), float(m.intercept_[0])


def fit_multilabel(X, Y, groups) -> dict:
    """C by out-of-fold micro-F1 (threshold 0.5 on the raw score), then Platt and threshold."""
    best = None
    for C in C_GRID:
        L = _oof(X, Y, groups, C)
        a, c = _platt(L, Y)
        P = 1 / (1 + np.exp(-(a * L + c)))
        thr, f = max(((t, _micro(Y, (P >= t).astype(float))) for t in np.arange(0.05, 0.8, 0.025)),
                     key=lambda x: x[1])
        if best is None or f > best["oof_f1"]:
            best = {"C": C, "a": a, "c": c, "threshold": float(thr), "oof_f1": f}
    W, b = _binary_logits(X, Y, best["C"])
    return {**best, "W": W * best["a"], "b": b * best["a"] + best["c"]}


def fit_genre(X, y: list[str], groups) -> dict:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score

    labels = sorted(set(y))
    Y = np.array([labels.index(v) for v in y])
    best = None
    for C in C_GRID:
        L = np.zeros((len(y), len(labels)))
        for test in _folds(groups):
            train = np.setdiff1d(np.arange(len(y)), test)
            m = LogisticRegression(C=C, class_weight="balanced", max_iter=2000).fit(X[train], Y[train])
            L[np.ix_(test, m.classes_)] = m.decision_function(X[test])
        f = f1_score(Y, L.argmax(1), average="macro")
        if best is None or f > best["oof_f1"]:
            best = {"C": C, "oof_f1": float(f), "L": L}
    L = best.pop("L")
    # temperature that minimises out-of-fold negative log-likelihood
    def nll(T):
        z = L / T; z = z - z.max(1, keepdims=True)
        return float(-(z[np.arange(len(Y)), Y] - np.log(np.exp(z).sum(1))).mean())
    T = min(np.arange(0.2, 5.0, 0.05), key=nll)
    m = LogisticRegression(C=best["C"], class_weight="balanced", max_iter=2000).fit(X, Y)
    return {**best, "T": float(T), "W": m.coef_.T / T, "b": m.intercept_ / T, "labels": labels, "threshold": 0.0}


def train(out: Path) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer

    arts = load(data_dir())
    dev = held_out_ids([a["id"] for a in arts])
    arts = [a for a in arts if a["id"] not in dev]
    vec = TfidfVectorizer(analyzer=terms, sublinear_tf=True, min_df=3, dtype=np.float64)
    Xa = vec.fit_transform([a["text"] for a in arts])
    ids = [a["id"] for a in arts]
    g = [i for i, a in enumerate(arts) if a["genre"]]  # a third of the articles have no genre label
    genre = fit_genre(Xa[g], [arts[i]["genre"] for i in g], [ids[i] for i in g])

    flabels = sorted({f for a in arts for f in a["frames"]})
    Yf = np.array([[f in a["frames"] for f in flabels] for a in arts], dtype=float)
    frames = fit_multilabel(Xa, Yf, ids)

    rows = [(a["id"], t, labs) for a in arts for t, labs in a["lines"] if t.strip()]
    tlabels = sorted({x for _, _, labs in rows for x in labs})
    Xl = vec.transform([t for _, t, _ in rows])
    Yt = np.array([[x in labs for x in tlabels] for _, _, labs in rows], dtype=float)
    tech = fit_multilabel(Xl, Yt, [g for g, _, _ in rows])
    tech["labels"], frames["labels"] = tlabels, flabels

    out.mkdir(parents=True, exist_ok=True)
    vocab = vec.get_feature_names_out()
    arrays = {"vocab": np.array(vocab, dtype=str), "idf": vec.idf_.astype(np.float32)}
    for name, h in (("genre", genre), ("frames", frames), ("tech", tech)):
        arrays[f"{name}_W"] = np.asarray(h["W"], dtype=np.float32)
        arrays[f"{name}_b"] = np.asarray(h["b"], dtype=np.float32)
        arrays[f"{name}_labels"] = np.array(h["labels"], dtype=str)
        arrays[f"{name}_threshold"] = np.array(h["threshold"], dtype=np.float32)
    np.savez_compressed(out / "word_heads.npz", **arrays)
    report = {"articles": len(arts), "held_out": len(dev), "lines": len(rows), "vocab": len(vocab),
              **{name: {k: v for k, v in h.items() if k not in ("W", "b", "labels")}
                 for name, h in (("genre", genre), ("frames", frames), ("tech", tech))}}
    (out / "training.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    print(json.dumps(train(ap.parse_args().out), indent=1))


if __name__ == "__main__":
    main()
