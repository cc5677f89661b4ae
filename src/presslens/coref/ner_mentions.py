"""NER's mentions, relabelled and re-cut: platforms and outlets are organisations, a name
with a role apposition is a person, titles come off names (coref/types.py does the retyping).
"""
from __future__ import annotations

import re

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
    out = _whole_body_names(text, out)
    out = [(s, e, "PERSON" if label in ("ORG", "GPE", "NORP", "FAC", "LOC") and not is_outlet_name(text[s:e])
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
    out += _named_outlets(parsed, out)
    return sorted(out)


# the head word of a body's name: what a name cut before `and` or `for` lacks
_BODY_HEADS = {"center", "centre", "committee", "service", "agency", "ministry", "department", "directorate",
               "commission", "council", "institute", "office", "bureau", "fund", "company", "corporation",
               "union", "association", "society", "university", "administration", "inspectorate", "headquarters"}
_AND_HEAD = re.compile(r" and ((?:[A-Z][\w-]* ){0,4}(?:%s))\b" % "|".join(h.title() for h in _BODY_HEADS))
_FOR_REGION = re.compile(r" for the (?:[A-Z][\w-]* ){1,3}(?:Region|Oblast|Territory|Krai|Republic|District|Okrug)\b"
                         r"| for (?:Moscow|St\. Petersburg|Saint Petersburg|Sevastopol)\b")


def _is_body(words: list[str]) -> bool:
    return any(w in _BODY_HEADS or w in ("situations", "affairs") for w in words)


def _whole_body_names(text: str, out: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Translated Russian bodies have long names NER cuts short: `the Moscow Coronavirus Control
    and Monitoring Center` (cut at `and`, when what precedes lacks a head word), `the Ministry of
    Emergency Situations for the Volgograd Region` (a regional directorate, cut at `for`). The
    organisation runs to the end; mentions inside the added words go."""
    fixed: list[tuple[int, int, str]] = []
    for s, e, label in out:
        if label == "ORG":
            words = text[s:e].lower().split()
            m = _AND_HEAD.match(text, e)
            if m and words and words[-1] not in _BODY_HEADS:
                e = m.end()
            m = _FOR_REGION.match(text, e)
            if m and _is_body(words):
                e = m.end()
        # "the United Nations Office | for | the Coordination of Humanitarian Affairs": NER makes two
        # bodies of one whose head word is followed by `for` and a capitalised name
        if fixed and label == "ORG" and fixed[-1][2] == "ORG" and text[fixed[-1][1]:s] == " for " \
                and text[fixed[-1][0]:fixed[-1][1]].split()[-1].lower() in _BODY_HEADS:
            fixed[-1] = (fixed[-1][0], e, "ORG")
            continue
        # "the Ministry of Emergency Situations | of | the Republic of Armenia" (МЧС Армении): a state
        # body's country or region is part of its name, as Russian writes it
        # (NER may also end the body at `of`: "the Rescue Service of | Armenia")
        prev = fixed[-1] if fixed else None
        if prev and label in ("GPE", "LOC") and prev[2] == "ORG" and _is_body(text[prev[0]:prev[1]].lower().split()) \
                and (text[prev[1]:s] == " of " or text[prev[1]:s] == " " and text[:prev[1]].endswith(" of")):
            fixed[-1] = (fixed[-1][0], e, "ORG")
            continue
        fixed.append((s, e, label))
    return [m for m in fixed if not any(o is not m and o[2] == "ORG" and o[0] <= m[0] and m[1] <= o[1]
                                        and (o[0], o[1]) != (m[0], m[1]) for o in fixed)]


_OUTLET_NOUNS = {"newspaper", "agency", "portal", "channel", "magazine", "website", "site", "publication",
                 "broadcaster", "tabloid", "daily", "outlet"}


def _named_outlets(parsed, tagged: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`the Tuoi Tre newspaper`, `the Kommersant publication`: capitalised words before an outlet
    noun that NER left untagged are the outlet's name."""
    found = []
    for c in parsed.chunks:
        for t in c.doc:
            if t.lower_ not in _OUTLET_NOUNS or t.pos_ != "NOUN":
                continue
            names = []
            for x in reversed(t.doc[max(t.sent.start, t.i - 4):t.i]):
                if x.pos_ != "PROPN" or x.dep_ != "compound" or not x.text[:1].isupper():
                    break
                names.insert(0, x)
            if not names:
                continue
            s = c.offset + names[0].idx
            e = c.offset + names[-1].idx + len(names[-1].text)
            if not any(a < e and s < b for a, b, _ in tagged):
                found.append((s, e, "ORG"))
    return found


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
        # "Skipper Brolin" where the article also writes "the skipper": a common noun used as a title
        common = len(rest) == 1 and word[0].isalpha() and not is_given_name(word[0]) \
            and re.search(rf"\b(?:the|a|an) {re.escape(word[0].lower())}\b", text) is not None
        if word[0].lower() not in NAME_TITLES and not glued and not common:
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
    if name and name[0].dep_ == "pobj" and roles[0].dep_ in ("nsubj", "nsubjpass"):
        return False
    # "In an interview with Kommersant, the head of the X Commission NAME said": the role is the
    # title of the name that follows it, not an apposition of the outlet before the comma
    for t in parsed.tokens_from(c, end, 14)[2:]:
        if t.text in (",", ";", ".", "(") or t.pos_ in ("VERB", "AUX"):
            return True
        if t.ent_type_ == "PERSON":
            return False
    return True
