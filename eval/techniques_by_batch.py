"""Technique thresholds held out by ID batch: are thresholds chosen out of fold by article as
good on a new batch of articles as thresholds chosen out of fold by batch?

    python -m presslens.train.embed          # once: the paragraph cache (needs ../shared/data)
    python eval/techniques_by_batch.py [--refit]

The paragraph technique head (train/heads.py: an MLP on mean- and max-pooled token vectors) is
fitted again without each English ID batch and without the Russian articles (English MT), in
turn, on the training split's labelled paragraphs: every paragraph gets a score from a head that
never saw its batch. The same is done with 4 folds by article, as train/heads.py chooses the
shipped thresholds. For each held-out batch, thresholds are then chosen jointly for micro-F1
(train/heads.micro_thresholds) on the other batches' out-of-fold scores, by article folds or by
batch folds, and scored on the held-out batch beside the shipped thresholds. Torch is a training
extra; this script fits the same network (dropout, ReLU, BCE with the same positive weights,
AdamW with torch's defaults) in numpy, so it runs without it. The out-of-fold scores are cached
under eval/out/techniques_by_batch/ (about 20 minutes on 2 cores to rebuild: --refit).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from _results import HERE, markdown_table, shared_path, write_section  # noqa: E402

CACHE = HERE / "out" / "techniques_by_batch" / "oof.npz"


def fit_mlp(x: np.ndarray, y: np.ndarray, hidden: int = 256, epochs: int = 40, lr: float = 1e-3,
            wd: float = 1e-4, cap: float = 10.0, seed: int = 13, batch: int = 256) -> tuple[np.ndarray, ...]:
    """train/heads.fit_mlp's network and loss in numpy (Adam moments with decoupled weight decay)."""
    rng = np.random.default_rng(seed)
    n, d = x.shape
    pos = y.sum(0)
    pw = np.minimum((n - pos) / np.maximum(pos, 1.0), cap) ** 0.5
    b1, b2 = 1 / np.sqrt(d), 1 / np.sqrt(hidden)
    params = [rng.uniform(-b1, b1, (d, hidden)), rng.uniform(-b1, b1, hidden),
              rng.uniform(-b2, b2, (hidden, y.shape[1])), rng.uniform(-b2, b2, y.shape[1])]
    params = [p.astype(np.float32) for p in params]
    m1 = [np.zeros_like(p) for p in params]
    m2 = [np.zeros_like(p) for p in params]
    step = 0
    x, y = x.astype(np.float32), y.astype(np.float32)
    for _ in range(epochs):
        for idx in np.array_split(rng.permutation(n), max(1, int(np.ceil(n / batch)))):
            xb, yb = x[idx], y[idx]
            h0 = xb * (rng.random(xb.shape) >= 0.1) / 0.9
            a = h0 @ params[0] + params[1]
            keep = (rng.random(a.shape) >= 0.2) / 0.8
            h1 = np.maximum(a, 0) * keep
            s = 1 / (1 + np.exp(-np.clip(h1 @ params[2] + params[3], -40, 40)))
            g = (-(pw * yb) * (1 - s) + (1 - yb) * s) / s.size  # d(mean weighted BCE)/d logit
            gh = g @ params[2].T * keep * (a > 0)
            step += 1
            for i, grad in enumerate((h0.T @ gh, gh.sum(0), h1.T @ g, g.sum(0))):
                params[i] *= 1 - lr * wd
                m1[i] = 0.9 * m1[i] + 0.1 * grad
                m2[i] = 0.999 * m2[i] + 0.001 * grad * grad
                params[i] -= lr * (m1[i] / (1 - 0.9 ** step)) / (np.sqrt(m2[i] / (1 - 0.999 ** step)) + 1e-8)
    return tuple(params)


