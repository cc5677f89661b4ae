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
from .attributes import _attributes
from .headline import fold_headline, headline_spans
from .lexicon import AWARDS, INFO_NOUNS, TriggerRule, rules_for
from .participants import AUTHORITY, _broken_args, _broken_clause, _diplomatic, _noun_args, _verb_args
from .reading import bare_mention, generic_clause, has_event_reading, in_attitude_phrase, lemmaish, requested
from .syntax import (FUTURE, MODALS, _child, _conj_chain, _governor, _is_passive, _near_words, _object, _pos,
                     _prep_obj, _subject, _word, stand_in)
from .timing import _date_for, _own_date, _same_case_date, _sentence_dates

# Verbs that only carry an event noun: "imposed sanctions", "held talks", "opened a case"
SUPPORT = {"impose", "introduce", "hold", "launch", "stage", "carry", "conduct", "file", "open", "initiate",
           "institute", "face", "bring", "hand", "issue", "make", "organize", "organise", "lead", "extend",
           "begin", "start", "continue", "announce", "order", "lift", "adopt", "approve", "pass", "go"}
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
