"""Train the cue classifier (attribution/classifier.py) on PolNeAR train.

    python -m presslens.train.attribution_cues ../shared/data/polnear/train [--threshold 0.3]

Candidates are every verb the parse gives a clause, infinitive, object or
host clause (attribution.cues.candidates with zero thresholds) and every
`according to`. A candidate is positive when its content covers at least
half of a gold Content span (the rule attribution_score.py matches with).
The model is L2-regularised logistic regression fitted with full-batch
gradient descent in numpy; weights are written to models/attribution/cue_classifier.json
(read by attribution/cue_model.py; models/attribution/MODEL_CARD.md describes it).
The threshold is chosen on PolNeAR dev with eval/attribution.py, never on train.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from ..attribution.cues import Thresholds, candidates
from ..model_files import model_path, write_json
from ..nlp import load_nlp, parse

OUT = model_path("attribution", "cue_classifier.json")


Gold = list[tuple[tuple[int, int], tuple[int, int] | None]]  # (content, cue) hulls


def gold_contents(ann: Path) -> Gold:
    spans: dict[str, tuple[str, int, int]] = {}
    out: Gold = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offs = parts[1].partition(" ")
            nums = [int(x) for o in offs.split(";") for x in o.split()]
            if nums:
                spans[parts[0]] = (kind, min(nums), max(nums))
        elif line.startswith("E") and len(parts) >= 2:
            rel = dict(p.split(":", 1) for p in parts[1].split() if ":" in p)
            c, q = spans.get(rel.get("Content", "")), spans.get(rel.get("Cue", ""))
            if c:
                out.append(((c[1], c[2]), (q[1], q[2]) if q else None))
    return out


def label(start: int, end: int, cue: tuple[int, int] | None, gold: Gold) -> int:
    """Positive: covers half of a gold content whose cue overlaps this candidate's cue."""
    for (a, b), gcue in gold:
        if b > a and min(end, b) - max(start, a) >= 0.5 * (b - a):
            if gcue is None or cue is None or (cue[0] < gcue[1] and gcue[0] < cue[1]):
                return 1
    return 0


def examples_from(text: str, parsed, gold: Gold):
    for chunk in parsed.chunks:
        for f in candidates(text, chunk, Thresholds(0.0, 0.0)):
            yield f.features, label(f.start, f.end, f.cue, gold)


def collect(split: Path):
    nlp = load_nlp()
    for txt in sorted((split / "text").glob("*.txt")):
        anns = sorted((split / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8").replace("\r\n", "\n")
        yield from examples_from(text, parse(text, nlp=nlp), gold_contents(anns[0]))


def fit(examples, l2: float = 1e-4, epochs: int = 300, lr: float = 0.5, min_count: int = 2):
    counts: dict[str, int] = {}
    for feats, _ in examples:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    rows, cols = [], []
    for r, (feats, _) in enumerate(examples):
        for f in set(feats):
            if f in vocab:
                rows.append(r)
                cols.append(vocab[f])
    y = np.array([lab for _, lab in examples], dtype=np.float64)
    rows_a, cols_a = np.array(rows), np.array(cols)
    n, d = len(examples), len(vocab)
    w = np.zeros(d)
    g2 = np.zeros(d) + 1e-8
    for _ in range(epochs):
        z = np.bincount(rows_a, weights=w[cols_a], minlength=n)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        grad = np.bincount(cols_a, weights=(p - y)[rows_a], minlength=d) / n + l2 * w
        g2 += grad ** 2
        w -= lr * grad / np.sqrt(g2)  # Adagrad: rare features still move
    inv = {i: f for f, i in vocab.items()}
    # tiny weights change no decision on dev (checked: |w| < 0.05 pruned, F1 unchanged) but triple the file
    weights = {inv[i]: float(w[i]) for i in range(d) if abs(w[i]) >= 0.05 or inv[i] == "bias"}
    bias = weights.pop("bias", 0.0)
    return bias, weights


def write(bias: float, weights: dict[str, float], threshold: float, n: int, pos: int, out: Path = OUT) -> None:
    # four decimals: the precision the classifier has always shipped with (outputs stay identical)
    write_json("attribution", OUT.name, {
        "bias": bias,
        "threshold": threshold,
        "weights": {f: round(w, 4) for f, w in sorted(weights.items())},
        "trained_on": {"candidates": n, "positive": pos},
    }, out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path)
    ap.add_argument("--threshold", type=float, default=0.3, help="chosen on PolNeAR dev")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    if not (a.split / "text").is_dir():
        raise SystemExit(f"{a.split}: no text/ folder (is ../shared/data/polnear present?)")
    ex = list(collect(a.split))
    bias, weights = fit(ex)
    write(bias, weights, a.threshold, len(ex), sum(lab for _, lab in ex), a.out)
    print(f"wrote {a.out}: {len(weights)} weights from {len(ex)} candidates")


if __name__ == "__main__":
    main()
