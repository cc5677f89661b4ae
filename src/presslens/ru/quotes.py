"""Russian attribution: who said what, on the same contract as English.

Direct speech in «» or „“ with a cue after a dash («…», — заявил он) or
before a colon (Он заявил: «…»), dialogue paragraphs that open with a dash
(— …, — сказал он.), mixed quotes (a quotation inside a cued sentence), and
reported speech after a cue verb and что, or after a cue phrase (по словам
X, …; как сообщает X, …). Cues, their acts and channels are data
(models/ru/lexicon.json); the speaker is the cue verb's subject (slovnet
syntax) or the name after the cue, resolved to an entity by mention, and a
pronoun (он, она) to the nearest earlier person.
"""
from __future__ import annotations

import re

from ..model import Cue, Entity, Quote, Speaker
from .lexicon import channels, cue_phrases, cue_verbs, organisation_words
from .morph import lemma
from .parse import RuParsed, Sentence, Token

_QUOTE = re.compile(r"«(?:[^«»]|«[^«»]*»)*»|„[^„“”]*[“”]|\"[^\"\n]{3,}\"")
_DASH = "—–-"
_PRONOUNS = {"он": "Masc", "она": "Fem", "они": "Plur"}


def _is_speech(content: str) -> bool:
    """«Ак жол» is a name in quote marks; speech has several words or ends a sentence."""
    inner = content.strip("«»„“”\" ")
    return len(inner.split()) >= 4 or bool(re.search(r"[.!?…]$", inner))


def _cue_token(sent: Sentence, start: int, end: int) -> Token | None:
    verbs = cue_verbs()
    for t in sent.tokens:
        if start <= t.start < end and t.pos in ("VERB", "ADJ", "AUX") and lemma(t.text, t.feats) in verbs:
            return t
    return None


def _entity_at(entities: list[Entity], start: int, end: int) -> Entity | None:
    """The entity mentioned in [start, end); a person before an organisation
    ("лидер партии «Ак жол» Азат Перуашев" is Перуашев)."""
    found = [e for e in entities for m in e.mentions if m.start < end and start < m.end]
    people = [e for e in found if e.type == "PERSON"]
    return (people or found or [None])[0]


def _pronoun_person(entities: list[Entity], parsed: RuParsed, pos: int, gender: str) -> tuple[Entity, None] | None:
    best, best_pos = None, -1
    for e in entities:
        if e.type != "PERSON":
            continue
        for m in e.mentions:
            if m.start < pos and m.start > best_pos:
                toks = parsed.tokens_in(m.start, m.end)
                g = next((t.feats.get("Gender") for t in toks if t.feats.get("Gender")), None)
                if gender == "Plur" or g is None or g == gender:
                    best, best_pos = e, m.start
    return best


def _speaker_from_tokens(toks: list[Token], parsed: RuParsed, entities: list[Entity]) -> tuple[Speaker | None, str]:
    toks = [t for t in toks if t.pos != "PUNCT"]
    if not toks:
        return None, "unnamed"
    s, e = toks[0].start, toks[-1].end
    ent = _entity_at(entities, s, e)
    if ent is not None:
        m = next(m for m in ent.mentions if m.start < e and s < m.end)
        kind = "person" if ent.type == "PERSON" else "organisation"
        return Speaker(ent.id, ent.name, m.start, m.end, ent.latin), kind
    head = toks[0]
    low = head.text.lower()
    if low in _PRONOUNS and len(toks) == 1:
        ref = _pronoun_person(entities, parsed, head.start, _PRONOUNS[low])
        if ref is not None:
            return Speaker(ref.id, ref.name, head.start, head.end, ref.latin), "person"
        return Speaker(None, head.text, head.start, head.end), "unnamed"
    text = parsed.text[s:e]
    orgs = organisation_words()
    kind = "organisation" if any(lemma(t.text, t.feats) in orgs for t in toks[:2]) else \
        "group" if toks[0].feats.get("Number") == "Plur" else "person"
    return Speaker(None, text, s, e), kind


def _subject(sent: Sentence, verb: Token) -> list[Token]:
    subj = sent.children(verb, ("nsubj", "nsubj:pass"))
    if not subj:
        return []
    toks = sent.subtree(subj[0])
    return [t for t in toks if not (t.rel == "punct")]


def _after_cue_np(sent: Sentence, verb: Token) -> list[Token]:
    """The speaker after a cue in "— заявил глава МИД Сергей Лавров.": subject, else the words up to a stop."""
    subj = _subject(sent, verb)
    if subj:
        return subj
    out = []
    for t in sent.tokens[verb.index + 1:]:
        if t.pos == "PUNCT" and t.text not in "«»\"":
            break
        out.append(t)
    return out[:8]


def _channel(text: str) -> str | None:
    low = text.lower()
    for word, name in channels().items():
        if word in low:
            return name
    return None


def _make(kind: str, cs: int, ce: int, cue: Token | None, cue_text: str | None, act: str | None,
          speaker_toks: list[Token], parsed: RuParsed, entities: list[Entity], sent_text: str,
          cue_span: tuple[int, int] | None = None) -> Quote:
    speaker, source_kind = _speaker_from_tokens(speaker_toks, parsed, entities)
    cue_rec = None
    if cue is not None:
        cue_rec = Cue(cue.text, cue.start, cue.end)
    elif cue_span is not None:
        cue_rec = Cue(parsed.text[cue_span[0]:cue_span[1]], *cue_span)
    return Quote(kind=kind, start=cs, end=ce, speaker=speaker, cue=cue_rec, channel=_channel(sent_text),
                 act=act, source_kind=source_kind if speaker else None)


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " ,:—–-\n":
        s += 1
    while e > s and text[e - 1] in " \n":
        e -= 1
    return s, e


