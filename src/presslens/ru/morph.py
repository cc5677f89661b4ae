"""Russian word forms: pymorphy3 lemmas and nominative forms, agreeing with
the case, gender and number slovnet read in context; iuliia BGN/PCGN Latin.

Names are matched by lemma, so Искаков, Искакова and Искакову are one
key; a name is shown in the nominative of the gender the text gives it.
"""
from __future__ import annotations

import re
from functools import lru_cache

_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
_NUMBERS = {"Sing": "sing", "Plur": "plur"}


@lru_cache(maxsize=1)
def analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=50_000)
def _parses(word: str) -> tuple:
    """pymorphy3's readings of a word, once per word: lemma and nominative, with and without
    name preference or context features, all choose among the same readings."""
    return tuple(analyzer().parse(word))


def _best(word: str, feats: dict | None = None, name: bool = False):
    parses = _parses(word)
    if not parses:
        return None
    feats = feats or {}
    want = {v for k, v in (("Case", _CASES), ("Gender", _GENDERS), ("Number", _NUMBERS))
            for v in [v.get(feats.get(k, ""))] if v}

    def score(p) -> float:
        grams = p.tag.grammemes
        s = p.score + sum(0.5 for g in want if g in grams)
        if name and grams & {"Name", "Surn", "Patr", "Geox", "Orgn"}:
            s += 0.5
        return s

    return max(parses, key=score)


@lru_cache(maxsize=50_000)
def _lemma_cached(word: str, feats_key: tuple, name: bool) -> str:
    p = _best(word, dict(feats_key), name)
    return p.normal_form if p else word.lower()


def lemma(word: str, feats: dict | None = None, name: bool = False) -> str:
    """The dictionary form; a woman's surname shares the man's lemma (Иванова -> иванов)."""
    if not re.search(r"[а-яё]", word, re.I):
        return word.lower()
    return _lemma_cached(word, tuple(sorted((feats or {}).items())), name).replace("ё", "е")


@lru_cache(maxsize=32)
def spellings(lemmas: frozenset[str]) -> frozenset[str]:
    """Every form pymorphy3 knows of these lemmas (lower case, ё written е)."""
    out = set(lemmas)
    for lem in lemmas:
        if " " in lem:
            continue
        for p in _parses(lem):
            if p.normal_form.replace("ё", "е") == lem:
                out.update(f.word.replace("ё", "е") for f in p.lexeme)
    return frozenset(out)


_by_lexicon: dict[int, tuple[object, frozenset[str]]] = {}
LEXICONS_HELD = 16  # the lexicons are a handful; a caller passing a fresh set each time must not grow this


def lemma_in(word: str, feats: dict | None, lemmas) -> str | None:
    """The word's lemma when it is one of `lemmas` (a lexicon's keys), else None.
    A word no form of those lemmas spells is never analysed: most words of an
    article are not cue verbs or event triggers, and analysing them was most of
    the time the Russian stages spent after parsing."""
    held = _by_lexicon.get(id(lemmas))
    if held is None or held[0] is not lemmas:  # lexicons are loaded once: one set per lexicon object
        if len(_by_lexicon) >= LEXICONS_HELD:
            _by_lexicon.clear()
        held = _by_lexicon[id(lemmas)] = (lemmas, spellings(frozenset(lemmas)))
    if word.lower().replace("ё", "е") not in held[1]:
        return None
    lem = lemma(word, feats)
    return lem if lem in lemmas else None


@lru_cache(maxsize=50_000)
def _nominative_cached(word: str, feats_key: tuple, name: bool) -> str:
    p = _best(word, dict(feats_key), name)
    if p is None or "nomn" in p.tag.grammemes and "sing" in p.tag.grammemes | {"sing"}:
        return word
    keep = {g for g in ("masc", "femn", "neut") if g in p.tag.grammemes}
    form = p.inflect({"nomn"} | keep) or p.inflect({"nomn"})
    if form is None:
        return word
    out = form.word
    return out[:1].upper() + out[1:] if word[:1].isupper() else out


def nominative(word: str, feats: dict | None = None, name: bool = False) -> str:
    """The word in the nominative, same gender and number (Искакову -> Искаков)."""
    prefix = re.fullmatch(r"([а-яё]{2,6}-)([а-яё]{3,})", word)
    if prefix:  # a title with a prefix declines its last part: пресс-секретаря -> пресс-секретарь
        return prefix.group(1) + nominative(prefix.group(2), feats, name)
    if not re.search(r"[а-яё]", word, re.I) or "-" in word or len(word) > 1 and word.isupper():
        return word  # an abbreviation (МЧС, МИД) is written the same in every case
    feats = feats or {}
    if feats.get("Case") == "Nom":
        return word
    if feats.get("Gender") == "Fem" and re.search(r"[бвгджзклмнпрстфхцчшщ]$", word, re.I):
        return word  # a woman's name ending in a consonant does not decline (фон дер Ляйен)
    return _nominative_cached(word, tuple(sorted((feats or {}).items())), name)


def latin(name: str) -> str | None:
    """BGN/PCGN romanisation (iuliia), as a search key: ё read as е and the
    soft/hard sign marks dropped, the way English-language news spells names
    (Смирнова -> Smirnova). None for a name with no Cyrillic."""
    if not re.search(r"[\u0400-\u04FF]", name):
        return None
    import iuliia

    plain = name.replace("ё", "е").replace("Ё", "Е")
    out = iuliia.BGN_PCGN.translate(plain)
    return re.sub(r"[’‘ʹʺ”\"']", "", out)
