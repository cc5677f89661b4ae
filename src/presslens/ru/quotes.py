"""Russian attribution: who said what, on the same contract as English.

Patterns, each read off the razdel sentences and slovnet syntax:
- direct speech in «», „“ or "" with a cue after a dash («…», — заявил он)
  or before a colon (Он заявил: «…»); a quotation inside a cued sentence
  is a mixed quote;
- dialogue paragraphs that open with a dash (— …, — сказал он.);
- inversion without marks: "Власти … не оказывают помощи, заявил посол";
- reported speech after a cue verb and что, or after a cue phrase (по
  словам X, …; как сообщает X, …);
- "Об этом заявил X" / "Такое мнение выразил X": the sentences before it.
Cues, their acts and channels are data (models/ru/lexicon.json). The
speaker is the cue verb's subject or the words after the cue, resolved to
an entity by mention; a pronoun (он, его, она) or a role noun (министр,
чиновница, политик) to the nearest earlier person, an organisation noun
(ведомство, издание) to the nearest earlier organisation. Quotes in the
headline lines are left out: they repeat the body.
"""
from __future__ import annotations

import re

from ..model import Cue, Entity, Quote, Speaker
from .lexicon import channels, cue_phrases, cue_verbs
from .morph import lemma, lemma_in
from .parse import RuParsed, Sentence, Token
from .speakers import Resolver

_QUOTE = re.compile(r"«(?:[^«»]|«[^«»]*»)*»|„[^„“”]*[“”]|\"[^\"\n]{3,}\"")
_AFTER = re.compile(r"\s*[,!?.…]?\s*[—–-]\s*")
_ABOUT_THIS = re.compile(r"(?:Об этом|Такое мнение|Такую точку зрения|Такую позицию|Такое заявление|Эти слова)\b")


def _is_speech(content: str) -> bool:
    """«Зелёный берег» is a name in quote marks; speech has several words or ends a sentence."""
    inner = content.strip("«»„“”\" ")
    return len(inner.split()) >= 4 or bool(re.search(r"[.!?…]$", inner))


def title_end(text: str) -> int:
    """Where the headline lines end: up to two leading short lines without a full stop."""
    pos = 0
    for _ in range(2):
        m = re.match(r"[ \t]*([^\n]{1,250})\n", text[pos:])
        if not m or re.search(r"[.!?…:»\"]\s*$", m.group(1)) and not re.search(r"[«\"].*[»\"]\s*$", m.group(1)):
            break
        if re.search(r"[.!?…]\s*$", m.group(1)):
            break
        pos += m.end()
        while pos < len(text) and text[pos] in "\n \t":
            pos += 1
    return pos


def _cue_token(sent: Sentence, start: int, end: int) -> Token | None:
    verbs = cue_verbs()
    for t in sent.tokens:
        if start <= t.start < end and t.pos in ("VERB", "ADJ", "AUX") and lemma_in(t.text, t.feats, verbs):
            return t
    return None


def _subject(sent: Sentence, verb: Token) -> list[Token]:
    """The cue's subject; a verb joined by "и" shares its head's ("Боррель раскрыл … и
    подчеркнул"); a plural verb without one names its source by place ("в ведомстве указали")."""
    v = verb
    for _ in range(4):
        subj = sent.children(v, ("nsubj", "nsubj:pass"))
        if subj:
            return [t for t in sent.subtree(subj[0]) if t.rel != "punct"]
        if v.rel != "conj" or v.head < 0:
            break
        v = sent.tokens[v.head]
    if verb.feats.get("Number") == "Plur":
        for o in sent.children(verb, ("obl",)):
            if any(c.text.lower() in ("в", "во", "у") for c in sent.children(o, ("case",))):
                return [t for t in sent.subtree(o) if t.rel != "punct"][:8]
    return []


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


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " ,:—–-\n":
        s += 1
    while e > s and text[e - 1] in " \n":
        e -= 1
    return s, e


