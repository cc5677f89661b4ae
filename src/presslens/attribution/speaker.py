"""Speaker mention -> entity of the article.

Order of evidence: a name/description/pronoun mention the entities stage
already tied to an entity (coref map or entity mentions) overlapping the
speaker mention; for a relative pronoun (`Smith, who said ...`) the noun it
hangs on; for a bare pronoun nobody resolved (its antecedent was lost, e.g.
in a splice) the article's most mentioned person of that gender, and
failing that no entity and the mention text.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..model import Entity, Speaker
from .lexicon import RELATIVE, SPEAKER_PRONOUNS


@dataclass
class SpeakerIndex:
    entities: list[Entity]
    coref: dict[tuple[int, int], str]

    def __post_init__(self) -> None:
        self.by_id = {e.id: e for e in self.entities}
        rows = sorted((m.start, m.end, e.id) for e in self.entities for m in e.mentions)
        rows += sorted((s, e, i) for (s, e), i in self.coref.items())
        self.rows = sorted(rows)
        self.starts = [r[0] for r in self.rows]
        persons = [e for e in self.entities if e.type == "PERSON"]
        self.top_person = max(persons, key=lambda e: len(e.mentions), default=None)

    def entity_over(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end), the longest such mention."""
        k = bisect_right(self.starts, end)
        best = None
        for s, e, i in self.rows[max(0, k - 60):k]:
            if s < end and start < e and (best is None or (e - s) > best[0]):
                best = (e - s, i)
        return self.by_id.get(best[1]) if best else None

    def resolve(self, text: str, span: tuple[int, int] | None, token=None, offset: int = 0) -> Speaker | None:
        if span is None:
            return None
        s, e = span
        mention = text[s:e]
        ent = self.entity_over(s, e)
        low = mention.lower()
        if ent is None and token is not None and low in RELATIVE and token.dep_ in ("nsubj", "nsubjpass"):
            head = token.head.head if token.head.dep_ == "relcl" else token.head
            ent = self.entity_over(offset + head.idx, offset + head.idx + len(head.text))
        if ent is not None:
            return Speaker(ent.id, ent.name, s, e)
        if low in SPEAKER_PRONOUNS or low in RELATIVE:
            if low in ("he", "she") and self.top_person is not None:
                return Speaker(None, self.top_person.name, s, e)  # antecedent lost: best guess, no id
            return Speaker(None, mention, s, e)
        return Speaker(None, mention, s, e)
