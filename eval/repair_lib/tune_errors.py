"""Tune-only error listing for the boilerplate rules (eval/repair.py).

Prints every tune-page line the rules flag (TP: labelled boilerplate, FP:
labelled body) and every boilerplate line they miss (FN), under the current
labelling ("context") and, with --substring, under the first one. Held-out
pages are never listed: rules are changed only by reading this output.

usage: python eval/repair.py tune-errors [--substring] [--no-fn]
"""
from __future__ import annotations

import sys

from .boilerplate import Tally, score_split


def main() -> None:
    labelling = "substring" if "--substring" in sys.argv else "context"
    t = score_split("tune", keep_errors="all", labelling=labelling)
    for e in t.errors:
        if e[0] == "FN" and "--no-fn" in sys.argv:
            continue
        print(*e)
    p, r = Tally.pr(t.tp, t.fp, t.fn)
    print(f"tune ({labelling} labels): TP {t.tp} FP {t.fp} FN {t.fn}  line P {p:.3f} R {r:.3f}")

