"""Learn the Russian NER lexicon (models/ru/ner_lexicon.json) from NEREL train.

usage: python -m presslens.train.ru_ner_lexicon [--data ../shared/data/nerel/train] [--limit N]

slovnet's NER was trained on other guidelines than NEREL's: it tags "СМИ"
as an organisation, never tags "правительство" or the adjective
"российский" (NEREL: ORGANIZATION, COUNTRY), and calls the Kremlin a place.
Over the train part only (dev stays held out), each mention key (its
lemmas) gets one of three decisions, each with a count floor and a
precision threshold so one example never makes a rule:
  drop   - NER tags the key, gold rarely agrees (precision < DROP_BELOW);
  retype - NER tags the key as X, gold mostly says Y;
  add    - gold marks a 1-2 word key NER missed, at least ADD_AT_LEAST of
           the times the words appear untagged.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import re
from pathlib import Path

from ..ru.entities import _mentions, mention_key
from ..ru.parse import parse_ru

GOLD_TYPES = {"PERSON": "PER", "ORGANIZATION": "ORG", "COUNTRY": "LOC", "CITY": "LOC", "STATE_OR_PROVINCE": "LOC",
              "DISTRICT": "LOC", "LOCATION": "LOC"}
MIN_COUNT = 3
MIN_DOCS = 2  # a word added as a name must be one in at least two documents, not one article's topic
DROP_BELOW = 0.25
RETYPE_AT_LEAST = 0.6
ADD_AT_LEAST = 0.6
OUT = Path(__file__).resolve().parent.parent / "models" / "ru" / "ner_lexicon.json"
_EDGE = re.compile(r"[\s\"'«»„“”.,;:()\-–—]")


def _norm(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and _EDGE.match(text[s]):
        s += 1
    while e > s and _EDGE.match(text[e - 1]):
        e -= 1
    return s, e


def _gold(ann: Path, text: str) -> dict[tuple[int, int], str]:
    out = {}
    for line in ann.read_text(encoding="utf-8").splitlines():
        p = line.split("\t")
        if len(p) >= 2 and p[0].startswith("T") and ";" not in p[1]:
            kind, s, e = p[1].split(" ")[0], int(p[1].split(" ")[1]), int(p[1].split(" ")[-1])
            out[_norm(text, s, e)] = GOLD_TYPES.get(kind, "OTHER:" + kind)
    return out


def learn(data: Path, limit: int | None = None) -> dict:
    pred = collections.defaultdict(collections.Counter)  # (key, label) -> gold outcome counts
    missed = collections.defaultdict(collections.Counter)  # key -> gold label counts
    missed_docs = collections.defaultdict(set)  # key -> documents where gold marks it
    seen = collections.Counter()  # key -> untagged occurrences
    docs = sorted(data.glob("*.ann"))[:limit]
    for ann in docs:
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        gold = _gold(ann, text)
        parsed = parse_ru(text)
        ments = _mentions(parsed, {})
        covered = []
        for s, e, label, toks in ments:
            key = mention_key(toks)
            pred[(key, label)][gold.get(_norm(text, s, e), "NONE")] += 1
            covered.append((s, e))
        for sent in parsed.sentences:
            for i in range(len(sent.tokens)):
                for n in (1, 2):
                    span = sent.tokens[i:i + n]
                    if len(span) < n or any(a < span[-1].end and span[0].start < b for a, b in covered):
                        continue
                    key = mention_key(span)
                    seen[key] += 1
                    g = gold.get(_norm(text, span[0].start, span[-1].end))
                    if g in ("PER", "ORG", "LOC"):
                        missed[key][g] += 1
                        missed_docs[key].add(ann.stem)
    drop, retype, add = {}, {}, {}
    for (key, label), outcome in pred.items():
        n = sum(outcome.values())
        if n < MIN_COUNT:
            continue
        best, best_n = max(((g, c) for g, c in outcome.items() if g in ("PER", "ORG", "LOC")),
                           key=lambda x: x[1], default=(None, 0))
        if best and best != label and best_n / n >= RETYPE_AT_LEAST:
            retype.setdefault(key, {})[label] = best
        elif outcome[label] / n < DROP_BELOW:
            drop[key] = label
    for key, labels in missed.items():
        label, n = labels.most_common(1)[0]
        if n >= MIN_COUNT and len(missed_docs[key]) >= MIN_DOCS and n / seen[key] >= ADD_AT_LEAST and key.strip():
            add[key] = label
    return {"_about": f"learned by presslens.train.ru_ner_lexicon from {len(docs)} NEREL train documents "
                      f"(MIN_COUNT={MIN_COUNT}, MIN_DOCS={MIN_DOCS}, DROP_BELOW={DROP_BELOW}, RETYPE_AT_LEAST={RETYPE_AT_LEAST}, "
                      f"ADD_AT_LEAST={ADD_AT_LEAST}); see MODEL_CARD.md",
            "drop": dict(sorted(drop.items())), "retype": dict(sorted(retype.items())), "add": dict(sorted(add.items()))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = Path(os.environ.get("PRESSLENS_SHARED", Path(__file__).resolve().parents[3].parent / "shared"))
    ap.add_argument("--data", type=Path, default=shared / "data" / "nerel" / "train")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    if not a.data.is_dir():
        raise SystemExit(f"{a.data}: not found (NEREL train; set PRESSLENS_SHARED or pass --data)")
    lex = learn(a.data, a.limit)
    a.out.write_text(json.dumps(lex, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{a.out}: drop {len(lex['drop'])}, retype {len(lex['retype'])}, add {len(lex['add'])}")


if __name__ == "__main__":
    main()
