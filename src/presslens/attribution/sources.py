"""Who the source of a reported claim is when the text names more than one.

Wire copy in translation stacks sources: an outlet relays a person (`RIA Novosti reported,
citing NAME`, `As TASS writes, with reference to the department`, `NHL.com cites X as saying`),
a press service speaks for its body or office holder (`the press service of the regional
administration`, `Governor NAME's press service`), a description stands for an outlet named
before (`the publication notes`, `according to the journalists' information`). `source_of` is
the one place these decisions are taken, in this order: the one quoted or cited speaks and the
outlet becomes the channel; else the body behind its voice; else the outlet behind its
description. The nouns and words each step reads are data (models/acts/acts.json
`quoting_cues`, `relay_words`, `voice_nouns`, `outlet_nouns`, `outlet_staff_nouns`).
"""
from __future__ import annotations

import re

from ..coref.lexicon import ROLE_NOUNS
from .acts import lemma, lexicon
from .speaker import UNKNOWN, SpeakerIndex
from .spans import Found, mention_span
from ..model import Quote, Speaker


def source_of(text: str, f: Found, spk: Speaker | None, cue_tok, index: SpeakerIndex, sents,
              quotes: list[Quote]) -> tuple[Speaker | None, str | None]:
    """(speaker, channel): the speaker after the relay, voice and outlet steps; the channel is
    the relaying outlet's name when the words were relayed, else None."""
    spk = _outlet_as_written(text, f, spk)
    quoted = _quoted_as_saying(text, cue_tok, spk, index, sents)
    if quoted is not None:
        return quoted, None  # the outlet is the cue's subject: channel.py reads it from the sentence
    relayed = _relayed(text, f, cue_tok, spk, index, sents, quotes)
    if relayed is not None:
        return relayed, spk.name
    spk = _voice_of_body(text, f, spk, index, sents)
    return _outlet_description(text, f, spk, index, quotes), None


def _outlet_as_written(text: str, f: Found, spk: Speaker | None) -> Speaker | None:
    """`writes Kama-inform` with `Kama` taken for a person: a mention shaped like an outlet's
    name (channel.known_outlet) that is longer than the entity it was sent to is its own source."""
    from .channel import known_outlet
    if spk is None or f.speaker is None:
        return spk
    mention = _bare(text[f.speaker[0]:f.speaker[1]])
    if spk.name != mention and len(mention) > len(spk.name) and known_outlet(mention):
        return Speaker(None, mention, spk.start, spk.end)
    return spk


def _relayed(text: str, f: Found, cue_tok, spk: Speaker | None, index: SpeakerIndex, sents,
             quotes: list[Quote]) -> Speaker | None:
    """`RIA Novosti reported, citing NAME`, `As TASS writes, with reference to the department`,
    `..., writes Kommersant, referring to the ministry`: an outlet that cites a named person or
    body only relays their words. None unless the speaker is an outlet and the cited one a
    named or described person or body (`citing sources` and `citing data` stay the outlet's)."""
    from .channel import known_outlet
    if cue_tok is None or spk is None or f.speaker_token is None:
        return None
    head = f.speaker_token
    if not (known_outlet(spk.name) or head.lower_ in lexicon().outlet_nouns or lemma(cue_tok) in lexicon().relay_cues):
        return None
    relay = lexicon().relay_words
    off = offset_at(sents, cue_tok)
    for t in cue_tok.sent:
        if t.lower_ not in relay or f.start <= off + t.idx < f.end:
            continue
        cited = _cited(t)
        if cited is None or cited.i == head.i:
            continue
        found = index.resolve(text, mention_span(off, cited), cited, off)
        if found is not None and found.entity == spk.entity and spk.entity is not None and cited.lower_ in lexicon().body_nouns:
            # "As TASS reports citing the agency": an outlet does not cite itself; the agency
            # (ведомство) is the body that spoke before
            body = _last_body(quotes, found.start)
            if body is not None:
                return Speaker(body.entity, body.name, found.start, found.end)
        if found is None or found.name == UNKNOWN or found.entity == spk.entity and spk.entity is not None:
            continue
        if found.entity is None and not _describes_source(cited):
            continue
        if found.entity is None and cited.lower_ in lexicon().body_nouns:
            # "with reference to the department": the body that spoke last before, when one did
            body = _last_body(quotes, found.start)
            return Speaker(body.entity, body.name, found.start, found.end) if body else found
        return found
    return None


