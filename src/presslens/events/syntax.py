"""Reading the dependency parse for events: part of speech, dependents, objects,
subjects (inherited along coordinated verbs) and the verb that governs an event noun."""
from __future__ import annotations

from typing import Any

from .lexicon import NOUN_LEMMA
from .reading import is_date_token


SUBJ = ("nsubj", "nsubjpass", "csubj")
MODALS = {"could", "would", "might", "may", "should", "can", "must", "ca"}
FUTURE = {"will", "shall", "'ll", "wo"}


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


def stand_in(tok: Any) -> Any:
    """The noun that stands in a clause for an event noun it packages ("imposed a package of
    sanctions", "handed a note of protest"), else the event noun itself."""
    if tok.dep_ == "pobj" and tok.head.text.lower() == "of" and tok.head.head.text.lower() in CONTAINERS:
        return tok.head.head
    return tok
