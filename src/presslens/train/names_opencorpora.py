"""Given names with gender from a maintained library: pymorphy3's OpenCorpora dictionary.

    python -m presslens.train.names_opencorpora ../shared/data

Every lexeme the dictionary tags `Name` (given name) is read in its nominative
singular with its gender (masc / femn; both or neither: no gender), and written
in Latin letters with the transliteration schemes English-language news and
passports use (iuliia). A spelling is dropped when it also writes an ordinary
Russian noun or a place (`latin_forms`), and when it occurs at all in the English
articles of PolNeAR train and SemEval 2023 task 3: there it is an English word
("german") or a name whose gender in English use the Russian dictionary does not
know (OpenCorpora's masculine "Ава" made Ava DuVernay a man and cost a `she` in
eval/speakers.py); names seen there are left to the lists mined from that text.
Output: models/names/opencorpora_given_names.json, read into
coref.regional_names.REGIONAL_NAMES (the hand list wins where both give a name).
pymorphy3 and iuliia are run-time dependencies already; only the build reads the
corpora, and only spellings and genders leave them.
"""
from __future__ import annotations

import argparse
import collections
import re
from pathlib import Path

from ..model_files import model_path, write_json

OUT = model_path("names", "opencorpora_given_names.json")
# the schemes that spell most of the hand-written regional list (coverage measured in MODEL_CARD.md)
SCHEMES = ("WIKIPEDIA", "BGN_PCGN", "MOSMETRO", "YANDEX_MAPS", "ICAO_DOC_9303", "GOST_52535")
_WORD = re.compile(r"\b[A-Za-z]+\b")


def dictionary_words() -> tuple[dict[str, set[str | None]], set[str]]:
    """(Cyrillic given name -> genders, every other noun), from the pymorphy3 dictionary
    (a few minutes: it walks every form)."""
    import pymorphy3

    names: dict[str, set[str | None]] = collections.defaultdict(set)
    nouns: set[str] = set()
    for word, tag, _normal, _para, idx in pymorphy3.MorphAnalyzer().dictionary.iter_known_words():
        if idx != 0 or tag.POS != "NOUN":
            continue
        if "Name" in tag and "sing" in tag and "nomn" in tag:
            names[word].add("m" if "masc" in tag else "f" if "femn" in tag else None)
        elif not {"Name", "Surn", "Patr"} & set(tag.grammemes):
            nouns.add(word)
    return names, nouns


def _latin(word: str) -> set[str]:
    import iuliia

    out = {getattr(iuliia, scheme).translate(word).lower() for scheme in SCHEMES}
    return {w for w in out if len(w) >= 3 and w.isascii() and w.isalpha()}


def latin_forms(names: dict[str, set[str | None]], nouns: set[str]) -> dict[str, str | None]:
    """Latin spelling -> gender (None when the names behind it disagree). A spelling that
    also writes an ordinary noun or a place ("Almaz": the name Альмаз, the noun алмаз;
    "Vera": faith) is left out: inside a company or place name it would make a person of it."""
    genders: dict[str, set[str | None]] = collections.defaultdict(set)
    for word, gs in names.items():
        for latin in _latin(word):
            genders[latin] |= gs
    taken = {latin for noun in nouns for latin in _latin(noun)}
    return {w: (next(iter(gs)) if len(gs) == 1 else None) for w, gs in genders.items() if w not in taken}


def english_case_counts(data: Path) -> tuple[collections.Counter, collections.Counter]:
    lower: collections.Counter = collections.Counter()
    upper: collections.Counter = collections.Counter()
    files = list((data / "polnear" / "train" / "text").glob("*.txt"))
    files += list((data / "semeval2023-task3" / "en" / "train-articles-subtask-3").glob("*.txt"))
    for p in files:
        for w in _WORD.findall(p.read_text(encoding="utf-8", errors="replace")):
            (upper if w[0].isupper() else lower)[w.lower()] += 1
    return lower, upper


def build(data: Path) -> dict[str, str | None]:
    forms = latin_forms(*dictionary_words())
    lower, upper = english_case_counts(data)
    return {w: g for w, g in sorted(forms.items()) if not lower[w] and not upper[w]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, help="the shared data folder (holds polnear/ and semeval2023-task3/)")
    a = ap.parse_args()
    if not (a.data / "polnear" / "train" / "text").is_dir():
        raise SystemExit(f"{a.data}: no polnear/train/text (is ../shared/data present?)")
    names = build(a.data)
    write_json("names", OUT.name, {
        "about": "Given names of pymorphy3's OpenCorpora dictionary in Latin transliteration (iuliia), "
                 "minus spellings seen in English news, by presslens.train.names_opencorpora; name -> gender (m/f) or null",
        "schemes": list(SCHEMES),
        "names": names,
    })
    print(f"wrote {OUT}: {len(names)} spellings, {sum(1 for g in names.values() if g)} with a gender")


if __name__ == "__main__":
    main()
