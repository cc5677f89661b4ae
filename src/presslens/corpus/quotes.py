"""Quote provenance: one group per statement by one speaker, across articles and languages.

A quote is looked up by keys of its words (3-word shingles, same language),
of its anchors (names and numbers folded to Latin skeletons, which survive
translation) and of its translatable words (English stems a Russian word
translates to, by the learned table of corpus/xling.py). It joins the closest earlier quote of the same
speaker when the words agree enough; a quote never joins a group of another
speaker, and the same words under a different speaker are flagged as drift.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
import struct
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..model_files import load_json
from .text import anchors, latin, skeleton, words
from .xling import concept_words

SAME = 0.5                # word overlap (of the shorter quote) to join a same-language group
CROSS = 0.6               # translation score to join across languages (same speaker, same story)
CONTENT_WEIGHT = 0.3      # in the translation score; the rest is agreement of place in the article
MIN_CONTENT = 0.0         # least content agreement for a translation by the same named speaker
MIN_CONTENT_UNNAMED = 0.1  # ... when one side names no one ("the acting governor"): words must carry it,
UNNAMED_APART = 0.2       # and this much when the two quotes' places in their articles do not overlap
COGNATE_LETTERS = 5       # words this long (in Latin letters) give cognate keys
PARALLEL = 0.08           # Dice of two articles' name/number/cognate keys above which one may translate the
                          # other; below it a quote's place in its article says nothing about the other's
MIN_ANCHORS = 2
TRANSLATED_KEYS = 12      # lookup keys from translatable words (English stems) per quote
LENGTH_RATIO = 2.5        # a translation is at most this many times longer or shorter (in words), plus
LENGTH_SLACK = 2          # these words (English spends them on articles and auxiliaries: 'супруг пропал') ...
PART_CONTENT = 0.3        # ... unless it is a part of the other: its span lies within the other's and this share
                          # of its content is found there (one pipeline quotes a sentence whole, the other in two)
GROUPED_ACTS = (None, "speech", "writing")  # thoughts, perceptions and intentions are no statements
OTHER_SPEAKER = 0.8       # word overlap at which another speaker's group is "the same words"
MIN_WORDS = 4             # shorter quotes are grouped only with identical wording
CUT = 0.6                 # a quote holding under this share of a longer appearance's words is cut
PARAPHRASE = 0.6          # a direct quote sharing under this share of words with the quote it repeats
MIN_REPEATED_WORDS = 3    # a quoted core this long repeated in its article is another copy of it
APPOSITION = 80           # characters after a described speaker in which a person's name stands in apposition


@dataclass(frozen=True)
class QuoteKeys:
    speaker: str
    words: frozenset[str]
    anchors: frozenset[str]
    n_words: int
    lookup: list[int]
    cognates: frozenset[str] = frozenset()   # skeletons of long words in any script (see cognates())
    translated: tuple[frozenset[str], ...] = ()  # Russian text: the English stems each content word translates to
    targets: frozenset[str] = frozenset()        # English text: its content stems some Russian word translates to


def _fold_name(name: str) -> str:
    return " ".join(name.casefold().replace("ё", "е").split())


@lru_cache(maxsize=1)
def _organisation_keys() -> dict[str, str]:
    """Names an organisation goes by in Russian and English news -> one key (models/ru/organisations.json):
    "МВФ" and "IMF" share no letters that transliteration could join."""
    data = load_json("ru", "organisations.json")
    return {_fold_name(n): o["key"] for o in data["organisations"] for n in o["names"]}


def speaker_key(speaker: dict[str, Any] | None) -> str:
    """Surname skeleton of the speaker's Latin name ('' when no speaker is known); an organisation
    named differently in the two languages by the key of its entry in organisations.json."""
    if not speaker:
        return ""
    orgs = _organisation_keys()
    for n in (speaker.get("name"), speaker.get("latin")):
        if n and _fold_name(n) in orgs:
            return "org:" + orgs[_fold_name(n)]
    name = speaker.get("latin") or speaker.get("name") or ""
    parts = [p for p in name.replace("-", " ").split() if latin(p)]
    return skeleton(parts[-1], size=6) if parts else ""


def is_named(name: str | None) -> bool:
    """A speaker given by a proper name ("Mikhail Degtyarev", "Полиция безопасности"), not by a
    description ("the acting governor", "врио губернатора", "unknown"): its last word is capitalised."""
    parts = [p.strip(".,;:'’\"()«»") for p in (name or "").split()]
    parts = [p for p in parts if p]
    return bool(parts) and parts[-1][:1].isupper()


def _h(s: str) -> int:
    return struct.unpack("<q", hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest())[0]


def cognates(text: str) -> frozenset[str]:
    """Consonant skeletons of the longer words, folded so that a Russian word and its English cognate
    meet ("президент"/"president", "пандемии"/"pandemic", "Помпео"/"Pompeo"): with names and numbers,
    what a translation keeps of the words."""
    out = set()
    for w in words(text):
        lw = latin(w)
        if len(lw) >= COGNATE_LETTERS and not lw.isdigit():
            k = skeleton(w, size=4)
            if len(k) >= 3:
                out.add(k)
    return frozenset(out)


def quote_keys(text: str, speaker: dict[str, Any] | None) -> QuoteKeys:
    toks = [latin(w) for w in words(text)]
    toks = [t for t in toks if t]
    anc = frozenset(anchors(text))
    shingles = {" ".join(toks[i:i + 3]) for i in range(max(1, len(toks) - 2))}
    cog = cognates(text)
    translated, targets = concept_words(text)
    stems = targets | {e for opts in translated for e in opts}
    lookup = sorted({_h("w:" + s) for s in shingles})[:40] + sorted({_h("a:" + a) for a in anc})[:10] + \
        sorted({_h("c:" + c) for c in cog - anc})[:10] + sorted({_h("t:" + e) for e in stems})[:TRANSLATED_KEYS]
    return QuoteKeys(speaker_key(speaker), frozenset(toks), anc, len(toks), lookup, cog, translated, targets)


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
    """Numbers without trailing zeros: "130 тыс." and "130,000", "300 000" and "300,000" agree."""
    return {n for a in k.anchors if a.startswith("#") and (n := a[1:].rstrip("0"))}


def word_agreement(a: QuoteKeys, b: QuoteKeys) -> tuple[int, int]:
    """(matched, possible) words of a Russian-English pair by the learned translation table: Russian
    content words with a translation among the English stems, out of the smaller side's count."""
    ru, en = (a.translated, b.targets) if a.translated else (b.translated, a.targets)
    if not ru or not en or (a.translated and b.translated):
        return 0, 0
    matched = sum(1 for opts in ru if opts & en)
    return min(matched, len(en)), min(len(ru), len(en))


