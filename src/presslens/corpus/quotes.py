"""Quote provenance: one group per statement by one speaker, across articles and languages.

A quote is looked up by keys of its words (3-word shingles, same language)
and of its anchors (names and numbers folded to Latin skeletons, which
survive translation). It joins the closest earlier quote of the same
speaker when the words agree enough; a quote never joins a group of another
speaker, and the same words under a different speaker are flagged as drift.
"""
from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from typing import Any

from .text import anchors, latin, skeleton, words

SAME = 0.5                # word overlap (of the shorter quote) to join a same-language group
CROSS = 0.6               # translation score to join across languages (same speaker, same story)
ANCHOR_WEIGHT = 0.3       # in the translation score; the rest is agreement of place in the article
MIN_ANCHORS = 2
LENGTH_RATIO = 2.5        # a translation is at most this many times longer or shorter (in words)
GROUPED_ACTS = (None, "speech", "writing")  # thoughts, perceptions and intentions are no statements
OTHER_SPEAKER = 0.8       # word overlap at which another speaker's group is "the same words"
MIN_WORDS = 4             # shorter quotes are grouped only with identical wording
CUT = 0.6                 # a quote holding under this share of a longer appearance's words is cut
PARAPHRASE = 0.6          # a direct quote sharing under this share of words with the quote it repeats


@dataclass(frozen=True)
class QuoteKeys:
    speaker: str
    words: frozenset[str]
    anchors: frozenset[str]
    n_words: int
    lookup: list[int]


def speaker_key(speaker: dict[str, Any] | None) -> str:
    """Surname skeleton of the speaker's Latin name ('' when no speaker is known)."""
    if not speaker:
        return ""
    name = speaker.get("latin") or speaker.get("name") or ""
    parts = [p for p in name.replace("-", " ").split() if latin(p)]
    return skeleton(parts[-1], size=6) if parts else ""


def _h(s: str) -> int:
    return struct.unpack("<q", hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest())[0]


def quote_keys(text: str, speaker: dict[str, Any] | None) -> QuoteKeys:
    toks = [latin(w) for w in words(text)]
    toks = [t for t in toks if t]
    anc = frozenset(anchors(text))
    shingles = {" ".join(toks[i:i + 3]) for i in range(max(1, len(toks) - 2))}
    lookup = sorted({_h("w:" + s) for s in shingles})[:40] + sorted({_h("a:" + a) for a in anc})[:10]
    return QuoteKeys(speaker_key(speaker), frozenset(toks), anc, len(toks), lookup)


def group_id(doc_id: str, start: int, end: int) -> str:
    return "q" + hashlib.blake2b(f"{doc_id}:{start}:{end}".encode(), digest_size=6).hexdigest()


def word_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def similarity(a: QuoteKeys, b: QuoteKeys, same_language: bool) -> float:
    """Word overlap within a language; across languages, the overlap of anchors (names, numbers)."""
    if same_language or (a.words & b.words and word_overlap(a.words, b.words) >= SAME):
        if min(a.n_words, b.n_words) < MIN_WORDS:
            return 1.0 if a.words == b.words else 0.0
        return word_overlap(a.words, b.words)
    shared = a.anchors & b.anchors
    if len(shared) < MIN_ANCHORS:
        return 0.0
    return len(shared) / min(len(a.anchors), len(b.anchors))


def _numbers(k: QuoteKeys) -> set[str]:
    return {a for a in k.anchors if a.startswith("#")}


def translation_score(a: QuoteKeys, pos_a: float, b: QuoteKeys, pos_b: float) -> float:
    """How likely b (another language, same speaker, same story) is a translation of a.

    Translations share few words, so this leans on anchors and on the quote's place in
    its article; numbers that disagree or a length far out of proportion rule it out."""
    na, nb = _numbers(a), _numbers(b)
    if na and nb and not na & nb:
        return 0.0
    if max(a.n_words, b.n_words) > LENGTH_RATIO * max(1, min(a.n_words, b.n_words)):
        return 0.0
    shared = a.anchors & b.anchors
    anchor = len(shared) / min(len(a.anchors), len(b.anchors)) if shared else 0.0
    return ANCHOR_WEIGHT * anchor + (1 - ANCHOR_WEIGHT) * (1.0 - abs(pos_a - pos_b))


def drift_on_join(kind: str, keys: QuoteKeys, other_kind: str, other: QuoteKeys, same_language: bool) -> list[dict]:
    out = []
    if not same_language:
        return out
    if kind == "direct" and other_kind != "direct" and word_overlap(keys.words, other.words) < PARAPHRASE:
        out.append({"kind": "paraphrase-as-direct",
                    "detail": f"quoted directly, but it shares under {PARAPHRASE:.0%} of its words with "
                              f"the {other_kind} report it repeats"})
    if keys.n_words < CUT * other.n_words and word_overlap(keys.words, other.words) >= 0.9:
        out.append({"kind": "cut", "detail": f"{keys.n_words} of the {other.n_words} words of an earlier appearance"})
    elif other.n_words < CUT * keys.n_words and word_overlap(keys.words, other.words) >= 0.9:
        out.append({"kind": "cut", "detail": f"an earlier appearance carried only {other.n_words} of these "
                                             f"{keys.n_words} words"})
    return out


def other_speaker_drift(keys: QuoteKeys, other: QuoteKeys, other_speaker: str | None, other_group: str) -> dict | None:
    if keys.n_words < MIN_WORDS or not keys.speaker or not other.speaker or keys.speaker == other.speaker:
        return None
    if word_overlap(keys.words, other.words) < OTHER_SPEAKER:
        return None
    return {"kind": "other-speaker", "detail": f"the same words are attributed to {other_speaker or 'someone else'}"
                                               f" in group {other_group}"}
