"""Events from the shared dependency parse.

For each sentence: find trigger tokens through the lexicon, keep those the
rule's conditions allow, skip negated and hypothetical ones, then read the
participants off the parse (subject / "by"-agent = actor, object / passive
subject = target; coordinated verbs inherit the subject of the first
conjunct), attach a date from the same clause chain, and fill attributes
from the trigger's own subtree (not its coordinated siblings', so the
"found guilty" event does not take the "sentenced to" event's term).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Callable

from ..model import Argument, Event, Span
from .arguments import EntityIndex, argument
from .dates import DateMention, day_shift, find_dates, shift_day
from .headline import fold_headline, headline_spans
from .lexicon import AWARDS, INFO_NOUNS, NOUN_LEMMA, RESTRICTED, TriggerRule, rules_for
from .quantities import find_durations, find_money, find_people_counts
from .reading import (bare_mention, generic_clause, has_event_reading, in_attitude_phrase, is_date_token,
                      lemmaish, requested)

SUBJ = ("nsubj", "nsubjpass", "csubj")
MODALS = {"could", "would", "might", "may", "should", "can", "must", "ca"}
FUTURE = {"will", "shall", "'ll", "wo"}
# Verbs that only carry an event noun: "imposed sanctions", "held talks", "opened a case"
SUPPORT = {"impose", "introduce", "hold", "launch", "stage", "carry", "conduct", "file", "open", "initiate",
           "institute", "face", "bring", "hand", "issue", "make", "organize", "organise", "lead", "extend",
           "begin", "start", "continue", "announce", "order", "lift", "adopt", "approve", "pass", "go"}
# Deciding or acting bodies: "the verdict of the court" names the actor, not the one convicted
AUTHORITY = {"court", "courts", "judge", "judges", "jury", "tribunal", "prosecutor", "prosecutors", "prosecution",
             "police", "authorities", "ministry", "government", "commission", "committee", "council", "parliament"}
# Event types whose noun's "of" phrase is the one who acts: "the resignation of the board"
AGENT_OF_NOUN = {"resign", "meet"}
# Event types whose noun's possessor / "of" phrase is the one the event happens to
PATIENT_NOUN = {"arrest", "charge", "trial", "convict", "acquit", "sentence", "release", "appoint"}
PENALTIES = ("life imprisonment", "house arrest", "community service", "restricted freedom", "penal colony",
             "suspended sentence", "death penalty", "prison", "jail", "imprisonment", "colony", "probation",
             "fine", "death", "damages", "compensation", "restitution")
# Statement verbs that also have plain non-speech senses: require a speech context
WEAK_SPEECH = {"add", "note", "post", "answer", "respond", "promise", "suggest", "warn", "claim", "speak",
               "confirm", "recall", "reply", "predict", "admit", "acknowledge", "assure", "complain", "argue",
               "insist", "stress", "emphasize", "emphasise", "explain", "remark", "comment", "reiterate",
               "tweet"}
QUOTE_CHARS = set('"“”«»')


@dataclass(frozen=True)
class Context:
    text: str
    anchor: date | None
    index: EntityIndex
    in_boilerplate: Callable[[int, int], bool]


def _pos(tok: Any) -> str | None:
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        return "V"
    if tok.pos_ == "NOUN" or tok.tag_ in ("NN", "NNS"):
        return "N"
    return None


def _word(tok: Any) -> str:
    w = tok.text.lower()
    return NOUN_LEMMA.get(w, w)


def _near_words(tok: Any) -> set[str]:
    out = set()
    for c in tok.children:
        out.add(_word(c))
        for g in c.children:
            out.add(_word(g))
    return out


def _is_passive(tok: Any) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (
        tok.dep_ == "acl" and tok.tag_ == "VBN")


def _child(tok: Any, *deps: str) -> Any:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def _prep_obj(tok: Any, *preps: str) -> Any:
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.text.lower() in preps:
            p = _child(c, "pobj")
            if p is not None and not is_date_token(p):  # "protested on Saturday": a date, not a target
                return p
    return None


def _object(tok: Any) -> Any:
    if _is_passive(tok):
        return _child(tok, "nsubjpass") or (tok.head if tok.dep_ == "acl" else None)
    return _child(tok, "dobj", "obj")


def _rule_ok(rule: TriggerRule, tok: Any, sent_has_quote: bool) -> bool:
    near = _near_words(tok) if (rule.needs or rule.passive_or) else set()
    if rule.needs and not (rule.needs & near):
        return False
    if rule.passive_or and not (_is_passive(tok) or any(
            (c.dep_ == "prep" and c.text.lower() in rule.passive_or) or c.dep_ in rule.passive_or
            for c in tok.children)):
        return False
    if rule.obj_in or rule.obj_not_in:
        obj = _object(tok)
        w = _word(obj) if obj is not None else None
        if rule.obj_in and w not in rule.obj_in:
            return False
        if w is not None and w in rule.obj_not_in:
            return False
    if rule.type == "sentence" and rule.lemma in ("order", "award") and not _awards(tok):
        return False
    if rule.type == "statement" and rule.pos == "V":
        obj = _object(tok)
        if obj is not None and _word(obj) in INFO_NOUNS and rule.lemma in ("write", "post", "publish"):
            return False
        if rule.lemma in WEAK_SPEECH:
            has_clause = any(c.dep_ in ("ccomp", "parataxis") for c in tok.children) or tok.dep_ == "parataxis"
            if not (has_clause or sent_has_quote):
                return False
    return True


def _awards(tok: Any) -> bool:
    """'ordered him to pay $83.3 million in damages', 'awarded the family compensation': a court's
    award; 'ordered staff to pay for parking' or 'awarded a prize' is none."""
    words = {t.text.lower() for t in tok.subtree if t.i != tok.i}
    if words & AWARDS:
        return True
    subj = _subject(tok)[0]
    return (subj is not None and subj.text.lower() in AUTHORITY
            and any(t.ent_type_ == "MONEY" for t in tok.subtree))


IMPLICATIVE = {"begin", "began", "begun", "begins", "start", "started", "starts", "continue", "continued",
               "continues", "manage", "managed", "go", "went"}
# Nouns that, plural and bare, name a kind of act rather than one occurrence
SINGULAR_ONLY = {"statements", "prosecutions", "convictions", "hearings", "appeals", "demands", "requests"}


def _hypothetical(tok: Any) -> bool:
    """Negated, modal, conditional, or an unrealised infinitive ("refused to prosecute",
    "called on them to attack"): the text does not say it happened."""
    if tok.dep_ == "xcomp" and tok.head.text.lower() not in IMPLICATIVE:
        return True
    if tok.dep_ in ("advcl", "acl", "relcl") and any(c.dep_ == "aux" and c.text.lower() == "to" for c in tok.children):
        return True
    for c in tok.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ == "aux" and c.text.lower() in MODALS:
            return True
        if c.dep_ == "mark" and c.text.lower() in ("if", "unless"):
            return True
    return False


REFLEXIVE = {"himself", "herself", "themselves", "itself", "myself", "yourself", "ourselves"}
OBJ_PRONOUNS = {"him", "her", "them", "me", "us"}


def _skip(tok: Any, pos: str, rule: TriggerRule) -> bool:
    """Mentions that look like a trigger but name no event of their own."""
    low = tok.text.lower()
    if pos == "N" and (tok.dep_ == "compound" or low in SINGULAR_ONLY and not _made(tok)):
        return True  # "election cycle", "sanctions pressure"; "statements about ..."
    if pos == "V" and tok.dep_ == "amod":
        return True  # "an elected member"
    if pos == "V" and _quoted_label(tok):
        return True  # charged with "extremism" and "calls for actions ...": the name of a charge
    if rule.type == "protest" and pos == "N" and rule.lemma in ("rally", "march") and (
            any(c.text.lower() == "campaign" for c in tok.children) or (tok.dep_ == "pobj" and tok.head.text.lower() == "at")):
        return True  # campaign rallies are not protests
    if rule.lemma == "demonstrate" and any(c.dep_ in ("dobj", "ccomp") for c in tok.children):
        return True  # "demonstrated its commitment"
    if rule.type == "statement" and pos == "V":
        subj = _child(tok, "nsubj")
        if subj is not None and subj.text.lower() in ("that", "which") and tok.dep_ == "relcl":
            subj = tok.head  # "a video that said": the video is the subject
        if subj is not None and _word(subj) in INFO_NOUNS | {"missive", "findings"}:
            return True  # "a video that said": no speaker
    if pos == "N" and tok.dep_ == "pobj":
        above = tok.head.head
        if above.i != tok.i and any(r.type == rule.type for r in rules_for(above.text, _pos(above) or "")):
            return True  # "victory in the elections": one event
    return False


def _made(tok: Any) -> bool:
    """A plural act noun that someone is said to have made ("similar statements were made by the
    ministry", "the party issued statements"): occurrences, not a kind."""
    head = tok.head
    if head.i == tok.i or _pos(head) != "V" or lemmaish(head.text) not in SUPPORT:
        return False
    if tok.dep_ == "nsubjpass":
        return _prep_obj(head, "by") is not None
    return tok.dep_ in ("dobj", "obj") and _child(head, "nsubj") is not None


def _quoted_label(tok: Any) -> bool:
    """A verb that opens a quotation coordinated with what came before, with no subject of
    its own: a quoted title or charge ("and "calls for actions ...""), not an act."""
    if tok.i == 0 or tok.dep_ != "conj" or _child(tok, "nsubj", "nsubjpass") is not None:
        return False
    before = tok.doc[tok.i - 1]
    return before.tag_ == "``" or before.text in ("“", "«")


def _future(tok: Any) -> bool:
    return any(c.dep_ == "aux" and c.text.lower() in FUTURE for c in tok.children)


def _governor(tok: Any) -> Any:
    """The verb a noun trigger hangs from (or the noun itself when none)."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "ROOT" or cur.head.i == cur.i:
            return cur
        cur = cur.head
        if _pos(cur) == "V":
            return cur
    return tok


def _conj_chain(verb: Any) -> list[Any]:
    """The verb and the verbs it is coordinated under ('found ... and sentenced')."""
    chain = [verb]
    cur = verb
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
        chain.append(cur)
    return chain


def _subject(verb: Any) -> tuple[Any, bool]:
    """(subject token, passive?) looking through coordination, xcomp and relative clauses."""
    for v in _conj_chain(verb):
        s = _child(v, "nsubj", "nsubjpass")
        if s is not None:
            return s, s.dep_ == "nsubjpass"
        if v.dep_ == "relcl":
            return v.head, False
        if v.dep_ == "xcomp":
            s = _child(v.head, "nsubj")
            if s is not None:
                return s, False
    return None, False


# Nouns that only count or package an event noun: "a package of sanctions", "a note of protest"
CONTAINERS = {"package", "packages", "round", "rounds", "set", "series", "wave", "waves", "batch", "raft",
              "note", "notes", "string", "spate"}
# Verbs whose object is an official, written or spoken protest, not a street one
PROTEST_DELIVERY = {"lodge", "lodged", "lodges", "lodging", "deliver", "delivered", "delivers", "hand", "handed",
                    "hands", "send", "sent", "sends", "submit", "submitted", "submits", "express", "expressed",
                    "expresses", "voice", "voiced", "voices", "convey", "conveyed", "register", "registered",
                    "declare", "declared", "file", "filed", "issue", "issued", "make", "made", "lodge"}
# Words for a state body as the one protesting: its protest is a diplomatic one
STATE_BODIES = {"ministry", "ministries", "embassy", "embassies", "government", "governments", "mfa",
                "department", "office", "ambassador", "envoy", "foreign", "kremlin", "president", "minister",
                "chancellery", "consulate", "mission", "delegation", "diplomats", "diplomat"}
# Verbs that always take an object: with a subject and no object they are headline passives
# ("Protesters detained in Almaty", "Journalist sentenced to 5 years")
TRANSITIVE_TYPES = {"arrest", "charge", "convict", "acquit", "sentence", "release", "appoint", "sanction"}


def stand_in(tok: Any) -> Any:
    """The noun that stands in a clause for an event noun it packages ("imposed a package of
    sanctions", "handed a note of protest"), else the event noun itself."""
    if tok.dep_ == "pobj" and tok.head.text.lower() == "of" and tok.head.head.text.lower() in CONTAINERS:
        return tok.head.head
    return tok


def _form_holder(tok: Any) -> Any:
    """What "in the form of <event noun>" hangs on ("a measure of restraint in the form of detention"), or None."""
    of = tok.head
    if tok.dep_ != "pobj" or of.text.lower() != "of" or of.head.text.lower() != "form":
        return None
    form = of.head
    if form.dep_ != "pobj" or form.head.text.lower() != "in" or form.head.head.i == form.head.i:
        return None
    return form.head.head


def _diplomatic(tok: Any, pos: str) -> bool:
    """A protest made by or to a state, in words or a note: DISAPPROVE, not a street protest."""
    holder = stand_in(tok)
    if holder.i != tok.i and holder.text.lower() in ("note", "notes"):
        return True
    if pos == "N" and tok.dep_ == "compound" and tok.head.text.lower() in ("note", "notes"):
        return True
    gov = holder.head if holder.dep_ in ("dobj", "obj") else None
    if gov is not None and gov.text.lower() in PROTEST_DELIVERY:
        return True
    if _prep_obj(tok, "to") is not None or (gov is not None and _prep_obj(gov, "to") is not None):
        return True  # "protested to the embassy", "lodged a protest with"... to someone
    subj = _subject(tok)[0] if pos == "V" else (_subject(gov)[0] if gov is not None else _child(tok, "poss"))
    if subj is not None:
        words = {t.text.lower() for t in subj.subtree}
        if words & STATE_BODIES:
            return True
    return False


def _headline_passive(tok: Any, etype: str, in_headline: bool) -> bool:
    """'Protesters detained in Almaty': a headline drops the auxiliary, the subject is the one acted on."""
    if etype not in TRANSITIVE_TYPES or _child(tok, "nsubj") is None:
        return False
    if any(c.dep_ in ("aux", "auxpass", "dobj", "obj", "dative", "ccomp", "xcomp") for c in tok.children):
        return False
    if _split_object(tok) is not None or _child(tok, "nsubj").text.lower() in AUTHORITY:
        return False  # "the court released on bail another defendant": a court acts, it is not released
    return in_headline or tok.tag_ == "VBN"


def _payer(amount: Any) -> Any:
    """'fined Yandex 2 billion rubles' read as one noun phrase: the name before the number."""
    nums = [c.i for c in amount.children if c.dep_ == "nummod"] or [amount.i]
    return next((c for c in amount.lefts if c.dep_ in ("nmod", "compound") and c.pos_ in ("PROPN", "NOUN")
                 and c.i < min(nums)), None)


def _split_object(tok: Any) -> Any:
    """An object the parse hung under a preposition ("released on bail another defendant":
    'bail' read as a verb taking 'another defendant')."""
    doc = tok.doc
    for c in tok.children:
        if c.dep_ != "prep" or c.i + 1 >= len(doc):
            continue
        g = doc[c.i + 1]  # the word after the preposition, hung on it or on the trigger
        if _pos(g) == "V" and g.dep_ in ("pobj", "dep") and g.head.i in (c.i, tok.i):
            o = _child(g, "dobj", "obj")
            if o is not None:
                return o
    return None


def _verb_args(tok: Any, etype: str, in_headline: bool = False) -> tuple[Any, Any]:
    if _headline_passive(tok, etype, in_headline):
        return _prep_obj(tok, "by"), _child(tok, "nsubj")
    passive = _is_passive(tok)
    subj, subj_passive = _subject(tok)
    if passive:
        agent = _prep_obj(tok, "by")
        target = _child(tok, "nsubjpass") or (tok.head if tok.dep_ == "acl" else None)
        if target is None and subj_passive:
            target = subj
        return agent, target
    if subj_passive and tok.tag_ == "VBN" and _child(tok, "dobj", "obj") is None:
        # "he was convicted ... and sentenced to five years": the conjunct shares the passive
        return _prep_obj(tok, "by"), subj
    actor = subj
    target = _child(tok, "dobj", "obj")
    if target is None:
        target = _split_object(tok)
    payer = _payer(target) if target is not None else None
    if target is not None and (target.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT") or any(
            c.dep_ == "nummod" for c in target.children) and (_child(tok, "dative") or payer) is not None):
        # "fined the utility 2.4 million euros", "voted 31 to 18": an amount, not who it was done to
        target = _child(tok, "dative") or payer
    if target is not None and etype == "sanction" and _word(target) in RESTRICTED:
        target = _prep_obj(target, "from")  # "banned imports from Russia": the trade is no party
    if etype in ("convict", "acquit") and target is None:
        g = next((c for c in tok.children if c.text.lower() == "guilty"), None)
        if g is not None:
            target = _child(g, "nsubj")
    if target is None and etype == "demand":
        target = _prep_obj(tok, "on", "upon") or _child(tok, "dative")
    if target is None and etype in ("meet", "agree", "statement"):
        target = _prep_obj(tok, "with") if etype != "statement" else _child(tok, "dative")
    if target is None and etype in ("attack", "sanction", "protest", "accuse"):
        target = _prep_obj(tok, "against", "on")
    return actor, target


# Verbs whose subject undergoes the event noun they take: "the search drew criticism from X"
RECEIVING = {"draw", "drew", "drawn", "draws", "drawing", "receive", "received", "receives", "attract", "attracted",
             "attracts", "face", "faced", "faces", "facing", "get", "got", "gets", "earn", "earned", "provoke",
             "provoked", "provokes", "spark", "sparked", "sparks", "trigger", "triggered", "triggers"}
# Event types whose noun names its author with "from": "criticism from Republicans", "demands from unions"
FROM_AUTHOR = {"accuse", "demand", "statement"}


def _noun_args(tok: Any, etype: str) -> tuple[Any, Any]:
    actor = _prep_obj(tok, "by") or (_prep_obj(tok, "from") if etype in FROM_AUTHOR else None)
    target = None
    poss = _child(tok, "poss")
    if poss is not None:
        if etype in PATIENT_NOUN:
            target = poss
        else:
            actor = actor or poss
    of = _prep_obj(tok, "of")
    if of is not None and etype in PATIENT_NOUN and of.text.lower() in AUTHORITY:
        actor = actor or of  # "the verdict of the court": the court decided, it is not the one convicted
    elif of is not None and etype in AGENT_OF_NOUN:
        actor = actor or of  # "the resignation of the board"
    elif target is None and etype in PATIENT_NOUN:
        target = of
    if target is None:
        target = _prep_obj(tok, "against", "on")
    if target is not None and etype == "sanction" and _word(target) in RESTRICTED:
        target = _prep_obj(target, "from")  # "a ban on imports from Russia": the trade is no party
    if target is None and etype in ("meet", "agree"):
        target = _prep_obj(tok, "with")
    form = _form_holder(tok)
    if form is not None and actor is None and target is None:
        # "chose a measure of restraint for the official in the form of detention": the chooser acts,
        # the one it is chosen for undergoes it
        verb = form.head if form.dep_ in ("dobj", "obj") else form
        if _pos(verb) == "V":
            actor = _subject(verb)[0]
            target = next((_prep_obj(t, "for") for t in form.subtree if _prep_obj(t, "for") is not None), None)
        return actor, target
    holder = stand_in(tok)
    gov = holder.head
    if holder.dep_ in ("dobj", "obj") and gov.text.lower() in RECEIVING and etype in FROM_AUTHOR:
        # "the search drew criticism from Republicans": the subject is what is criticised
        return actor or _prep_obj(gov, "from"), target or _subject(gov)[0]
    if actor is None and holder.dep_ in ("dobj", "nsubjpass") and _pos(gov) == "V":
        a, t = _verb_args(gov, etype)
        actor = a
        if target is None and t is not None and t.i not in (tok.i, holder.i):
            target = t
    return actor, target


def _own_text(tok: Any) -> str:
    """The sentence text with everything but the trigger and its own dependents blanked
    (same length), minus coordinated and adverbial clauses that are events of their own."""
    keep = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in ("conj", "cc", "parataxis", "advcl", "relcl") and (t.i == tok.i or _pos(c) == "V"):
                continue
            if c.dep_ == "punct":
                continue
            keep.append(c)
            stack.append(c)
    sent = tok.sent
    chars = [" "] * len(sent.text)
    for t in keep:
        a = t.idx - sent.start_char
        chars[a:a + len(t.text_with_ws)] = t.text_with_ws
    return "".join(chars)


# Words naming a party to a case rather than what it is about: never a charge
PARTY_WORDS = {"court", "courts", "judge", "judges", "jury", "tribunal", "prosecutor", "prosecutors", "prosecution",
               "defence", "defense", "lawyer", "lawyers", "police", "authorities", "office", "ministry",
               "government", "state", "case", "verdict", "sentence", "decision", "ruling"}


CHARGE_WORDS = ("charges", "charge", "suspicion", "accusations", "accusation", "allegations")
# Clauses hanging off a charge that say something else about it
_NOT_CHARGE = ("relcl", "advcl", "parataxis", "appos")


def _prep_arg(tok: Any, *preps: str) -> Any:
    """The object of one of `preps` on tok: a noun, or a gerund clause ("for accepting a bribe")."""
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.text.lower() in preps:
            for g in c.children:
                if g.dep_ == "pobj" and not is_date_token(g) or g.dep_ == "pcomp" and g.tag_ == "VBG":
                    return g
    return None


def _charge_token(tok: Any, etype: str, args: tuple[Any, Any]) -> Any:
    """The head of what someone is accused of, convicted or punished for."""
    if etype in ("convict", "acquit"):
        g = next((t for t in tok.subtree if t.text.lower() == "guilty"), None)
        ch = _prep_arg(g, "of") if g is not None else None
        if ch is not None:
            return ch
        if _pos(tok) == "V" and args[1] is not None:
            ch = _prep_arg(args[1], "of")  # "convicted the engineer of negligence": the parse hangs it on the object
            if ch is not None and _charge_ok(ch, args):
                return ch
    if etype not in ("convict", "charge", "arrest", "acquit", "trial", "sentence"):
        return None
    # a verb's "of"/"with"/"for" ("convicted of", "charged with"); a noun's "of" is a participant
    # ("the verdict of the court", "the arrest of the mayor") except on a charge noun ("charges of fraud");
    # "on charges of X" on either
    # "with" names a charge only for charging ("charged with"): "arrested ... with the possibility of bail"
    preps = (("of", "with", "for", "on") if etype == "charge" else ("of", "for", "on")) if _pos(tok) == "V" else (
        ("of", "with", "for", "on") if etype == "charge" else ("for", "on"))
    for prep in preps:
        ch = _prep_arg(tok, prep)
        if ch is not None and ch.text.lower() in CHARGE_WORDS and _prep_arg(ch, "of"):
            ch = _prep_arg(ch, "of")
        elif prep == "on" and ch is not None and ch.text.lower() not in CHARGE_WORDS:
            continue  # "arrested on Monday", "sentenced on appeal"
        if ch is not None and _charge_ok(ch, args):
            return ch
    objs = (args[1], _child(tok, "dobj", "obj")) if _pos(tok) == "V" else ()
    for obj in objs:
        # "jails former mayor for bribery", "fined X 3 million rubles for ...": the parse hangs it on the object
        ch = _prep_arg(obj, "for") if obj is not None else None
        if ch is not None and _charge_ok(ch, args):
            return ch
    if etype == "sentence":
        # "sentenced X to five years of imprisonment for inciting discord": hung on the term
        for c in tok.children:
            if c.dep_ == "prep" and c.text.lower() == "to":
                for t in c.subtree:
                    ch = _prep_arg(t, "for") if t.dep_ == "pobj" else None
                    if ch is not None and _charge_ok(ch, args):
                        return ch
    return None


def _charge_span(ch: Any) -> tuple[int, int]:
    """Token range [i, j) of a charge phrase with its complements ("calls for the violent
    seizure of power", "accepting a bribe of $2.5 million"), without clauses about it."""
    drop: set[int] = set()
    for t in ch.subtree:
        if t.i != ch.i and t.dep_ in _NOT_CHARGE:
            drop.update(x.i for x in t.subtree)
    keep = [t.i for t in ch.subtree if t.i not in drop]
    i, j = min(keep), max(keep) + 1
    doc = ch.doc
    while j - 1 > i and (doc[j - 1].is_punct or doc[j - 1].dep_ == "cc"):
        j -= 1
    while i < j - 1 and doc[i].is_punct:
        i += 1
    return i, j


def _charge_ok(ch: Any, args: tuple[Any, Any]) -> bool:
    """A charge is a matter ("defamation", "fraud", "accepting a bribe"), not a participant or a party."""
    if any(ch.i == a.i for a in args if a is not None):
        return False
    if ch.pos_ in ("PRON", "PROPN") or ch.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "DATE"):
        return False
    return (_pos(ch) == "N" or ch.tag_ == "VBG") and ch.text.lower() not in PARTY_WORDS and ch.text.lower() not in (
        "years", "months", "prison")


