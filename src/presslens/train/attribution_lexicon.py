"""Mine the cue lexicon from PolNeAR train: how often each word form is (part of) a gold Cue.

    python -m presslens.train.attribution_lexicon ../shared/data/polnear/train

For every verb-tagged token (and 'according') it counts occurrences, occurrences
inside a gold Cue span, and the same two counts restricted to tokens that
govern a clausal complement (ccomp/xcomp) in the spaCy parse. The result is
written as a data file (models/cue_forms/cue_forms.json, read by
attribution/cue_lexicon.py). Only word forms and counts leave the corpus, never its text.
"""
from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

from ..nlp import load_nlp, parse

OUT = Path(__file__).resolve().parent.parent / "models" / "cue_forms" / "cue_forms.json"


def read_cues(ann: Path) -> list[tuple[int, int]]:
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2 and parts[1].startswith("Cue "):
            nums = [int(x) for o in parts[1][4:].split(";") for x in o.split()]
            spans.append((min(nums), max(nums)))
    return spans


def mine(split: Path, min_cue: int = 3) -> dict[str, tuple[int, int, int, int]]:
    nlp = load_nlp()
    tot, hit, tot_c, hit_c = (collections.Counter() for _ in range(4))
    for txt in sorted((split / "text").glob("*.txt")):
        anns = sorted((split / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        cues = read_cues(anns[0])  # the first annotator, as the scorer's gold does
        text = txt.read_text(encoding="utf-8").replace("\r\n", "\n")
        for chunk in parse(text, nlp=nlp).chunks:
            for t in chunk.doc:
                if not t.tag_.startswith("VB") and t.lower_ != "according":
                    continue
                s = chunk.offset + t.idx
                is_cue = any(a <= s < b for a, b in cues)
                comp = any(c.dep_ in ("ccomp", "xcomp") for c in t.children)
                tot[t.lower_] += 1
                hit[t.lower_] += is_cue
                tot_c[t.lower_] += comp
                hit_c[t.lower_] += comp and is_cue
    return {f: (tot[f], hit[f], tot_c[f], hit_c[f]) for f in tot if hit[f] >= min_cue}


def write(lex: dict[str, tuple[int, int, int, int]], out: Path = OUT) -> None:
    forms = {f: list(lex[f]) for f in sorted(lex, key=lambda f: (-lex[f][1], f))}
    data = {"fields": ["n", "n_cue", "n_with_complement", "n_cue_with_complement"], "forms": forms}
    out.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path, help="PolNeAR split folder with text/ and attributions/")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    if not (a.split / "text").is_dir():
        raise SystemExit(f"{a.split}: no text/ folder (is ../shared/data/polnear present?)")
    write(mine(a.split), a.out)
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
