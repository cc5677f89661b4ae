"""Quoted spans -> attributions: merge with a parse cue, find a nearby cue, or inherit.

A quoted span becomes:
  - the content of a parse-found attribution whose content lies inside it
    (`“A. B,” he said` — the parse only sees the last sentence as the complement);
  - part of a mixed quote when it lies inside a longer reported content
    (`He added that “...”`, `He called X “controversial.”`);
  - its own direct quote when a cue sits in the sentence around it (`“…” – wrote
    the politician`, `Name: “…”`), or when it continues the previous speaker's
    quotes (a new paragraph of quotation with no cue).
Short quoted spans with no cue (scare quotes, titles) are not attributions.
"""
from __future__ import annotations

import re

from .cues import speaker_of
from .lexicon import cue_score
from .marks import QuoteSpan
from .spans import Found, mention_span

MIN_WORDS = 4  # a stand-alone quotation shorter than this is a scare quote or a title


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def attach(text: str, quotes: list[QuoteSpan], reported: list[Found], sent_of, tokens_in) -> list[Found]:
    """Combine quote spans with parse attributions.

    sent_of(pos) -> (chunk, sentence) holding a position or None;
    tokens_in(start, end) -> tokens (with chunk offset) overlapping a range.
    """
    out = list(reported)
    last_speaker: Found | None = None
    for q in quotes:
        inner_words = words(text[q.start:q.end])
        # 1. a parse attribution whose content sits inside the quote: widen it to the quote
        inside = [i for i, f in enumerate(out) if f.kind != "direct" and q.start <= f.start and f.end <= q.end + 1]
        if inside:
            i = max(inside, key=lambda i: out[i].score)
            f = out[i]
            if f.cue and q.start <= f.cue[0] < q.end:
                continue  # the cue is quoted speech itself ("I said that ...")
            for j in sorted(inside, reverse=True):
                if j != i and (out[j].cue is None or q.start <= out[j].cue[0] < q.end):
                    del out[j]
            i = [k for k, g in enumerate(out) if g is f][0]
            out[i] = Found("direct", q.start, q.end, f.cue, f.speaker, f.speaker_token, f.score, f.channel)
            last_speaker = out[i]
            continue
        # 2. inside a longer reported content: that attribution is mixed
        host = [i for i, f in enumerate(out) if f.start <= q.start and q.end <= f.end + 1 and f.kind != "direct"]
        if host:
            for i in host:
                f = out[i]
                if f.end - f.start > (q.end - q.start) + 3:
                    out[i] = Found("mixed", f.start, f.end, f.cue, f.speaker, f.speaker_token, f.score, f.channel)
                last_speaker = out[i]
            continue
        if any(f.start <= q.start < f.end or q.start <= f.start < q.end for f in out):
            continue
        if inner_words < MIN_WORDS:
            continue
        # 3. a cue verb next to the quote, in the sentence that holds its end or its start
        found = _nearby_cue(text, q, sent_of)
        if found is not None:
            out.append(found)
            last_speaker = found
            continue
        # 4. a quotation with no cue continues the last speaker's quote
        if last_speaker is not None and q.start - last_speaker.end < 600:
            f = Found("direct", q.start, q.end, None, last_speaker.speaker, last_speaker.speaker_token, 0.5)
            out.append(f)
    return out


def _nearby_cue(text: str, q: QuoteSpan, sent_of) -> Found | None:
    for pos in (q.end, q.end - 1, q.start):
        hit = sent_of(pos)
        if hit is None:
            continue
        chunk, sent = hit
        off = chunk.offset
        after = [t for t in sent if off + t.idx >= q.end]
        before = [t for t in sent if off + t.idx + len(t.text) <= q.start]
        # "“…” – wrote the politician" / "“…,” he said": a cue right after the quote
        for t in after[:6]:
            if t.tag_.startswith("VB") and cue_score(t.lower_, True) >= 0.3:
                spk = speaker_of(t) or _noun_after(t)
                if spk is not None:
                    return Found("direct", q.start, q.end, (off + t.idx, off + t.idx + len(t.text)),
                                 mention_span(off, spk), spk, 0.8)
        # "X said: “…”" / "Name: “…”"
        if before and before[-1].text in (":", ",", "—", "–"):
            for t in reversed(before[:-1]):
                if t.tag_.startswith("VB") and cue_score(t.lower_, True) >= 0.3:
                    spk = speaker_of(t)
                    if spk is not None:
                        return Found("direct", q.start, q.end, (off + t.idx, off + t.idx + len(t.text)),
                                     mention_span(off, spk), spk, 0.8)
            if before[-1].text == ":":
                ents = [e for e in sent.ents if e.label_ in ("PERSON", "ORG") and off + e.end_char <= q.start]
                if ents and len(before) - (ents[-1].end - sent.start) <= 2:
                    e = ents[-1]
                    return Found("direct", q.start, q.end, (off + before[-1].idx, off + before[-1].idx + 1),
                                 (off + e.start_char, off + e.end_char), e.root, 0.7)
    return None


def _noun_after(t):
    for c in t.doc[t.i + 1:t.i + 5]:
        if c.pos_ in ("PROPN", "NOUN", "PRON"):
            return c
    return None
