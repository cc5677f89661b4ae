"""Mine given (first) names from raw news text, without a parse, for entity typing.

    python -m presslens.train.attribution_given_names ../shared/data

News names a person in full once ("Anna Petrova") and by surname afterwards
("Petrova said"). A capitalised word W counts as a given name in an article
when `W S` occurs and S later stands alone as a capitalised word not after
another capitalised word. W is kept when it does so in at least `min_docs`
articles, is almost never written in lower case (so "Party", "State" drop
out) and seldom starts a sentence on its own. The gender, where the corpus
gives one, is the pronoun (he/she) that most often opens the sentence after
a sentence naming the person, or a title (Mr./Mrs./Ms. S). Reads PolNeAR
train and the SemEval English and translated-Russian articles; only the
names and their genders leave the corpus (models/names/mined_given_names.json,
read by coref/given_names.py).
"""
from __future__ import annotations

import argparse
import collections
import re
from pathlib import Path

from ..model_files import model_path, write_json

OUT = model_path("names", "mined_given_names.json")
_PAIR = re.compile(r"(?<![\w.’'-])([A-Z][a-z]{1,14})\s+([A-Z][a-z]{2,20})(?![\w’'-]|\s+[A-Z])")
_WORD = re.compile(r"\b[A-Za-z]+\b")
_SENT = re.compile(r"(?<=[.!?])[\"”’]?\s+")
_BEFORE_CAP = re.compile(r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?[A-Z][a-z]")
# compass points and place prefixes head many capitalised pairs ("North Korea", "San Diego")
_NOT_GIVEN = {"north", "south", "east", "west", "united", "supreme", "san", "santa", "puerto", "las", "los", "new",
              "silicon", "capitol", "fox", "madam", "great", "saint", "fort", "mount", "lake", "port"}
_TITLE = {"Mr": "m", "Mrs": "f", "Ms": "f"}


def articles(root: Path):
    for p in sorted((root / "polnear" / "train" / "text").glob("*.txt")):
        yield p.read_text(encoding="utf-8", errors="replace")
    for p in sorted((root / "semeval2023-task3" / "en" / "train-articles-subtask-3").glob("*.txt")):
        yield p.read_text(encoding="utf-8", errors="replace")
    tr = root / "semeval2023-task3" / "data_translated" / "ru" / "train_st3_translated.txt"
    if tr.exists():
        docs: dict[str, list[str]] = collections.defaultdict(list)
        for line in tr.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.split("\t", 2)
            if len(parts) == 3:
                docs[parts[0]].append(parts[2])
        for paras in docs.values():
            yield "\n".join(paras)


def count(text: str, docs: collections.Counter, gender: dict[str, collections.Counter]) -> None:
    pairs = {}
    for m in _PAIR.finditer(text):
        pairs.setdefault(m.group(2), set()).add((m.group(1), m.end()))
    seen = set()
    sents = _SENT.split(text)
    for surname, firsts in pairs.items():
        if len({f for f, _ in firsts}) != 1:
            continue
        first, end = next(iter(firsts))
        if not _alone(text, surname, end) or first in seen:
            continue
        seen.add(first)
        docs[first] += 1
        t = re.search(r"\b(Mr|Mrs|Ms)\.?\s+" + surname + r"\b", text)
        if t:
            gender[first][_TITLE[t.group(1)]] += 1
        for a, b in zip(sents, sents[1:]):
            if surname in a and first not in b:
                head = b.split()[:1]
                if head and head[0] in ("He", "She"):
                    gender[first]["m" if head[0] == "He" else "f"] += 1
                    break


def _alone(text: str, surname: str, start: int) -> bool:
    """The surname later on its own: not right after another capitalised word, none after it."""
    for m in re.finditer(r"\b" + surname + r"\b(?!\s+[A-Z])", text[start:]):
        before = text[:start + m.start()].rstrip().split()[-1:]
        if not before or not before[0][:1].isupper() or before[0][-1:] in ".,;:\"”":
            return True
    return False


def mine(root: Path, min_docs: int = 2, share: float = 0.6) -> dict[str, str | None]:
    docs: collections.Counter = collections.Counter()
    gender: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    lower: collections.Counter = collections.Counter()
    upper: collections.Counter = collections.Counter()
    before_cap: collections.Counter = collections.Counter()
    for text in articles(root):
        count(text, docs, gender)
        for w in _WORD.findall(text):
            (upper if w[0].isupper() else lower)[w.lower()] += 1
        for m in _BEFORE_CAP.finditer(text):
            before_cap[m.group(1).lower()] += 1
    out: dict[str, str | None] = {}
    for name, n in docs.items():
        low = name.lower()
        # places and adjectives ("Florida", "American") often stand alone; given names rarely do
        if n < min_docs or low in _NOT_GIVEN or lower[low] * 10 > upper[low] or before_cap[low] < share * upper[low]:
            continue
        g = gender.get(name)
        sex = None
        if g:
            k, c = g.most_common(1)[0]
            if c >= 2 and c / sum(g.values()) >= 0.85:
                sex = k
        out[low] = sex
    return out


def write(names: dict[str, str | None], out: Path = OUT) -> None:
    write_json("names", OUT.name, {
        "about": "Given names mined from PolNeAR train and SemEval 2023 task 3 (English, Russian translated) "
                 "by presslens.train.attribution_given_names; name -> gender (m/f) or null",
        "names": dict(sorted(names.items())),
    }, out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, help="the shared data folder (holds polnear/ and semeval2023-task3/)")
    ap.add_argument("--min-docs", type=int, default=2)
    a = ap.parse_args()
    if not (a.data / "polnear" / "train" / "text").is_dir():
        raise SystemExit(f"{a.data}: no polnear/train/text (is ../shared/data present?)")
    names = mine(a.data, a.min_docs)
    write(names)
    print(f"wrote {OUT}: {len(names)} names, {sum(1 for g in names.values() if g)} with a gender")


if __name__ == "__main__":
    main()
