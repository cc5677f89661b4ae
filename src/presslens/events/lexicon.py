"""Trigger words: which verb or noun lemma signals which event type, and when.

The shared parse runs without spaCy's lemmatizer (it is excluded to save
time), so this module carries its own small inflection tables: every
trigger lemma is expanded once, at import, into its surface forms, and a
token is looked up by lower-cased text and coarse part of speech.

A rule may demand a word among the trigger's children or grandchildren
(`needs`: "call" only with "on"/"for", "step" only with "down"), restrict
its object (`obj_in` / `obj_not_in`: "sign" an agreement, not a bill;
"release" a person, not a report), or only fire in the passive or with
a given preposition (`passive_or`: "was charged", "charged with").
"""
from __future__ import annotations

from dataclasses import dataclass

# Irregular verb forms (past, past participle) we need; the rest are regular.
_IRREGULAR = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "meet": ("met",),
    "find": ("found",), "hold": ("held",), "take": ("took", "taken"), "shoot": ("shot",),
    "speak": ("spoke", "spoken"), "win": ("won",), "quit": ("quit",), "lead": ("led",),
    "strike": ("struck", "stricken"), "throw": ("threw", "thrown"), "bring": ("brought",),
    "step": ("stepped",), "put": ("put",), "hand": ("handed",), "beat": ("beat", "beaten"),
    "give": ("gave", "given"), "hear": ("heard",), "set": ("set",), "stand": ("stood",), "file": ("filed",),
    "sign": ("signed",), "ban": ("banned",), "rally": ("rallied",), "fine": ("fined",),
}


def verb_forms(lemma: str) -> set[str]:
    forms = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    forms.update(_IRREGULAR.get(lemma, ()))
    if lemma.endswith("e"):
        forms.update({lemma + "d", lemma[:-1] + "ing"})
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.update({lemma[:-1] + "ied", lemma + "ing"})
    else:
        forms.update({lemma + "ed", lemma + "ing"})
        # consonant doubling (ban -> banned); harmless when the language doesn't double
        if lemma[-1] not in "aeiouwxy" and lemma[-2:-1] in tuple("aeiou"):
            forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    return forms