def _attributes(tok: Any, etype: str, args: tuple[Any, Any] = (None, None),
                broken: bool = False) -> tuple[dict[str, Any], tuple[int, int] | None]:
    """The event's attributes, and the character span (in the sentence's doc) of its charge.
    A trigger in a broken parse owns no dependents: its attributes are read from the rest of the sentence."""
    attrs: dict[str, Any] = {}
    region = _after_text(tok) if broken else _own_text(tok)
    if etype in ("convict", "acquit"):
        g = next((t for t in tok.subtree if t.text.lower() == "guilty"), None)
        if g is not None:
            mods = [c.text.lower() for c in g.children if c.dep_ in ("advmod", "neg") and c.i < g.i]
            attrs["verdict"] = " ".join(mods + ["guilty"])
    charge = None
    ch = _after_charge(tok, args) if broken else _charge_token(tok, etype, args)
    if ch is not None:
        i, j = _charge_span(ch)
        doc = ch.doc
        attrs["charge"] = doc[i:j].text
        charge = (doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text))
    if etype == "sentence":
        low = region.lower()
        for p in PENALTIES:
            if p in low:
                attrs["penalty"] = p
                break
    # "pay the fine within 30 days": a deadline, not a term
    durs = [d for d in find_durations(region) if d.value and not region[:d.start].rstrip().lower().endswith("within")]
    if durs and etype in ("sentence", "arrest", "convict", "release", "sanction", "trial"):
        attrs["duration_months"] = durs[0].value
    base = tok.sent.start_char
    # money inside the charge ("for accepting a bribe of $2.5 million") is what the case is about, not a fine
    money = [m for m in find_money(region)
             if charge is None or not (charge[0] <= base + m.start < charge[1])]
    if money:
        attrs["money"] = {"amount": money[0].value, "currency": money[0].unit}
    counts = find_people_counts(region)
    if counts and etype in ("attack", "protest", "arrest", "release", "convict", "sentence", "meet", "sanction"):
        attrs["people"] = counts[0].value
    return attrs, charge


