"""Learn the sentence-opener lexicon for `fused` damage (repair/openers.py).

A word that real text capitalises only when it opens a sentence ("Scientists",
"Former", "Глава", "Вооруженные"), yet writes in lower case mid-sentence, is
a sign of a missing sentence break when it stands capitalised in mid-sentence
("... a new study Scientists say ..."): the typical glued headline.

Counts come from body paragraphs (titles skipped: they capitalise every
word) of PolNeAR train and of the SemEval-2023 articles on the damage set's
tune side only (repair_damage_set.split_of), so the test half stays unseen.
A capitalised form is kept when it opens at least MIN_INITIAL sentences, its
lower-case form occurs at least MIN_LOWER times mid-sentence, and it is
capitalised after a word at most MAX_MIDCAP times.

usage: python eval/repair_caps.py   (rewrites src/presslens/repair/openers.py)
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import shared_path  # noqa: E402
from repair_damage_set import load_source, split_of  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "src" / "presslens" / "repair" / "openers.py"
MIN_INITIAL = 3
MIN_LOWER = 5
MAX_MIDCAP = 1  # mid-sentence capitalised occurrences allowed ("Time magazine", "George Will": out)
_TOK = re.compile(r"[^\W\d_][\w'’-]*|[.!?…]+|[\"“”«»]|[^\w\s]")


def paragraphs():
    for src in ("en", "mt", "ru"):
        for aid, (_, body) in load_source(src).items():
            if split_of(aid) == "tune":
                yield src, body
    d = shared_path("data", "polnear", "train", "text")
    for f in sorted(d.glob("*.txt")):
        yield "en", [p.strip() for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]


def count():
    initial: Counter = Counter()
    midcap: Counter = Counter()
    lower: Counter = Counter()
    for _, body in paragraphs():
        for p in body:
            at_start = True
            prev_word = False
            for m in _TOK.finditer(p):
                t = m.group()
                if t[0] in ".!?…":
                    at_start = True
                    prev_word = False
                    continue
                if not t[0].isalpha():
                    continue  # quotes and brackets keep the sentence-start state
                if at_start:
                    if t[0].isupper():
                        initial[t] += 1
                elif t[0].isupper():
                    if prev_word:
                        midcap[t] += 1
                else:
                    lower[t] += 1
                at_start = False
                prev_word = True
    return initial, midcap, lower


def learn() -> list[str]:
    initial, midcap, lower = count()
    out = []
    for w, n in initial.items():
        if n < MIN_INITIAL or len(w) < 2 or not w[1:].islower():
            continue
        lo = lower[w.lower()]
        if lo >= MIN_LOWER and midcap[w] <= MAX_MIDCAP:
            out.append(w)
    return sorted(out)


if __name__ == "__main__":
    words = learn()
    OUT.write_text(
        '"""Sentence openers learned by eval/repair_caps.py (generated; do not edit).\n\n'
        "Capitalised words that real text capitalises only at a sentence start and\n"
        'writes in lower case mid-sentence. Used by fused.py."""\n'
        "OPENERS_LEARNED = frozenset(\n    \"\"\"\n"
        + "\n".join("    " + " ".join(words[i:i + 12]) for i in range(0, len(words), 12))
        + '\n    """.split()\n)\n',
        encoding="utf-8",
    )
    print(len(words), "openers written to", OUT)