def content_agreement(a: QuoteKeys, b: QuoteKeys) -> float:
    """Share of the smaller side's names, numbers and cognate skeletons found on the other side, pooled
    with the share of its ordinary words the translation table finds there."""
    ka, kb = a.anchors | a.cognates, b.anchors | b.cognates
    matched, possible = word_agreement(a, b)
    shared, size = (len(ka & kb), min(len(ka), len(kb))) if ka and kb else (0, 0)
    return (shared + matched) / (size + possible) if size + possible else 0.0


def article_keys(text: str) -> frozenset[str]:
    return frozenset(anchors(text)) | cognates(text)


def parallel(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two articles share enough names, numbers and cognates for one to be a translation of the other."""
    return bool(a and b) and 2 * len(a & b) / (len(a) + len(b)) >= PARALLEL


def span_gap(span_a: tuple[float, float], span_b: tuple[float, float]) -> float:
    """Distance between two quotes' places in their articles (shares of the text), 0 when they overlap."""
    return max(0.0, span_a[0] - span_b[1], span_b[0] - span_a[1])


def within(inner: tuple[float, float], outer: tuple[float, float]) -> bool:
    """Whether a quote's place lies inside another's, give or take the slack of a translation's different length."""
    slack = 0.25 * (outer[1] - outer[0])
    return outer[0] - slack <= inner[0] and inner[1] <= outer[1] + slack


def translation_score(a: QuoteKeys, pos_a: float | tuple[float, float], b: QuoteKeys,
                      pos_b: float | tuple[float, float], min_content: float | None = None) -> float:
    """How likely b (another language, same speaker, same story) is a translation of a.

    Translations share few words: this weighs what they keep (names, numbers, cognates)
    with the quote's place in its article (a start, or a (start, end) span, as shares of the text).
    Numbers that disagree, a length far out of proportion, or content under the floor rule it out:
    MIN_CONTENT_UNNAMED when one side is described, MIN_CONTENT (none) for the same named speaker,
    whose translation may share no word the table or the skeletons know and is then found by place
    alone; a described speaker's quote that shares under UNNAMED_APART of its content needs overlapping
    spans. A quote far shorter than the other is its translation only as a part of it: given spans,
    when its span lies within the other's and PART_CONTENT of its content is found there."""
    na, nb = _numbers(a), _numbers(b)
    if na and nb and not na & nb:
        return 0.0
    spans = isinstance(pos_a, tuple) and isinstance(pos_b, tuple)
    content = content_agreement(a, b)
    if max(a.n_words, b.n_words) > LENGTH_RATIO * max(1, min(a.n_words, b.n_words)) + LENGTH_SLACK:
        if not spans or content < PART_CONTENT:
            return 0.0
        short, long_ = (pos_a, pos_b) if a.n_words < b.n_words else (pos_b, pos_a)
        if not within(short, long_):
            return 0.0
    if content < (MIN_CONTENT if min_content is None else min_content):
        return 0.0
    gap = span_gap(pos_a, pos_b) if spans else abs(pos_a - pos_b)
    if spans and gap > 0 and min_content and content < UNNAMED_APART:
        return 0.0  # a described speaker's few shared words and a neighbouring place: another statement
    return CONTENT_WEIGHT * content + (1 - CONTENT_WEIGHT) * (1.0 - gap)


_QUOTED = re.compile(r'["«“„]([^"«»“”„]+)["»”“]')


def quoted_core(content: str) -> str:
    """The words a quote carries in quotation marks (the longest quoted part of a mixed quote), else its
    words without the marks and punctuation around them: what an article would repeat of it."""
    parts = _QUOTED.findall(content)
    core = max(parts, key=len) if parts else content
    return core.strip(" \n\t\"'«»“”„‘’.,;:!?—–-")


def core_places(text: str, content: str, start: int) -> tuple[float | None, list[float]]:
    """Where a quote's words stand in its article (share of the text before them), and where else the
    article repeats them word for word (a headline repeating a quote of the body). Whole words only,
    and only a core of MIN_REPEATED_WORDS words or more counts as repeated: a short one ("Yes")
    recurs by chance and says nothing about which copy a translation renders."""
    core = quoted_core(content)
    if not core or not text:
        return None, []
    n = max(1, len(text))
    own, others = None, []
    for m in re.finditer(r"(?<!\w)" + re.escape(core) + r"(?!\w)", text):
        i = m.start()
        if own is None and start <= i < start + max(len(content), 1):
            own = i / n
        else:
            others.append(i / n)
    return own, others if len(core.split()) >= MIN_REPEATED_WORDS else []


def own_occurrences(mine: tuple[float | None, list[float]], theirs: tuple[float | None, list[float]]) -> bool:
    """Whether two quotes that translate each other by place are each the other's nearest occurrence.

    The place in the article tells which appearance of a repeated phrase a translation renders: when
    one article repeats its quote's words nearer the other quote's place, the other quote translates
    that repetition (the Russian headline's phrase), not this quote (the same phrase in the body)."""
    (pa, other_a), (pb, other_b) = mine, theirs
    if pa is None or pb is None:
        return True
    gap = abs(pa - pb)
    return all(abs(o - pb) >= gap for o in other_a) and all(abs(o - pa) >= gap for o in other_b)


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


_CONJUNCTIONS = frozenset({"and", "or", "but", "while", "who", "и", "а", "но", "или", "который", "которая"})


def apposed_name(record: dict[str, Any], speaker: dict[str, Any] | None) -> str:
    """The surname key of a person named in apposition right after a described speaker ("the senior
    economist for Otkritie Bank's analytical department Maxim Petronevich"), '' when there is none.

    One pipeline may stop at the description where the other names the person; across languages the
    described speaker then stands for that name (and only for it: two names still never join)."""
    if not speaker or is_named(speaker.get("name")) or speaker.get("end") is None:
        return ""
    text = record.get("text") or ""
    end = speaker["end"]
    best = None
    for e in record.get("entities") or []:
        if e.get("type") != "PERSON":
            continue
        for m in e.get("mentions") or []:
            gap = text[end:m["start"]]
            if 0 <= m["start"] - end <= APPOSITION and not any(c in gap for c in ".!?;:«»\"“”\n") \
                    and not _CONJUNCTIONS & set(gap.casefold().replace(",", " ").split()) \
                    and (best is None or m["start"] < best[0]):
                best = (m["start"], e)
    return speaker_key({"name": best[1].get("name"), "latin": best[1].get("latin")}) if best else ""


def _appearance(cand: dict[str, Any]) -> dict[str, Any]:
    return {"article": cand["document_id"], "start": cand["start"], "end": cand["end"]}


@lru_cache(maxsize=8192)
def _content_keys(content: str) -> QuoteKeys:
    """An earlier quote's keys without its speaker: one recent quote is a candidate for many later ones."""
    return quote_keys(content, None)


def group_article_quotes(store, record: dict[str, Any], story: str) -> None:
    """Give every statement of one article its provenance group.

    All (quote, earlier appearance) pairs of the article are scored first and joined best first,
    each quote once and each group at most once per article: greedy joining in reading order let
    a weaker early match take the group its own translation belonged to."""
    text = record.get("text") or ""
    lang = record.get("language") or ""
    items = []
    mine: frozenset[str] | None = None
    theirs: dict[str, frozenset[str]] = {}
    their_text: dict[str, str] = {}

    def is_parallel(doc_id: str) -> bool:
        nonlocal mine
        if mine is None:
            mine = article_keys(text)
        if doc_id not in theirs:
            brief = store.doc_brief(doc_id)
            their_text[doc_id] = (brief["text"] or "") if brief else ""
            theirs[doc_id] = article_keys(their_text[doc_id])
        return parallel(mine, theirs[doc_id])

    for q in record.get("quotes") or []:
        if q.get("act") in GROUPED_ACTS:
            keys = quote_keys(text[q["start"]:q["end"]], q.get("speaker"))
            apposed = apposed_name(record, q.get("speaker"))
            if apposed:  # the description stands for that name, in either language
                keys = dataclasses.replace(keys, speaker=apposed)
            items.append((q, keys, q["start"] / max(1, len(text))))
    options = []
    drift: list[list[dict]] = [[] for _ in items]
    for i, (q, keys, position) in enumerate(items):
        speaker_name = (q.get("speaker") or {}).get("name")
        for cand in store.quote_candidates(keys.lookup, keys.speaker, story):
            if cand["document_id"] == record["id"]:
                continue
            ck = dataclasses.replace(_content_keys(cand["content"]), speaker=cand["speaker_key"])
            same_lang = (cand["language"] or "") == lang
            # across languages the two attribution pipelines may give one person by name on one side
            # and by description on the other; two different names never join
            # (a description with a name in apposition counts as that name: its key is the name's)
            named_here = is_named(speaker_name) or keys.speaker != speaker_key(q.get("speaker"))
            named_there = is_named(cand["speaker"]) or ck.speaker != speaker_key({"name": cand["speaker"]})
            described = not (named_here and named_there)
            if ck.speaker != keys.speaker and (same_lang or not described):
                d = other_speaker_drift(keys, ck, cand["speaker"], cand["group_id"])
                if d and not any(x["kind"] == "other-speaker" for x in drift[i]):
                    drift[i].append(d | {"appearance": _appearance(cand)})
                continue
            sim = similarity(keys, ck, same_lang) if ck.speaker == keys.speaker else 0.0
            need = SAME
            if not same_lang and cand["story_id"] == story and (keys.speaker or described) \
                    and is_parallel(cand["document_id"]):
                floor = MIN_CONTENT if ck.speaker == keys.speaker and keys.speaker else MIN_CONTENT_UNNAMED
                there = max(1, len(their_text[cand["document_id"]]))
                score = translation_score(keys, (position, q["end"] / max(1, len(text))), ck,
                                          (cand["start"] / there, cand["end"] / there), floor)
                # place tells which occurrence of a repeated phrase is translated: only the nearest joins
                if score >= CROSS and not own_occurrences(
                        core_places(text, text[q["start"]:q["end"]], q["start"]),
                        core_places(their_text[cand["document_id"]], cand["content"], cand["start"])):
                    score = 0.0
                # a pair that shares enough names is ranked by its translation score too: on the anchor
                # overlap alone (0.5) it lost its group to a weaker pair ranked by translation score
                if sim < SAME:
                    sim, need = score, CROSS
                elif score >= CROSS:
                    sim = max(sim, score)
            if sim >= need:
                options.append((sim, i, cand, ck, same_lang))
    joined: dict[int, tuple[float, dict, QuoteKeys, bool]] = {}
    used: set[str] = set()
    for sim, i, cand, ck, same_lang in sorted(options, key=lambda o: -o[0]):
        if i in joined or cand["group_id"] in used:
            continue
        joined[i] = (sim, cand, ck, same_lang)
        used.add(cand["group_id"])
    for i, (q, keys, position) in enumerate(items):
        if i in joined:
            sim, cand, ck, same_lang = joined[i]
            gid = cand["group_id"]
            for d in drift_on_join(q["kind"], keys, cand["kind"], ck, same_lang):
                drift[i].append(d | {"appearance": _appearance(cand)})
        else:
            gid, sim = group_id(record["id"], q["start"], q["end"]), 1.0
        store.quote_group_add(record["id"], q["start"], q["end"], gid, keys.speaker, sim, drift[i], keys.lookup,
                              position)
