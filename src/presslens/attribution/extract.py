"""Who said what, the attribution package's one entry point (`extract_quotes`).

Parse cues (cues.py) give reported speech; paired quotation marks (marks.py) give direct
quotes, merged with or attached to cues (direct.py); transcript turns (transcript.py); speakers
resolve through the entities stage's mentions and coref map (speaker.py); each attribution is
typed by its act and source kind (acts.py); channels come from the cue's sentence or a
standing channel set earlier for the same speaker (channel.py).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from .acts import READER_ACTS, content_act, cue_act, final_act, is_carrier, is_content_proposition, is_slogan, lemma, lexicon, source_kind
from .channel import channel_in, standing_channel
from .cues import find_reported
from .direct import attach
from .marks import find_quotes
from .lexicon import SPEAKER_PRONOUNS
from ..coref.lexicon import FEMALE_ROLES, MALE_ROLES, RELATIONS, ROLE_NOUNS
from .sources import offset_at as _offset_at, offset_of as _offset_of, source_of
from .speaker import UNKNOWN, SpeakerIndex
from .transcript import transcript_lines
from .spans import Found, mention_span
from ..model import Analysis, Cue, Quote, Speaker


class _Sentences:
    def __init__(self, parsed) -> None:
        self.rows = [(c.offset + s.start_char, c.offset + s.end_char, c, s) for c, s in parsed.sentences()]
        self.starts = [r[0] for r in self.rows]

    def at(self, pos: int):
        k = bisect_right(self.starts, pos) - 1
        if k >= 0 and self.rows[k][0] <= pos < max(self.rows[k][1], self.rows[k][0] + 1):
            return self.rows[k][2], self.rows[k][3]
        return None

    def index(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)


def extract_quotes(analysis: Analysis) -> list[Quote]:
    text = analysis.document.text
    parsed = analysis.get("parsed")
    if not parsed.chunks:
        return []
    sents = _Sentences(parsed)
    reported: list[Found] = []
    for c in parsed.chunks:
        reported.extend(find_reported(text, c))
    paragraphs = [(c.offset, c.end) for c in parsed.chunks]
    marks = [q for q in find_quotes(text, paragraphs) if not analysis.in_boilerplate(q.start, q.end)]
    lines = [f for c in parsed.chunks for f in transcript_lines(text, c)]
    if lines:
        # a transcript turn is its own attribution: quotation marks and parse cues inside it are not
        marks = [q for q in marks if not any(q.start <= f.start < q.end or f.start <= q.start < f.end for f in lines)]
        reported = [f for f in reported if not any(g.start <= f.start < g.end for g in lines)]
    found = attach(text, marks, reported, sents.at) + lines
    found = [f for f in found if not analysis.in_boilerplate(f.start, f.end)]
    headline = _headline_end(text, analysis.document.title)
    found = [f for f in found if f.start >= headline]  # a headline says who said what again, in short
    found = _dedupe(found)
    # the entities stage's pronoun/description map (scratch); absent when another entities stage ran
    index = SpeakerIndex(list(analysis.get("entities")), dict(analysis.scratch.get("coref") or {}))
    return _finish(text, found, index, sents)


def _headline_end(text: str, title: str | None) -> int:
    """Where the headline block that opens the text ends (0 when the text opens with none): the
    guidelines count no attribution in a headline (eval/data/attribution_news/GUIDELINES.md)."""
    if not title:
        return 0
    k = text.find("\n\n")
    return k if k > 0 and " ".join(text[:k].split()) == title else 0


def _dedupe(found: list[Found]) -> list[Found]:
    """One attribution per content span and per cue; the better-scored one stays."""
    out: dict[tuple[int, int], Found] = {}
    for f in sorted(found, key=lambda f: -f.score):
        key = (f.start, f.end)
        if key not in out:
            out[key] = f
    by_cue: dict[tuple[int, int] | None, Found] = {}
    keep = []
    for f in sorted(out.values(), key=lambda f: f.start):
        if f.cue is not None and f.cue in by_cue and by_cue[f.cue].kind == f.kind:
            continue
        by_cue.setdefault(f.cue, f)
        keep.append(f)
    return _one_per_quotation(keep)


_CHAIN_KINDS = ("indirect", "mixed")


def _one_per_chain(text: str, quotes: list[Quote]) -> list[Quote]:
    """`X issued a statement saying Z`, `according to the report, officials said Z`, `X went on
    to discuss Z`: when a cue sits inside another attribution's content and its own content is
    at least half of that content, the two verbs report one act and one of them stays: the
    outer, unless only the inner is speech or writing (`X reacted to the verdict, saying Z`:
    the saying is what a reader asks for). (On PolNeAR train such inner links are gold in 296
    of 987 pairs; dropping them moved content F1 0.742 -> 0.748.) A nested attribution with
    content of its own (`X said that Y, who had met him, believed Z`) covers less of the outer
    content and stays."""
    quotes = _untangle(text, quotes)
    drop: set[int] = set()
    for b in quotes:
        if b.cue is None or b.kind not in _CHAIN_KINDS or id(b) in drop:
            continue
        for a in quotes:
            if a is b or a.cue is None or id(a) in drop:
                continue
            shared = min(a.end, b.end) - max(a.start, b.start)
            if a.start <= b.cue.start < a.end and shared * 2 >= a.end - a.start:
                cut = _participle_cut(text, a, b)
                if cut is not None:
                    quotes[quotes.index(a)] = cut
                    break
                inner_only = b.act in READER_ACTS and a.act not in READER_ACTS
                drop.add(id(a) if inner_only else id(b))
                break
    return [q for q in quotes if id(q) not in drop]


_PARTICIPLE_CUT_WORDS = 3


def _participle_cut(text: str, a: Quote, b: Quote) -> Quote | None:
    """`X cautioned against drawing lessons from the vote, saying Z`: a participle after a comma
    reports a second act with its own content, so the outer content ends at the comma and both
    stay (PolNeAR annotates both). Only when the outer keeps a few words of its own before it."""
    if a.cue is None or b.cue is None or a.cue.start >= b.cue.start or not b.cue.text.lower().endswith("ing"):
        return None
    k = b.cue.start
    while k > a.start and text[k - 1] in " \t":
        k -= 1
    if k <= a.start or text[k - 1] not in ",;—–-":
        return None
    end = k - 1
    while end > a.start and text[end - 1] in " \t,;:—–-":
        end -= 1
    if len(text[a.start:end].split()) < _PARTICIPLE_CUT_WORDS or a.cue.start > end:
        return None
    return replace(a, end=end)


def _untangle(text: str, quotes: list[Quote]) -> list[Quote]:
    """`X declared an alert in two states, TASS reported.`: the parse may hang the trailing cue
    inside the first verb's object, so each content holds the other's cue. The later cue is the
    outer one (it reports the whole clause); the inner content stops before its speaker."""
    out = list(quotes)
    for i, a in enumerate(out):
        for b in out:
            if a is b or a.cue is None or b.cue is None or a.kind != "indirect" or b.cue.start <= a.cue.start:
                continue
            if a.start <= b.cue.start < a.end and b.start <= a.cue.start < b.end:
                cut = min(b.cue.start, b.speaker.start if b.speaker and b.speaker.end > b.speaker.start else b.cue.start)
                end = cut
                while end > a.start and text[end - 1] in " ,;:\n":
                    end -= 1
                if end - a.start >= 3:
                    out[i] = a = replace(a, end=end)
    return out


def _one_per_quotation(found: list[Found]) -> list[Found]:
    """One mixed quote found under two cues (the same content read by two verbs) is stored once,
    under the better-scored cue; nested attributions (`X said Y called it "a con"`) cover
    different content and both stay."""
    mixed = sorted((f for f in found if f.kind == "mixed"), key=lambda f: -f.score)
    drop: set[int] = set()
    kept: list[Found] = []
    for f in mixed:
        for g in kept:
            shared = min(f.end, g.end) - max(f.start, g.start)
            if g.cue != f.cue and shared * 10 >= 9 * max(f.end - f.start, g.end - g.start):
                drop.add(id(f))
                break
        else:
            kept.append(f)
    return [f for f in found if id(f) not in drop]


def _finish(text: str, found: list[Found], index: SpeakerIndex, sents: _Sentences) -> list[Quote]:
    quotes = []
    standing: dict[str, tuple[str, int]] = {}  # speaker name -> (channel, sentence index set)
    # standing channels: a sentence naming a platform, whose subject is a person
    for start, end, c, s in sents.rows:
        ch = standing_channel(text[start:end])
        if ch is None:
            continue
        subj = [t for t in s if t.dep_ in ("nsubj", "nsubjpass")]
        for t in subj:
            ent = index.entity_over(c.offset + t.idx, c.offset + t.idx + len(t.text))
            if ent is not None and ent.type == "PERSON":
                standing[ent.name] = (ch, sents.index(start))
    bodies: dict[str, tuple[Speaker, int]] = {}  # "it"/"they" -> the last unnamed body that spoke, where
    unnamed: list[tuple[Speaker, int, str | None]] = []  # the last unnamed person that spoke, sentence, gender
    for f in sorted(found, key=lambda f: f.start):
        spk = index.resolve(text, f.speaker, f.speaker_token, _offset_of(f, sents))
        spk = _body_pronoun(text, f, spk, bodies, sents)
        spk = _unnamed_person_pronoun(text, f, spk, unnamed, index, sents)
        cue = Cue(text[f.cue[0]:f.cue[1]], f.cue[0], f.cue[1]) if f.cue else None
        cue_tok = _token_at(sents, f.cue[0]) if f.cue else None
        spk, relay_channel = source_of(text, f, spk, cue_tok, index, sents, quotes)
        if spk is None:  # no subject anywhere (passive, fragment): an explicit unknown, never empty
            at = f.cue[0] if f.cue else f.start
            spk = Speaker(None, UNKNOWN, at, at)
        channel = f.channel or relay_channel
        if channel is None and f.cue is not None:
            channel = _cue_channel(text, f, sents)
        if channel is None and spk is not None and spk.name in standing and f.kind in ("direct", "mixed"):
            ch, at = standing[spk.name]
            if 0 <= sents.index(f.start) - at <= 8:
                channel = ch
        tokens = _tokens_in(sents, f.start, f.end)
        if f.kind == "indirect" and cue_tok is not None and f.start <= f.cue[0] < f.end \
                and not (f.speaker and f.start <= f.speaker[0] < f.end):  # not "X, Y said, did Z"
            # "X is expected to win", "Delays were reported at airports": the content holds its
            # passive or raising cue and the subject; what was claimed is what follows the cue
            tokens = [t for t in tokens if t.i > cue_tok.i and t.doc is cue_tok.doc]
        if f.kind == "indirect" and not is_content_proposition(tokens, cue_tok):
            continue  # "said about Uber", "says they are": nothing was stated
        if f.kind == "direct" and f.cue is None and is_slogan(text[max(0, f.start - 40):f.start]):
            continue
        carrier = is_carrier(spk, f.speaker_token)
        if carrier:
            spk = _carrier_issuer(text, f, spk, index, quotes, sents)
        kind = source_kind(spk, index.by_id.get(spk.entity) if spk.entity else None, f.speaker_token)
        act = final_act(cue_act(cue_tok, text[f.start:f.end], f.kind != "indirect"), kind, spk, cue_tok, carrier)
        act = content_act(act, f.kind, tokens, cue_tok, text[f.start:f.end])
        quotes.append(Quote(f.kind, f.start, f.end, spk, cue, channel, act, kind))
    return _one_per_chain(text, quotes)


def _token_at(sents: _Sentences, pos: int):
    hit = sents.at(pos)
    if hit is None:
        return None
    c, s = hit
    return next((t for t in s if c.offset + t.idx == pos), None)


def _tokens_in(sents: _Sentences, start: int, end: int) -> list:
    hit = sents.at(start)
    if hit is None:
        return []
    c, s = hit
    return [t for t in s if start <= c.offset + t.idx < end]


def _carrier_issuer(text: str, f: Found, spk: Speaker, index: SpeakerIndex, quotes: list[Quote],
                    sents: _Sentences) -> Speaker:
    """`The company's statement said`, `a statement from the ministry said`: the words' issuer,
    named in the carrier's own phrase; else the named body or person who spoke in the same or the
    sentence before (`X said on Monday ... A statement added`); else the carrier stays, unnamed."""
    tok = f.speaker_token
    if tok is not None:
        off = _offset_of(f, sents)
        for x in tok.subtree:
            if x.i == tok.i or x.dep_ not in ("poss", "pobj", "compound"):
                continue
            ent = index.entity_over(off + x.idx, off + x.idx + len(x.text))
            if ent is not None:
                return Speaker(ent.id, ent.name, spk.start, spk.end)
    here = sents.index(spk.start)
    for q in reversed(quotes):
        if here - sents.index(q.start) > 1:
            break
        if q.speaker is not None and q.speaker.entity is not None:
            return Speaker(q.speaker.entity, q.speaker.name, spk.start, spk.end)
    return spk


def _cue_channel(text: str, f: Found, sents: _Sentences) -> str | None:
    """The channel named in the cue's sentence outside what was said: a platform or press
    conference the speaker talks about is not where the speaker spoke. A parenthetical cue
    (`The plan, X told TASS, is dead`) has the whole sentence as content, so it reads all of it."""
    hit = sents.at(f.cue[0])
    if hit is None:
        return None
    c, s = hit
    a, b = c.offset + s.start_char, c.offset + s.end_char
    if f.start <= f.cue[0] < f.end:
        return channel_in(text[a:b])
    lo, hi = max(a, f.start), min(b, f.end)
    if lo >= hi:
        return channel_in(text[a:b])
    # blanked, not cut: "..., writes Kommersant" keeps its comma
    return channel_in(text[a:lo] + " " * (hi - lo) + text[hi:b])


def _body_pronoun(text: str, f: Found, spk: Speaker | None, last: dict[str, tuple[Speaker, int]],
                  sents: _Sentences) -> Speaker | None:
    """`The report said ... It said ...`, `Police said ... They added ...`: an `it`/`they` the
    entities stage left unresolved (it resolves organisations) takes the last unnamed body that
    spoke in the preceding sentences: a singular one for `it`, a plural one for `they`."""
    if spk is None or f.speaker is None:
        return spk
    here = sents.index(f.speaker[0])
    mention = text[f.speaker[0]:f.speaker[1]].lower()
    if spk.name == UNKNOWN and mention in ("it", "they"):
        # translated news says "they" for a body too ("The akimat said ... They also noted ...")
        opts = [last.get("it")] + ([last.get("they")] if mention == "they" else [])
        opts = [o for o in opts if o is not None and 0 < here - o[1] <= 2]
        body = max(opts, key=lambda o: o[1]) if opts else None
        group = _plural_subject(text, sents, here) if mention == "they" else None
        if group is not None and (body is None or group[1] > body[1]):
            return Speaker(None, group[0], spk.start, spk.end)
        return Speaker(None, body[0].name, spk.start, spk.end) if body else spk
    tok = f.speaker_token
    if spk.entity is not None or tok is None or mention in SPEAKER_PRONOUNS or spk.name == UNKNOWN:
        return spk
    if tok.ent_type_ == "PERSON" or tok.lower_ in ROLE_NOUNS or tok.lower_ in RELATIONS or tok.pos_ != "NOUN":
        return spk  # an unnamed person ("the judge") is no "it"
    last["they" if tok.tag_ == "NNS" else "it"] = (spk, here)
    return spk


def _unnamed_person_pronoun(text: str, f: Found, spk: Speaker | None, unnamed: list, index: SpeakerIndex,
                            sents: _Sentences) -> Speaker | None:
    """`The head of the ministry noted that ... "We control it," he stressed.`: a `he`/`she` the
    entities stage could not resolve (it resolves only to named people) goes to the unnamed person
    who spoke in the same or one of the two sentences before, when nobody named came in between;
    not to a person named later (the article's most mentioned one is only the last resort)."""
    if spk is None or f.speaker is None:
        return spk
    here = sents.index(f.speaker[0])
    mention = text[f.speaker[0]:f.speaker[1]].lower()
    tok = f.speaker_token
    if spk.entity is None and mention not in SPEAKER_PRONOUNS and tok is not None and tok.lower_ in ROLE_NOUNS \
            and spk.name != UNKNOWN:
        gender = "f" if tok.lower_ in FEMALE_ROLES else "m" if tok.lower_ in MALE_ROLES else None
        unnamed[:] = [(spk, here, gender)]
        return spk
    if spk.entity is not None or mention not in ("he", "she") or not unnamed:
        return spk
    prev, at, gender = unnamed[0]
    if not 0 <= here - at <= 2 or gender not in (None, {"he": "m", "she": "f"}[mention]):
        return spk
    if _person_between(index, prev.end, f.speaker[0]):
        return spk
    return Speaker(None, prev.name, spk.start, spk.end)


def _person_between(index: SpeakerIndex, a: int, b: int) -> bool:
    persons = {e.id for e in index.persons}
    return any(a <= s < b and i in persons for s, _, i in index.rows)


def _plural_subject(text: str, sents: _Sentences, here: int) -> tuple[str, int] | None:
    """`Residents gathered outside. They said ...`: the plural main-clause subject of a sentence
    before (not one inside what was said: "... said the roads would be repaired")."""
    for k in (here - 1, here - 2):
        if k < 0:
            return None
        _, _, c, sent = sents.rows[k]
        subj = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
        if subj and subj[0].tag_ in ("NNS", "NNPS") and subj[0].ent_type_ != "PERSON":
            s, e = mention_span(c.offset, subj[0])
            return text[s:e], k
        if subj:
            return None  # the last main subject is singular: no group to point to
    return None
