"""Does a trigger mention report an event of its own?

A trigger word is not yet an event. Three kinds of mention name none:

- a bare definite event noun ("the verdict", "the investigation") that only
  refers back to, or names a party in, something reported elsewhere:
  "would appeal the verdict", "the investigation ignored the testimony",
  "evidence presented by the prosecution". Such a noun gets an event
  reading from its own arguments (a possessor, an agent / patient / place
  phrase, a modifier, a date, a relative clause), from serving as a time
  anchor ("after the vote") or as another noun's specifier ("defeat in the
  elections"), or from being what an event-reporting verb reports
  ("imposed sanctions", "the talks were held", "joined the protest").
  Nouns without an article ("airstrikes on Sunday") are not back-references;
  the object of a text verb ("published an investigation") is a text;
- a mention inside an attitude or emotion phrase ("indignant at the
  verdict", "outraged by the arrest"): the text reports a feeling about an
  event told elsewhere;
- a generic or hypothetical clause: a relative or participial clause on
  "any citizen who writes", "anyone who protests", or on a class noun (no
  article or possessor) whose own clause is modal, future or conditional
  ("thousands of felons, convicted of ..., will regain their rights").
"""
from __future__ import annotations

from typing import Any

from .lexicon import INFO_NOUNS

# Verbs (and copular predicates) whose subject or object is the event itself:
# they report that it happened, was held, was joined, ended...
EVENT_VERBS = frozenset(
    "impose introduce hold launch stage carry conduct file open initiate institute face bring hand issue "
    "make organize organise lead extend begin start continue announce order lift adopt approve pass go "
    "take happen occur end follow last resume erupt break finish conclude attend join participate "
    "cancel postpone schedule plan call win lose sign reach hold host chair mark spark trigger prompt "
    "lead cause block disperse storm complete close wrap kick witness see report confirm "
    "survive suffer endure undergo receive get".split())
# Verbs whose object is a text or a broadcast: "published an investigation" is a piece of journalism
INFO_VERBS = frozenset("publish write read print air broadcast post quote cite watch share release".split())
# Prepositions that use an event as a time anchor: "after the vote", "during the talks"
TEMPORAL_PREPS = frozenset("after before during following since until till amid ahead prior".split())
# Prepositions that name a participant, the place or the matter of a nominal event
ARG_PREPS = frozenset("of by against with into on over for in at from between among to".split())
# Words of feeling or attitude: an event noun under them is what the feeling is about
ATTITUDE = frozenset(
    "indignant indignation outraged outrage angry anger angered furious fury upset shocked shock "
    "disappointed disappointment dissatisfied dissatisfaction unhappy displeased displeasure happy "
    "pleased satisfied satisfaction surprised surprise concerned concern worried worry alarmed alarm "
    "dismayed dismay appalled disgusted disgust delighted glad sad saddened frustrated frustration "
    "disagree disagreed disagreement disagrees react reacted reaction reacts regret regretted".split())
DEFINITE = frozenset("the this that these those".split())
GENERIC_DETS = frozenset("any every each no whatever whichever".split())
GENERIC_HEADS = frozenset("anyone anybody everyone everybody whoever whomever anything everything nobody "
                          "someone somebody".split())
MODAL_OR_FUTURE = frozenset("could would might may should can must ca will shall 'll wo".split())
DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight week month "
    "year morning evening night weekend".split())


def _lower(tok: Any) -> str:
    return tok.text.lower()


def _verb_like(tok: Any) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def lemmaish(word: str) -> str:
    """A crude verb lemma for set lookups ('held' is listed as 'hold' via the irregular forms below)."""
    irregular = {"held": "hold", "led": "lead", "began": "begin", "begun": "begin", "took": "take",
                 "taken": "take", "went": "go", "gone": "go", "broke": "break", "broken": "break",
                 "made": "make", "brought": "bring", "saw": "see", "seen": "see", "won": "win", "lost": "lose",
                 "got": "get", "gotten": "get", "wrote": "write", "written": "write", "read": "read"}
    w = word.lower()
    if w in irregular:
        return irregular[w]
    for suf, rep in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            stem = w[: -len(suf)] + rep
            for cand in (stem, stem + "e", stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem):
                if cand in EVENT_VERBS or cand in INFO_VERBS:
                    return cand
    return w


def is_date_token(tok: Any) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or _lower(tok) in DATE_WORDS


