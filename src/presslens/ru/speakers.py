"""Who a Russian source is: the one place that turns the words naming a
source ("он", "по её словам", "председатель ЕК", "в ведомстве", "Искакова")
into an entity of the article.

The words are first read as a description (a name, a pronoun, a role, an
organisation noun) with the gender and number the text gives it, the cue
verb's agreement included ("уверена председатель" is a woman). When the words
hold no name, every person or organisation of the article is a candidate and
`best` picks the highest linear score over named features; the weights are
data (models/ru/speaker_weights.json). Changing how a source is resolved means
changing a weight or a feature here, never a rule at a call site.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ..model import Entity, Speaker
from .lexicon import lexicon, organisation_words, role_nouns
from .morph import analyzer, latin, lemma, nominative
from .parse import RuParsed, Token

_PRONOUNS = {"он": "Masc", "его": "Masc", "него": "Masc", "она": "Fem", "ее": "Fem", "нее": "Fem",
             "они": "Plur", "их": "Plur", "них": "Plur"}
_PREPOSITIONS = {"в", "во", "у", "из", "от", "со", "с"}


@lru_cache(maxsize=1)
def weights() -> dict:
    path = files("presslens").joinpath("models", "ru", "speaker_weights.json")
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Description:
    """What the words naming a source say about it."""
    kind: str  # name | pronoun | role | organisation | other
    gender: str | None  # Masc | Fem | Plur, from the pronoun, a feminine noun or the cue verb
    head: str  # lemma of the head word
    org: Entity | None  # an organisation named inside a role ("председатель ЕК")
    start: int
    end: int
    named: Entity | None = None  # kind "name": the entity the words name


def _gender_of_verb(cue: Token | None) -> str | None:
    if cue is None:
        return None
    if cue.feats.get("Number") == "Plur":
        return "Plur"
    g = cue.feats.get("Gender")
    return g if g in ("Masc", "Fem") else None


def _surname_gender(word: str) -> str | None:
    """Gender pymorphy3 gives a name word read as a given name or surname."""
    for p in analyzer().parse(word)[:3]:
        grams = p.tag.grammemes
        if grams & {"Name", "Surn", "Patr"}:
            if "femn" in grams:
                return "Fem"
            if "masc" in grams:
                return "Masc"
    return None


class Resolver:
    """Resolves source descriptions against one article's entities."""

    def __init__(self, parsed: RuParsed, entities: list[Entity]):
        self.parsed, self.entities = parsed, entities
        self.people = [e for e in entities if e.type == "PERSON"]
        self.orgs = [e for e in entities if e.type == "ORG"]
        self.spoken: dict[str, int] = {}  # entity id -> quotes already given to it
        self._gender: dict[str, str | None] = {}
        self._role_lemmas: dict[str, frozenset[str]] = {}
        # where grammatical subjects stand: the subject word and the names in apposition to it
        # ("глава МИД России Сергей Лавров сравнил": Лавров is the subject)
        self._subject_at: set[int] = set()
        self._sentence_of: dict[int, int] = {}
        for k, sent in enumerate(parsed.sentences):
            todo = [t for t in sent.tokens if t.rel in ("nsubj", "nsubj:pass")]
            seen: set[int] = set()
            while todo:
                t = todo.pop()
                if t.index in seen:
                    continue
                seen.add(t.index)
                self._subject_at.add(t.start)
                todo += sent.children(t, ("appos", "flat:name", "flat", "flat:foreign"))
            for t in sent.tokens:
                self._sentence_of[t.start] = k

    # -- what an entity is ------------------------------------------------------------
    def gender(self, ent: Entity) -> str | None:
        """The gender the article gives a person: slovnet's agreement on its mentions,
        then pymorphy3's reading of the name words."""
        if ent.id not in self._gender:
            votes: dict[str, int] = {}
            for m in ent.mentions:
                for t in self.parsed.tokens_in(m.start, m.end):
                    g = t.feats.get("Gender")
                    if g in ("Masc", "Fem") and t.pos == "PROPN":
                        votes[g] = votes.get(g, 0) + 1
            g = max(votes, key=votes.get) if votes else None
            if g is None or votes.get("Fem", 0) == votes.get("Masc", 0):
                g = next((x for w in ent.name.split() for x in [_surname_gender(w)] if x), g)
            self._gender[ent.id] = g
        return self._gender[ent.id]

    def role_lemmas(self, ent: Entity) -> frozenset[str]:
        if ent.id not in self._role_lemmas:
            words = {w.strip("«»\"()").lower() for r in ent.roles for w in r.split()}
            self._role_lemmas[ent.id] = frozenset(lemma(w) for w in words if w)
        return self._role_lemmas[ent.id]

    # -- what the words say -----------------------------------------------------------
    def describe(self, toks: list[Token], cue: Token | None) -> Description | None:
        toks = [t for t in toks if t.pos != "PUNCT"]
        while toks and toks[0].text.lower() in _PREPOSITIONS and toks[0].pos == "ADP":
            toks = toks[1:]  # "в ведомстве указали", "у МИД"
        if not toks:
            return None
        s, e = toks[0].start, toks[-1].end
        # a name in the nominative first: the subject, not a genitive caught in its subtree
        inside = sorted(((self._oblique(m.start, m.end), m.start, i, ent) for i, ent in enumerate(self.entities)
                         for m in ent.mentions if m.start < e and s < m.end), key=lambda x: x[:3])
        found = list(dict.fromkeys(x[3] for x in inside))
        people = [x for x in found if x.type == "PERSON" and not self._possessor(x, s, e)]
        orgs = [x for x in found if x.type != "PERSON"]
        verb_g = _gender_of_verb(cue)
        head = toks[0]
        low = head.text.lower().replace("ё", "е")
        if people:
            return Description("name", verb_g, low, None, s, e, people[0])
        if low in _PRONOUNS:
            return Description("pronoun", _PRONOUNS[low] if _PRONOUNS[low] == "Plur" else verb_g or _PRONOUNS[low],
                               low, None, head.start, head.end)
        # the head: the first noun ("американская журналистка", "зампред Совбеза")
        noun = next((t for t in toks[:3] if t.pos in ("NOUN", "PROPN")), head)
        head_lemma = lemma(noun.text, noun.feats)
        if head_lemma in role_nouns() or head_lemma in _extra_roles():
            noun_g = "Fem" if noun.feats.get("Gender") == "Fem" and noun.pos == "NOUN" else None
            return Description("role", verb_g or noun_g, head_lemma, orgs[0] if orgs else None, s, e)
        if orgs:
            return Description("name", verb_g, low, None, s, e, orgs[0])
        if head_lemma in _org_nouns():
            return Description("organisation", verb_g, head_lemma, None, s, e)
        return Description("other", verb_g, head_lemma, None, s, e)

    def _possessor(self, ent: Entity, start: int, end: int) -> bool:
        """Whether every mention of `ent` in start..end is a genitive complement of a common noun
        ("пресс-секретаря Путина Дмитрия Пескова", "защитника Семиларски"): the noun's person, not the source."""
        hits = [m for m in ent.mentions if m.start < end and start < m.end]
        for m in hits:
            toks = [t for t in self.parsed.tokens_in(m.start, m.end) if t.pos != "PUNCT"]
            sent = self.parsed.sentence_at(m.start)
            if not toks or sent is None or toks[0].rel != "nmod" or not 0 <= toks[0].head < len(sent.tokens):
                return False
            head = sent.tokens[toks[0].head]
            if head.pos != "NOUN" or not start <= head.start < m.start:
                return False
        return bool(hits)

    def _oblique(self, start: int, end: int) -> bool:
        toks = [t for t in self.parsed.tokens_in(start, end) if t.pos != "PUNCT"]
        return bool(toks) and all(t.feats.get("Case") not in (None, "Nom") for t in toks)

    def _subject_sentence(self, ent: Entity, pos: int) -> float:
        """1 when the entity is a subject in the sentence of `pos` (before it) or the one before."""
        sent = self.parsed.sentence_at(pos)
        here = self._sentence_of.get(sent.tokens[0].start, -9) if sent and sent.tokens else -9
        for m in ent.mentions:
            if m.start < pos and any(t.start in self._subject_at for t in self.parsed.tokens_in(m.start, m.end)):
                k = self._sentence_of.get(m.start, -99)
                if here - 1 <= k <= here:
                    return 1.0
        return 0.0

    # -- which entity -----------------------------------------------------------------
    def features(self, d: Description, ent: Entity, pos: int) -> dict[str, float] | None:
        """Features of `ent` as the source described by `d` at `pos`; None when it cannot be."""
        w = weights()["windows"]
        before = [m.start for m in ent.mentions if m.start < pos]
        after = [m.start for m in ent.mentions if m.start >= d.end]
        if before and pos - before[-1] <= w["back"]:
            dist, forward = pos - max(before), 0.0
        elif after and min(after) - pos <= w["forward"]:
            dist, forward = min(after) - pos, 1.0
        else:
            return None
        f: dict[str, float] = {"distance": dist / 1000, "forward": forward,
                               "mentions": math.log1p(len(ent.mentions)),
                               "spoken": float(self.spoken.get(ent.id, 0) > 0)}
        if ent.type == "PERSON":
            g = self.gender(ent)
            if d.gender in ("Masc", "Fem") and g is not None:
                if g != d.gender:
                    return None
                f["gender_agrees"] = 1.0
            if d.gender == "Plur":
                f["plural_person"] = 1.0
            roles = self.role_lemmas(ent)
            if d.kind == "role" and d.head in roles:
                f["role_match"] = 1.0
            if d.org is not None and any(lemma(w) in roles for w in d.org.name.lower().split()):
                f["role_org_match"] = 1.0
            nearest = max(before) if before and not forward else min(after)
            f["was_subject"] = float(nearest in self._subject_at)
            f["subject_just_before"] = self._subject_sentence(ent, pos)
        else:
            if d.gender in ("Masc", "Fem") and d.kind == "pronoun":
                return None
            f["organisation"] = 1.0
        return f

    def score(self, kind: str, f: dict[str, float]) -> float:
        w = weights()[kind]
        return sum(w.get(k, 0.0) * v for k, v in f.items() if v)

    def best(self, d: Description, pos: int) -> Entity | None:
        if d.kind == "pronoun":
            pool = self.people + self.orgs if d.gender == "Plur" else self.people
        elif d.kind == "role":
            pool = self.people
        elif d.kind == "organisation":
            pool = self.orgs
        else:
            return None
        scored = [(self.score(d.kind, f), -i, ent) for i, ent in enumerate(pool)
                  for f in [self.features(d, ent, pos)] if f is not None]
        if not scored:
            return None
        top = max(scored)
        return top[2] if top[0] >= weights()["threshold"][d.kind] else None

    def speaker(self, toks: list[Token], cue: Token | None) -> tuple[Speaker | None, str]:
        """(the speaker, its source kind) for the words naming a source."""
        d = self.describe(toks, cue)
        if d is None:
            return None, "unnamed"
        if d.kind == "name" and d.named is not None:
            ent = d.named
            m = next(m for m in ent.mentions if m.start < d.end and d.start < m.end)
            return self._say(ent, m.start, m.end)
        ent = self.best(d, d.start)
        if ent is not None:
            return self._say(ent, d.start, d.end)
        text = self._unnamed_text(toks, d)
        kind = ("organisation" if d.kind == "organisation" or d.org is not None and d.kind != "role"
                else "group" if d.gender == "Plur" else "unnamed" if d.kind == "pronoun" else "person")
        return Speaker(None, text, d.start, d.end), kind

    def _say(self, ent: Entity, start: int, end: int) -> tuple[Speaker, str]:
        self.spoken[ent.id] = self.spoken.get(ent.id, 0) + 1
        if ent.type == "PERSON":
            return Speaker(ent.id, ent.name, start, end, ent.latin), "person"
        name = self.org_name(ent)
        return Speaker(ent.id, name, start, end, ent.latin if name == ent.name else latin(name)), "organisation"

    def org_name(self, ent: Entity) -> str:
        """An organisation as the article names it most fully: with the country or
        region that most of its mentions carry in the genitive ("МЧС ДНР", "МИД России")."""
        text = self.parsed.text
        places = [(m.start, m.end) for e in self.entities if e.type in ("LOC", "ORG") and e is not ent
                  for m in e.mentions]
        counts: dict[str, int] = {}
        for m in ent.mentions:
            nxt = next(((a, b) for a, b in places if a > m.end and not text[m.end:a].strip()), None)
            if nxt is None:
                continue
            toks = self.parsed.tokens_in(*nxt)
            if toks and all(t.feats.get("Case") in ("Gen", None) for t in toks if t.pos != "PUNCT"):
                place = text[nxt[0]:nxt[1]]  # a modifier keeps its genitive: "МИД России"
                counts[place] = counts.get(place, 0) + 1
        if counts:
            place = max(counts, key=counts.get)
            if counts[place] * 2 >= len(ent.mentions):
                return f"{ent.name} {place}"
        return ent.name

    def _unnamed_text(self, toks: list[Token], d: Description) -> str:
        """The words as a name in the nominative ("по словам эксперта" -> "эксперт")."""
        words = [t for t in toks if d.start <= t.start and t.end <= d.end and t.pos != "PUNCT"]
        if not words:
            return self.parsed.text[d.start:d.end]
        case = words[0].feats.get("Case")
        if case in (None, "Nom"):
            return self.parsed.text[d.start:d.end]
        out, prev = [], None
        for t in words:
            if prev is not None:
                out.append(self.parsed.text[prev:t.start])
            if prev is not None and t.rel == "nmod":
                case = "-"  # a genitive complement ("пресс-секретаря Путина") keeps its form
            agree = t.feats.get("Case") == case and t.pos in ("NOUN", "PROPN", "ADJ")
            out.append(nominative(t.text, t.feats) if agree else t.text)
            if t.feats.get("Case") != case and t.pos in ("NOUN", "PROPN"):
                case = "-"  # words after a genitive complement keep their form
            prev = t.end
        return "".join(out)


@lru_cache(maxsize=1)
def _org_nouns() -> frozenset[str]:
    return frozenset(lexicon().get("org_speaker_nouns", ())) | organisation_words()


@lru_cache(maxsize=1)
def _extra_roles() -> frozenset[str]:
    return frozenset(lexicon().get("role_nouns_feminine", ()))
