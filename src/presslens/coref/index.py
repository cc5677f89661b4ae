"""Position -> group lookups and the parse tests every resolution pass shares.
"""
from __future__ import annotations

from bisect import bisect_right

from ..attribution.lexicon import cue_score
from .lexicon import ROLE_NOUNS
from .names import Group
from .ranker import prominence_weight
from ..model import Analysis

_PLACE_PREPS = {"in", "near", "outside", "across"}


def place_like(analysis: Analysis, persons: list[Group], places: set[tuple[str, ...]]) -> set[int]:
    """Person-labelled names the text shows to be places: the same words NER also tags as a place,
    or a one-word name after `in`/`near` (`floods in X`). Descriptions and pronouns skip them."""
    text = analysis.document.text
    out = set()
    for i, g in enumerate(persons):
        if g.name or not g.spans:
            continue
        if g.words in places:
            out.add(i)
            continue
        if len(g.words) != 1:
            continue
        for s, e in g.spans:
            prev = text[max(0, s - 10):s].split()
            if prev and prev[-1].lower() in _PLACE_PREPS and text[e:e + 2] not in ("'s", "’s"):
                out.add(i)
                break
    return out


class MentionIndex:
    """Position -> person group, over names and relation mentions."""

    def __init__(self, groups: list[Group]) -> None:
        rows = sorted((s, e, i) for i, g in enumerate(groups) for s, e in g.spans + g.aliases)
        self.rows = rows
        self.starts = [r[0] for r in rows]
        self.groups = groups

    def _row(self, pos: int):
        k = bisect_right(self.starts, pos) - 1
        while k >= 0 and self.rows[k][1] > pos - 200:
            s, e, i = self.rows[k]
            if s <= pos < e:
                return self.rows[k]
            k -= 1
        return None

    def span_at(self, pos: int) -> tuple[int, int] | None:
        r = self._row(pos)
        return (r[0], r[1]) if r else None

    def group_at(self, pos: int) -> Group | None:
        r = self._row(pos)
        return self.groups[r[2]] if r else None


def prominence(t) -> float:
    """Main-clause subjects are the likeliest antecedents, then other subjects and sources
    (`according to X`), then the rest; a speaker is more prominent than a silent subject."""
    if t.dep_ == "compound" and t.head.i > t.i:
        t = t.head  # a name's first word: judge the name by its head
    t = _titled_subject(t)
    if _inverted_speaker(t):
        verb = t.head.head if t.dep_ == "pobj" else t.head
        base = prominence_weight("main_clause_subject" if verb.dep_ == "ROOT" else "other_subject")
        return base + prominence_weight("speaks_bonus")
    if t.dep_ in ("nsubj", "nsubjpass") or t.head.dep_ in ("nsubj", "nsubjpass") and t.dep_ == "appos":
        head = t.head if t.dep_ in ("nsubj", "nsubjpass") else t.head.head
        base = prominence_weight("main_clause_subject" if head.dep_ == "ROOT" else "other_subject")
        spoke = speaks(t if t.dep_ in ("nsubj", "nsubjpass") else t.head)
        return base + (prominence_weight("speaks_bonus") if spoke else 0.0)
    if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according":
        return prominence_weight("according_to_source")
    if t.dep_ == "poss":
        return prominence_weight("possessive")
    return prominence_weight("other")


def _inverted_speaker(t) -> bool:
    """`..., said political scientist NAME`: translated Russian puts the speaker after the speech
    verb, where the parse may take it for the verb's object; with no subject of its own before it,
    that object is the one who speaks. So does the agent of a passive speech verb, and the one an
    outlet quotes `as saying`."""
    head = t.head
    if t.dep_ == "pobj" and head.dep_ == "agent":  # "This was stated by NAME" (Об этом заявил NAME)
        return _clearly_speech(head.head) and any(c.dep_ == "nsubjpass" for c in head.head.children)
    doc = t.doc
    if t.dep_ == "dobj" and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "as" \
            and doc[t.i + 2].lower_ in ("saying", "stating", "telling", "writing"):
        return True  # "Vechernaya Moskva quotes NAME as saying": the one quoted speaks
    if t.dep_ != "dobj" or head.i > t.i or head.tag_ not in ("VBD", "VBZ", "VBP") or not _clearly_speech(head):
        return False
    # what was said stands before the verb ("..., said X", "“...” – said X"); "accusing X of",
    # "told X" have their object after the verb and a subject of their own somewhere
    said_before = any(c.dep_ in ("ccomp", "parataxis") and c.i < head.i for c in head.children) \
        or head.i > 0 and head.doc[head.i - 1].text in (",", "”", '"', "—", "–", "-")
    return said_before and head.lower_ not in ("told", "tell", "tells") \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children)


def _clearly_speech(verb) -> bool:
    """A verb that reports speech far more often than not (`stated`, `said`; not `opened`,
    `discussed`): only such a verb makes its object or agent the speaker."""
    return verb.tag_.startswith("VB") and cue_score(verb.lower_, True) >= 0.6


def _titled_subject(t):
    """`The head of the Federation (RBF) NAME shared`, `General Secretary of the X Party NAME
    spoke`: translation drops the comma after the title, so the parse makes the role noun the
    subject and hangs the name on the verb or inside the title's of-phrase; the name stands for
    that subject. Any other token is returned as it is."""
    if t.pos_ != "PROPN":  # NER may tag the name with the organisation glued before it
        return t
    if t.dep_ in ("npadvmod", "appos") and t.head.pos_ in ("VERB", "AUX"):
        role = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < t.i
                and c.lower_ in ROLE_NOUNS]
        return role[0] if role else t
    up = t
    for _ in range(4):
        if up.dep_ not in ("pobj", "prep", "compound", "appos") or up.head.i == up.i:
            return t
        up = up.head
        if up.dep_ in ("nsubj", "nsubjpass") and up.lower_ in ROLE_NOUNS:
            return up
    return t


def quoted_spans(text: str, parsed) -> list[tuple[int, int]]:
    from ..attribution.marks import find_quotes

    quotes = find_quotes(text, [(c.offset, c.end) for c in parsed.chunks])
    return [(q.start, q.end) for q in quotes if len(text[q.start:q.end].split()) >= 4]


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in spans)


def speaks(t) -> bool:
    head = t.head
    return head.tag_.startswith("VB") and cue_score(head.lower_, True) >= 0.3
