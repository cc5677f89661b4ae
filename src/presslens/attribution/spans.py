"""Character spans from spaCy tokens (global offsets = chunk offset + token idx)."""
from __future__ import annotations

from dataclasses import dataclass

_TRIM = " \t\n,;:-–—"


@dataclass(frozen=True)
class Found:
    """One attribution before speakers are resolved to entities."""

    kind: str
    start: int
    end: int
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None  # the mention the text uses
    speaker_token: object | None = None  # spaCy token heading the speaker mention
    score: float = 1.0
    channel: str | None = None
    features: tuple[str, ...] = ()  # for the cue classifier (features.py)


def token_span(offset: int, tokens) -> tuple[int, int]:
    toks = list(tokens)
    first, last = min(toks, key=lambda t: t.i), max(toks, key=lambda t: t.i)
    return offset + first.idx, offset + last.idx + len(last.text)


def subtree_span(offset: int, tok, skip=()) -> tuple[int, int]:
    """The contiguous hull of a token's subtree, minus subtrees headed by `skip` at its edges."""
    skip_ids = {t.i for s in skip for t in s.subtree}
    toks = [t for t in tok.subtree if t.i not in skip_ids]
    return token_span(offset, toks or [tok])


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge spaces and separators, and a final period outside quotation marks."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if end > start and text[end - 1] == "." and text[start] not in "\"“«„‘'":
        end -= 1
    return start, end


def mention_span(offset: int, tok) -> tuple[int, int]:
    """A noun phrase head expanded to its name/determiner modifiers (not relative clauses)."""
    ents = [e for e in tok.doc.ents if e.start <= tok.i < e.end]
    if ents:
        e = ents[0]
        # "COVID-19, RIA Novosti" tagged as one entity: the name is what follows the last comma
        cut = [t for t in e if t.i < tok.i and t.text == ","]
        start = tok.doc[cut[-1].i + 1].idx if cut else e.start_char
        return offset + start, offset + e.end_char
    keep = {"compound", "det", "amod", "poss", "nummod", "nmod", "flat", "case", "quantmod"}
    left = [c for c in tok.lefts if c.dep_ in keep]
    toks = [tok]
    for c in left:
        toks.extend(c.subtree)
    # "the leader of the X party": keep a short of-phrase as part of the description
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of" and len(list(c.subtree)) <= 6:
            toks.extend(c.subtree)
    return token_span(offset, toks + _hyphen_tail(tok))


def _hyphen_tail(tok) -> list:
    """`the vice-premier` split by the tokenizer into `vice`, `-`, `premier`: keep the word whole."""
    doc, out = tok.doc, []
    k = tok.i
    while k + 2 < len(doc) and doc[k + 1].text == "-" and not doc[k].whitespace_ and not doc[k + 1].whitespace_:
        out += [doc[k + 1], doc[k + 2]]
        k += 2
    return out