def _last_body(quotes: list[Quote], before: int) -> Speaker | None:
    """The named organisation (not an outlet) that was last quoted before `before`."""
    from .channel import known_outlet
    for q in reversed(quotes):
        sp = q.speaker
        if q.start < before and sp is not None and sp.entity is not None and q.source_kind == "organisation" \
                and not known_outlet(sp.name):
            return sp
    return None


def _cited(t):
    """The one `citing X` / `quoting X` / `with reference to X` / `referring to X` names."""
    if t.lower_ in ("citing", "quoting"):
        return next((c for c in t.children if c.dep_ in ("dobj", "pobj", "attr")), None)
    to = [c for c in t.children if c.dep_ == "prep" and c.lower_ == "to"]
    return next((o for p in to for o in p.children if o.dep_ == "pobj"), None)


def _describes_source(tok) -> bool:
    """An unnamed cited one that can speak: a person or a body, not sources or a document."""
    from ..coref.lexicon import DESCRIPTIVE_ORG_NOUNS, ORG_NOUNS, ROLE_NOUNS
    low, lex = tok.lower_, lexicon()
    if low in lex.anonymous_nouns or low in lex.document_nouns or low in lex.carrier_nouns:
        return False
    return low in ROLE_NOUNS or low in ORG_NOUNS or low in DESCRIPTIVE_ORG_NOUNS or tok.ent_type_ in ("PERSON", "ORG")


def _bare(name: str) -> str:
    """`the regional administration's` -> `regional administration`."""
    name = re.sub(r"(?:'s|’s|'|’)$", "", name.strip())
    return name[4:] if name.lower().startswith("the ") else name


def _quoted_as_saying(text: str, cue_tok, spk: Speaker | None, index: SpeakerIndex,
                      sents) -> Speaker | None:
    """`RIA Novosti quotes him as saying`, `NHL.com cites Ovechkin as saying`: the outlet only
    relays; the one it quotes is the speaker. None when the cue is no such construction."""
    if cue_tok is None or lemma(cue_tok) not in lexicon().quoting_cues:
        return None
    doc, off = cue_tok.doc, offset_at(sents, cue_tok)
    for k in range(cue_tok.i + 1, min(cue_tok.i + 8, cue_tok.sent.end) - 2):
        t = doc[k]
        if t.pos_ in ("PROPN", "PRON", "NOUN") and doc[k + 1].lower_ == "as" \
                and doc[k + 2].lower_ in ("saying", "telling", "stating", "writing"):
            head = t
            s, e = mention_span(off, head)
            found = index.resolve(text, (s, e), head, off)
            return found if found is not None and found.name != UNKNOWN else None
    return None


