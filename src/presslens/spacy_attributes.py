"""The attribute ruler of the spaCy model, applied as a table instead of a Matcher.

en_core_web_sm's `attribute_ruler` sets POS, MORPH, LEMMA (and TAG for whitespace)
from 179 patterns that read only a token's TAG, LOWER, DEP and IS_SPACE (a few read
two tokens). spaCy runs them through its general Matcher, which tries every pattern
at every token: about a tenth of the parse's CPU time. A single-token pattern's
verdict depends only on those four values, so `AttributeTable` decides each distinct
combination once, by the same rules, and writes the result with `Doc.from_array`.
Same patterns, same order (a later pattern overrides an earlier one, as in spaCy),
same values on every token; a model whose patterns use anything else keeps the
stock ruler (`compile_rules` returns None).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language

KEY_ATTRS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}  # column in the key tuple
CACHE_LIMIT = 200_000  # distinct (tag, lower, dep, is_space) keys remembered


@dataclass(frozen=True)
class Rule:
    tests: tuple[tuple[Callable[[tuple], bool], ...], ...]  # per token of the pattern: all must hold
    index: int  # which token of the match takes the attributes (negative: from the end)
    values: dict[int, int]  # attribute id -> normalised value, as the stock ruler stores them
    # the TAG and LOWER values the first token must have (None: any); only rules filed
    # under a token's own (tag, lower) are tested on it
    tags: frozenset[int] | None = None
    lowers: frozenset[int] | None = None


def _test(vocab, attr: str, spec) -> tuple[Callable[[tuple], bool], frozenset[int] | None] | None:
    """The test one pattern key makes of a token's key tuple, and the values it admits when it
    names them (equality, IN); None when the table cannot hold it."""
    col = KEY_ATTRS.get(attr)
    if col is None:
        return None
    if attr == "IS_SPACE":
        if not isinstance(spec, bool):
            return None
        want = int(spec)
        return (lambda key: key[col] == want), None
    if isinstance(spec, str):
        h = vocab.strings.add(spec)
        return (lambda key: key[col] == h), frozenset((h,))
    if isinstance(spec, dict) and len(spec) == 1:
        op, arg = next(iter(spec.items()))
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
            hs = frozenset(vocab.strings.add(v) for v in arg)
            if op == "IN":
                return (lambda key: key[col] in hs), hs
            return (lambda key: key[col] not in hs), None
        if op == "REGEX" and isinstance(arg, str):
            rx, strings = re.compile(arg), vocab.strings
            return (lambda key: bool(rx.search(strings[key[col]]))), None
    return None


def compile_rules(ruler) -> list[Rule] | None:
    """The stock ruler's patterns as rules, in its order, or None when one uses what a table
    cannot hold."""
    rules = []
    for i, entry in enumerate(ruler.patterns):
        for pattern in entry["patterns"]:
            tests = []
            anchors: dict[str, frozenset[int] | None] = {}
            for k, token_spec in enumerate(pattern):
                one = {attr: _test(ruler.vocab, attr, spec) for attr, spec in token_spec.items()}
                if not token_spec or any(t is None for t in one.values()):
                    return None
                tests.append(tuple(t for t, _ in one.values()))
                if k == 0:
                    anchors = {attr: one[attr][1] if attr in one else None for attr in ("TAG", "LOWER")}
            rules.append(Rule(tuple(tests), ruler.indices[i], dict(ruler.attrs[i]),
                              anchors.get("TAG"), anchors.get("LOWER")))
    if any(not isinstance(k, int) for r in rules for k in r.values):  # extension attributes
        return None
    return rules


class AttributeTable:
    """Drop-in for the stock `attribute_ruler` pipe (see the module docstring)."""

    def __init__(self, rules: list[Rule]) -> None:
        self.set_rules(rules)

    def set_rules(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.columns = sorted({a for r in rules for a in r.values})
        # (tag or None, lower or None) -> rules whose first token may match such a token
        self._filed: dict[tuple[int | None, int | None], list[int]] = {}
        for n, r in enumerate(rules):
            for tag in r.tags if r.tags is not None else (None,):
                for lower in r.lowers if r.lowers is not None else (None,):
                    self._filed.setdefault((tag, lower), []).append(n)
        self._hits_of: dict[tuple, tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._writes_of: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}

    def _hits(self, key: tuple) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """(single-token rules that match a token with this key, multi-token rules whose first
        token it fits), each in rule order."""
        hit = self._hits_of.get(key)
        if hit is None:
            if len(self._hits_of) > CACHE_LIMIT:
                self._hits_of.clear()
                self._writes_of.clear()
            tag, lower = key[0], key[1]
            filed = self._filed
            candidates = sorted({*filed.get((tag, lower), ()), *filed.get((tag, None), ()),
                                 *filed.get((None, lower), ()), *filed.get((None, None), ())})
            fits = [n for n in candidates if all(t(key) for t in self.rules[n].tests[0])]
            hit = self._hits_of[key] = (tuple(n for n in fits if len(self.rules[n].tests) == 1),
                                        tuple(n for n in fits if len(self.rules[n].tests) > 1))
        return hit

    def _writes(self, ids: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """(column, value) pairs that rules `ids` leave on a token: applied in rule order, so a
        later rule wins, as in spaCy."""
        w = self._writes_of.get(ids)
        if w is None:
            merged: dict[int, int] = {}
            for m in sorted(ids):
                merged.update(self.rules[m].values)
            w = self._writes_of[ids] = tuple((c, merged[a]) for c, a in enumerate(self.columns) if a in merged)
        return w

    def __call__(self, doc):
        n = len(doc)
        if not n or not self.columns:
            return doc
        keys = [tuple(row) for row in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        targets: dict[int, tuple[int, ...]] = {}
        for i, key in enumerate(keys):
            singles, firsts = self._hits(key)
            if singles:
                targets[i] = targets.get(i, ()) + singles
            for m in firsts:
                rule = self.rules[m]
                width = len(rule.tests)
                if i + width <= n and all(all(t(keys[i + k]) for t in rule.tests[k]) for k in range(1, width)):
                    at = i + rule.index if rule.index >= 0 else i + width + rule.index
                    if 0 <= at < n:
                        targets[at] = targets.get(at, ()) + (m,)
        if not targets:
            return doc
        out = doc.to_array(self.columns)
        for i, ids in targets.items():
            for c, value in self._writes(ids):
                out[i, c] = value
        doc.from_array(self.columns, out)
        return doc


@Language.factory("presslens_attribute_table")
def make_attribute_table(nlp, name: str) -> AttributeTable:
    """Registered so the table can take the stock ruler's place; `use_attribute_table` fills it."""
    return AttributeTable([])


def use_attribute_table(nlp) -> bool:
    """Swap the pipeline's `attribute_ruler` for an AttributeTable with its rules; False when kept."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    rules = compile_rules(nlp.get_pipe("attribute_ruler"))
    if rules is None:
        return False
    table = nlp.replace_pipe("attribute_ruler", "presslens_attribute_table")
    table.set_rules(rules)
    return True
