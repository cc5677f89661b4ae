"""Russian entities: slovnet NER mentions grouped by pymorphy3 lemma.

People are grouped the way the English stage groups them (coref/names.py):
a full name owns the later surname-only or first-name-only mentions that
share its lemma, so every case form (Искаков, Искакова, Искакову) is one
person. A name NER tagged once is also found where NER missed it later
(a surname alone in another case). Names are shown in the nominative, with
a BGN/PCGN `latin`; roles are the role noun phrases before a name
("лидер партии «Зелёный берег» Марат Искаков") or in apposition after it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from ..model import Entity, Mention
from .lexicon import role_nouns
from .morph import latin, lemma, lemma_in, nominative, spellings
from .parse import RuParsed, Token

TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
_PLATFORM_CHANNEL = re.compile(r"(?i)(?:канал|аккаунт|страниц)")
_EDGE = " \t\n\"'«»„“”.,;:()[]-–—"


@dataclass
class _Group:
    type: str
    key: tuple[str, ...]
    mentions: list[tuple[int, int, tuple[Token, ...]]] = field(default_factory=list)

    def first_key(self) -> str:
        return self.key[0]

    def last_key(self) -> str:
        return self.key[-1]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _EDGE:
        s += 1
    while e > s and text[e - 1] in _EDGE:
        e -= 1
    return s, e


def _key(tokens: tuple[Token, ...], name: bool) -> tuple[str, ...]:
    return tuple(lemma(t.text, t.feats, name) for t in tokens if t.pos != "PUNCT")


def _split_parens(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """"Арон Эрнандес (Aaron Hernandez)" and "ОПЕК (Организация стран …)" are two
    mentions of one name, not one: NER often runs the span through the bracket."""
    i = text.find("(", s, e)
    if i < 0:
        return [(s, e)]
    close = text.find(")", i, e + 2)
    inner_end = close if close >= 0 else e
    return [x for x in (_trim(text, s, i), _trim(text, i + 1, inner_end)) if x[1] > x[0]]


def mention_key(tokens) -> str:
    """The lexicon key of a mention: its words' lemmas (models/ru/ner_lexicon.json)."""
    return " ".join(lemma(t.text, t.feats) for t in tokens if t.pos != "PUNCT")


def _mentions(parsed: RuParsed, lex: dict | None = None) -> list[tuple[int, int, str, tuple[Token, ...]]]:
    lex = ner_lexicon() if lex is None else lex
    drop, retype, add = lex.get("drop", {}), lex.get("retype", {}), lex.get("add", {})
    out = []
    for s0, e0, label in parsed.ner:
        s0, e0 = _trim(parsed.text, s0, e0)
        for s, e in _split_parens(parsed.text, s0, e0):
            if label == "ORG" and _PLATFORM_CHANNEL.search(parsed.text[s:e]):
                continue  # "в своём Telegram-канале" is a channel, not an organisation
            toks = tuple(t for t in parsed.tokens_in(s, e) if t.end <= e)
            if label == "PER":  # NER runs a title at a sentence's start into the name ("Философ Дугин")
                while len(toks) > 1 and toks[0].pos in ("NOUN", "PROPN") and lemma_in(toks[0].text.lower(), None, role_nouns()):
                    toks = toks[1:]
                s = toks[0].start if toks else s
            if not (e > s and toks and label in TYPES):
                continue
            key = mention_key(toks)
            if drop.get(key) == label:
                continue
            out.append((s, e, retype.get(key, {}).get(label, label), toks))
    if add:
        # lemmatising every word is most of this stage's time: a word that spells no form
        # of a lexicon word is never looked up
        forms = spellings(frozenset(w for k in add for w in k.split()))

        def may_match(span) -> bool:
            return all(t.text.lower().replace("ё", "е") in forms for t in span if t.pos != "PUNCT")

        covered = bytearray(len(parsed.text) + 1)  # 1 where a mention already stands
        for m in out:
            covered[m[0]:m[1]] = b"\x01" * (m[1] - m[0])
        for sent in parsed.sentences:
            toks = sent.tokens
            for i, t in enumerate(toks):
                if covered.find(1, t.start, t.end) >= 0:
                    continue
                for n in (2, 1):  # a two-word name first ("Белый дом"), then one word
                    span = toks[i:i + n]
                    if len(span) < n or span[-1].pos == "PUNCT" or not may_match(span) or covered.find(1, span[0].start, span[-1].end) >= 0:
                        continue
                    label = add.get(mention_key(span))
                    if label:
                        out.append((span[0].start, span[-1].end, label, tuple(span)))
                        covered[span[0].start:span[-1].end] = b"\x01" * (span[-1].end - span[0].start)
                        break
    return out


