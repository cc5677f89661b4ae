"""Russian events: trigger lemmas from models/ru/events.json, participants
from slovnet syntax (subject = actor, object or passive subject = target),
the date and, for sentences, the term and penalty from the same sentence."""
from __future__ import annotations

from ..events.dates import parse_published
from ..model import Argument, Entity, Event, Span
from .dates import event_data, find_dates_ru, find_durations_ru
from .morph import lemma_in
from .parse import RuParsed, Sentence, Token

_NEGATION = {"не", "ни"}


def _argument(sent: Sentence, tok: Token | None, text: str, entities: list[Entity]) -> Argument | None:
    if tok is None:
        return None
    toks = [t for t in sent.subtree(tok) if t.rel != "punct"]
    s, e = toks[0].start, toks[-1].end
    # the entity the head word names, else a person in apposition ("журналиста Ивана Петрова"),
    # never a dependent ("Суд Алматы" is the court, not Almaty)
    found = [(ent, m) for ent in entities for m in ent.mentions if m.start < e and s < m.end]
    head = [ent for ent, m in found if m.start <= tok.start < m.end]
    people = [ent for ent, _ in found if ent.type == "PERSON"]
    ent = (head or people or [None])[0]
    if ent is not None:
        return Argument(text[s:e], s, e, ent.id, ent.name)
    return Argument(text[s:e], s, e)


def _child(sent: Sentence, tok: Token, rels: tuple[str, ...]) -> Token | None:
    kids = sent.children(tok, rels)
    return kids[0] if kids else None


def find_events(parsed: RuParsed, entities: list[Entity], published: str | None = None) -> list[Event]:
    data = event_data()
    triggers, needs, penalties = data["triggers"], data["needs"], data["penalties"]
    text = parsed.text
    anchor = parse_published(published)
    events: list[Event] = []
    for sent in parsed.sentences:
        st = text[sent.start:sent.end]
        low = st.lower()
        dates = find_dates_ru(st, anchor)
        for tok in sent.tokens:
            if tok.pos not in ("VERB", "NOUN"):
                continue
            lem = lemma_in(tok.text, tok.feats, triggers)
            etype = triggers.get(lem) if lem else None
            if etype is None:
                continue
            if lem in needs and not any(w in low for w in needs[lem]):
                continue
            if any(k.text.lower() in _NEGATION for k in sent.children(tok, ("advmod",))):
                continue
            passive = _child(sent, tok, ("nsubj:pass",))
            actor = None if passive else _child(sent, tok, ("nsubj",))
            target = passive or _child(sent, tok, ("obj", "iobj"))
            attrs: dict = {}
            if etype in ("sentence", "convict"):
                if etype == "convict":
                    attrs["verdict"] = "guilty"
                durs = find_durations_ru(st)
                if etype == "sentence" and durs:
                    attrs["duration_months"] = durs[0].value
                for stem, name in penalties.items():
                    if stem in low:
                        attrs["penalty"] = name
                        break
            date = dates[0].value if dates else None
            events.append(Event(
                type=etype, trigger=Span(tok.start, tok.end),
                actor=_argument(sent, actor, text, entities), target=_argument(sent, target, text, entities),
                date=date, attributes=attrs,
            ))
    return events