def mlp_scores(params: tuple[np.ndarray, ...], x: np.ndarray) -> np.ndarray:
    z = np.maximum(x @ params[0] + params[1], 0) @ params[2] + params[3]
    return 1 / (1 + np.exp(-np.clip(z, -40, 40)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--refit", action="store_true", help="rebuild the cached out-of-fold scores")
    args = ap.parse_args()
    root = shared_path("data", "semeval2023-task3")
    from presslens.framing.features import paragraph_features
    from presslens.framing.heads import load_heads
    from presslens.framing.predict import MODEL_DIR
    from presslens.train.embed import load_cache
    from presslens.train.heads import folds, micro_thresholds
    from presslens.train.semeval import TECHNIQUES, domain, load, split

    arts = load(root)
    train, _ = split(arts)
    in_train = np.array([a in train for a in arts])
    c = load_cache()
    art, par = c["art"], c["par"]
    listed = np.array([int(par[i]) in arts[art[i]].par_labels for i in range(len(art))])
    rows = listed & in_train[art]
    y = np.zeros((int(rows.sum()), len(TECHNIQUES)), np.float32)
    for r, i in enumerate(np.where(rows)[0]):
        for lab in arts[art[i]].par_labels[int(par[i])]:
            if lab in TECHNIQUES:
                y[r, TECHNIQUES.index(lab)] = 1
    dom = np.array([domain(a) for a in arts])[art[rows]]
    if args.refit or not CACHE.exists():
        x = paragraph_features(c["mean"], c["max"])[rows]
        by_batch, by_article = np.zeros(y.shape, np.float32), np.zeros(y.shape, np.float32)
        for d in sorted(set(dom)):
            print(f"fitting without {d}", flush=True)
            by_batch[dom == d] = mlp_scores(fit_mlp(x[dom != d], y[dom != d]), x[dom == d])
        for te in folds(art[rows], 4):
            print("fitting an article fold", flush=True)
            by_article[te] = mlp_scores(fit_mlp(x[~te], y[~te]), x[te])
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        np.savez(CACHE, by_batch=by_batch, by_article=by_article)
    oof = np.load(CACHE)
    by_batch, by_article = oof["by_batch"], oof["by_article"]
    shipped = load_heads(MODEL_DIR / "heads.npz")["tech"].thresholds
    systems = ("shipped thresholds", "chosen on article folds", "chosen on batch folds")
    counts = {s: np.zeros((2, 3)) for s in systems}  # [strict, scorer] x [tp, predicted, gold]
    rows_out = []
    for d in sorted(set(dom)):
        te = dom == d
        chosen = {systems[0]: shipped, systems[1]: micro_thresholds(y[~te], by_article[~te]),
                  systems[2]: micro_thresholds(y[~te], by_batch[~te])}
        gold = y[te] > 0
        scored = gold.any(1)  # the shared scorer counts only paragraphs with a gold technique
        line: list[object] = [d, int(te.sum())]
        for s, t in chosen.items():
            pred = by_batch[te] >= t
            for k, m in enumerate((np.ones(len(gold), bool), scored)):
                counts[s][k] += [(pred[m] & gold[m]).sum(), pred[m].sum(), gold[m].sum()]
            line.append(2 * (pred & gold).sum() / max(pred.sum() + gold.sum(), 1))
        rows_out.append(line)
    for k, name in enumerate(("all held out, strict", "all held out, scorer rows")):
        rows_out.append([name, len(y)] + [2 * counts[s][k][0] / (counts[s][k][1] + counts[s][k][2]) for s in systems])
    body = ("Paragraph technique head only (no lexical detectors or token triggers), training-split labelled "
            "paragraphs, each scored by a head fitted without its ID batch (English) or without the Russian "
            "articles (English MT); thresholds for each held-out batch chosen on the other batches' "
            "out-of-fold scores (4 folds by article, as shipped, or one fold per batch), beside the shipped "
            "thresholds. The shipped thresholds were chosen on out-of-fold scores of every training batch, the "
            "held-out one included, so their column is optimistic; the fair comparison is the other two. "
            "Micro-F1 per batch is strict (every labelled paragraph). The fitted network is "
            "train/heads.py's, re-implemented in numpy (torch is a training extra).\n\n"
            + markdown_table(["held out", "paragraphs"] + [f"micro-F1, {s}" for s in systems], rows_out) + "\n")
    print(body)
    write_section("techniques-by-batch", "Technique thresholds held out by ID batch", body)


if __name__ == "__main__":
    main()
