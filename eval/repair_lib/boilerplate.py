"""Boilerplate scoring for eval/repair.py: line- and character-level
precision/recall of the repair stage's boilerplate spans against labels
derived from the article-extraction benchmark (see data.labelled_lines).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from presslens.repair import find_boilerplate

from .data import extractions, labelled_lines, line_key, load_audit, split_of


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    ctp: int = 0
    cfp: int = 0
    cfn: int = 0
    by_kind: Counter = field(default_factory=Counter)  # kind -> false-positive lines
    kind_hits: Counter = field(default_factory=Counter)  # kind -> predicted lines
    errors: list = field(default_factory=list)
    # flagged lines judged by the hand audit (eval/data/repair/boilerplate_audit.tsv);
    # a flagged line the audit does not hold keeps its automatic label
    audit_right: int = 0
    audit_wrong: int = 0
    unaudited: int = 0

    @staticmethod
    def pr(tp: int, fp: int, fn: int) -> tuple[float, float]:
        return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)


def line_cover(spans: list, s: int, e: int) -> tuple[int, str | None]:
    """(characters of line [s, e) inside boilerplate spans, kind of the first such span).
    A line counts as flagged when the cover is at least half its length."""
    cover, kind = 0, None
    for h in spans:
        o = min(e, h.end) - max(s, h.start)
        if o > 0:
            cover += o
            kind = kind or h.kind
    return cover, kind


def score_split(split: str, keep_errors: bool | str = False, labelling: str = "context") -> Tally:
    pages = {k for k in extractions() if split_of(k) == split}
    spans: dict[str, list] = {}
    t = Tally()
    audit = load_audit()
    for pid, text, s, e, is_bp in labelled_lines(pages, labelling):
        if pid not in spans:
            spans[pid] = find_boilerplate(text)
        cov, kind = line_cover(spans[pid], s, e)
        pred = cov * 2 >= e - s
        n = e - s
        if is_bp:
            t.ctp += cov
            t.cfn += n - cov
        else:
            t.cfp += cov
        if pred:
            t.kind_hits[kind] += 1
            verdict = audit.get((f"benchmark-{split}", pid, line_key(text[s:e])))
            t.unaudited += verdict is None
            right = is_bp if verdict is None else verdict == "debris"
            t.audit_right += right
            t.audit_wrong += not right
        if pred and is_bp:
            t.tp += 1
            if keep_errors == "all":
                t.errors.append(("TP", kind, pid[:8], text[s:e][:160]))
        elif pred:
            t.fp += 1
            t.by_kind[kind] += 1
            if keep_errors:
                t.errors.append(("FP", kind, pid[:8], text[s:e][:160]))
        elif is_bp:
            t.fn += 1
            if keep_errors:
                t.errors.append(("FN", "", pid[:8], text[s:e][:160]))
    return t


def label_flips() -> str:
    """How many lines change label between the two labellings, per split."""
    out = []
    for split in ("heldout", "tune"):
        pages = {k for k in extractions() if split_of(k) == split}
        old = {(p, s): b for p, _, s, _, b in labelled_lines(pages, "substring")}
        to_bp = to_body = 0
        for p, _, s, _, b in labelled_lines(pages, "context"):
            if b != old[(p, s)]:
                to_bp += b
                to_body += not b
        out.append(f"{split} {to_bp} body -> boilerplate, {to_body} boilerplate -> body")
    return "; ".join(out)
