"""What kind of attribution a quote is (`act`) and what kind of source said it (`source_kind`).

The cue decides the act through one data file (models/acts/acts.json, MODEL_CARD.md there):
phrases first (`agree to`, `express concern`, `be concerned`, `release statement`), then the
cue's lemma, else speech. The source decides the rest: a document, chart or survey never
speaks (its `said`/`showed` is `perception`), a carrier (`a statement`, `the post`) is writing
by whoever issued it, an outlet that only reports what it found or analysed perceives.
`is_content_proposition` and `is_slogan` say which findings are no attribution at all.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..coref.lexicon import DESCRIPTIVE_ORG_NOUNS, MEDIA, ORG_NOUNS, RELATIONS, ROLE_NOUNS, is_outlet_name
from ..model import Entity, Speaker
from .channel import known_outlet

ACTS_PATH = Path(__file__).resolve().parents[1] / "models" / "acts" / "acts.json"
READER_ACTS = frozenset({"speech", "writing"})  # what a reader calls "who said what"
READER_SOURCES = frozenset({"person", "organisation"})
_PERSON_PRONOUNS = {"he", "she", "i", "me", "him", "her"}
_GROUP_PRONOUNS = {"they", "we", "them", "us"}
_UNANSWERED = {"respond", "reply", "answer", "comment", "return"}


@dataclass(frozen=True)
class ActLexicon:
    acts: tuple[str, ...]
    default_act: str
    default_act_unquoted: str
    lemmas: dict[str, str]
    phrases: dict[str, str]
    question_cues: frozenset[str]
    question_words: frozenset[str]
    document_nouns: frozenset[str]
    carrier_nouns: frozenset[str]
    group_nouns: frozenset[str]
    anonymous_nouns: frozenset[str]
    slogan_nouns: frozenset[str]
    irregular_forms: dict[str, str]
    naming_cues: frozenset[str] = frozenset()
    undisclosed_cues: frozenset[str] = frozenset()
    outlet_finding_cues: frozenset[str] = frozenset()
    voice_nouns: frozenset[str] = frozenset()
    quoting_cues: frozenset[str] = frozenset()
    outlet_nouns: frozenset[str] = frozenset()
    outlet_staff_nouns: frozenset[str] = frozenset()
    relay_words: frozenset[str] = frozenset()
    body_nouns: frozenset[str] = frozenset()
    outlet_name_endings: frozenset[str] = frozenset()
    relay_cues: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def lexicon(path: Path = ACTS_PATH) -> ActLexicon:
    d = json.loads(path.read_text(encoding="utf-8"))
    sets = ("question_cues", "question_words", "document_nouns", "carrier_nouns", "group_nouns",
            "anonymous_nouns", "slogan_nouns")
    return ActLexicon(tuple(d["acts"]), d["default_act"], d["default_act_unquoted"], dict(d["lemmas"]), dict(d["phrases"]),
                      *(frozenset(d[k]) for k in sets), dict(d["irregular_forms"]),
                      *(frozenset(d.get(k, ())) for k in ("naming_cues", "undisclosed_cues", "outlet_finding_cues",
                                                          "voice_nouns", "quoting_cues", "outlet_nouns",
                                                          "outlet_staff_nouns", "relay_words", "body_nouns",
                                                          "outlet_name_endings", "relay_cues")))


def lemma(tok) -> str:
    """The token's dictionary form: spaCy's when the lemmatizer ran (the shared parse leaves it
    out for speed), else the irregular table or the suffix stripped to a word the lexicon knows."""
    if tok.lemma_ and tok.lemma_ != tok.text:
        return tok.lemma_.lower()
    low = tok.lower_
    lex = lexicon()
    if low in lex.irregular_forms:
        return lex.irregular_forms[low]
    # a verb's stem is looked up among verbs only: "reports", "notes" are also nouns, "worried" an adjective
    # a cue the parse tagged a noun but gave a subject or a clause ("..., the site X reports") is a verb
    verbal = tok.pos_ in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "ccomp") for c in tok.children)
    known = _VERB_WORDS() if verbal else _ALL_WORDS()
    cands = [low]
    for suf, rep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""),
                     ("s", ""), ("d", "")):
        if low.endswith(suf) and len(low) > len(suf) + 2:
            stem = low[:-len(suf)] + rep
            cands.append(stem)
            if rep == "" and len(stem) > 2 and stem[-1] == stem[-2]:
                cands.append(stem[:-1])  # "planned" -> "plan"
    return next((c for c in cands if c in known), low)


@lru_cache(maxsize=1)
def _VERB_WORDS() -> frozenset[str]:
    lex = lexicon()
    return frozenset(lex.lemmas) | lex.question_cues | {k.split()[0] for k in lex.phrases}


@lru_cache(maxsize=1)
def _ALL_WORDS() -> frozenset[str]:
    lex = lexicon()
    words = {w for k in lex.phrases for w in k.split()}
    return _VERB_WORDS() | lex.document_nouns | lex.carrier_nouns | words


def cue_keys(cue) -> list[str]:
    """Lexicon keys for a cue token, most specific first: `agree to`, `express concern`,
    `be concerned`, `point out`, `call for`, then the lemma."""
    head = lemma(cue)
    if cue.lower_ == "according":
        return ["according to"]
    if cue.pos_ == "ADP":  # an opening phrase: "In his words, ...", "By his own account, ..."
        return [f"{cue.lower_} {lemma(o)}" for o in cue.children if o.dep_ == "pobj"]
    keys = []
    kids = list(cue.children)
    if cue.pos_ == "ADJ" or cue.tag_ == "VBN" and any(c.dep_ == "auxpass" or lemma(c) == "be" for c in kids) \
            or cue.dep_ == "acomp":
        keys.append(f"be {cue.lower_}")
    for c in kids:
        if c.dep_ == "xcomp" and (any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) or c.tag_ == "VBG"):
            keys.append(f"{head} to")  # "proposed spending" is "proposed to spend"
        elif c.dep_ == "dobj" and c.pos_ == "NOUN":
            keys.append(f"{head} {lemma(c)}")
        elif c.dep_ == "prt":
            keys.append(f"{head} {c.lower_}")
        elif c.dep_ == "prep" and c.lower_ in ("for", "to", "on", "upon"):
            keys.append(f"{head} {c.lower_}")
        elif c.dep_ in ("advcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
            keys.append(f"{head} for")  # "called for pilots to be trained"
    if cue.dep_ == "acomp" and lemma(cue.head) == "be":
        keys.append(f"be {cue.lower_}")
    keys.append(head)
    return keys


def opener_act(prep: str, noun: str) -> str | None:
    """The act of an opening phrase `PREP [POSS] NOUN, CLAUSE` (`In his words`, `By his own
    account`, `In her opinion`): acts.json `phrases` keyed `in word`, `by account`, ...; None when
    the phrase attributes nothing (`In the morning, ...`)."""
    lex = lexicon()
    low = noun.lower()
    for stem in (low, low[:-1] if low.endswith("s") else low):
        act = lex.phrases.get(f"{prep.lower()} {stem}")
        if act:
            return act
    return None


def cue_act(cue, content: str = "", quoted: bool = True) -> str:
    """The act a cue token reports; `question` for a question put to someone (`asked whether`,
    `did not respond to questions`), whose content is no claim of the speaker's. A verb the
    lexicon lacks is speech before quotation marks (`"...," she fumed`) and otherwise an action
    or decision (`X unveiled a plan to`, `X enjoyed ...`): `default_act_unquoted`."""
    lex = lexicon()
    if cue is None:
        return lex.default_act
    head = lemma(cue)
    first = content.lstrip("\"“‘'«„ ").split(" ", 1)[0].lower()
    if head in lex.question_cues and (first in lex.question_words or content.rstrip("\"”’'» ").endswith("?")):
        return "question"
    if head in _UNANSWERED and any(c.dep_ == "neg" for c in cue.children):
        return "question"
    for key in cue_keys(cue):
        act = lex.phrases.get(key) or lex.lemmas.get(key)
        if act:
            return act
    if any(c.dep_ == "xcomp" for c in cue.children):
        return "intention"
    return lex.default_act if quoted else lex.default_act_unquoted


def source_kind(speaker: Speaker | None, entity: Entity | None, head=None) -> str:
    """person | organisation | group | document | unnamed, from the resolved entity when there is
    one, else from the speaker mention's head noun."""
    lex = lexicon()
    if entity is not None:
        return {"PERSON": "person", "NORP": "group"}.get(entity.type, "organisation")
    if speaker is None or speaker.name == "unknown" or not speaker.name.strip():
        return "unnamed"
    words = speaker.name.lower().replace("’", "'").split()
    noun = head.lower_ if head is not None and head.lower_ in words else words[-1]
    if noun in lex.document_nouns:
        return "document"
    if noun in lex.anonymous_nouns or noun in lex.carrier_nouns:
        return "unnamed"
    if noun in _GROUP_PRONOUNS or noun in lex.group_nouns or head is not None and head.tag_ in ("NNS", "NNPS") \
            and head.ent_type_ != "ORG":
        return "group"
    if noun in ORG_NOUNS or noun in DESCRIPTIVE_ORG_NOUNS or noun in lex.body_nouns or known_outlet(speaker.name):
        return "organisation"
    if noun in _PERSON_PRONOUNS or noun in ROLE_NOUNS or noun in RELATIONS:
        return "person"
    if head is not None and head.ent_type_ == "PERSON":
        return "person"
    if head is not None and head.ent_type_ in ("ORG", "GPE"):
        return "organisation"
    return "unnamed"


