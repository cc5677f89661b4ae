"""Train the `fused` junction scorer of the repair stage.

    PRESSLENS_SHARED=../shared python -m presslens.train.fused [--threshold T] [--c C]

Writes models/repair/fused_junctions.json (weights, a sentence-opener lexicon and
the threshold; read by repair/fused_model.py): only word forms and weights leave
the corpora, never text.

Training data (never the SemEval test half):
- PolNeAR train: each article's title glued to its first body paragraph with a
  space (the junction is the positive; every other candidate boundary in that
  first piece is a negative), and the clean article (title on its own line)
  whose paragraph-opening pieces give more negatives;
- SemEval-2023 Task 3 articles (English, Russian machine-translated to English,
  Russian) of the tune half (SHA-1 parity of the article id, as in
  eval/repair_lib/damage_set.py), except articles that any damage-set recipe uses:
  those stay for choosing the threshold.
Held out for the threshold: PolNeAR dev (built the same way) and the tune half
of the damage set (eval/repair.py --show-errors tune).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..model_files import model_path, write_json
from ..repair.fused import _TOKEN, junctions
from ..repair.segment import paragraph_spans, sentence_spans

ROOT = Path(__file__).resolve().parents[3]
OUT = model_path("repair", "fused_junctions.json")
RECIPES = ROOT / "eval" / "data" / "repair" / "damage_set.jsonl"


def shared() -> Path:
    return Path(os.environ.get("PRESSLENS_SHARED", ROOT.parent / "shared"))


@dataclass
class Article:
    title: str
    paras: list[str]


def polnear(split: str) -> list[Article]:
    out = []
    for f in sorted((shared() / "data" / "polnear" / split / "text").glob("*.txt")):
        lines = [ln.strip() for ln in f.read_text(encoding="utf-8").split("\n\n") if ln.strip()]
        if len(lines) >= 2:
            out.append(Article(lines[0], lines[1:]))
    return out


def _tune(aid: str) -> bool:
    return int(hashlib.sha1(aid.encode()).hexdigest(), 16) % 2 == 0


def semeval_tune() -> list[Article]:
    used = {json.loads(ln)["article"] for ln in RECIPES.read_text(encoding="utf-8").splitlines() if ln.strip()}
    root = shared() / "data" / "semeval2023-task3"
    out = []
    for src in ("en", "ru"):
        for f in sorted((root / src / "train-articles-subtask-3").glob("article*.txt")):
            aid = f.stem.replace("article", "")
            lines = [ln.strip() for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]
            if _tune(aid) and aid not in used and len(lines) >= 2:
                out.append(Article(lines[0], lines[1:]))
    rows: dict[str, list[tuple[int, str]]] = {}
    p = root / "data_translated" / "ru" / "train_st3_translated.txt"
    for line in p.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t", 2)
        if len(parts) == 3 and parts[1].isdigit():
            rows.setdefault(parts[0], []).append((int(parts[1]), parts[2].strip()))
    for aid, ps in sorted(rows.items()):
        ps.sort()
        body = [t for _, t in ps[1:] if t]
        if _tune(aid) and aid not in used and body:
            out.append(Article(ps[0][1], body))
    return out


def openers(arts: list[Article], min_start: int = 2, min_mid: int = 3, share: float = 0.9) -> frozenset[str]:
    """Words that open sentences yet are lower-case in mid-sentence (at least
    `share` of their mid-sentence uses): a capital on one of them mid-piece
    hints that a new sentence began."""
    start, low, cap = Counter(), Counter(), Counter()
    for a in arts:
        for p in a.paras:
            for s, e in sentence_spans(p, 0, len(p)):
                ws = [m.group() for m in _TOKEN.finditer(p, s, e)]
                ws = [w for w in ws if w[:1].isalpha()]
                if ws and ws[0][:1].isupper():
                    start[ws[0].lower()] += 1
                for w in ws[1:]:
                    (low if w[:1].islower() else cap)[w.lower()] += 1
    return frozenset(w for w, n in start.items()
                     if n >= min_start and low[w] + cap[w] >= min_mid and low[w] >= share * (low[w] + cap[w]))


def examples(a: Article, lex: frozenset[str]) -> list[tuple[dict[str, float], int]]:
    """(features, label) for the glued title + first paragraph and for the
    paragraph-opening pieces of the clean article."""
    out = []
    head = a.title.rstrip(" .:!?")
    first = a.paras[0]
    if len(head.split()) >= 3 and first[:1].isupper():
        glued = head + " " + first
        s, e = sentence_spans(glued, 0, len(glued))[0]
        for j in junctions(glued, s, e, True, lex):
            out.append((j.features, int(j.start < len(head) < j.end)))
    # clean text, with its title on its own line, without a title, and from
    # mid-article (a document that opens with a body paragraph)
    mid = len(a.paras) // 2
    for paras in ([a.title] + a.paras, a.paras, a.paras[mid:mid + 3] if mid else []):
        clean = "\n\n".join(paras)
        for k, (ps, pe) in enumerate(paragraph_spans(clean)):
            s, e = sentence_spans(clean, ps, pe)[0]
            out += [(j.features, 0) for j in junctions(clean, s, e, k == 0, lex)]
    return out


def vectorise(rows: list[dict[str, float]], vocab: dict[str, int]):
    from scipy.sparse import csr_matrix

    data, ind, ptr = [], [], [0]
    for f in rows:
        for k, v in f.items():
            if k in vocab and v:
                ind.append(vocab[k])
                data.append(v)
        ptr.append(len(ind))
    return csr_matrix((np.array(data), np.array(ind), np.array(ptr)), shape=(len(rows), len(vocab)))


def per_article(arts: list[Article], lex: frozenset[str], w: dict[str, float], grid) -> None:
    """PolNeAR dev: junctions found, false flags in the glued piece and in
    the clean articles, per threshold."""
    scored = []
    for a in arts:
        scored.append([(sum(w.get(k, 0.0) * v for k, v in f.items()), y) for f, y in examples(a, lex)])
    n_pos = sum(y for doc in scored for _, y in doc)
    for t in grid:
        tp = sum(1 for doc in scored for s, y in doc if y and s >= t)
        fp = sum(1 for doc in scored for s, y in doc if not y and s >= t)
        docs_fp = sum(1 for doc in scored if any(not y and s >= t for s, y in doc))
        print(f"  t={t:5.2f}  found {tp}/{n_pos}  false flags {fp} (in {docs_fp} of {len(scored)} articles)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threshold", type=float, default=1.5, help="score (log-odds) at which a junction is flagged")
    ap.add_argument("--c", type=float, default=0.3, help="inverse L2 strength")
    ap.add_argument("--min-count", type=int, default=8, help="feature kept when it occurs this often")
    args = ap.parse_args()
    from sklearn.linear_model import LogisticRegression

    train = polnear("train") + semeval_tune()
    lex = openers(train)
    ex = [x for a in train for x in examples(a, lex)]
    counts = Counter(k for f, _ in ex for k in f)
    vocab = {k: i for i, k in enumerate(sorted(k for k, n in counts.items() if n >= args.min_count and k != "bias"))}
    X = vectorise([f for f, _ in ex], vocab)
    y = np.array([lab for _, lab in ex])
    print(f"{len(train)} articles, {len(ex)} candidates, {y.sum()} junctions, {len(vocab)} features, {len(lex)} openers")
    clf = LogisticRegression(C=args.c, max_iter=3000).fit(X, y)
    w = {k: float(clf.coef_[0][i]) for k, i in vocab.items()}
    w = {k: round(v, 3) for k, v in w.items() if abs(v) >= (0.05 if k[:3] in ("pw=", "nw=") else 0.005)}
    w["bias"] = round(float(clf.intercept_[0]), 3)
    print("PolNeAR dev:")
    per_article(polnear("dev"), lex, w, [-1.0, 0.0, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0])
    top = sorted(w.items(), key=lambda kv: -abs(kv[1]))[:40]
    print("largest weights:", ", ".join(f"{k} {v:+.2f}" for k, v in top))
    write(w, lex, args)


def write(w: dict[str, float], lex: frozenset[str], args) -> None:
    write_json("repair", OUT.name, {
        "threshold": args.threshold,
        "openers": sorted(lex),
        "weights": dict(sorted(w.items())),
        "trained_with": {"c": args.c, "min_count": args.min_count},
    })
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
