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

from ..coref.gender import name_gender, surname_gender
from ..coref.lexicon import RELATIONS, ROLE_NOUNS
from ..model import Entity, Speaker
from .lexicon import RELATIVE, SPEAKER_PRONOUNS
from .spans import mention_span


UNKNOWN = "unknown"
_TITLE_OF = {"m": {"mr"}, "f": {"mrs", "ms", "miss"}}


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
        self.persons = [e for e in self.entities if e.type == "PERSON"]

    def _top_person(self, text: str, pronoun: str) -> Entity | None:
        """The most mentioned person whose resolved pronouns do not contradict `pronoun`."""
        want = {"he": "m", "she": "f"}.get(pronoun)
        votes: dict[str, list[str]] = {}
        for (s, e), i in self.coref.items():
            g = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}.get(text[s:e].lower())
            if g:
                votes.setdefault(i, []).append(g)

        def ok(ent: Entity) -> bool:
            v = votes.get(ent.id, [])
            if want is not None and not v:  # nobody's pronoun yet: the name's gender, when known
                words = ent.name.split()
                known = (name_gender(words[0]) if len(words) > 1 else None) or surname_gender(words[-1])
                # ... unless a mention's title says otherwise ("Mr. Obama" among Michelle Obama's)
                titles = {w.lower().rstrip(".") for m in ent.mentions for w in text[max(0, m.start - 5):m.end].split()[:2]}
                return known in (None, want) or bool(titles & _TITLE_OF[want])
            return not v or want is None or v.count(want) * 2 >= len(v)
        return max((p for p in self.persons if ok(p)), key=lambda e: len(e.mentions), default=None)

    def entity_over(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end), the longest such mention."""
        k = bisect_right(self.starts, end)
        best = None
        for s, e, i in self.rows[max(0, k - 60):k]:
            if s < end and start < e and (best is None or (e - s) > best[0]):
                best = (e - s, i)
        return self.by_id.get(best[1]) if best else None

    def _apposition(self, token, offset: int) -> Entity | None:
        """`A Swiss fireman, Markus Gerber, told ...`: a description nobody resolved is the
        person or body its own apposition names (a person however long the title between:
        `A member of the chief board of the administration of the X region, NAME, said`)."""
        for c in token.children:
            if c.dep_ == "appos":
                ent = self.entity_over(offset + c.idx, offset + c.idx + len(c.text))
                if ent is not None and (ent.type == "PERSON" or ent.type == "ORG" and c.i <= token.i + 6):
                    return ent
        return None

    def _name_in_title(self, token, offset: int) -> Entity | None:
        """`said Ukrainian ambassador to Germany NAME`, `the head of the X Fund NAME`: translated
        Russian puts a title and its body before the name with no comma; the person named at the
        end of the speaker's own phrase is the speaker. A name right after `of`, `to`, `for` or a
        determiner is whom the title is about (`the lawyer of NAME`), not the speaker."""
        if token.lower_ in RELATIONS or token.pos_ != "NOUN":
            return None
        found = None
        for t in token.subtree:
            if t.i <= token.i:
                continue
            if t.pos_ in ("VERB", "AUX") or t.dep_ in ("relcl", "acl"):
                break
            ent = self.entity_over(offset + t.idx, offset + t.idx + len(t.text))
            if ent is None or ent.type != "PERSON" or (found is not None and found.id == ent.id):
                continue
            before = t.doc[t.i - 1]
            inside_name = before.ent_type_ == "PERSON" and before.i > token.i \
                and self.entity_over(offset + before.idx, offset + before.idx + len(before.text)) is ent
            if not inside_name and (before.pos_ in ("ADP", "DET", "PRON") or before.dep_ == "poss" or before.text == "'s"):
                return None
            found = ent
        return found

    def _name_after(self, text: str, end: int) -> Entity | None:
        """`The British newspaper The Guardian reports`, `the publication ANSA reported`: a
        description followed at once by a name (translated Russian puts the kind of body or the
        role first) is the one that name names; the parse often makes them two subjects."""
        k = end + len(text[end:end + 3]) - len(text[end:end + 3].lstrip())
        if k == end or text[end:k].strip():
            return None
        if text.startswith(("The ", "the "), k):
            k += 4
        ent = self.entity_over(k, k + 1)
        return ent if ent is not None and ent.type in ("PERSON", "ORG") else None

    def resolve(self, text: str, span: tuple[int, int] | None, token=None, offset: int = 0) -> Speaker | None:
        if span is None:
            return None
        s, e = span
        mention = text[s:e]
        ent = self.entity_over(s, e)
        if ent is not None and token is not None and not token.is_space:
            # the entity must be the mention's head, not a word inside it: "her husband" is not
            # the "her", "the X district court" is not the place X
            # ("his campaign said" still means him: only a person noun or a place-owned noun is checked)
            hp = offset + token.idx
            # "representatives of X's family": a plural head is never the one person inside it
            personal = token.lower_ in ROLE_NOUNS or token.lower_ in RELATIONS \
                or token.tag_ == "NNS" and token.pos_ == "NOUN"
            if text[hp:hp + len(token.text)] == token.text and s <= hp < e and (personal or ent.type != "PERSON"):
                ent = self.entity_over(hp, hp + len(token.text))
        low = mention.lower()
        if ent is None and token is not None and low in RELATIVE and token.dep_ in ("nsubj", "nsubjpass"):
            head = token.head.head if token.head.dep_ == "relcl" else token.head
            ent = self.entity_over(offset + head.idx, offset + head.idx + len(head.text))
        if token is not None and low not in SPEAKER_PRONOUNS and low not in RELATIVE and token.lower_ in ROLE_NOUNS:
            # the name in the speaker's own phrase outweighs whoever the bare description was sent to
            # ("said the head of the laboratory of X, professor of virology NAME")
            ent = self._name_in_title(token, offset) or ent
        if ent is None and token is not None and low not in SPEAKER_PRONOUNS:
            ent = self._apposition(token, offset) or self._name_after(text, e)
        if ent is not None:
            return Speaker(ent.id, ent.name, s, e)
        if low in RELATIVE and token is not None and token.head.dep_ == "relcl" and token.head.head.pos_ == "NOUN":
            # "the administration, which said ...": the body the clause hangs on, unnamed
            hs, he = mention_span(offset, token.head.head)
            if text[hs:he] and text[hs:he].lower() not in RELATIVE:
                return Speaker(None, text[hs:he], s, e)
        if low in SPEAKER_PRONOUNS or low in RELATIVE:
            subject = {"his": "he", "him": "he", "her": "she"}.get(low, low)  # "In his words, ..."
            top = self._top_person(text, subject) if subject in ("he", "she") else None
            if top is not None:
                return Speaker(None, top.name, s, e)  # antecedent lost: best guess, no id
            return Speaker(None, UNKNOWN, s, e)  # nobody to point to: never the pronoun as a name
        return Speaker(None, mention, s, e)
