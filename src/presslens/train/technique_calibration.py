"""Platt scaling for the paragraph technique head's reported scores.

    python -m presslens.train.technique_calibration    # writes models/framing/en/techniques_calibration.json

The `tech` head's sigmoid is overconfident where it reports a label (validation split:
mean score 0.56 over reported labels, 0.33 of them right). Refitting the MLP out of fold
needs torch, so the calibration is fitted afterwards on the one set of paragraphs the head
never saw, the validation split of train/semeval.py: one (a, b) for every technique,
P(right) = sigmoid(a * logit + b). It is monotone and applied to the reported score only
(framing.predict), so no decision changes and the validation F1 stays a held-out number; the
head's raw scores still feed the genre and frames heads. Its own error is measured cross-fitted
(fitted on half the validation articles, measured on the other half; eval/techniques_calibration.py).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from ..framing.calibration import ece, fit_platt
from ..framing.features import paragraph_features
from ..framing.heads import load_heads
from .embed import CACHE
from .semeval import TECHNIQUES, load, split

OUT = Path(__file__).resolve().parents[1] / "models" / "framing" / "en" / "techniques_calibration.json"


def validation_logits(root: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(tech head logits, gold, article index, thresholds) for every labelled validation paragraph."""
    arts = load(root)
    _, val = split(arts)
    in_val = np.array([a in val for a in arts])
    c = np.load(CACHE)
    art, par = c["art"], c["par"]
    rows = np.array([in_val[art[i]] and int(par[i]) in arts[art[i]].par_labels for i in range(len(art))])
    y = np.zeros((int(rows.sum()), len(TECHNIQUES)), bool)
    for r, i in enumerate(np.where(rows)[0]):
        for lab in arts[art[i]].par_labels[int(par[i])]:
            if lab in TECHNIQUES:
                y[r, TECHNIQUES.index(lab)] = True
    tech = load_heads(Path(__file__).resolve().parents[1] / "models" / "framing" / "en" / "heads.npz")["tech"]
    z = tech.logits(paragraph_features(c["mean"][rows], c["max"][rows]))
    return z, y, art[rows], np.asarray(tech.thresholds)


def fit(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    return fit_platt(z.ravel(), y.ravel())


def cross_fitted(z: np.ndarray, y: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Calibrated probabilities, each half of the articles scored by the scaling fitted on the other."""
    half = np.isin(groups, np.unique(groups)[::2])
    out = np.zeros(z.shape)
    for h in (half, ~half):
        a, b = fit(z[~h], y[~h])
        out[h] = 1 / (1 + np.exp(-(a * z[h] + b)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=str(Path(__file__).resolve().parents[4] / "shared" / "data" / "semeval2023-task3"))
    args = ap.parse_args()
    z, y, groups, _ = validation_logits(Path(args.root))
    a, b = fit(z, y)
    p = cross_fitted(z, y, groups)
    OUT.write_text(json.dumps({"platt": [round(a, 5), round(b, 5)],
                               "fitted_on": f"{len(y)} labelled validation paragraphs, every technique",
                               "ece_cross_fitted": round(ece(p.ravel(), y.ravel()), 4)}, indent=1) + "\n",
                   encoding="utf-8")
    print(f"platt a={a:.4f} b={b:.4f}; wrote {OUT}")


if __name__ == "__main__":
    main()
