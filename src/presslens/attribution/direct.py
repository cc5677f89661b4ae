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


def attach(text: str, quotes: list[QuoteSpan], reported: list[Found], sent_of) -> list[Found]:
    """Combine quote spans with parse attributions; sent_of(pos) -> (chunk, sentence) or None."""
    long_quotes = [q for q in quotes if words(text[q.start:q.end]) >= MIN_WORDS]
    # a cue inside a quotation is the quoted person's own words ("I think ..."), not the article's
    out = [f for f in reported if not (f.cue and any(q.start < f.cue[0] < q.end for q in long_quotes))]
    prev: Found | None = None  # the last attribution made from a quotation
    for q in quotes:
        # 1. a parse attribution whose content sits inside the quote: widen it to the quote
        # (`“A: B,” Chief X said`: the parse may run the clause past the closing mark into the
        # speaker; a cue after the quotation still says the quotation is what was said)
        inside = [f for f in out if f.kind != "direct" and q.start <= f.start
                  and (f.end <= q.end + 1 or f.start < q.end and f.cue is not None and f.cue[0] >= q.end
                       and _same_paragraph(text, q.end, f.cue[0]))]
        if inside:
            f = max(inside, key=lambda f: f.score)
            out = [g for g in out if g is not f and not (g in inside and g.cue is None)]
            if prev is not None and f.cue == prev.cue and _same_paragraph(text, prev.end, q.start):
                prev = _extend(out, prev, q.end)
                continue
            prev = Found("direct", q.start, q.end, f.cue, f.speaker, f.speaker_token, f.score, f.channel)
            out.append(prev)
            continue
        # 2. inside a longer reported content: that attribution is mixed
        host = [i for i, f in enumerate(out) if f.start <= q.start and q.end <= f.end + 3 and f.kind != "direct"]
        if host:
            for i in host:
                f = out[i]
                if words(text[f.start:q.start]) + words(text[q.end:f.end]) >= 1:
                    out[i] = Found("mixed", f.start, max(f.end, q.end), f.cue, f.speaker, f.speaker_token,
                                   f.score, f.channel)
                prev = out[i]
            continue
        # 2b. a quotation opened inside a reported content and closed after it (`said that “A. B.”`:
        # the parse's clause stops at the first sentence); the content runs to the closing mark
        opened = [i for i, f in enumerate(out) if f.kind != "direct" and f.cue is not None
                  and f.start < q.start < f.end < q.end and f.cue[1] <= f.start]
        if opened:
            for i in opened:
                f = out[i]
                out[i] = Found("mixed", f.start, q.end, f.cue, f.speaker, f.speaker_token, f.score, f.channel)
                prev = out[i]
            continue
        if any(f.start <= q.start < f.end or q.start <= f.start < q.end for f in out):
            continue
        if words(text[q.start:q.end]) < MIN_WORDS:
            continue
        # 3. a cue next to the quote, in the sentence that holds its end or its start
        found = _nearby_cue(text, q, sent_of)
        if found is not None:
            if prev is not None and found.cue == prev.cue:
                prev = _extend(out, prev, q.end)  # “A,” he said, “B.”
            else:
                out.append(found)
                prev = found
            continue
        # 4. a quotation with no cue: the second half of “A,” X said. “B.” or a continuation
        if prev is not None and prev.cue and prev.start < prev.cue[0] < q.start and prev.end < prev.cue[0] \
                and _same_paragraph(text, prev.end, q.start) and q.start - prev.end < 250:
            prev = _extend(out, prev, q.end)
        elif prev is not None and q.start - prev.end < 600 \
                and (words(text[q.start:q.end]) >= CONTINUATION_WORDS or _opens_paragraph(text, q.start)):
            f = Found("direct", q.start, q.end, None, prev.speaker, prev.speaker_token, 0.5)
            out.append(f)
            prev = f
    return out


# a cue-less quotation inside a paragraph and shorter than this names or labels something
# ("a city of “honesty and straight talk”"); on PolNeAR train 63 of 77 such were no attribution
CONTINUATION_WORDS = 8


def _opens_paragraph(text: str, pos: int) -> bool:
    return text[text.rfind("\n", 0, pos) + 1:pos].strip() == ""


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return "\n" not in text[a:b]


def _extend(out: list[Found], f: Found, end: int) -> Found:
    g = Found(f.kind, f.start, max(f.end, end), f.cue, f.speaker, f.speaker_token, f.score, f.channel)
    for i, x in enumerate(out):
        if x is f:
            out[i] = g
            return g
    out.append(g)
    return g


def _nearby_cue(text: str, q: QuoteSpan, sent_of) -> Found | None:
    for pos in (q.end, q.end - 1, q.start):
        hit = sent_of(pos)
        if hit is None:
            continue
        chunk, sent = hit
        off = chunk.offset
        # the words after the closing mark, up to the end of their sentence (spaCy often puts
        # "– wrote the politician." in a sentence of its own)
        after = []
        for t in chunk.doc[sent.start:]:
            if off + t.idx < q.end:
                continue
            after.append(t)
            if t.is_sent_end or len(after) >= 14:
                break
        before = [t for t in sent if off + t.idx + len(t.text) <= q.start]
        # "“…” – wrote the politician" / "“…,” he said": a cue right after the quote
        for t in [t for t in after if not t.is_space][:12]:
            if t.tag_.startswith("VB") and cue_score(t.lower_, True) >= 0.3:
                spk = speaker_of(t) or _noun_after(t)
                if spk is not None:
                    return Found("direct", q.start, q.end, (off + t.idx, off + t.idx + len(t.text)),
                                 mention_span(off, spk), spk, 0.8)
        # "“…” ― Name": a dash and a name after the quotation (sentence splits may cut it off)
        nxt = [t for t in chunk.doc if off + t.idx >= q.end and not t.is_space][:2]
        if len(nxt) == 2 and nxt[0].text in ("―", "—", "–", "-") and nxt[1].text[:1].isupper():
            return Found("direct", q.start, q.end, (off + nxt[0].idx, off + nxt[0].idx + 1),
                         _name_span(off, nxt[1]), nxt[1], 0.7)
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


def _name_span(off: int, tok) -> tuple[int, int]:
    """Capitalised words from tok on: a signature like "― Edwin G. Monroy"."""
    end = tok
    for t in tok.doc[tok.i + 1:tok.i + 6]:
        if not (t.text[:1].isupper() or t.text == "."):
            break
        end = t
    return off + tok.idx, off + end.idx + len(end.text)