def is_carrier(speaker: Speaker | None, head=None) -> bool:
    """`a statement said`, `the post read`: the words' carrier, not who said them."""
    if speaker is None or speaker.entity is not None:
        return False
    noun = head.lower_ if head is not None else speaker.name.lower().split()[-1]
    return noun in lexicon().carrier_nouns


def final_act(act: str, kind: str, speaker: Speaker | None, cue=None, carrier: bool = False) -> str:
    """Adjust the cue's act to its source: documents perceive, carriers are writing, an outlet
    that only reports what it found or analysed is no speaker (`OUTLET analyzed ...`); an outlet
    that reports a claim (`..., TASS reports`) is its source, as a reader names it."""
    if kind == "document" and act in ("speech", "writing", "thought"):
        return "perception"
    if carrier and (act == "speech" or act == "perception" and cue is not None and lemma(cue) == "read"):  # "the statement reads"
        return "writing"
    if cue is not None and speaker is not None and act in ("speech", "writing") \
            and lemma(cue) in lexicon().outlet_finding_cues \
            and (speaker.name.lower() in MEDIA or is_outlet_name(speaker.name)):
        return "perception"
    return act


_FINITE = {"VBD", "VBZ", "VBP", "MD"}


def content_act(act: str, kind: str, tokens, cue=None, content: str = "") -> str:
    """What the reported content makes of a speech act. A question in quotation marks
    (`"What about a college that ...?" Alito interjected`) is a `question`; an indirect `said how
    he died`, `would not say whether ...` discloses nothing: a `question`; a verb of saying whose
    object is a thing, not a claim (`defended the policies`, `praised the record`, `welcomed the
    verdict`, `reported three cancellations`, `talking about one area`) is a `stance`. Naming
    verbs keep their object and its predicate as the claim (`called the massacre "an act of
    terror"`, `accused X of Y`)."""
    if act not in ("speech", "writing"):
        return act
    if kind == "direct":
        return "question" if _one_question(content) else act
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return act
    if kind != "indirect" or cue is None:
        return act
    lex = lexicon()
    head = lemma(cue)
    if head in lex.naming_cues:
        return act
    inside = {t.i for t in words}
    top = [t for t in words if t.head.i not in inside or t.head.i == t.i]
    first = words[0]
    if first.lower_ in lex.question_words and head in lex.undisclosed_cues \
            and not any(t.dep_ in ("csubj", "csubjpass") for t in words):
        # "how he died", "whether the Government will act"; not "what he saw was horrifying", nor a
        # condition before the claim ("if the talks fail, they will strike")
        # "if"/"when" may open a condition before the claim ("if the talks fail, they will strike");
        # "told how he snapped a photograph" tells a story, "would not say how" withholds it
        if first.lower_ in ("whether", "if") and first.head.i in {t.i for t in top} or _withheld(cue):
            return "question"
    if any(t.tag_ in _FINITE and _clause_of_content(t, inside) for t in words):
        return act
    if any(t.pos_ in ("VERB", "AUX") and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children) for t in top):
        return act  # "is said to have been shot": an infinitive claim
    if any(t.lower_ in ("of", "about") and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in t.children) for t in top):
        return act  # "told of seeing him struggle": an event told, not a topic
    if all(t.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADP", "DET", "ADJ", "ADV") for t in top):
        return "stance"
    if any(t.dep_ == "dobj" and (t.lower_ in lex.document_nouns or t.lower_ in lex.carrier_nouns) for t in top):
        return "stance"  # "published a resolution according to which ...": a document put out, no claim
    return act


def _clause_of_content(verb, inside: set[int]) -> bool:
    """Whether a finite verb states something of its own, not a relative clause describing a
    noun (`defended a law that prohibits ...`, `a hearing which ran past midnight`). A noun
    modifier with no relative word is taken for a misparsed complement (`told the station she
    had gone`, `says at the time, obligations played ...`)."""
    t = verb
    while t.i != t.head.i and t.head.i in inside:
        if t.dep_ in ("relcl", "acl") and any(c.lower_ in _RELATIVE_WORDS for c in t.subtree if c.i < t.i):
            return False
        t = t.head
    return not (t.dep_ in ("relcl", "acl") and any(c.lower_ in _RELATIVE_WORDS for c in t.subtree if c.i < t.i))


_RELATIVE_WORDS = {"that", "which", "who", "whom", "whose"}


_WITHHOLDING = {"unable", "refuse", "decline", "fail", "able", "reluctant", "unwilling"}


def _withheld(cue) -> bool:
    """`did not say`, `would not say`, `were unable to say`, `declined to say`."""
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    up = cue.head if cue.dep_ in ("xcomp", "acomp") else None
    return up is not None and (lemma(up) in _WITHHOLDING or any(c.dep_ == "neg" for c in up.children))


def _one_question(content: str) -> bool:
    """A quotation that is one question (a turn mainly asking, not a claim)."""
    text = content.strip(" \"“”‘’'«»,\n")
    return text.endswith("?") and not re.search(r"[.!?…][\s\"”’']+[A-Z“\"]", text[:-1])


def is_content_proposition(tokens, cue=None) -> bool:
    """Whether reported content states something: not a bare prepositional phrase after a verb
    of saying (`said about Uber`; `described it as racist` keeps its `as`-phrase) nor a two-word
    subject-pronoun fragment (`says they are`)."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return False
    saying = cue is not None and lemma(cue) in _SAYING
    if saying and words[0].lower_ in _ABOUT and not any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    toks = [t for t in tokens if not t.is_space]
    if words[0].lower_ == "this" and (len(toks) == 1 or (toks[1].text == "," and len(toks) > 2
                                                         and toks[2].tag_ == "VBG")):
        return False  # "reported this, citing the police": the pronoun stands for a sentence before
    if len(words) <= 2 and words[0].tag_ == "PRP" and words[0].lower_ not in ("it",) and \
            (len(words) == 1 or words[1].pos_ in ("VERB", "AUX")):
        return False
    return True


_SAYING = {"say", "write", "add"}  # "spoke about X", "talked of Y" name a topic, which PolNeAR annotates
_ABOUT = {"about", "regarding", "concerning", "of", "on"}


def is_slogan(before: str) -> bool:
    """A quotation right after `the slogan`, `a sign reading`, `the hashtag`, `dubbed`: a name or
    a slogan, not something someone said."""
    tail = before.lower().replace(",", " ").replace(":", " ").split()[-4:]
    if not tail:
        return False
    lex = lexicon()
    return any(w.strip(".;()") in lex.slogan_nouns for w in tail) or tail[-1] in ("reading", "reads", "read")


def for_reader(act: str | None, kind: str | None) -> bool:
    """Whether a quote belongs to the default "who said what" listing: speech or writing by a
    person or an organisation. Quotes typed before acts existed (None) always count."""
    return (act is None or act in READER_ACTS) and (kind is None or kind in READER_SOURCES)