def _voice_of_body(text: str, f: Found, spk: Speaker | None, index: SpeakerIndex,
                   sents) -> Speaker | None:
    """`the press service of the regional administration said`, `the ministry's press office
    reported`: a press service speaks for its body (acts.json `voice_nouns`); the body named in
    its of-phrase or possessive is the speaker, its mention span kept."""
    tok = f.speaker_token
    if spk is None or tok is None or f.speaker is None:
        return spk
    # "The Public Relations and Media Department": the parse may hang the kind words as nmod
    words = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")] + [tok.lower_]
    if " ".join(words[-2:]) not in lexicon().voice_nouns and tok.lower_ not in lexicon().voice_nouns:
        return spk
    off = offset_of(f, sents)
    owners = [o for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    owners += [c for c in tok.lefts if c.dep_ == "poss"]
    for o in owners:
        a, b = off + o.left_edge.idx, off + o.right_edge.idx + len(o.right_edge.text)
        # the owner's own head first: "Governor NAME's press service" is NAME's, and "the press
        # service of the X region's administration" is the administration's, not the region's
        ent = index.entity_over(off + o.idx, off + o.idx + len(o.text))
        if ent is None and o.lower_ in ROLE_NOUNS:
            # "the press service of the governor of the X Region": the governor, not the region
            who = index.resolve(text, (a, b), o, off)
            return Speaker(who.entity, who.name if who.entity else _bare(text[a:b]), spk.start, spk.end)
        if ent is None:
            ent = index.entity_over(a, b)
            ent = ent if ent is not None and ent.type != "PERSON" else None
        if ent is not None:
            return Speaker(ent.id, ent.name, spk.start, spk.end)
        if o.lower_ not in ("its", "their", "his", "her"):
            name = _bare(text[a:b])
            return Speaker(None, name, spk.start, spk.end)
    return spk


# an earlier source named with these reported as an outlet does ("..., The Baltic Ledger reports")
_REPORTING = {"reports", "reported", "writes", "wrote", "informs", "informed"}


def _outlet_description(text: str, f: Found, spk: Speaker | None, index: SpeakerIndex,
                        quotes: list[Quote]) -> Speaker | None:
    """`the publication notes`, `the local publication reported`, `according to the channel's
    information`: a description of an outlet (acts.json `outlet_nouns`) left unresolved, or sent
    to a platform (`Telegram`), is the nearest source named before it that the text calls by the
    same noun (`the BetaNews portal`, `The Military Observer Telegram channel`) or that is a known
    outlet: an organisation of the entities stage or an earlier quote's named source."""
    tok = f.speaker_token
    if spk is None or tok is None:
        return spk
    from ..coref.lexicon import MEDIA, PLATFORM_NAMES, is_outlet_name
    from .channel import known_outlet
    nouns = lexicon().outlet_nouns
    # "the agency reminds" sent by coreference to a ministry named before is still the outlet
    # that reported, when one reported in an earlier quote
    if spk.entity is not None and spk.name.lower() not in PLATFORM_NAMES and not (
            tok.lower_ in nouns and not known_outlet(spk.name)
            and any(q.speaker is not None and q.speaker.end <= spk.start and known_outlet(q.speaker.name)
                    for q in quotes)):
        return spk
    owners = nouns | lexicon().outlet_staff_nouns  # "according to the journalists' information"
    head = tok if tok.lower_ in nouns else next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in owners), None)
    if head is None or any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return spk
    cands: list[tuple[int, Speaker]] = []
    for e in index.entities:
        if e.name.lower() in PLATFORM_NAMES:
            continue
        for m in e.mentions:
            # an outlet called a portal once may be "the publication" next: any outlet noun by the name
            # (the entities stage may take an unknown outlet's name for a place or a person)
            near = set(re.findall(r"[\w-]+", text[max(0, m.start - 30):m.end + 30].lower()))
            org = e.type in ("ORG", "NORP")
            # an agency may be any public body: only a newspaper, portal, ... makes a place or person an outlet
            if m.end <= spk.start and spk.start - m.end < 1500 and (
                    near & (nouns if org else nouns - {"agency"})
                    or org and (is_outlet_name(e.name) or e.name.lower() in MEDIA)):
                cands.append((m.end, Speaker(e.id, e.name, spk.start, spk.end)))
    for q in quotes:
        sp = q.speaker
        # ("In his article, NAME wrote": a person who writes is no outlet)
        reporting = q.cue is not None and q.cue.text.lower() in _REPORTING and sp is not None and sp.name[:1].isupper() \
            and q.source_kind != "person"
        if sp is not None and sp.end <= spk.start and (known_outlet(sp.name) or reporting or set(sp.name.lower().split())
                                                       & nouns and sp.name.lower().split()[-1] != sp.name.lower()):
            name = sp.name[4:] if sp.name.lower().startswith("the ") else sp.name
            cands.append((sp.end, Speaker(sp.entity, name, spk.start, spk.end)))
    return max(cands, key=lambda c: c[0])[1] if cands else spk


def offset_at(sents, tok) -> int:
    for start, _, c, s in sents.rows:
        if s.start <= tok.i < s.end and s.doc is tok.doc:
            return c.offset
    return 0


def offset_of(f: Found, sents) -> int:
    if f.speaker is None:
        return 0
    hit = sents.at(f.speaker[0])
    return hit[0].offset if hit else 0
