"""Feature vectors for the heads, shared by training and inference so they cannot drift."""
from __future__ import annotations

import math
import re
from typing import Sequence

import numpy as np

_FIRST = re.compile(r"\b(?:I|me|my|we|us|our)\b")
_SECOND = re.compile(r"\byou(?:r)?\b", re.I)
_SAID = re.compile(r"\b(?:said|says|told|according to|stated|announced|reported)\b", re.I)
_QUOTE = re.compile(r"[\"“”«»]")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")

N_STYLE = 9

# Further genre cues (rates per 100 words unless said otherwise). Reporting cites
# sources, agencies, dates and numbers; opinion argues in the first person, with
# modals, negation and hedges; satire leans on questions and capitals.
_CUES = (
    re.compile(r"\b(?:I|me|my|mine|myself)\b"),
    re.compile(r"\b(?:we|us|our|ours)\b", re.I),
    re.compile(r"\byou(?:r|rs)?\b", re.I),
    re.compile(r"\b(?:said|says|told|stated|announced|reported|added|noted|explained|declared|according to)\b", re.I),
    re.compile(r"\b(?:Reuters|AP|AFP|Associated Press|TASS|RIA Novosti|Interfax|Bloomberg|Xinhua|RT|REGNUM"
               r"|Izvestia|Kommersant)\b"),
    re.compile(r"^[A-Z][A-Za-z .'-]{2,30},\s*(?:\w+\s+\d{1,2}|\d{1,2}\s+\w+)\s*[–—-]", re.M),  # dateline
    re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
               r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    re.compile(r"\b(?:should|must|ought|need to|have to)\b", re.I),
    re.compile(r"\b(?:I think|I believe|in my opinion|clearly|obviously|of course|surely|frankly|indeed|simply"
               r"|actually|really)\b", re.I),
    re.compile(r"\b(?:not|no|never|nothing|n't)\b", re.I),
    re.compile(r"\b[A-Z]{3,}\b"),
    re.compile(r"[()\[\]]"),
    re.compile(r"\b\d[\d,.]*\b"),
    re.compile(r"%|\bpercent\b|\bper cent\b", re.I),
    _QUOTE,
    re.compile(r"https?://|www\.|@\w"),
    re.compile(r"\b\w+ly\b", re.I),
    re.compile(r"\b\w+est\b|\bmost\b", re.I),
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
N_CUES = len(_CUES) + 9


def paragraph_features(mean: np.ndarray, maxpool: np.ndarray) -> np.ndarray:
    """Paragraph input: mean-pooled (normalised) and max-pooled token vectors side by side."""
    return np.concatenate([np.asarray(mean, np.float32), np.asarray(maxpool, np.float32)], axis=-1)


def style(texts: Sequence[str]) -> np.ndarray:
    """Reporting vs opinion vs satire cues that embeddings average away."""
    n = max(len(texts), 1)
    joined = "\n".join(texts)
    n_words = max(len(_WORD.findall(joined)), 1)
    return np.array([
        math.log1p(len(texts)),
        math.log1p(len(joined) / n),
        sum(1 for t in texts if _QUOTE.search(t)) / n,
        joined.count("?") / n,
        joined.count("!") / n,
        len(_FIRST.findall(joined)) / n_words * 100,
        len(_SECOND.findall(joined)) / n_words * 100,
        len(_SAID.findall(joined)) / n,
        len(_DIGIT.findall(joined)) / max(len(joined), 1) * 100,
    ], dtype=np.float32)


def cues(texts: Sequence[str]) -> np.ndarray:
    """Article-level word-rate and sentence cues for genre (see _CUES)."""
    n = max(len(texts), 1)
    joined = "\n".join(texts)
    n_words = max(len(_WORD.findall(joined)), 1)
    sents = [s.strip() for s in _SENTENCE.findall(joined) if _WORD.search(s)]
    n_s = max(len(sents), 1)
    rates = [len(p.findall(joined)) / n_words * 100 for p in _CUES]
    first = texts[0] if texts else ""
    return np.array(rates + [
        math.log1p(len(texts)),
        math.log1p(len(joined) / n),
        math.log1p(n_words / n_s),  # words per sentence
        sum(s.endswith("?") for s in sents) / n_s,
        sum(s.endswith("!") for s in sents) / n_s,
        sum(1 for t in texts if _QUOTE.search(t)) / n,
        sum(1 for t in texts if t.lstrip()[:1] in "\"“«") / n,  # paragraphs opening with a quote
        math.log1p(len(_WORD.findall(first))),  # headline length
        float("?" in first),
    ], dtype=np.float32)


# What a reader uses to tell a report from an argument: who speaks (attributed speech
# versus the author's own first person), how (questions, exclamations, evaluative
# words, obligation) and what is cited (named sources, times, numbers). Voice cues are
# counted outside quotation marks, so a quoted "I think" stays the speaker's.
_QUOTED = re.compile(r"“[^”]{0,600}”|«[^»]{0,600}»|\"[^\"\n]{0,600}\"")
_ATTRIB = re.compile(r"\b(?:said|says|told|tells|stated|states|announced|reported|added|noted|explained|declared"
                     r"|stressed|emphasi[sz]ed|claimed|wrote|confirmed|according to|quoted|cited|warned"
                     r"|admitted|insisted|recalled|clarified|commented)\b", re.I)
_SOURCE = re.compile(r"\b(?:spokes(?:man|woman|person)|officials?|minist(?:er|ry|ries)|press (?:service|secretary"
                     r"|office|release)|agency|department|police|prosecutors?|court|governor|authorities"
                     r"|representatives?|statement|report(?:ed)? by|sources?|witnesses|residents)\b", re.I)
_EVAL = re.compile(r"\b(?:absurd|ridiculous|shameful|disgraceful|outrageous|terrible|awful|horrible|stupid"
                   r"|insane|crazy|pathetic|despicable|evil|wicked|sick|disgusting|brilliant|wonderful|great"
                   r"|amazing|incredible|remarkable|appalling|bizarre|hypocritical|cynical|dishonest|corrupt"
                   r"|ludicrous|laughable|idiotic|foolish|dangerous|reckless|sinister|truly|utterly|totally"
                   r"|absolutely|clearly|obviously|surely|certainly|undoubtedly|simply|merely|so-called)\b", re.I)
_TIME = re.compile(r"\b(?:yesterday|today|tonight|this (?:morning|week|month|year)|last (?:week|month|year|night)"
                   r"|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|earlier|later|at least)\b", re.I)
_HEDGE = re.compile(r"\b(?:reportedly|allegedly|apparently|purportedly|may|might|could|possibly|likely"
                    r"|appears?|seems?|suggests?)\b", re.I)
_PERSUADE = re.compile(r"\b(?:we need|we must|let us|let's|why (?:do|does|did|is|are|should|would)|imagine"
                       r"|think about|the truth is|the fact is|make no mistake|wake up)\b", re.I)
_SATIRE = re.compile(r"\b(?:at press time|area (?:man|woman)|sources confirmed|reportedly (?:told|said)"
                     r"|local (?:man|woman)|announced (?:today|Monday|Tuesday|Wednesday|Thursday|Friday)"
                     r"|according to sources|excited(?:ly)?|sarcastic|lol)\b", re.I)
_VOICE = (_FIRST, re.compile(r"\b(?:I|me|my|myself)\b"), re.compile(r"\b(?:we|us|our)\b", re.I), _SECOND,
          _EVAL, _PERSUADE, re.compile(r"\b(?:should|must|ought|need to|have to)\b", re.I))
N_READER = len(_VOICE) + 15


def reader_cues(texts: Sequence[str]) -> np.ndarray:
    """Reported speech versus the author's own argument (see the patterns above)."""
    joined = "\n".join(texts)
    n_words = max(len(_WORD.findall(joined)), 1)
    quoted = sum(len(m.group()) for m in _QUOTED.finditer(joined))
    own = _QUOTED.sub(" ", joined)  # the author's voice
    n_own = max(len(_WORD.findall(own)), 1)
    sents = [s.strip() for s in _SENTENCE.findall(joined) if _WORD.search(s)]
    own_sents = [s.strip() for s in _SENTENCE.findall(own) if _WORD.search(s)]
    n_s, n_os = max(len(sents), 1), max(len(own_sents), 1)
    voice = [len(p.findall(own)) / n_own * 100 for p in _VOICE]
    return np.array(voice + [
        sum(s.endswith("?") for s in own_sents) / n_os,
        sum(s.endswith("!") for s in own_sents) / n_os,
        len(_ATTRIB.findall(joined)) / n_s,
        sum(bool(_ATTRIB.search(s)) for s in sents) / n_s,
        quoted / max(len(joined), 1),
        len(_SOURCE.findall(joined)) / n_words * 100,
        len(_TIME.findall(joined)) / n_words * 100,
        len(_HEDGE.findall(own)) / n_own * 100,
        len(_SATIRE.findall(joined)) / n_words * 100,
        n_own / n_words,  # share of words outside quotes
        sum(1 for t in texts if _ATTRIB.search(t)) / max(len(texts), 1),
        float(bool(_ATTRIB.search(texts[1] if len(texts) > 1 else ""))),  # the lede attributes
        math.log1p(n_words),
        sum(1 for t in texts[:3] if _CUES[5].search(t) or _CUES[4].search(t)) / 3,
        sum(w[:1].isupper() for w in _WORD.findall(own)) / n_own,  # names in the author's voice
    ], dtype=np.float32)


def _mean_embedding(means: np.ndarray) -> np.ndarray:
    m = means.mean(axis=0)
    return m / max(float(np.linalg.norm(m)), 1e-9)


def frame_features(means: np.ndarray, tech_scores: np.ndarray) -> np.ndarray:
    """Article input for frames: mean paragraph embedding, mean and max technique scores.

    (Style cues such as paragraph counts hurt frames on validation: they say more
    about the source's layout than about the frame.)"""
    n_t = tech_scores.shape[1] if tech_scores.ndim == 2 else 0
    if len(means) == 0:
        return np.zeros(means.shape[-1] + 2 * n_t, np.float32)
    return np.concatenate([_mean_embedding(means), tech_scores.mean(axis=0), tech_scores.max(axis=0)]).astype(np.float32)


N_TECH = 23  # the SemEval-2023 techniques the paragraph technique head scores


def genre_features(means: np.ndarray, texts: Sequence[str], tech_scores: np.ndarray | None = None) -> np.ndarray:
    """Article input for genre: mean paragraph embedding, style cues, further cues, reader cues
    and the mean technique score over paragraphs (how much persuasion the text carries: loaded
    language, labels, doubt... are the opinion writer's tools; zeros when not given).

    (The genre head reads the reader cues and technique means; the embedding and older cues
    stay in the vector with zero weights, see train/genre_head.py.)"""
    tech = np.zeros(N_TECH, np.float32) if tech_scores is None or len(tech_scores) == 0 else \
        np.asarray(tech_scores, np.float32).mean(axis=0)
    if len(means) == 0:
        return np.zeros(means.shape[-1] + N_STYLE + N_CUES + N_READER + N_TECH, np.float32)
    return np.concatenate([_mean_embedding(means), style(texts), cues(texts), reader_cues(texts), tech]).astype(np.float32)
