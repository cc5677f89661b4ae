"""Russian and English words as shared concept keys, for telling a quote from its translation.

A translation keeps few letters of its original: names, numbers and cognates
(quotes.cognates) survive, the ordinary words do not. A word-translation table
learned from parallel Russian-English news (models/xling/ru_en_words.json,
built by presslens.train.xling_lexicon) turns both sides into the same keys:
a Russian content word, lemmatised with pymorphy3, gives the English stems it
was aligned with; an English content word gives its stem when some Russian
word translates to it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model_files import load_json

_RU = re.compile(r"[а-яё]+(?:-[а-яё]+)*", re.IGNORECASE)
_EN = re.compile(r"[a-z]+", re.IGNORECASE)
# pymorphy3 parts of speech that carry content (pronouns, prepositions, conjunctions, particles do not)
RU_CONTENT_POS = frozenset({"NOUN", "ADJF", "ADJS", "COMP", "VERB", "INFN", "PRTF", "PRTS", "GRND", "ADVB", "NUMR"})
EN_STOP = frozenset("""a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now
of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves us mr mrs ms one may might must shall also
said says say told tell according""".split())
# reporting verbs and words every statement has say nothing about which statement it is
RU_STOP = frozenset("""сказать заявить говорить отметить сообщить добавить подчеркнуть рассказать пояснить
быть мочь стать весь который свой такой этот тот также самый очень""".split())
_SUFFIXES = (("ies", "y", 3), ("ied", "y", 3), ("ing", "", 4), ("ed", "", 4), ("ly", "", 4), ("s", "", 3))
_IRREGULAR = {"women": "woman", "men": "man", "children": "child", "people": "person", "wives": "wife",
              "lives": "life", "taken": "take", "took": "take", "gave": "give", "given": "give", "went": "go",
              "gone": "go", "made": "make", "paid": "pay", "held": "hold", "left": "leave", "won": "win",
              "found": "find", "knew": "know", "known": "know", "saw": "see", "seen": "see", "began": "begin",
              "begun": "begin", "came": "come", "became": "become", "got": "get", "thought": "think",
              "brought": "bring", "bought": "buy", "sold": "sell", "kept": "keep", "met": "meet", "lost": "lose",
              "felt": "feel", "fell": "fall", "built": "build", "sent": "send", "spent": "spend",
              "caught": "catch", "shot": "shoot", "wrote": "write", "written": "write", "spoke": "speak",
              "spoken": "speak", "chose": "choose", "chosen": "choose", "rose": "rise", "risen": "rise"}


@lru_cache(maxsize=65536)
def en_stem(word: str) -> str:
    """A crude English stem: irregular forms and inflectional endings off, a final e dropped, then the
    first seven letters ("presidential"/"president" -> "preside", "prices"/"priced" -> "pric")."""
    w = _IRREGULAR.get(word.lower(), word.lower())
    for suf, repl, keep in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= keep and not w.endswith("ss"):
            w = w[:-len(suf)] + repl
            break
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w[:7]


def en_content(text: str) -> list[str]:
    """Stems of the English content words of a text, in order."""
    return [en_stem(w) for w in _EN.findall(text) if len(w) > 2 and w.lower() not in EN_STOP]


@lru_cache(maxsize=65536)
def _ru_lemma(word: str) -> str | None:
    from ..ru.morph import analyzer

    parses = analyzer().parse(word)
    if not parses or parses[0].tag.POS not in RU_CONTENT_POS:
        return None
    return parses[0].normal_form.replace("ё", "е")


def ru_content(text: str) -> list[str]:
    """pymorphy3 lemmas of the Russian content words of a text, in order."""
    out = []
    for w in _RU.findall(text):
        if len(w) > 2:
            lem = _ru_lemma(w.lower())
            if lem and lem not in RU_STOP:
                out.append(lem)
    return out


@lru_cache(maxsize=1)
def table() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Russian lemma -> English stems it translates to; and every English stem some lemma gives."""
    data = load_json("xling", "ru_en_words.json")
    ru_en = {r: frozenset(es) for r, es in data["words"].items()}
    return ru_en, frozenset(e for es in ru_en.values() for e in es)


@lru_cache(maxsize=8192)
def concept_words(text: str) -> tuple[tuple[frozenset[str], ...], frozenset[str]]:
    """The translatable words of a text: for Russian text, one set of English stems per content word
    the table knows; for English text, the stems the table can reach. Returned as (Russian word
    options, English stems); the side that does not apply is empty."""
    ru_en, targets = table()
    if re.search(r"[а-яё]", text, re.IGNORECASE):
        opts = tuple(dict.fromkeys(ru_en[lem] for lem in ru_content(text) if lem in ru_en))
        return opts, frozenset()
    return (), frozenset(e for e in en_content(text) if e in targets)

