"""Who acts and who is acted on: actor and target tokens of a verb or noun trigger,
including passives, headline grammar, diplomatic protests and clauses a broken parse split."""
from __future__ import annotations

from typing import Any

from .lexicon import RESTRICTED
from .syntax import _child, _is_passive, _pos, _prep_obj, _subject, _word, stand_in


# Deciding or acting bodies: "the verdict of the court" names the actor, not the one convicted
AUTHORITY = {"court", "courts", "judge", "judges", "jury", "tribunal", "prosecutor", "prosecutors", "prosecution",
             "police", "authorities", "ministry", "government", "commission", "committee", "council", "parliament"}
# Event types whose noun's "of" phrase is the one who acts: "the resignation of the board"
AGENT_OF_NOUN = {"resign", "meet"}
# Event types whose noun's possessor / "of" phrase is the one the event happens to
PATIENT_NOUN = {"arrest", "charge", "trial", "convict", "acquit", "sentence", "release", "appoint"}
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