def _after_text(tok: Any) -> str:
    """The sentence text with everything before the trigger blanked (same length)."""
    sent = tok.sent
    a = tok.idx - sent.start_char
    return " " * a + sent.text[a:]


def _after_charge(tok: Any, args: tuple[Any, Any]) -> Any:
    """In a broken parse, the first "for X" after the trigger that names a matter."""
    for t in tok.doc[tok.i + 1:tok.sent.end]:
        if t.dep_ == "prep" and t.text.lower() == "for":
            ch = next((g for g in t.children if g.dep_ == "pobj" and not is_date_token(g)
                       or g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
            if ch is not None and _charge_ok(ch, args):
                return ch
    return None


def _broken_clause(tok: Any) -> bool:
    """A past-tense trigger verb that the parse folded into a noun phrase in a sentence with no
    verb at its root ("On April 10, a court in Minsk sentenced journalist X to ...": 'sentenced'
    read as a modifier of 'journalist'). A name or noun right before it and a noun phrase right
    after it say it is the sentence's verb, not "an elected member"."""
    if tok.dep_ not in ("amod", "compound") or tok.tag_ not in ("VBD", "VBN") or tok.i == tok.sent.start:
        return False
    root = tok.sent.root
    if _pos(root) == "V" or root.i > tok.i:
        return False
    doc = tok.doc
    before = doc[tok.i - 1]
    after = doc[tok.i + 1] if tok.i + 1 < tok.sent.end else None
    np_head = tok.head
    if any(c.dep_ in ("det", "poss") and c.i < tok.i for c in np_head.children) or before.head.i == np_head.i or (
            before.dep_ in ("compound", "amod", "nmod") and before.head.i > before.i):
        return False  # "the Gomel detained activists": one noun phrase, with the name inside it
    return (before.pos_ in ("NOUN", "PROPN") and after is not None
            and after.pos_ in ("DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM"))


def _broken_args(tok: Any) -> tuple[Any, Any]:
    """Actor: the noun phrase at the sentence root, before the trigger; target: the noun phrase
    right after it, up to its head ("journalist Andrei Kovalenko")."""
    target = tok.doc[tok.i + 1]
    while target.dep_ in ("compound", "flat", "amod", "det", "nummod") and target.head.i > target.i:
        target = target.head
    if target.pos_ not in ("NOUN", "PROPN", "PRON"):
        target = None
    return tok.sent.root, target


def _sentence_dates(sent: Any, base: int, ctx: Context) -> list[tuple[DateMention, int, int]]:
    """Dates in the sentence (global offsets), minus durations and boilerplate."""
    stext = sent.text
    durs = find_durations(stext)
    out = []
    for d in find_dates(stext, ctx.anchor):
        if any(q.start < d.end and d.start < q.end for q in durs):
            continue  # "4 years and 8 months": a duration, never a date
        s, e = base + d.start, base + d.end
        if ctx.in_boilerplate(s, e):
            continue
        if d.kind == "day_shift":
            last = _last_day(ctx, s)
            d = replace(d, value=shift_day(last, day_shift(stext[d.start:d.end])) if last else None)
        out.append((d, s, e))
    return out


_DAY_KINDS = ("iso", "dotted", "mdy", "dmy", "md", "dm", "weekday", "rel_day")
LOOKBACK = 3000  # characters: "the day before" points at a day named in the last paragraphs


def _last_day(ctx: Context, pos: int) -> str | None:
    """The last calendar day named before pos ('on Tuesday', 'on June 6'), outside boilerplate."""
    lo = max(0, pos - LOOKBACK)
    window = ctx.text[lo:pos]
    durs = find_durations(window)
    for d in reversed(find_dates(window, ctx.anchor)):
        if d.kind in _DAY_KINDS and d.value and not ctx.in_boilerplate(lo + d.start, lo + d.end) and not any(
                q.start < d.end and d.start < q.end for q in durs):
            return d.value
    return None


def _own_date(tok: Any, dates: list[tuple[DateMention, int, int]], chunk_off: int) -> bool:
    """A date inside the noun's own phrase: "the March 3 hearing", "the protest on Saturday"."""
    sub = list(tok.subtree)
    a, b = chunk_off + sub[0].idx, chunk_off + sub[-1].idx + len(sub[-1].text)
    return any(a <= s and e <= b for _, s, e in dates)


SEQUENCE_PREPS = {"after", "before", "following", "since", "prior", "until", "till"}


def _date_for(tok: Any, gov: Any, dates: list[tuple[DateMention, int, int]], chunk_off: int,
              future: bool, ctx: Context) -> str | None:
    if not dates:
        return None
    doc = tok.doc
    chain = set(t.i for t in _conj_chain(gov))
    own = set(t.i for t in tok.subtree) if _pos(tok) == "N" else set()
    if own and tok.dep_ == "pobj" and tok.head.text.lower() in SEQUENCE_PREPS:
        chain = set()  # "detained on Tuesday after a rally": the rally came before Tuesday, on a day not given
    best = None
    for d, s, e in dates:
        # the token where the date starts, and the nearest verb above it
        t = next((x for x in doc if chunk_off + x.idx >= s), None)
        if t is None:
            continue
        if t.i in own:
            best = (d, s, e)
            break
        v = t
        for _ in range(8):
            if v.head.i == v.i:
                break
            v = v.head
            if _pos(v) == "V" and v.tag_ != "VBG" or v.dep_ == "ROOT":
                break
        if v.i in chain:
            best = (d, s, e)
            break
    if best is None and gov.dep_ in ("relcl", "advcl"):
        # "by March 1, when 12 states hold primaries": the clause describes the date itself
        hs, he_ = chunk_off + gov.head.idx, chunk_off + gov.head.idx + len(gov.head.text)
        best = next(((d, s, e) for d, s, e in dates if s < he_ and hs < e), None)
    if best is None:
        return None
    d, s, e = best
    if future and d.kind in ("weekday", "md", "dm", "rel_period", "month"):
        again = find_dates(ctx.text[s:e], ctx.anchor, future=True)
        return again[0].value if again else d.value
    return d.value


def _location(tok: Any) -> str | None:
    """A place named by "in/at" within the trigger's own dependents ("detained by police in Minsk")."""
    stack = [tok]
    while stack:
        t = stack.pop(0)
        for c in t.children:
            if c.dep_ in ("conj", "cc", "parataxis", "advcl", "relcl", "ccomp", "punct"):
                continue
            if c.dep_ == "prep" and c.text.lower() in ("in", "at"):
                p = _child(c, "pobj")
                if p is not None and p.ent_type_ in ("GPE", "LOC", "FAC"):
                    left = p.i
                    while left > 0 and p.doc[left].ent_iob_ == "I":
                        left -= 1
                    return p.doc[left:p.i + 1].text
            stack.append(c)
    return None


def extract(parsed: Any, ctx: Context) -> list[Event]:
    events: list[Event] = []
    charges: list[tuple[int, int, int]] = []  # charge spans (global), with the trigger start that owns each
    spans = headline_spans(parsed)
    for chunk in getattr(parsed, "chunks", ()):
        doc = chunk.doc
        off = chunk.offset
        in_headline = spans is not None and spans[0][0] <= off < spans[0][1]
        sent_events: list[Event] = []
        for sent in doc.sents:
            stext = sent.text
            if not stext.strip():
                continue
            prev, sent_events = sent_events, []
            carried: dict[int, str] = {}  # trigger token -> date carried over from the previous sentence
            has_quote = any(ch in QUOTE_CHARS for ch in stext)
            dates = None
            for tok in sent:
                pos = _pos(tok)
                if pos is None:
                    continue
                rules = rules_for(tok.text, pos)
                if not rules:
                    continue
                rule = next((r for r in rules if _rule_ok(r, tok, has_quote)), None)
                if rule is None:
                    continue
                etype = rule.type
                diplomatic = etype == "protest" and _diplomatic(tok, pos)
                if diplomatic:
                    etype = "accuse"  # "handed a note of protest", "protested to the embassy": DISAPPROVE
                broken = pos == "V" and _broken_clause(tok)
                if not diplomatic and not broken and _skip(tok, pos, rule):
                    continue
                if pos == "V" and etype == "charge" and _child(tok, "ccomp") is not None:
                    etype = "accuse"  # "he charged that the party ignored ...": an accusation
                if pos == "V" and etype == "convict" and any(
                        c.dep_ == "neg" for g in tok.children if g.text.lower() == "guilty" for c in g.children):
                    etype = "acquit"
                gov = (sent.root if broken else tok) if pos == "V" else _governor(tok)
                if _hypothetical(tok) or (pos == "N" and gov.i != tok.i and _hypothetical(gov)):
                    continue
                if generic_clause(tok if pos == "V" else gov):
                    continue  # "any citizen who writes the truth will sit in a cell"
                if pos == "N" and requested(stand_in(tok)):
                    continue  # "demanded the resignation of the governor": asked for, not done
                s, e = off + tok.idx, off + tok.idx + len(tok.text)
                if ctx.in_boilerplate(s, e):
                    continue
                if dates is None:
                    dates = _sentence_dates(sent, off + sent.start_char, ctx)
                own_date = pos == "N" and _own_date(tok, dates, off)
                if pos == "N" and (in_attitude_phrase(tok) or not has_event_reading(tok, own_date)):
                    continue  # "indignant by the verdict", "would appeal the verdict"
                if pos == "N" and not own_date and bare_mention(tok) and any(ev.type == etype for ev in events):
                    continue  # "the organizer of the rally", "his detention": the event told before
                if broken:
                    a_tok, t_tok = _broken_args(tok)
                elif pos == "V":
                    a_tok, t_tok = _verb_args(tok, etype, in_headline)
                else:
                    a_tok, t_tok = _noun_args(tok, etype)
                if diplomatic and t_tok is None:
                    t_tok = _diplomatic_target(tok, pos)
                if etype == "attack":
                    if t_tok is not None and t_tok.text.lower() in REFLEXIVE:
                        continue  # "killing himself" is no attack
                    if (t_tok is not None and (t_tok.ent_type_ == "PERSON" or t_tok.text.lower() in OBJ_PRONOUNS)) or (
                            a_tok is not None and a_tok.ent_type_ == "PERSON"):
                        etype = "accuse"  # "X attacked Clinton", "Trump's attacks": verbal in political news
                future = _future(gov)
                attrs, charge = _attributes(tok, etype, (a_tok, t_tok), broken)
                if charge is not None:
                    charges.append((off + charge[0], off + charge[1], s))
                target = (_after(argument(t_tok, off, ctx.text, ctx.index), e, ctx.text) if broken
                          else argument(t_tok, off, ctx.text, ctx.index))
                when = _date_for(tok, gov, dates, off, future, ctx)
                if when is None and not dates and not future and pos == "V":
                    when = next((carried[t.i] for t in _conj_chain(gov) if t.i in carried), None) or (
                        _same_case_date(etype, target, prev, sent))
                    if when is not None:
                        carried[tok.i] = when
                ev = Event(
                    type=etype,
                    trigger=Span(s, e),
                    actor=argument(a_tok, off, ctx.text, ctx.index),
                    target=target,
                    date=when,
                    location=_location(tok if pos == "V" and not broken else gov),
                    attributes=attrs,
                )
                events.append(ev)
                sent_events.append(ev)
    # "found guilty of calls for the seizure of power": words inside a charge name no event of their own
    events = [ev for ev in events if not any(a <= ev.trigger.start < b and ev.trigger.start != owner
                                             for a, b, owner in charges)]
    events = _dedupe(events)
    return fold_headline(events, *spans) if spans else events


# Court decisions that a next sentence often restates: "... found X guilty. He was convicted under ..."
CARRY_TYPES = {"convict", "acquit", "sentence"}
PERSONAL = {"he", "she", "they", "him", "her", "them"}
# Words that move the story to another time: the restated decision may be an earlier or later one
OTHER_TIME = {"earlier", "previously", "later", "subsequently", "afterwards", "already", "formerly", "again",
              "once", "also", "before", "since", "then", "first", "last", "next"}


def _same_case_date(etype: str, target: Argument | None, prev: list[Event], sent: Any) -> str | None:
    """The date of a dated decision of the same type in the sentence just before, when this
    one restates it about the same person (same entity, or a personal pronoun): "On March 3 the
    court found X guilty of fraud. He was convicted under article 190 ..." is one conviction."""
    if etype not in CARRY_TYPES or target is None or any(t.text.lower() in OTHER_TIME for t in sent):
        return None
    for ev in reversed(prev):
        if ev.type != etype or ev.date is None or ev.target is None:
            continue
        if (target.entity is not None and target.entity == ev.target.entity) or (
                target.text.lower() in PERSONAL and target.entity is None):
            return ev.date
        return None  # the nearest earlier decision of this type is about someone else
    return None


def _after(arg: Argument | None, pos: int, text: str) -> Argument | None:
    """The argument without the part of its phrase before pos (the trigger a broken parse put in it)."""
    if arg is None or arg.start >= pos:
        return arg
    start = pos + len(text[pos:arg.end]) - len(text[pos:arg.end].lstrip())
    return replace(arg, text=text[start:arg.end], start=start)


def _diplomatic_target(tok: Any, pos: str) -> Any:
    """Whom a diplomatic protest is addressed to: "to the Russian side", "handed him a note"."""
    holder = stand_in(tok)
    gov = holder.head if pos == "N" else tok
    dobj = _child(gov, "dobj") if pos == "N" and gov.i != holder.i else None
    return (_prep_obj(tok, "to") or _prep_obj(gov, "to") or _child(gov, "dative")
            or (dobj if dobj is not None and dobj.i != holder.i else None))


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per trigger; a noun of the same type as the verb governing it is that verb's event."""
    seen: set[tuple[int, int]] = set()
    out = []
    for ev in events:
        key = (ev.trigger.start, ev.trigger.end)
        if key in seen:
            continue
        seen.add(key)
        out.append(ev)
    verbs = [ev for ev in out if ev.target is not None]
    drop = set()
    for ev in out:
        for v in verbs:
            if v is not ev and v.type == ev.type and v.target.start <= ev.trigger.start < v.target.end:
                drop.add(id(ev))
            # "Minsk announced restrictions on ...": the announcing is the restricting, told once
            if (v.type == "statement" and ev.type != "statement" and v.target.start <= ev.trigger.start < v.target.end
                    and v.actor is not None and ev.actor is not None and v.actor.start == ev.actor.start):
                drop.add(id(v))
    return [ev for ev in out if id(ev) not in drop]


__all__ = ["Context", "extract", "Argument"]
