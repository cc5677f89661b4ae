"""Event attributes from the trigger's own subtree: charge, verdict, penalty, term,
money and head counts (not taken from coordinated siblings)."""
from __future__ import annotations

from typing import Any

from .quantities import find_durations, find_money, find_people_counts
from .reading import is_date_token
from .syntax import _child, _pos


PENALTIES = ("life imprisonment", "house arrest", "community service", "restricted freedom", "penal colony",
             "suspended sentence", "death penalty", "prison", "jail", "imprisonment", "colony", "probation",
             "fine", "death", "damages", "compensation", "restitution")


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