def find_quotes(parsed: RuParsed, entities: list[Entity]) -> list[Quote]:
    text = parsed.text
    verbs, phrases = cue_verbs(), cue_phrases()
    quotes: list[Quote] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    # 1. quotation marks
    for m in _QUOTE.finditer(text):
        qs, qe = m.start(), m.end()
        if text[qs:qe].strip() and text[qs + 1:qe - 1].isspace() or not _is_speech(text[qs:qe]):
            continue
        sent = parsed.sentence_at(qs) or parsed.sentence_at(qe - 1)
        if sent is None:
            continue
        after = re.match(r"\s*[,!?.…]?\s*[—–-]\s*", text[qe:qe + 6])
        cue = None
        speaker: list[Token] = []
        kind = "direct"
        if after:
            s2 = parsed.sentence_at(qe + after.end()) or sent
            cue = _cue_token(s2, qe, qe + after.end() + 30)
            if cue is not None:
                speaker = _after_cue_np(s2, cue)
                sent = s2
        if cue is None:
            before = text[max(sent.start, qs - 200):qs]
            if before.rstrip().endswith(":"):
                cue = _cue_token(sent, max(sent.start, qs - 200), qs)
                if cue is not None:
                    speaker = _subject(sent, cue)
        if cue is None:
            cue = _cue_token(sent, sent.start, sent.end)
            if cue is not None:
                speaker = _subject(sent, cue)
                kind = "mixed" if (qs > sent.start + 3 or qe < sent.end - 3) else "direct"
        if cue is None:
            continue
        act = verbs.get(lemma(cue.text, cue.feats))
        if speaker == [] and kind == "direct" and after is None:
            pass
        cs, ce = qs + 1, qe - 1
        if kind == "mixed":
            cs, ce = qs, qe
        quotes.append(_make(kind, cs, ce, cue, None, act, speaker, parsed, entities, text[sent.start:sent.end]))
        taken.append((qs, qe))

    # 2. dialogue paragraphs: "— Мы будем бороться, — сказал он. — Это наш долг."
    for m in re.finditer(r"(?m)^[ \t]*[—–][ \t]+(.+)$", text):
        line_s, line_e = m.start(1), m.end(1)
        if not free(line_s, line_e):
            continue
        d = re.search(r"[,!?.…]\s+[—–]\s+", text[line_s:line_e])
        if not d:
            continue
        sent = parsed.sentence_at(line_s + d.end())
        if sent is None:
            continue
        cue = _cue_token(sent, line_s + d.end(), min(line_e, line_s + d.end() + 30))
        if cue is None:
            continue
        cs, ce = line_s, line_s + d.start() + (1 if text[line_s + d.start()] in "!?.…" else 0)
        speaker = _after_cue_np(sent, cue)
        act = verbs.get(lemma(cue.text, cue.feats))
        quotes.append(_make("direct", cs, ce, cue, None, act, speaker, parsed, entities, text[line_s:line_e]))
        taken.append((cs, ce))
        # the same speaker goes on after the cue: ", — сказал он. — Это наш долг."
        rest = re.search(r"[.!?]\s+[—–]\s+(.+)$", text[cue.end:line_e])
        if rest:
            rs, re_ = _strip(text, cue.end + rest.start(1), line_e)
            if re_ > rs:
                quotes.append(_make("direct", rs, re_, cue, None, act, speaker, parsed, entities, text[line_s:line_e]))
                taken.append((rs, re_))

    # 3. reported speech: cue phrase or cue verb + что
    for sent in parsed.sentences:
        st = text[sent.start:sent.end]
        if not free(sent.start, sent.end):
            continue
        low = st.lower()
        hit = None
        for ph, act in phrases.items():
            i = low.find(ph)
            if i >= 0 and (i == 0 or not low[i - 1].isalpha()):
                hit = (i, ph, act)
                break
        if hit:
            i, ph, act = hit
            ps, pe = sent.start + i, sent.start + i + len(ph)
            comma = st.find(",", i + len(ph))
            src_toks = [t for t in sent.tokens if pe <= t.start and (comma < 0 or t.start < sent.start + comma)]
            if comma >= 0 and i < len(st) // 2:
                cs, ce = _strip(text, sent.start + comma + 1, sent.end)
            else:  # "…, по словам X." — the content comes first
                cs, ce = _strip(text, sent.start, ps)
            ce = ce - 1 if ce > cs and text[ce - 1] in ".," else ce
            if ce - cs > 10 and src_toks:
                quotes.append(_make("indirect", cs, ce, None, ph, act, src_toks[:6], parsed, entities, st, (ps, pe)))
                continue
        for t in sent.tokens:
            if t.pos != "VERB" or lemma(t.text, t.feats) not in verbs:
                continue
            that = None
            for x in sent.tokens[t.index + 1:t.index + 10]:  # "заявил в своём Telegram-канале, что …"
                if x.text.lower() in ("что", "чтобы") or x.text == ":":
                    that = x
                    break
                if x.pos == "VERB":
                    break
            if that is None:
                continue
            cs, ce = _strip(text, that.end, sent.end)
            ce = ce - 1 if ce > cs and text[ce - 1] == "." else ce
            if ce - cs > 10:
                act = verbs.get(lemma(t.text, t.feats))
                quotes.append(_make("indirect", cs, ce, t, None, act, _subject(sent, t), parsed, entities, st))
                break
    quotes.sort(key=lambda q: q.start)
    return quotes
