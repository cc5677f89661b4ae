"""NER's mentions, relabelled and re-cut: platforms and outlets are organisations, a name
with a role apposition is a person, titles come off names (coref/types.py does the retyping).
"""
from __future__ import annotations

from .lexicon import MEDIA, NAME_TITLES, PLATFORM_NAMES, ROLE_NOUNS, is_outlet_name
from .first_names import FIRST_NAMES
from .regional_names import REGIONAL_NAMES
from .types import ORG_WORDS, business_subjects, fix_glued_names, is_given_name, retype, split_trailing_person, untagged_office_holders
from ..model import Analysis




KEEP = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}


def _label(text: str, label: str) -> str:
    low = text.lower().removeprefix("the ").strip()
    if low in PLATFORM_NAMES or low in MEDIA or ("the " + low) in MEDIA or is_outlet_name(text):
        return "ORG"
    return label


_NAME_SUFFIXES = {"inc", "inc.", "ltd", "ltd.", "llc", "co", "co.", "corp", "corp.", "plc", "jr", "jr.", "sr", "sr.",
                  "d.c.", "ag", "sa", "s.a."}


def _after_comma(text: str, s: int, e: int, label: str) -> int:
    """`COVID-19, RIA Novosti reports`: NER ran a clause's last word and the name after the comma
    into one organisation or person; the name is what follows the comma (not `Apple, Inc.`)."""
    if label not in ("ORG", "PERSON") or ", " not in text[s:e]:
        return s
    k = text.rindex(", ", s, e) + 2
    after = text[k:e].split()
    if not after or not after[0][:1].isupper() or after[-1].lower() in _NAME_SUFFIXES \
            or not (len(after) >= 2 or (after[0].isupper() and len(after[0]) >= 3)):
        return s
    return k


def _strip_poss(text: str, s: int, e: int) -> tuple[int, int]:
    for suf in ("'s", "’s"):
        if text[s:e].endswith(suf):
            return s, e - len(suf)
    while e > s and text[e - 1] in " -–—":  # a dateline "KazTAG -" is the agency's name
        e -= 1
    return s, e


def ner_mentions(analysis: Analysis) -> list[tuple[int, int, str]]:
    text = analysis.document.text
    parsed = analysis.get("parsed")
    out = []
    for s, e, label in parsed.entities():
        if label not in KEEP:
            continue
        s, e = _strip_poss(text, s, e)
        s = _after_comma(text, s, e, label)
        if e > s:
            out.append((s, e, _label(text[s:e], label)))
    out = [(s, e, "PERSON" if label in ("ORG", "GPE", "NORP") and not is_outlet_name(text[s:e])
            and _has_person_apposition(parsed, e) else label)
           for s, e, label in out]
    out = [m for x in out for m in split_trailing_person(parsed, text, x)]
    out = fix_glued_names(parsed, text, out)
    out = retype(parsed, text, out)
    out = [_trim_title(text, m) for m in out]
    out = untagged_office_holders(parsed, text, out)
    found = business_subjects(parsed, out)
    spans = {(s, e) for s, e, _ in found}
    out = [m for m in out if (m[0], m[1]) not in spans] + found
    # platforms NER leaves untagged ("on his Telegram channel")
    tagged = [(s, e) for s, e, _ in out]
    for c in parsed.chunks:
        for t in c.doc:
            if t.text[:1].isupper() and t.lower_ in PLATFORM_NAMES:
                s = c.offset + t.idx
                if not any(a <= s < b for a, b in tagged):
                    out.append((s, s + len(t.text), "ORG"))
    return sorted(out)


def _trim_title(text: str, m: tuple[int, int, str]) -> tuple[int, int, str]:
    """`Ombudsman Artur X`, `President Y` inside NER's PERSON span: the title is a role (found by
    the role pass), not part of the name; so is any other word before a given name + surname."""
    s, e, label = m
    if label != "PERSON":
        return m
    while True:
        word = text[s:e].split(" ", 1)
        if len(word) < 2 or not word[0][:1].isupper():
            return s, e, label
        # "Midfielder Yevgeny X", "Blogger Ilya X": a word before a common given name + surname
        # that is no given name itself is a title or an affiliation, not part of the name (the
        # broader mined list holds middle names and surnames too: "Ruth Bader X" stays whole)
        rest = word[1].split()
        glued = len(rest) == 2 and word[0].isalpha() and (rest[0].lower() in REGIONAL_NAMES or rest[0].lower() in FIRST_NAMES) \
            and not is_given_name(word[0]) and rest[1].lower() not in ORG_WORDS
        if word[0].lower() not in NAME_TITLES and not glued:
            return s, e, label
        s += len(word[0]) + 1


def _has_person_apposition(parsed, end: int) -> bool:
    """`Helena Brandt, the mayor, ...`: a name followed by a role apposition is a person,
    whatever label NER gave it."""
    c = parsed.chunk_at(end)
    if c is None:
        return False
    toks = parsed.tokens_from(c, end, 4)
    if len(toks) < 3 or toks[0].text != ",":
        return False
    roles = [t for t in toks[2:4] if t.lower_ in ROLE_NOUNS and t.pos_ == "NOUN"]
    if toks[1].lower_ not in ("the", "a", "an") or not roles:
        return False
    # "In Tirlen, a businessman was detained": a place opening the sentence, then the clause's
    # own subject; no apposition at all
    name = parsed.tokens_before(c, end, 1)
    return not (name and name[0].dep_ == "pobj" and roles[0].dep_ in ("nsubj", "nsubjpass"))
