"""Damage scoring for eval/repair.py on the cut-and-glued set
(damage_set.py): per-kind precision and recall.

A predicted span of kind K is right when it overlaps a gold span of kind K;
any other predicted span (on clean documents too) is a false alarm. A gold
span is found when a predicted span of its kind overlaps it.
"""
from __future__ import annotations

from collections import Counter

from presslens.repair import find_boilerplate, find_damage

from .damage_set import OPS, load_items, split_of


def score(split: str | None, keep_errors: bool = False):
    tp: Counter = Counter()
    fp: Counter = Counter()
    found: Counter = Counter()
    gold_n: Counter = Counter()
    errors = []
    docs = 0
    for it in load_items():
        art = it.id.split("-")[1]
        if split and split_of(art) != split:
            continue
        docs += 1
        bp = [(h.start, h.end) for h in find_boilerplate(it.text)]
        pred = find_damage(it.text, bp)
        for g in it.gold:
            gold_n[g[2]] += 1
            if any(p.kind == g[2] and p.start < g[1] and g[0] < p.end for p in pred):
                found[g[2]] += 1
            elif keep_errors:
                errors.append(("FN", it.id, g[2], it.text[g[0]:g[1]][:150]))
        for p in pred:
            if any(p.kind == g[2] and p.start < g[1] and g[0] < p.end for g in it.gold):
                tp[p.kind] += 1
            else:
                fp[p.kind] += 1
                if keep_errors:
                    errors.append(("FP", it.id, p.kind, it.text[max(0, p.start - 40):p.end + 10][:200]))
    rows = []
    for k in OPS:
        prec = tp[k] / (tp[k] + fp[k]) if tp[k] + fp[k] else float("nan")
        rec = found[k] / gold_n[k] if gold_n[k] else float("nan")
        rows.append((k, gold_n[k], tp[k], fp[k], prec, rec))
    T, F = sum(tp.values()), sum(fp.values())
    G, Fd = sum(gold_n.values()), sum(found.values())
    rows.append(("all", G, T, F, T / (T + F) if T + F else float("nan"), Fd / G if G else float("nan")))
    return docs, rows, errors
