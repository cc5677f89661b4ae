"""Quick validation of the heads from the encoder cache (no spaCy), and detector selection.

The numbers that count come from eval/framing.py (the shared scorer on full
presslens output); this mirrors its measures on cached features so choices
(which lexical detectors to keep) are fast to make. Techniques are reported two
ways: `scorer` counts false positives only in paragraphs with a gold technique
(as the shared scorer does), `strict` in every labelled paragraph.
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

import numpy as np

from ..framing.features import frame_features, genre_features, paragraph_features
from ..framing.heads import load_heads
from ..framing.lexical import PATTERNS, Lexicon, lexicon_hits
from .embed import CACHE
from .heads import OUT
from .semeval import FRAMES, GENRES, TECHNIQUES, load, split


def f1(tp: float, fp: float, fn: float) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def tech_scores(pred: dict, gold: dict) -> dict[str, float]:
    out = {}
    for mode in ("scorer", "strict"):
        tp = fp = fn = 0
        for key, g in gold.items():
            if mode == "scorer" and not g:
                continue
            p = pred.get(key, set())
            tp += len(p & g); fp += len(p - g); fn += len(g - p)
        out[mode] = f1(tp, fp, fn)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=str(Path(__file__).resolve().parents[4] / "shared" / "data" / "semeval2023-task3"))
    ap.add_argument("--select", action="store_true", help="choose lexical detectors on validation and save")
    args = ap.parse_args()
    arts = load(Path(args.root))
    train, val = split(arts)
    vset = {id(a) for a in val}
    heads = load_heads(OUT / "heads.npz")
    c = np.load(CACHE)
    art, par = c["art"], c["par"]
    xp = paragraph_features(c["mean"], c["max"])
    ptech = heads["tech"].scores(xp)
    is_val = np.array([id(arts[i]) in vset for i in art])

    gold, model_pred = {}, {}
    texts: dict[tuple[int, int], str] = {}
    g_true, g_pred, f_tp, f_fp, f_fn = [], [], 0, 0, 0
    for ai, a in enumerate(arts):
        if id(a) not in vset:
            continue
        sel = art == ai
        for i in np.where(sel)[0]:
            n = int(par[i])
            texts[(ai, n)] = a.text[slice(*a.paragraphs[n])]
            model_pred[(ai, n)] = {TECHNIQUES[j] for j in np.where(ptech[i] >= heads["tech"].thresholds)[0]}
        for n, labs in a.par_labels.items():
            gold[(ai, n)] = set(labs)
        xg = genre_features(c["mean"][sel], [texts[(ai, int(n))] for n in par[sel]], ptech[sel])
        g_true.append(a.genre)
        g_pred.append(GENRES[int(np.argmax(heads["genre"].scores(xg[None])[0]))])
        fs = heads["frames"].scores(frame_features(c["mean"][sel], ptech[sel])[None])[0]
        pf = {FRAMES[j] for j in np.where(fs >= heads["frames"].thresholds)[0]}
        f_tp += len(pf & a.frames); f_fp += len(pf - a.frames); f_fn += len(a.frames - pf)
    gm = [f1(sum(1 for t, p in zip(g_true, g_pred) if t == p == g), sum(1 for t, p in zip(g_true, g_pred) if p == g != t),
             sum(1 for t, p in zip(g_true, g_pred) if t == g != p)) for g in sorted(set(g_true))]
    print(f"validation: {len(val)} articles; genre macro-F1 {np.mean(gm):.3f} {dict(zip(sorted(set(g_true)), np.round(gm, 3)))}"
          f"; frames micro-F1 {f1(f_tp, f_fp, f_fn):.3f}")
    base = tech_scores(model_pred, gold)
    print(f"techniques model only: {base}")

    # lexical detectors, one label / pattern at a time, added to the model's predictions
    lex = Lexicon.load(OUT / "lexicon.json")
    candidates: list[tuple[str, object]] = [(f"lexicon:{lab}", lab) for lab in lex.terms] + [(p, p) for p in PATTERNS]
    kept_labels, kept_patterns = [], []
    for name, what in candidates:
        pred = {k: set(v) for k, v in model_pred.items()}
        for key, t in texts.items():
            if name.startswith("lexicon:"):
                hits = lexicon_hits(t, Lexicon({what: lex.terms[what]}))
            else:
                hits = PATTERNS[what](t)
            pred[key] |= {h.label for h in hits}
        s = tech_scores(pred, gold)
        keep = s["strict"] > base["strict"] + 1e-4 and s["scorer"] >= base["scorer"] - 1e-4
        print(f"  + {name:40s} scorer {s['scorer']:.4f} strict {s['strict']:.4f} {'KEEP' if keep else ''}")
        if keep:
            (kept_labels if name.startswith("lexicon:") else kept_patterns).append(what)
    if args.select:
        data = {"terms": {k: v for k, v in lex.terms.items() if k in kept_labels}, "patterns": kept_patterns}
        (OUT / "lexicon.json").write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print("kept:", kept_labels, kept_patterns)


if __name__ == "__main__":
    main()
