"""Salience-based resolution of pronouns and definite descriptions to people.

Reading left to right, every person mention (name, relation, resolved
pronoun) refreshes that person's salience; subjects count more. A `he`/`she`
goes to the most salient person of compatible gender within a few sentences,
a definite description (`the politician`) first to whoever the same
description named before, then to the most salient person; a description
before any name (a headline-like lead) goes to the next person named.
"""
from __future__ import annotations

from dataclasses import dataclass, field

WINDOW = 6  # sentences a person stays available to a pronoun


@dataclass
class Salience:
    genders: dict[int, str | None]
    last: dict[int, tuple[int, bool, int]] = field(default_factory=dict)  # gid -> (sentence, subject, char pos)
    by_description: dict[str, int] = field(default_factory=dict)

    def see(self, gid: int, sent: int, subject: bool, pos: int) -> None:
        self.last[gid] = (sent, subject, pos)

    def _score(self, gid: int, sent: int) -> float:
        s, subj, pos = self.last[gid]
        return -2.0 * (sent - s) + (1.5 if subj else 0.0) + pos * 1e-7

    def pronoun(self, gender: str | None, sent: int) -> int | None:
        cands = [g for g, (s, _, _) in self.last.items() if sent - s <= WINDOW
                 and (gender is None or self.genders.get(g) in (None, gender))]
        if not cands:
            return None
        # a person whose gender is known to match beats one whose gender is unknown
        return max(cands, key=lambda g: self._score(g, sent) + (1.0 if gender and self.genders.get(g) == gender else 0))

    def description(self, head: str, sent: int) -> int | None:
        if head in self.by_description:
            return self.by_description[head]
        cands = [g for g, (s, _, _) in self.last.items() if sent - s <= WINDOW]
        return max(cands, key=lambda g: self._score(g, sent)) if cands else None
