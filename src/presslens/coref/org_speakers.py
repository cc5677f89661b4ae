"""Organisations as speakers: `it`/`they`/`the company` as the subject of a speech verb -> the
organisation that was last a subject, speaker or `according to` source.
"""
from __future__ import annotations

from .lexicon import DESCRIPTIVE_ORG_NOUNS, ORG_KIND_OF_NAME_WORD, ORG_KIND_OF_NOUN, ORG_NOUNS, ROLE_NOUNS
from .names import Group
from ..model import Analysis
from .index import MentionIndex, inside, quoted_spans, speaks


ORG_WINDOW = 3  # sentences an organisation stays the antecedent of a speaking "it"/"they"


def resolve_org_speakers(analysis: Analysis, others: list[Group], persons: MentionIndex) -> dict[tuple[int, int], Group]:
    """`It said ...`, `They added ...` as the subject of a speech verb: the organisation (for
    `they` also a group NER calls NORP) that was last a subject, a speaker or an `according to`
    source in the preceding sentences. A thing that spoke since (`The report said`) blocks `it`,
    people named as a plural subject since (`Residents said`) block `they`: those are meant."""
    text = analysis.document.text
    parsed = analysis.get("parsed")
    orgs = [g for g in others if g.label in ("ORG", "NORP")]
    if not orgs:
        return {}
    index = MentionIndex(orgs)
    quoted = quoted_spans(text, parsed)
    last: dict[str, tuple[Group, int] | None] = {"it": None, "they": None}
    # "The state corporation X ... The corporation said": org nouns each organisation was named with
    nouns = {id(g): {w.lower() for s, e in g.spans + g.aliases for w in text[s:e].split()} & ORG_NOUNS
             for g in orgs}
    by_noun: dict[str, tuple[Group, int]] = {}
    kinds = {id(g): _kind(g) for g in orgs}
    recent: list[tuple[Group, int]] = []  # organisations that spoke or were subjects, latest last
    out: dict[tuple[int, int], Group] = {}
    sent_no = 0
    for c, sent in parsed.sentences():
        sent_no += 1
        for t in sent:
            pos = c.offset + t.idx
            low = t.lower_
            hit = by_noun.get(low)
            fits = _latest_of_kind(recent, kinds, ORG_KIND_OF_NOUN.get(low)) \
                if low in DESCRIPTIVE_ORG_NOUNS and last["it"] is not None and last["it"][0] is not None else None
            if fits is not None and (hit is None or fits[1] > hit[1]):
                # "Lukoil reported ... The company said": any organisation is a company, and one that
                # spoke since "the oil company X" is the nearer one; but "the security firm" is the
                # latest business, not a ministry that spoke since
                hit = fits
            if hit is not None and _bare_definite(t) and _speaking_position(t) \
                    and index.group_at(pos) is None and not inside(pos, quoted):
                g, at = hit
                if sent_no - at <= 2 * ORG_WINDOW:
                    span = (c.offset + t.left_edge.idx, pos + len(t.text))
                    out[span] = g
                    g.aliases.append(span)
                    last["it"] = last["they"] = (g, sent_no)
                    recent.append((g, sent_no))
                    continue
            if low in ("it", "they") and t.dep_ in ("nsubj", "nsubjpass"):
                hit = last[low]
                if hit is not None and hit[0] is not None and sent_no - hit[1] <= ORG_WINDOW \
                        and speaks(t) and not inside(pos, quoted):
                    span = (pos, pos + len(t.text))
                    out[span] = hit[0]
                    hit[0].aliases.append(span)
                continue
            if t.pos_ not in ("NOUN", "PROPN") or not _source_like(t) or inside(pos, quoted):
                continue
            g = index.group_at(pos) or _org_inside(t, c.offset, index)
            if g is not None and not _main_or_speaker(t):
                continue  # "... said that the FBI was investigating": the FBI did not speak
            if g is not None:
                for noun in nouns.get(id(g), ()):
                    by_noun[noun] = (g, sent_no)
                last["they"] = (g, sent_no)
                if g.label == "ORG":
                    last["it"] = (g, sent_no)
                    recent.append((g, sent_no))
            elif persons.group_at(pos) is None and t.tag_ in ("NNS", "NNPS"):
                last["they"] = (None, sent_no)  # people or things named as a plural subject
            elif persons.group_at(pos) is None and t.tag_ == "NN" and speaks(t) and t.lower_ not in ROLE_NOUNS \
                    and t.lower_ not in DESCRIPTIVE_ORG_NOUNS:
                last["it"] = (None, sent_no)  # "The report said": a thing spoke
    return out


def _kind(g: Group) -> str | None:
    """business, state or place when a word of the organisation's name says so."""
    words = [w.lower() for w in (g.name or " ".join(g.words)).split()]
    return next((ORG_KIND_OF_NAME_WORD[w] for w in reversed(words) if w in ORG_KIND_OF_NAME_WORD), None)


def _latest_of_kind(recent: list[tuple[Group, int]], kinds: dict[int, str | None], kind: str | None):
    """The latest organisation that may be `the <noun>` of this kind (one whose kind is unknown
    may be any)."""
    return next(((g, at) for g, at in reversed(recent) if kind is None or kinds[id(g)] in (None, kind)), None)


def _speaking_position(t) -> bool:
    """Where a description of a body stands for the one who speaks: the subject of a speech verb
    (`the ministry said`), the source after `according to` (`according to the department`), or
    the owner of such a subject or source (`the ministry's press service said`, `the press service
    of the department reported`): translated Russian news calls a ministry `the department` or
    `the agency` (ведомство) once it has named it."""
    if t.dep_ == "poss" or t.dep_ == "pobj" and t.head.lower_ == "of":
        t = t.head if t.dep_ == "poss" else t.head.head
    if t.dep_ in ("nsubj", "nsubjpass"):
        return speaks(t)
    return t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according"


def _bare_definite(t) -> bool:
    """`The corporation`, `the company`: a definite org noun with no name or of-phrase of its own."""
    lefts = list(t.lefts)
    # "the security firm": lower-case modifiers keep it bare; "the Cameco firm" is named
    return t.pos_ == "NOUN" and bool(lefts) and lefts[0].lower_ == "the" \
        and all(x.dep_ in ("compound", "amod") and x.pos_ != "PROPN" and x.text.islower() for x in lefts[1:]) \
        and not any(c.dep_ in ("prep", "appos", "compound", "relcl", "acl") for c in t.rights)


def _main_or_speaker(t) -> bool:
    """A subject of the main clause or of a speech verb, or an `according to` source."""
    while t.dep_ in ("compound", "appos", "flat") and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj":
        return True
    return t.head.dep_ == "ROOT" or speaks(t)


def _source_like(t) -> bool:
    """A subject, or a source after `according to`, or a name inside one (compound, apposition)."""
    for _ in range(3):
        if t.dep_ in ("nsubj", "nsubjpass"):
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according":
            return True
        if t.dep_ not in ("compound", "appos", "flat") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _org_inside(t, off: int, index: MentionIndex) -> Group | None:
    """`The press service of the Ministry of X reported`: the organisation in the subject's of-phrase."""
    if t.lower_ in ROLE_NOUNS:
        return None
    for c in t.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            for x in c.subtree:
                g = index.group_at(off + x.idx)
                if g is not None:
                    return g
    return None