@lru_cache(maxsize=1)
def ner_lexicon() -> dict:
    path = files("presslens").joinpath("models", "ru", "ner_lexicon.json")
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _group_people(mentions) -> list[_Group]:
    groups: list[_Group] = []
    full = [m for m in mentions if len([t for t in m[3] if t.pos != "PUNCT"]) >= 2]
    single = [m for m in mentions if m not in full]
    for s, e, _, toks in sorted(full):
        key = _key(toks, True)
        g = next((g for g in groups if g.last_key() == key[-1] and (g.first_key() == key[0] or len(g.key) == 1)), None)
        if g is None:
            g = _Group("PER", key)
            groups.append(g)
        elif len(key) > len(g.key):
            g.key = key
        g.mentions.append((s, e, toks))
    for s, e, _, toks in sorted(single):
        key = _key(toks, True)
        if not key:
            continue
        by_last = [g for g in groups if len(g.key) > 1 and g.last_key() == key[0]]
        if len(by_last) > 1:  # Дугин and Дугина share a lemma: the gender NER's context gives tells them apart
            same_gender = [g for g in by_last if _gender(g.mentions[0][2]) == _gender(toks)]
            by_last = same_gender or by_last
        by_first = [g for g in groups if len(g.key) > 1 and g.first_key() == key[0]]
        same = [g for g in groups if g.key == key]
        g = (by_last[0] if len(by_last) == 1 else by_first[0] if len(by_first) == 1 and not by_last
             else same[0] if same else None)
        if g is None:
            g = _Group("PER", key)
            groups.append(g)
        g.mentions.append((s, e, toks))
    return groups


def _gender(toks) -> str | None:
    return next((t.feats.get("Gender") for t in reversed(toks) if t.feats.get("Gender")), None)


def _group_others(mentions) -> list[_Group]:
    groups: dict[tuple[str, tuple[str, ...]], _Group] = {}
    for s, e, label, toks in sorted(mentions):
        key = _key(toks, False)
        g = groups.setdefault((label, key), _Group(label, key))
        g.mentions.append((s, e, toks))
    return list(groups.values())


def _recover(parsed: RuParsed, groups: list[_Group], taken: set[tuple[int, int]]) -> None:
    """Add the untagged occurrences of a surname NER found elsewhere (another case form)."""
    surnames = {}
    for g in groups:
        if g.type == "PER" and len(g.key) > 1:
            surnames.setdefault(g.last_key(), []).append(g)
    surnames = {k: v[0] for k, v in surnames.items() if len(v) == 1 and len(k) > 3}
    if not surnames:
        return
    covered = sorted(taken)
    stems = {k[:3] for k in surnames}  # a surname declines at its end, never its first letters
    for tok in parsed.tokens():
        if not tok.text[:1].isupper() or tok.pos not in ("PROPN", "NOUN", "X", "ADJ"):
            continue
        if tok.text.lower().replace("ё", "е")[:3] not in stems:
            continue
        if any(s <= tok.start < e for s, e in covered):
            continue
        g = surnames.get(lemma(tok.text, tok.feats, True))
        if g is not None:
            g.mentions.append((tok.start, tok.end, (tok,)))


def _person_name(g: _Group) -> str:
    """The fullest mention, as written when slovnet reads it as nominative (the
    surest form: pymorphy3 guesses at foreign surnames such as Гахария), else
    each word put in the nominative."""
    def words(toks):
        return [t for t in toks if t.pos != "PUNCT"]

    longest = max(len(words(m[2])) for m in g.mentions)
    full = [m for m in g.mentions if len(words(m[2])) == longest]
    nominal = [m for m in full if all(t.feats.get("Case", "Nom") == "Nom" for t in words(m[2]))]
    if nominal:
        return " ".join(t.text for t in words(nominal[0][2]))
    return " ".join(nominative(t.text, t.feats, True) for t in words(full[0][2]))