class _Finder:
    def __init__(self, parsed: RuParsed, entities: list[Entity]):
        self.parsed, self.entities, self.text = parsed, entities, parsed.text
        self.verbs, self.phrases = cue_verbs(), cue_phrases()
        self.quotes: list[Quote] = []
        self.taken: list[tuple[int, int]] = []
        self.title = title_end(self.text)
        self.names = [(m.start, m.end) for e in entities for m in e.mentions]
        self.resolver = Resolver(parsed, entities)

    def free(self, s: int, e: int) -> bool:
        return s >= self.title and all(e <= a or s >= b for a, b in self.taken)

    def body(self, sent: Sentence) -> tuple[int, int]:
        """The sentence without headline lines razdel ran into it (a headline has no full stop)."""
        return max(sent.start, self.title) if sent.end > self.title else sent.start, sent.end

    def add(self, kind: str, cs: int, ce: int, cue: Token | None, speaker_toks: list[Token], sent_text: str,
            act: str | None = None, cue_span: tuple[int, int] | None = None) -> None:
        if ce <= cs:
            return
        speaker, source_kind = self.resolver.speaker(speaker_toks, cue)
        if cue is not None:
            cue_rec = Cue(cue.text, cue.start, cue.end)
            act = act or self.verbs.get(lemma(cue.text, cue.feats))
        else:
            cue_rec = Cue(self.text[cue_span[0]:cue_span[1]], *cue_span) if cue_span else None
        self.quotes.append(Quote(kind=kind, start=cs, end=ce, speaker=speaker, cue=cue_rec,
                                 channel=_channel(sent_text), act=act, source_kind=source_kind if speaker else None))
        self.taken.append((cs, ce))

    def is_name(self, qs: int, qe: int) -> bool:
        covered = sum(max(0, min(qe, b) - max(qs, a)) for a, b in self.names)
        return covered * 2 > qe - qs - 2

    # -- patterns ---------------------------------------------------------
    def marked(self) -> None:
        text, parsed = self.text, self.parsed
        for m in _QUOTE.finditer(text):
            qs, qe = m.start(), m.end()
            if not self.free(qs, qe) or not _is_speech(text[qs:qe]) or self.is_name(qs, qe):
                continue
            sent = parsed.sentence_at(qs) or parsed.sentence_at(qe - 1)
            if sent is None:
                continue
            after = _AFTER.match(text, qe)
            cue, speaker, kind = None, [], "direct"
            if after and after.group().strip():
                s2 = parsed.sentence_at(after.end()) or sent
                cue = _cue_token(s2, qe, after.end() + 30)
                if cue is not None:
                    speaker, sent = _after_cue_np(s2, cue), s2
            if cue is None and text[max(sent.start, qs - 200):qs].rstrip().endswith(":"):
                cue = _cue_token(sent, max(sent.start, qs - 200), qs)
                if cue is not None:
                    speaker = _subject(sent, cue)
            if cue is None:
                cue = _cue_token(sent, sent.start, sent.end)
                if cue is None:
                    continue
                speaker = _subject(sent, cue)
                kind = "mixed" if (qs > sent.start + 3 or qe < sent.end - 3) else "direct"
            if kind == "mixed":  # the reported clause around the quotation
                that = next((t for t in sent.tokens if t.text.lower() == "что" and cue.end <= t.start < qs), None)
                cs, ce = (that.end, qe) if that else (qs, qe)
                cs, ce = _strip(text, cs, ce)
            else:
                cs, ce = qs + 1, qe - 1
            self.add(kind, cs, ce, cue, speaker, text[sent.start:sent.end])

    def dialogue(self) -> None:
        text, parsed = self.text, self.parsed
        for m in re.finditer(r"(?m)^[ \t]*[—–-][ \t]+(.+)$", text):
            line_s, line_e = m.start(1), m.end(1)
            if not self.free(line_s, line_e):
                continue
            d = re.search(r"[,!?.…]\s+[—–-]\s+", text[line_s:line_e])
            if not d:
                continue
            sent = parsed.sentence_at(line_s + d.end())
            cue = sent and _cue_token(sent, line_s + d.end(), min(line_e, line_s + d.end() + 30))
            if cue is None:
                continue
            cs, ce = line_s, line_s + d.start() + (1 if text[line_s + d.start()] in "!?.…" else 0)
            speaker = _after_cue_np(sent, cue)
            self.add("direct", cs, ce, cue, speaker, text[line_s:line_e])
            rest = re.search(r"[.!?]\s+[—–-]\s+(.+)$", text[cue.end:line_e])  # "…, — сказал он. — Это наш долг."
            if rest:
                rs, re_ = _strip(text, cue.end + rest.start(1), line_e)
                self.add("direct", rs, re_, cue, speaker, text[line_s:line_e])

    def inverted(self) -> None:
        """"Власти Германии не оказывают помощи, [—] заявил посол Андрей Мельник." """
        text = self.text
        for sent in self.parsed.sentences:
            if not self.free(*self.body(sent)) or _ABOUT_THIS.match(text[sent.start:sent.end]):
                continue  # "Об этом высказался X, пишет ТАСС" attributes the sentences before it
            for t in sent.tokens[2:]:
                prev = sent.tokens[t.index - 1]
                prev2 = sent.tokens[t.index - 2]
                after_comma = prev.text == "," or (prev.text in "—–-" and prev2.text == ",")
                if not after_comma or t.pos != "VERB" or not lemma_in(t.text, t.feats, self.verbs):
                    continue
                subj = _subject(sent, t)
                if not subj or subj[0].start < t.end:  # the speaker follows the cue
                    continue
                cs, ce = _strip(text, self.body(sent)[0], (prev2 if prev.text != "," else prev).start)
                if ce - cs > 15 and not re.search(r"\b(?:что|чтобы)\b", text[cs:ce][:0]):
                    self.add("indirect", cs, ce, t, subj, text[sent.start:sent.end])
                break

    def about_this(self) -> None:
        """"Об этом заявил X." / "Такое мнение выразил X": the sentences before it, same paragraph."""
        text = self.text
        for k, sent in enumerate(self.parsed.sentences):
            st = text[sent.start:sent.end]
            if not _ABOUT_THIS.match(st):
                continue
            cue = _cue_token(sent, sent.start, sent.end)
            speaker = _subject(sent, cue) if cue else []
            if cue is None or not speaker or k == 0:
                continue
            prev = self.parsed.sentences[k - 1]
            if not self.free(*self.body(prev)):
                continue  # the sentence before is already attributed: "Об этом сообщает The Hill" is the outlet
            para = text.rfind("\n", 0, sent.start) + 1
            cs = max(para, prev.start)
            while (k - 2 >= 0 and self.parsed.sentences[k - 2].start >= para
                   and cs - self.parsed.sentences[k - 2].start < 400
                   and self.free(*self.body(self.parsed.sentences[k - 2]))):
                k -= 1
                cs = self.parsed.sentences[k - 1].start
            cs = max(cs, self.title)
            cs, ce = _strip(text, cs, sent.start)
            ce = ce - 1 if ce > cs and text[ce - 1] == "." else ce
            if self.free(cs, ce) and ce - cs > 15:
                self.add("indirect", cs, ce, cue, speaker, st)

    def reported(self) -> None:
        text = self.text
        for sent in self.parsed.sentences:
            st = text[sent.start:sent.end]
            if not self.free(*self.body(sent)):
                continue
            low = st.lower().replace("ё", "е")
            hit = None
            for ph, act in sorted(self.phrases.items(), key=lambda kv: -len(kv[0])):
                i = low.find(ph)
                if i >= 0 and (i == 0 or not low[i - 1].isalpha()) and (hit is None or i < hit[0]):
                    hit = (i, ph, act)
            if hit and self._phrase(sent, st, *hit):
                continue
            for t in sent.tokens:
                if t.pos not in ("VERB", "ADJ") or not lemma_in(t.text, t.feats, self.verbs):
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
                    self.add("indirect", cs, ce, t, _subject(sent, t), st)
                    break

    def _phrase(self, sent: Sentence, st: str, i: int, ph: str, act: str) -> bool:
        text = self.text
        ps, pe = sent.start + i, sent.start + i + len(ph)
        comma = st.find(",", i + len(ph))
        src = [t for t in sent.tokens if pe <= t.start and (comma < 0 or t.start < sent.start + comma)]
        nxt = st.find(",", comma + 1) if comma >= 0 else -1
        if nxt > 0:  # "по словам защитника X, присяжного адвоката Y, …": the apposition names the source
            appos = [t for t in sent.tokens if sent.start + comma < t.start < sent.start + nxt and t.pos != "PUNCT"]
            # a noun phrase in an oblique case (participles too), no finite verb, holding a name
            oblique = all(t.feats.get("Case") not in (None, "Nom") for t in appos
                          if t.pos in ("VERB", "NOUN", "PROPN", "ADJ"))
            if 0 < len(appos) <= 8 and oblique and not any(t.pos == "VERB" and "Case" not in t.feats for t in appos) \
                    and any(a < sent.start + nxt and b > appos[0].start for a, b in self.names):
                src, comma = src + appos, nxt
        if not src and ph.split()[-1] in ("словам", "мнению") and ph.count(" ") == 2:
            src = [t for t in sent.tokens if ps <= t.start < pe][1:2]  # "по его словам": the pronoun
        interior = i > 0 and st[:i].rstrip().endswith(",") and len(st[:i].strip(" ,")) > 10
        if comma >= 0 and interior:
            # "Восстановление экономики, по словам Набиуллиной, займет …": the phrase is a parenthesis
            # inside the reported clause, which runs on both sides of it (as "according to" in English)
            cs, ce = _strip(text, self.body(sent)[0], sent.end)
        elif comma >= 0 and i < len(st) // 2:
            cs, ce = _strip(text, sent.start + comma + 1, sent.end)
        else:  # "…, по словам X." — the content comes first
            cs, ce = _strip(text, self.body(sent)[0], ps)
        ce = ce - 1 if ce > cs and text[ce - 1] in ".," else ce
        if ce - cs > 10 and src:
            self.add("indirect", cs, ce, None, src[:6], st, act, (ps, pe))
            return True
        return False


def find_quotes(parsed: RuParsed, entities: list[Entity]) -> list[Quote]:
    f = _Finder(parsed, entities)
    f.marked()
    f.dialogue()
    f.inverted()
    f.reported()
    f.about_this()  # last: it points back only at sentences no cue of their own attributes
    return sorted(f.quotes, key=lambda q: q.start)