def in_attitude_phrase(tok: Any) -> bool:
    """'indignant by the verdict', 'outrage over the arrest', 'regretted the sentence'."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ in ("prep", "agent") and head.head.i != head.i:
        head = head.head
    elif tok.dep_ not in ("dobj", "obj"):
        return False
    return _lower(head) in ATTITUDE or lemmaish(head.text) in ATTITUDE


def generic_clause(tok: Any) -> bool:
    """A verb trigger in a relative clause that describes a kind, not an occurrence."""
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ not in ("relcl", "acl"):
        return False
    head = cur.head
    if _lower(head) in GENERIC_HEADS:
        return True
    if any(c.dep_ == "det" and _lower(c) in GENERIC_DETS for c in head.children):
        return True
    # the clause the described noun belongs to: "any citizen who writes ... will sit"
    gov = head
    for _ in range(6):
        if gov.head.i == gov.i:
            break
        gov = gov.head
        if _verb_like(gov):
            break
    if not _verb_like(gov):
        return False
    # only a class noun is described generically: no article, possessor or name ("200,000 felons,
    # convicted of ..., will"); "the man who was arrested will appear" is one person and one arrest
    if head.pos_ == "PROPN" or any(c.dep_ == "poss" or (c.dep_ == "det" and _lower(c) in DEFINITE | {"a", "an"})
                                   for c in head.children):
        return False
    return any(c.dep_ in ("aux", "auxpass") and _lower(c) in MODAL_OR_FUTURE for c in gov.children) or any(
        c.dep_ == "mark" and _lower(c) in ("if", "unless") for c in gov.children)


# Verbs that ask for an event rather than report it: "demanded the resignation of the governor"
REQUEST_VERBS = frozenset(
    "demand demanded demands demanding urge urged urges urging seek seeks sought seeking want wants wanted "
    "propose proposed proposes request requested requests requesting threaten threatened threatens".split())
# ... and those that do it through "for": "called for his release", "pressed for talks"
REQUEST_FOR = frozenset(
    "call calls called calling appeal appeals appealed appealing push pushed pushing press pressed pressing "
    "ask asks asked asking demand demands demanded campaign campaigned lobby lobbied plea pleas".split())


def requested(tok: Any) -> bool:
    """An event noun someone asks for ("demanded the resignation", "called for his release"): it has
    not happened, and the asking is the event."""
    head = tok.head
    if tok.dep_ in ("dobj", "obj") and _lower(head) in REQUEST_VERBS:
        return True
    return tok.dep_ == "pobj" and _lower(head) == "for" and head.head.i != head.i and _lower(head.head) in REQUEST_FOR


def bare_mention(tok: Any) -> bool:
    """'the rally', 'his detention': a definite or pronoun-owned event noun with nothing of its own
    (no argument phrase, modifier, number or clause). After an event of its type it names that event."""
    dets = [c for c in tok.children if c.dep_ == "det"]
    poss = [c for c in tok.children if c.dep_ == "poss"]
    if not ((dets and _lower(dets[0]) in DEFINITE) or (poss and poss[0].pos_ == "PRON")):
        return False
    return not any(c.dep_ in ("prep", "agent", "relcl", "acl", "compound", "amod", "nummod", "appos")
                   or (c.dep_ == "poss" and c.pos_ != "PRON") for c in tok.children)


def has_event_reading(tok: Any, own_date: bool) -> bool:
    """Whether an event noun names an occurrence (see the module docstring)."""
    head = tok.head
    # what an event-reporting verb reports; the object of a text verb is a text
    if tok.dep_ in ("dobj", "obj", "nsubj", "nsubjpass", "attr") and head.i != tok.i and _verb_like(head):
        lem = lemmaish(head.text)
        if tok.dep_ in ("dobj", "obj") and lem in INFO_VERBS and _lower(tok) not in ("statement", "statements"):
            return False  # "published an investigation" is a text; "released a statement" is saying something
        if lem in EVENT_VERBS:
            return True
    if tok.dep_ == "pobj" and _lower(head) in TEMPORAL_PREPS:
        return True
    if tok.dep_ == "pobj" and head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN"):
        return True  # it specifies another noun: "their defeat in the elections", "a witness at the trial"
    dets = [c for c in tok.children if c.dep_ == "det"]
    if not dets or _lower(dets[0]) not in DEFINITE:
        return True  # no article ("airstrikes on Sunday", "running for reelection"): not a back-reference
    if own_date:
        return True
    for c in tok.children:
        if c.dep_ == "poss":
            return True
        if c.dep_ in ("prep", "agent") and _lower(c) in ARG_PREPS and any(g.dep_ == "pobj" for g in c.children):
            return True
        if c.dep_ in ("relcl", "acl"):
            return True
        if c.dep_ in ("compound", "amod", "nummod", "npadvmod") and not c.is_stop:
            return True  # "the hunger strike", "a mass protest", "the 2016 election"
    return False


__all__ = ["has_event_reading", "lemmaish", "in_attitude_phrase", "generic_clause", "is_date_token", "requested", "bare_mention",
           "INFO_NOUNS"]