def noun_forms(lemma: str) -> set[str]:
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return {lemma, lemma + "es"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return {lemma, lemma[:-1] + "ies"}
    return {lemma, lemma + "s"}


@dataclass(frozen=True)
class TriggerRule:
    lemma: str
    pos: str  # "V" or "N"
    type: str
    needs: frozenset[str] = frozenset()       # a child/grandchild word that must be present
    obj_in: frozenset[str] = frozenset()      # the object (or passive subject) must be one of these
    obj_not_in: frozenset[str] = frozenset()  # ... must not be one of these
    passive_or: frozenset[str] = frozenset()  # fire when passive, or with one of these prepositions


AGREEMENT_NOUNS = frozenset(
    "agreement agreements deal deals treaty treaties accord accords contract contracts memorandum "
    "pact pacts ceasefire truce declaration".split())
ELECTION_NOUNS = frozenset("election elections primary primaries caucus caucuses nomination race vote".split())
INFO_NOUNS = frozenset(
    "statement statements report reports video videos data figures list plan plans ad ads book "
    "documents document information results poll polls letter letters emails album film footage "
    "transcript transcripts record records tax returns returns details version update photo photos "
    "image images study survey analysis memo proposal song".split())
VERDICT_NOUNS = frozenset("verdict sentence decision ruling conviction judgment judgement".split())
SPEECH_OBJECTS = frozenset("opinion opinions view views thoughts position doubts doubt concerns".split())
ENVOYS = frozenset("ambassador ambassadors envoy envoys diplomat diplomats chargé charge attaché attache "
                   "consul consuls".split())
# Places whose search is a step of an investigation ("searched his apartment"), not a hunt for someone
SEARCHED_PLACES = frozenset("apartment apartments flat flats home homes house houses office offices premises "
                            "headquarters residence residences dacha car cars property properties room rooms "
                            "newsroom editorial warehouse garage".split())
# What a trade or travel ban restricts ("a ban on imports"): a sanction, not a smoking ban
RESTRICTED = frozenset("import imports export exports entry travel flight flights trade sale sales supply "
                       "supplies delivery deliveries purchase purchases transit shipment shipments investment "
                       "investments transaction transactions".split())
# What a court orders someone to pay: civil damages, compensation, a fine
AWARDS = frozenset("damages compensation restitution fine fines penalty penalties".split())
# Nouns that make "open/initiate/launch a ... case" a charge
CASE_NOUNS = frozenset({"case"})

_V, _N = "V", "N"


def _r(lemma: str, pos: str, type_: str, needs: str = "", obj_in=frozenset(), obj_not_in=frozenset(),
       passive_or: str = "") -> TriggerRule:
    return TriggerRule(lemma, pos, type_, frozenset(needs.split()), frozenset(obj_in), frozenset(obj_not_in),
                       frozenset(passive_or.split()))


_SAY = ("say state write tell declare announce note add comment explain stress emphasize emphasise "
        "tweet post claim insist argue warn remark reply respond answer confirm recall assure "
        "acknowledge admit reiterate complain suggest predict promise speak ask deny assess report "
        "describe discuss remind cite")

RULES: tuple[TriggerRule, ...] = (
    *(_r(w, _V, "statement") for w in _SAY.split()),
    _r("point", _V, "statement", needs="out"),
    _r("share", _V, "statement", obj_in=SPEECH_OBJECTS),
    _r("express", _V, "statement", obj_in=SPEECH_OBJECTS | {"concern", "hope", "regret", "support", "confidence"}),
    _r("voice", _V, "statement", obj_in=SPEECH_OBJECTS | {"concern", "support", "opposition"}),
    _r("statement", _N, "statement"),
    *(_r(w, _V, "accuse") for w in "accuse blame criticize criticise condemn denounce slam lambast rebuke "
      "reproach chastise allege".split()),
    *(_r(w, _N, "accuse") for w in "accusation criticism condemnation".split()),
    # summoning an envoy is a diplomatic rebuke (PLOVER DISAPPROVE), as is a note of protest (extraction.py)
    _r("summon", _V, "accuse", obj_in=ENVOYS),
    *(_r(w, _V, "demand") for w in "demand urge request implore".split()),
    _r("call", _V, "demand", needs="on upon for"),
    _r("appeal", _V, "demand", needs="to"),
    *(_r(w, _N, "demand") for w in "demand request appeal".split()),
    *(_r(w, _V, "investigate") for w in "investigate probe".split()),
    _r("search", _V, "investigate", obj_in=SEARCHED_PLACES),
    _r("search", _N, "investigate", needs=" ".join(SEARCHED_PLACES)),
    *(_r(w, _N, "investigate") for w in "investigation probe inquiry".split()),
    *(_r(w, _V, "arrest") for w in "arrest detain apprehend".split()),
    _r("take", _V, "arrest", needs="custody"),
    *(_r(w, _N, "arrest") for w in "arrest detention".split()),
    _r("charge", _V, "charge", passive_or="with"),
    *(_r(w, _V, "charge") for w in "indict prosecute".split()),
    *(_r(w, _N, "charge") for w in "indictment prosecution".split()),
    _r("charge", _N, "charge", needs="with of against face brought bring file"),
    _r("charge", _N, "charge", passive_or="compound amod"),  # "the identity theft charge"
    _r("try", _V, "trial", passive_or="for in"),
    *(_r(w, _N, "trial") for w in "trial hearing".split()),
    _r("hear", _V, "trial", obj_in={"case", "appeal", "lawsuit"}),
    _r("convict", _V, "convict"),
    _r("find", _V, "convict", needs="guilty"),
    _r("plead", _V, "convict", needs="guilty"),
    *(_r(w, _N, "convict") for w in "conviction verdict".split()),
    _r("acquit", _V, "acquit"),
    _r("exonerate", _V, "acquit"),
    _r("acquittal", _N, "acquit"),
    *(_r(w, _V, "sentence") for w in "sentence jail imprison".split()),
    _r("fine", _V, "sentence"),  # only a verb-tagged "fine", so never the adjective
    # "ordered him to pay $83.3 million in damages", "awarded the family compensation": checked in extraction
    _r("order", _V, "sentence", needs="pay"),
    _r("award", _V, "sentence"),
    _r("serve", _V, "sentence", needs="prison jail sentence term colony"),
    _r("sentence", _N, "sentence", needs="prison jail life death suspended year years month months to of"),
    *(_r(w, _V, "release", obj_not_in=INFO_NOUNS) for w in "release free pardon".split()),
    *(_r(w, _N, "release") for w in "pardon".split()),
    _r("release", _N, "release", needs="of from"),
    _r("appeal", _V, "appeal", obj_in=VERDICT_NOUNS | {"against"}),
    *(_r(w, _V, "protest") for w in "protest rally picket boycott".split()),
    *(_r(w, _N, "protest") for w in "protest rally demonstration boycott picket march sit-in".split()),
    _r("demonstrate", _V, "protest", needs="against in outside for"),
    _r("strike", _N, "protest", needs="on general hunger workers"),
    _r("meet", _V, "meet", obj_not_in=frozenset("requirements requirement demands demand needs need "
                                                 "criteria standards standard goal goals deadline expectations "
                                                 "threshold".split())),
    *(_r(w, _N, "meet") for w in "meeting talks summit negotiations visit".split()),
    _r("encounter", _N, "meet", needs="with"),
    _r("visit", _V, "meet"),
    _r("negotiate", _V, "meet"),
    _r("sign", _V, "agree", obj_in=AGREEMENT_NOUNS),
    _r("conclude", _V, "agree", obj_in=AGREEMENT_NOUNS),
    _r("reach", _V, "agree", obj_in=AGREEMENT_NOUNS | {"agreement", "compromise"}),
    _r("agree", _V, "agree", needs="to on upon"),
    *(_r(w, _N, "agree") for w in "agreement treaty accord ceasefire truce".split()),
    *(_r(w, _V, "attack") for w in "attack shell bomb kill murder shoot assassinate injure wound raid "
      "invade".split()),
    *(_r(w, _N, "attack") for w in "attack bombing shelling assault raid explosion murder invasion "
      "airstrike assassination killing shooting".split()),
    _r("strike", _N, "attack", needs="air missile drone rocket military"),
    _r("sanction", _V, "sanction"),
    *(_r(w, _N, "sanction") for w in "sanction embargo".split()),
    _r("ban", _V, "sanction"),
    *(_r(w, _N, "sanction", needs=" ".join(RESTRICTED)) for w in "ban restriction".split()),
    _r("expel", _V, "sanction"),
    *(_r(w, _V, "elect") for w in "elect re-elect reelect".split()),
    *(_r(w, _N, "elect") for w in "election primary caucus referendum reelection re-election".split()),
    _r("vote", _V, "elect"),
    _r("victory", _N, "elect", needs="election elections primary primaries caucus caucuses vote race"),
    _r("win", _V, "elect", obj_in=ELECTION_NOUNS),
    *(_r(w, _V, "appoint") for w in "appoint nominate".split()),
    *(_r(w, _N, "appoint") for w in "appointment nomination".split()),
    _r("resign", _V, "resign"),
    _r("step", _V, "resign", needs="down"),
    _r("dismiss", _V, "resign", obj_not_in=frozenset("claim claims idea allegations allegation case suggestion "
                                                      "concerns report reports".split())),
    *(_r(w, _N, "resign") for w in "resignation dismissal".split()),
)

# surface form -> lemma, per coarse part of speech; built once
VERB_LEMMA: dict[str, str] = {}
NOUN_LEMMA: dict[str, str] = {}
RULES_BY_KEY: dict[tuple[str, str], list[TriggerRule]] = {}
for _rule in RULES:
    table, forms = (VERB_LEMMA, verb_forms) if _rule.pos == _V else (NOUN_LEMMA, noun_forms)
    for _f in forms(_rule.lemma):
        table.setdefault(_f, _rule.lemma)
    RULES_BY_KEY.setdefault((_rule.lemma, _rule.pos), []).append(_rule)
# Words that rules look for among children, normalised the same way (plural nouns to singular)
for _w in list(AGREEMENT_NOUNS | ELECTION_NOUNS | INFO_NOUNS | VERDICT_NOUNS | SPEECH_OBJECTS | SEARCHED_PLACES
               | RESTRICTED | AWARDS):
    NOUN_LEMMA.setdefault(_w, _w)


def lemma(word: str, pos: str) -> str | None:
    """The trigger lemma of a surface word ('sentenced', 'V' -> 'sentence'), or None."""
    w = word.lower()
    return (VERB_LEMMA if pos == _V else NOUN_LEMMA).get(w)


def rules_for(word: str, pos: str) -> list[TriggerRule]:
    lem = lemma(word, pos)
    return RULES_BY_KEY.get((lem, pos), []) if lem else []


__all__ = ["TriggerRule", "RULES", "rules_for", "lemma", "verb_forms", "noun_forms", "AGREEMENT_NOUNS",
           "ELECTION_NOUNS", "INFO_NOUNS", "VERDICT_NOUNS", "AWARDS"]
