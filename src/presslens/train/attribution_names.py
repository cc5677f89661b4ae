"""Mine first-name genders from PolNeAR train for pronoun resolution.

    python -m presslens.train.attribution_names ../shared/data/polnear/train

A first name is counted as male/female when (a) the article calls the same
surname Mr./Mrs./Ms., or (b) a sentence whose subject is the full name is
followed by a sentence whose subject is he/she. Names seen at least
`min_count` times with one gender in >= 85% of cases are kept and written
as models/names/first_name_genders.json (read by coref/first_names.py). Only first
names and their genders leave the corpus.
"""
from __future__ import annotations

import argparse
import collections
from pathlib import Path

from ..model_files import model_path, write_json
from ..nlp import load_nlp, parse

OUT = model_path("names", "first_name_genders.json")
_TITLE = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f"}


def count_doc(parsed, counts: dict[str, collections.Counter]) -> None:
    full: dict[str, str] = {}  # surname -> first name (only when one first name per surname)
    ambiguous: set[str] = set()
    titled: dict[str, str] = {}
    sents = [s for c in parsed.chunks for s in c.doc.sents]
    for s in sents:
        for e in s.ents:
            if e.label_ != "PERSON":
                continue
            words = [t.text for t in e if t.text[:1].isupper()]
            if len(words) >= 2 and words[0].lower() not in _TITLE:
                first, last = words[0], words[-1]
                if full.get(last, first) != first:
                    ambiguous.add(last)
                full[last] = first
            prev = e.doc[e.start - 1] if e.start > 0 else None
            if prev is not None and prev.lower_ in _TITLE:
                titled[e[-1].text] = _TITLE[prev.lower_]
    for last, g in titled.items():
        if last in full and last not in ambiguous:
            counts[full[last]][g] += 1
    for a, b in zip(sents, sents[1:]):
        subj = [t for t in a if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.ent_type_ == "PERSON"]
        pron = [t for t in b[:4] if t.dep_ == "nsubj" and t.lower_ in ("he", "she")]
        if len(subj) != 1 or not pron:
            continue
        ent = [e for e in a.ents if e.start <= subj[0].i < e.end]
        words = [t.text for t in ent[0]] if ent else []
        if len(words) >= 2 and words[0][:1].isupper() and words[0].lower() not in _TITLE:
            counts[words[0]]["m" if pron[0].lower_ == "he" else "f"] += 1


def mine(split: Path, min_count: int = 2, purity: float = 0.85) -> dict[str, str]:
    nlp = load_nlp()
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for txt in sorted((split / "text").glob("*.txt")):
        count_doc(parse(txt.read_text(encoding="utf-8").replace("\r\n", "\n"), nlp=nlp), counts)
    return select(counts, min_count, purity)


def select(counts, min_count: int = 2, purity: float = 0.85) -> dict[str, str]:
    out = {}
    for name, c in counts.items():
        n = sum(c.values())
        g, k = c.most_common(1)[0]
        if n >= min_count and k / n >= purity and name.isalpha():
            out[name.lower()] = g
    return out


def write(names: dict[str, str], out: Path = OUT) -> None:
    write_json("names", OUT.name, {
        "about": "First-name genders mined from PolNeAR train by presslens.train.attribution_names",
        "names": dict(sorted(names.items())),
    }, out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path)
    a = ap.parse_args()
    if not (a.split / "text").is_dir():
        raise SystemExit(f"{a.split}: no text/ folder (is ../shared/data/polnear present?)")
    names = mine(a.split)
    write(names)
    print(f"wrote {OUT}: {len(names)} names")


if __name__ == "__main__":
    main()
