"""Encode every SemEval paragraph once with the shipped int8 encoder and cache it.

The heads are trained on exactly what they will see at inference (the same
ONNX encoder), so no train/serve skew. Cache: .train/cache/semeval.npz.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from ..encoder import Encoder
from .semeval import TECHNIQUES, load

CACHE = Path(__file__).resolve().parents[3] / ".train" / "cache" / "semeval.npz"


def load_cache(path: Path = CACHE):
    """The cached encoder outputs; a one-line exit naming the file when it was never built."""
    if not path.exists():
        raise SystemExit(f"{path}: not found (python -m presslens.train.embed builds it)")
    return np.load(path)


def build(root: Path, out: Path = CACHE, threads: int = 2) -> None:
    arts = load(root)
    enc = Encoder(threads=threads)
    rows_art, rows_par, means, maxes = [], [], [], []
    tok_vecs, tok_labels, tok_row = [], [], []
    tech_index = {t: i for i, t in enumerate(TECHNIQUES)}
    for ai, a in enumerate(arts):
        nums = sorted(a.paragraphs)
        texts = [a.text[slice(*a.paragraphs[n])] for n in nums]
        for n, e in zip(nums, enc.encode(texts)):
            row = len(rows_art)
            rows_art.append(ai)
            rows_par.append(n)
            means.append(e.embedding)
            maxes.append(e.tokens.max(axis=0) if len(e.tokens) else np.zeros(e.embedding.shape, np.float32))
            if a.lang == "en" and len(e.tokens):
                ps = a.paragraphs[n][0]
                lab = np.zeros((len(e.tokens), len(TECHNIQUES)), np.uint8)
                for name, gs, ge in a.spans:
                    hit = (e.offsets[:, 0] + ps < ge) & (e.offsets[:, 1] + ps > gs)
                    lab[hit, tech_index[name]] = 1
                tok_vecs.append(e.tokens.astype(np.float16))
                tok_labels.append(lab)
                tok_row.append(np.full(len(e.tokens), row, np.int32))
        if ai % 50 == 0:
            print(f"{ai}/{len(arts)} articles", flush=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez(out, art=np.array(rows_art), par=np.array(rows_par), mean=np.stack(means), max=np.stack(maxes),
             tok=np.concatenate(tok_vecs), tok_lab=np.concatenate(tok_labels), tok_row=np.concatenate(tok_row))
    print(f"wrote {out}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=str(Path(__file__).resolve().parents[4] / "shared" / "data" / "semeval2023-task3"))
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    build(Path(args.root), threads=args.threads)
