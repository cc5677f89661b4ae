"""Salience-based resolution of pronouns and definite descriptions to people.

Reading left to right, every person mention (name, relation, resolved
pronoun) refreshes that person's salience; subjects count more. A `he`/`she`
goes to the most salient person of compatible gender within a few sentences,
a definite description (`the politician`) first to whoever the same
description named before, then to the most salient person (for a specific
office or trade, `the judge`, only among people the article gave that role
or a compatible one, lexicon.COMPATIBLE_ROLES); a description
before any name (a headline-like lead) goes to the next person named.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import BODY_BOUND, COMPATIBLE_ROLES, PARTIES, SOFT_ROLES, STRICT_ROLES
from .ranker import best, window

WINDOW = window("pronoun_sentences")  # sentences a person stays available to a pronoun


@dataclass
class Salience:
    genders: dict[int, str | None]
    last: dict[int, tuple[int, float, int]] = field(default_factory=dict)  # gid -> (sentence, prominence, pos)
    by_description: dict[str | frozenset, int] = field(default_factory=dict)  # head or word set -> gid
    guessed: bool = False
    role_words: dict[int, set[str]] = field(default_factory=dict)
    # people that the text shows to be places (a name NER also tags as a place, `in X`): no
    # pronoun or person description ever goes to them
    places: set[int] = field(default_factory=set)
    # a live blog's time stamps and a feature's subheads open a new section: a person last seen in
    # an earlier one is a weaker antecedent (`other_section`, learned like every feature)
    section: int = 0
    seen_section: dict[int, int] = field(default_factory=dict)

    def see(self, gid: int, sent: int, subject: bool | float, pos: int) -> None:
        """subject: True/1.5 for a subject, 2.0 for a main-clause subject, 0 otherwise."""
        prom = 1.5 if subject is True else float(subject)
        old = self.last.get(gid)
        if old is not None and old[0] == sent:
            prom = max(prom, old[1])  # a person stays as prominent as their best role in the sentence
        self.last[gid] = (sent, prom, pos)
        self.seen_section[gid] = self.section

    def anyone(self, sent: int) -> bool:
        """Whether any person is available to a description at all (else it is a lead)."""
        return any(sent - s <= window("description_sentences") for s, _, _ in self.last.values())

    def _features(self, gid: int, sent: int) -> dict[str, float]:
        s, prom, pos = self.last[gid]
        return {"sentence_distance": sent - s, "prominence": prom, "position": pos,
                "other_section": float(self.seen_section.get(gid, self.section) != self.section)}

    def pronoun(self, gender: str | None, sent: int, pos: int = 0, subject: bool = True) -> int | None:
        cands = [g for g, (s, _, _) in self.last.items() if sent - s <= WINDOW and g not in self.places
                 and (gender is None or self.genders.get(g) in (None, gender))]
        near = window("object_near_chars")

        def features(g: int) -> dict[str, float]:
            # a known matching gender counts; for a possessive or object pronoun ("backed Hillary
            # Clinton since her 2008 bid") a person named just before counts most
            f = self._features(g, sent)
            known = bool(gender) and self.genders.get(g) == gender
            f["gender_known_match_subject"] = float(known and subject)
            f["gender_known_match_other"] = float(known and not subject)
            f["gender_unknown"] = float(bool(gender) and self.genders.get(g) is None)
            f["named_just_before_object"] = float(not subject and 0 <= pos - self.last[g][2] < near)
            return f
        return best("pronoun", cands, features, pos)

    def description(self, head: str, sent: int, words: set[str] = frozenset(), gender: str | None = None,
                    epithet: bool = False, pos: int = -1, modifiers: frozenset[str] = frozenset()) -> int | None:
        """A definite description: the same description before, else the most salient person,
        with a strong preference for people whose known roles share its words
        ("the Republican nominee" -> the person introduced as "Republican presidential nominee").
        Sets `guessed` when the answer rests on salience alone, not on a known role. `modifiers`
        are the description's nationality or place words (`the Turkish leader`, `the Ukrainian
        president`): a person the text introduced with the same word is preferred
        (`modifier_match`), since translated news writes the nationality where it drops the name."""
        self.guessed = False
        key = frozenset(words)
        if key in self.by_description:
            return self.by_description[key]
        if not epithet and head in self.by_description:  # "the governor" after "the Indiana governor"
            return self.by_description[head]
        cands = [g for g, (s, _, _) in self.last.items() if sent - s <= window("description_sentences") and g not in self.places]
        if gender is not None:  # "the spokeswoman" is no man
            cands = [g for g in cands if self.genders.get(g) in (None, gender)]
        parties = {PARTIES[w] for w in words if w in PARTIES}
        if parties:  # "the Republican nominee" is not the one called "Libertarian nominee"
            cands = [g for g in cands if not (self._parties(g) - parties)]
        if head in COMPATIBLE_ROLES:
            # "the judge" is nobody the article never called a judge (or a compatible role);
            # an epithet ("the Vermont senator", "the GOP nominee") may also be anyone whose known
            # roles do not contradict it
            fits = COMPATIBLE_ROLES[head] | {head}
            fitting = [g for g in cands if fits & self.role_words.get(g, set())]
            past = bool(words & {"former", "ex"}) or any(w.startswith(("ex-", "former-")) for w in words)
            if past:  # "the former president" is not the one now in office
                fitting = [g for g in fitting if self.role_words.get(g, set()) & {"former", "ex", "ex-president"}]
            else:  # ... and "the president" is not the former one while someone holds the office
                now = [g for g in fitting if not self.role_words.get(g, set()) & {"former", "ex", "ex-president"}]
                fitting = now or fitting
            if not words & BODY_BOUND:
                # a bare "the president" is the one holding the office, not the president of a club,
                # union or company, when the article has both
                plain = [g for g in fitting if not self.role_words.get(g, set()) & BODY_BOUND]
                fitting = plain or fitting
            if not fitting and (epithet or head in SOFT_ROLES):
                fitting = [g for g in cands if not (self.role_words.get(g, set()) & STRICT_ROLES)]
                self.guessed = True
            cands = fitting
        if not cands:
            return None

        def features(g: int) -> dict[str, float]:
            overlap = len(words & self.role_words.get(g, set())) + len(parties & self._parties(g))
            same_kind = float(bool(modifiers & self.role_words.get(g, set())))
            if sent - self.last[g][0] > WINDOW:
                return {"beyond_window": 1.0, "role_overlap": overlap, "modifier_match": same_kind}
            return {**self._features(g, sent), "role_overlap": overlap, "modifier_match": same_kind}
        return best("description", cands, features, pos)

    def may_hold(self, gid: int, head: str) -> bool:
        """Whether the person may be `the <head>`: no role known, or a compatible one."""
        if head not in STRICT_ROLES:
            return True
        known = self.role_words.get(gid, set())
        return not known or bool(known & (COMPATIBLE_ROLES[head] | {head}))

    def remember(self, head: str, words: set[str], epithet: bool, gid: int, guessed: bool = False) -> None:
        """The description now names `gid`; its words become that person's role words only
        when they were not a guess (a wrong guess must not make the next one look right)."""
        self.by_description.setdefault(frozenset(words), gid)
        if not epithet and not words & BODY_BOUND:  # "the president of the club" is no "the president"
            self.by_description.setdefault(head, gid)
        if not guessed:
            self.role_words.setdefault(gid, set()).update(words)

    def _parties(self, g: int) -> set[str]:
        return {PARTIES[w] for w in self.role_words.get(g, ()) if w in PARTIES}