def _other_name(text: str, g: _Group) -> str:
    s, e, toks = max(g.mentions, key=lambda m: (m[1] - m[0], -m[0]))
    if any(t.feats.get("Case") == "Nom" for t in toks[:1]) or len(toks) > 3:
        return text[s:e]
    case = toks[0].feats.get("Case")
    words, prev = [], toks[0].start
    out = text[s:toks[0].start]
    for t in toks:
        out += text[prev:t.start] if t is not toks[0] else ""
        out += nominative(t.text, t.feats) if t.feats.get("Case") == case and t.pos in ("NOUN", "PROPN", "ADJ") else t.text
        prev = t.end
        words.append(t)
    return out


_ROLE_BREAK = {"PUNCT", "VERB", "AUX", "SCONJ", "CCONJ", "PRON"}


def _roles(parsed: RuParsed, g: _Group) -> list[str]:
    nouns = role_nouns()
    out: list[str] = []
    for s, e, toks in g.mentions:
        sent = parsed.sentence_at(s)
        if sent is None:
            continue
        first = toks[0].index
        # before the name: "лидер партии «Зелёный берег» Марат Искаков"
        j = first - 1
        while j >= 0 and (sent.tokens[j].pos not in _ROLE_BREAK or sent.tokens[j].text in "«»\"„“") and first - j <= 8:
            j -= 1
        for k in range(j + 1, first):
            t = sent.tokens[k]
            if t.pos in ("NOUN", "ADJ") and lemma_in(t.text, t.feats, nouns):
                role_toks = sent.tokens[k:first]
                out.append(_role_text(parsed.text, role_toks))
                break
        # apposition after: "Марат Искаков, лидер партии «Зелёный берег», ..."
        last = toks[-1].index
        if last + 2 < len(sent.tokens) and sent.tokens[last + 1].text == ",":
            t = sent.tokens[last + 2]
            if t.pos == "NOUN" and lemma_in(t.text, t.feats, nouns):
                k = last + 2
                while k + 1 < len(sent.tokens) and (sent.tokens[k + 1].pos not in _ROLE_BREAK
                                                    or sent.tokens[k + 1].text in "«»\"„“") and k - last < 8:
                    k += 1
                out.append(_role_text(parsed.text, sent.tokens[last + 2:k + 1]))
    seen: list[str] = []
    for r in out:
        if r and r.lower() not in (x.lower() for x in seen):
            seen.append(r)
    return seen


def _role_text(text: str, toks) -> str:
    head = toks[0]
    words = nominative(head.text, head.feats)
    rest = text[head.end:toks[-1].end]
    role = (words[:1].lower() + words[1:] + rest).strip()
    if role.count("«") > role.count("»"):
        role += "»"
    return role


def resolve(parsed: RuParsed, lexicon: dict | None = None) -> list[Entity]:
    """Entities of a parsed Russian text; `lexicon` overrides the shipped
    NER lexicon (the trainer passes {} to see NER alone)."""
    text = parsed.text
    mentions = _mentions(parsed, lexicon)
    groups = _group_people([m for m in mentions if m[2] == "PER"])
    groups += _group_others([m for m in mentions if m[2] != "PER"])
    _recover(parsed, groups, {(m[0], m[1]) for m in mentions})
    groups.sort(key=lambda g: min(m[0] for m in g.mentions))
    entities = []
    for i, g in enumerate(groups, 1):
        g.mentions.sort(key=lambda m: m[0])
        name = _person_name(g) if g.type == "PER" else _other_name(text, g)
        name = re.sub(r"\s+", " ", name).strip()
        aliases = tuple(dict.fromkeys(text[s:e] for s, e, _ in g.mentions if text[s:e] != name))
        entities.append(Entity(
            id=f"E{i}", name=name, type=TYPES[g.type], aliases=aliases,
            roles=tuple(_roles(parsed, g)) if g.type == "PER" else (),
            mentions=tuple(Mention(s, e, text[s:e]) for s, e, _ in g.mentions), latin=latin(name),
        ))
    return entities
