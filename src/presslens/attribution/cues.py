"""Reported speech and beliefs from the dependency parse.

A cue is a verb whose word form was a cue often enough in PolNeAR train
(lexicon.cue_score) and that governs something said: a clausal complement
(`X said that ...`, `..., X said`), an infinitive (`X called on Y to ...`),
or, for verbs that are cues even without a clause (`X criticized the plan`,
`X called the claims "false"`), its object. `According to X, ...` is its own
pattern. Content spans follow the parse; the speaker is the cue's subject,
found through conjunctions and participles when the cue has none itself.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from . import classifier
from .features import candidate_features
from ..coref.lexicon import ROLE_NOUNS
from .lexicon import AUDIENCE, cue_score
from .glued import GLUED_SHAPE, glued_name_cue
from .openers import OPENER_SHAPE, find_opener
from .spans import Found, mention_span, subtree_span, trim

SUBJ = ("nsubj", "nsubjpass")
# right-hand children that are not part of what was said
_NOT_CONTENT = {"punct", "cc", "conj", "advmod", "npadvmod", "mark", "aux", "auxpass", "neg", "nsubj",
                "nsubjpass", "agent", "dative", "prt", "expl", "parataxis"}
_TIME_PREPS = {"on", "in", "at", "during", "after", "before", "since", "last", "this", "earlier"}


@dataclass(frozen=True)
class Thresholds:
    with_clause: float = 0.3  # cue_score needed when the verb governs a clause
    with_object: float = 0.55  # ... when it only governs an object


def find_reported(text: str, chunk, th: Thresholds | None = None) -> list[Found]:
    """Parse-based attributions in one chunk (a spaCy doc at `chunk.offset`).

    With the shipped classifier, every verb candidate is scored by it and kept
    above its tuned threshold; with explicit thresholds (or no model), the
    mined per-form cue score decides alone.
    """
    out: list[Found] = []
    use_model = th is None and classifier.available()
    cands = candidates(text, chunk, Thresholds(0.0, 0.0) if use_model else (th or Thresholds()))
    for f in cands:
        if use_model:
            p = classifier.probability(f.features)
            if p < classifier.THRESHOLD and not (p >= CORE_FLOOR and _core_with_person(f)) and not _noun_tagged(f) \
                    and not PATTERN_SHAPES.intersection(f.features):
                continue
            f = replace(f, score=p)
        out.append(f)
    return out


# verdicts and detentions act on a person; they report no speech ("the court found X guilty",
# "sentenced him", "police detained X") unless they govern a clause ("found that ...")
_VERDICT = {"sentence", "convict", "acquit", "jail", "imprison", "detain", "arrest"}
# these report speech in PolNeAR often enough ("released a statement", "the poll found Y leading"),
# so only their verdict uses are out: a person released or fined, someone found guilty
_ON_PERSON = {"release", "fine", "find", "question", "interrogate", "summon"}
_IRREGULAR = {"found": "find", "finds": "find", "finding": "find"}
_VERDICT_ADJ = {"guilty", "innocent", "liable", "culpable"}
_PERSON_PRON = {"him", "her", "them", "me", "us"}
_NON_SPEAKERS = {"investigation", "inquiry", "probe", "verdict", "decision", "ruling", "case", "law", "bill",
                 "construction", "project", "work", "plan"}


def _base(word: str) -> str:
    """A verb's base form without the lemmatizer (the shared parse runs without one)."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for suf, rep in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("es", ""), ("es", "e"), ("s", ""),
                     ("ing", ""), ("ing", "e")):
        if w.endswith(suf) and w[:len(w) - len(suf)] + rep in _VERDICT | _ON_PERSON:
            return w[:len(w) - len(suf)] + rep
    return w


def _not_speech(tok, spk) -> bool:
    # "found X guilty" is parsed with the adjective as a clause: not a clause of speech
    has_clause = any(c.dep_ == "ccomp" and c.pos_ not in ("ADJ", "NOUN", "PROPN") for c in tok.children)
    base = _base(tok.text)
    if base in _VERDICT and not has_clause:
        return True
    if base in _ON_PERSON and not has_clause:
        if any(c.lower_ in _VERDICT_ADJ and c.dep_ in ("ccomp", "oprd", "acomp", "xcomp") for c in tok.children):
            return True  # found X guilty / liable
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        if base != "find" and objs and (objs[0].ent_type_ in ("PERSON", "ORG") or objs[0].lower_ in _PERSON_PRON
                                        or objs[0].lower_ in ROLE_NOUNS):
            return True
    if _expectation_not_speech(tok) or _called_event(tok):
        return True
    # "the investigation ignored the testimony": a thing that ignores says nothing
    if spk is not None and spk.lower_ in _NON_SPEAKERS and spk.pos_ == "NOUN" and not has_clause \
            and tok.lower_.startswith(("ignor", "overlook", "disregard")):
        return True
    return False


# "Construction is expected to start", "the money was intended for X": nobody named expects or
# intends anything; the passive's subject is what is expected, never who expects it ("expected
# by analysts" and "he expected that ..." are ordinary cues)
_EXPECTATION = {"expected", "anticipated", "intended", "predicted", "projected", "forecast", "meant"}


def _agentless_expectation(tok) -> bool:
    if tok.lower_ not in _EXPECTATION or tok.tag_ != "VBN":
        return False
    if any(c.dep_ == "agent" for c in tok.children):
        return False
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or tok.dep_ == "acl"


def _expectation_not_speech(tok) -> bool:
    """PolNeAR annotates `X is expected to happen` (no source), so that stays, with no speaker;
    out are the reduced relative (`the accord expected to be ratified`, a noun's modifier) and
    one with no event at all (`the money was intended for the deputy head`)."""
    if not _agentless_expectation(tok):
        return False
    return tok.dep_ == "acl" or not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)


# what a person calls that is an event, not words: "the rally he had called against the law"
_EVENT_NOUNS = {"rally", "rallies", "protest", "protests", "strike", "strikes", "meeting", "meetings", "election",
                "elections", "vote", "votes", "referendum", "demonstration", "demonstrations", "march", "boycott",
                "session", "summit", "hearing", "congress", "conference", "walkout", "sit-in", "picket"}


def _called_event(tok) -> bool:
    """`a rally he had called against the law`: the relative clause's object is the event noun it
    hangs on, so what is left for content is a modifier, never words (PolNeAR does annotate a
    called meeting or hearing as the object itself: "called an emergency meeting")."""
    if not tok.lower_.startswith("call") or tok.dep_ != "relcl" or tok.head.lower_ not in _EVENT_NOUNS:
        return False
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "oprd") for c in tok.children)


# a core speech verb (say, tell, compare, accuse, ...) with a person as subject is kept down
# the shape of `_split_final_cue`, which the classifier never saw: the pattern decides alone
SPLIT_FINAL = "shape=split_final_cue"
PATTERN_SHAPES = frozenset({SPLIT_FINAL, OPENER_SHAPE, GLUED_SHAPE})
# to this probability: PolNeAR rarely shows such verbs with objects, other news often does
CORE_FLOOR = 0.25


def _noun_tagged(f: Found) -> bool:
    """A sentence-final cue the parse tagged a noun (`..., the press service reports.`): the
    classifier never saw a cue with a noun's tag, so the pattern's own shape decides."""
    return "comp=ccomp" in f.features and any(x in f.features for x in ("tag=NNS", "tag=NN")) \
        and any(x.startswith("form=") and x[5:] in _NOUN_TAGGED_CUES for x in f.features)


def _core_with_person(f: Found) -> bool:
    t = f.speaker_token
    if t is None or f.cue is None:
        return False
    return "core=True" in f.features and (t.ent_type_ == "PERSON" or t.lower_ in ("he", "she", "who"))


def candidates(text: str, chunk, th: Thresholds) -> list[Found]:
    out: list[Found] = []
    off = chunk.offset
    for tok in chunk.doc:
        try:
            if tok.lower_ == "according":
                f = _according(text, off, tok)
            elif tok.lower_ in _NOUN_TAGGED_CUES and not tok.tag_.startswith("VB"):
                f = _final_noun_cue(text, off, tok, th)
            else:
                f = find_opener(text, off, tok) or _from_verb(text, off, tok, th) \
                    or _split_final_cue(text, off, tok, th) or _modifier_final_cue(text, off, tok, th) \
                    or _two_subject_cue(text, off, tok, th) or glued_name_cue(text, off, tok, th.with_clause)
        except (IndexError, ValueError):  # odd parses must never break the stage
            f = None
        if f is not None and f.end > f.start:
            out.append(f)
    return out


def _from_verb(text: str, off: int, tok, th: Thresholds) -> Found | None:
    if not tok.tag_.startswith("VB"):
        return None
    clause = [c for c in tok.children if c.dep_ == "ccomp"] or _channel_clause(tok)
    xcomp = [c for c in tok.children if c.dep_ == "xcomp"]
    score = cue_score(tok.lower_, bool(clause or xcomp))
    cue_end_tok = tok
    # phrasal cues: "pointed out", "called on/for", "went on to say"
    parts = [c for c in tok.rights if c.dep_ == "prt" and c.i == tok.i + 1]
    if parts:
        cue_end_tok = parts[0]
    kind = "obj"
    paren = _parenthetical(tok)
    if paren is not None and score >= th.with_clause:
        # "The museum, Mr. X said, would ...": the whole sentence around the cue was said
        start, end = off + paren[0].idx, off + paren[1].idx + len(paren[1].text)
        kind = "parenthetical"
    elif clause and score >= th.with_clause:
        comp = max(clause, key=lambda c: len(list(c.subtree)))
        start, end = subtree_span(off, comp)
        kind = "ccomp"
    elif (tail := _trailing(tok)) is not None and cue_score(tok.lower_, True) >= th.with_clause:
        # "CLAUSE, NAME told TASS." / "CLAUSE, writes Kommersant.": the parse hangs the cue on the
        # clause; read it as the "CLAUSE, NAME said" it stands for
        host, spk_tok, left = tail
        own = {t.i for t in tok.subtree if t.i >= left}
        toks = [t for t in host.subtree if t.i not in own and t.i < left]
        if not toks:
            return None
        start, end = off + toks[0].idx, off + toks[-1].idx + len(toks[-1].text)
        score = cue_score(tok.lower_, True)
        start, end = trim(text, start, end)
        spk = mention_span(off, spk_tok)
        cue = (off + tok.idx, off + tok.idx + len(tok.text))
        return Found("indirect", start, end, cue, spk, spk_tok, score,
                     features=candidate_features(tok, "ccomp", spk_tok, _n_tokens(tok.doc, start - off, end - off),
                                                 _first(tok.doc, start - off), text[start:end]))
    elif xcomp and score >= th.with_clause:
        comp = xcomp[0]
        start, end = subtree_span(off, comp)
        kind = "xcomp"
        # "urged Congress to act", "called on Russia to help": the addressee belongs to the content
        for c in tok.rights:
            if c.i < comp.i and c.dep_ in ("dobj", "dative"):
                start = min(start, subtree_span(off, c)[0])
            elif c.i < comp.i and c.dep_ == "prep" and c.i == cue_end_tok.i + 1:
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if objs:
                    start = min(start, subtree_span(off, objs[0])[0])
                    cue_end_tok = c
    elif tok.dep_ == "parataxis" and score >= th.with_clause and tok.head.i != tok.i:
        # "The museum, Mr. X said, would ...": the host clause is what was said
        own = {t.i for t in tok.subtree}
        host = [t for t in tok.head.subtree if t.i not in own]
        if not host:
            return None
        start = off + host[0].idx
        end = off + host[-1].idx + len(host[-1].text)
        kind = "parataxis"
    elif score >= th.with_object:
        rights = [c for c in tok.rights if c.dep_ not in _NOT_CONTENT and not _is_channel_or_time(c)]
        if not rights:
            return None
        if rights[0].dep_ == "prep" and rights[0].i == tok.i + 1 and len(rights) >= 1:
            objs = [o for o in rights[0].children if o.dep_ == "pobj"]
            if rights[0].lower_ in ("on", "for") and objs:
                cue_end_tok = rights[0]
        start = subtree_span(off, rights[0])[0]
        end = subtree_span(off, rights[-1])[1]
        if cue_end_tok is not tok and rights[0].i == cue_end_tok.i:
            objs = [o for o in rights[0].children if o.dep_ == "pobj"]
            start = subtree_span(off, objs[0])[0]
    else:
        return None
    if kind == "ccomp":
        end = _continued_claim_end(off, tok, comp, end)
    elif kind == "xcomp":
        end = _coordinated_end(off, tok, xcomp[0], end)
    elif kind == "obj":
        end = _coordinated_end(off, tok, rights[0], end)
    raised = _raised_subject(tok) if kind in ("xcomp", "obj") else None
    if raised is not None:
        start = min(start, subtree_span(off, raised)[0])
    start, end = trim(text, start, end)
    if end - start < 3:
        return None
    parsed_spk = speaker_of(tok)
    # the classifier was trained on the parse's own subject; the repaired one only names the speaker
    spk_tok = _better_subject(tok, parsed_spk)
    if _not_speech(tok, spk_tok):
        return None
    if _agentless_expectation(tok):
        spk_tok = None  # "Construction is expected to start": construction expects nothing
    if kind == "parenthetical":
        spk_tok = [c for c in tok.lefts if c.dep_ in SUBJ][-1]  # "The line, Brandt said, ...": Brandt
    if raised is not None:
        spk_tok = _agent_of(tok)  # "X was called a charlatan by fellow physicians": they spoke, not X
    spk = mention_span(off, spk_tok) if spk_tok is not None else None
    if spk and start <= spk[0] < end and kind != "parenthetical":
        return None  # the "speaker" sits inside the content: a misparse
    cue = (off + tok.idx, off + cue_end_tok.idx + len(cue_end_tok.text))
    return Found("indirect", start, end, cue, spk, spk_tok, score,
                 features=candidate_features(tok, kind, parsed_spk, _n_tokens(tok.doc, start - off, end - off),
                                             _first(tok.doc, start - off), text[start:end]))


def _tag_class(t) -> str:
    return t.tag_[:2] if t.tag_[:2] in ("NN", "JJ") else t.tag_


def _coordinated_end(off: int, tok, head, end: int) -> int:
    """`supported eliminating caucuses, limiting ... and binding ...`, `urged X to share a currency
    and rely on ...`: the parse may hang the second conjunct on the cue instead of on its first
    one. A conjunct of the cue with the first one's tag and no subject of its own, after nothing
    but conjunctions and commas, belongs to what was said ("said A and left" has a finite verb
    after a clause and is never read so: only infinitives, gerunds and objects are)."""
    last = head.right_edge.i
    for c in tok.rights:
        if c.i <= last:
            continue
        if c.dep_ in ("cc", "punct", "preconj") and c.text not in (".", "!", "?", ";", ":"):
            continue
        if c.dep_ != "conj" or _tag_class(c) != _tag_class(head) or any(x.dep_ in SUBJ for x in c.children):
            break
        if any(t.dep_ not in ("cc", "punct") or t.text in (".", "!", "?", ";", ":")
               for t in tok.doc[last + 1:c.left_edge.i]):
            break
        last = c.right_edge.i
        end = max(end, off + tok.doc[last].idx + len(tok.doc[last].text))
    return end


# subordinators whose clause after a reported clause argues for it ("said A because B"); a clause
# of time or manner ("said A when asked", "as he left") tells when the words were said
_REASON_MARKS = {"because", "unless", "although", "though", "whereas"}


def _continued_claim_end(off: int, tok, comp, end: int) -> int:
    """`said A, but that B`, `said A because B`: the parse hangs the second clause on the cue, yet
    it is part of what was said; the content runs over it (nothing else after the first clause)."""
    last = comp.right_edge.i
    for c in tok.rights:
        if c.i <= last:
            continue
        if c.dep_ in ("cc", "punct") and c.text not in (".", "!", "?", ";", ":"):
            continue
        marks = {m.lower_ for m in c.children if m.dep_ == "mark" and m.i < c.i}
        that_conj = c.dep_ == "conj" and "that" in marks
        reason = c.dep_ == "advcl" and bool(marks & _REASON_MARKS)
        if not (that_conj or reason) or any(t.dep_ not in ("cc", "punct") or t.text in (".", "!", "?", ";", ":")
                                             for t in tok.doc[last + 1:c.left_edge.i]):
            break
        last = c.right_edge.i
        end = max(end, off + tok.doc[last].idx + len(tok.doc[last].text))
    sent = tok.sent
    if last + 2 < sent.end and tok.doc[last + 1].text == ":" and comp.i > tok.i:
        # "said she has the quality the job needs: steadiness and strength": what the colon opens
        # spells out the claim, to the end of the sentence
        rest = [t for t in tok.doc[last + 2:sent.end] if not t.is_space]
        while rest and rest[-1].is_punct and rest[-1].text not in _CLOSING_MARKS:
            rest.pop()
        if len([t for t in rest if not t.is_punct]) >= 2:
            end = max(end, off + rest[-1].idx + len(rest[-1].text))
    return end


# verbs whose subject is part of what is claimed when they take an infinitive: "the lack of
# enthusiasm seems to be a real issue" (nobody named seems anything)
_RAISING = {"seem", "seems", "seemed", "appear", "appears", "appeared"}


def _raised_subject(tok):
    """The subject that belongs to the content rather than to a speaker: a passive's
    (`X is expected to win`, `X has been called a charlatan`, `it was labeled "Mostly True"`:
    PolNeAR's content starts at X) or a raising verb's subject when it is a thing, not a
    person (`Stumpf appeared to blame the workers` is Stumpf's claim)."""
    for c in tok.lefts:
        if c.dep_ == "nsubjpass":
            return c
        if c.dep_ == "nsubj" and tok.lower_ in _RAISING and c.pos_ == "NOUN" and not c.ent_type_ \
                and c.lower_ not in ROLE_NOUNS \
                and any(x.dep_ == "xcomp" and cue_score(x.lower_, True) < 0.3 for x in tok.children):
            # "the chart seemed to show that ...": a verb of saying or showing keeps its source
            return c
    return None


def _agent_of(tok):
    for a in tok.children:
        if a.dep_ == "agent":
            return next((o for o in a.children if o.dep_ == "pobj"), None)
    return None


def _better_subject(tok, spk):
    """Repairs of two parse errors around a speaker:

    - `Governor of the X region NAME wrote`: two subjects, the title phrase first; the named
      person is the speaker;
    - `Speaking on Radio X, the mayor of Y, NAME, said`: the cue left without a subject; the
      noun phrase ending right before it (commas aside) is the speaker.
    """
    if tok.dep_ == "advcl" and tok.head.i < tok.i and (tail := _trailing(tok.head)) is not None:
        return tail[1]  # "..., writes Kommersant, citing sources": Kommersant cites, not the clause's subject
    if spk is not None and spk.pos_ in ("VERB", "AUX"):
        spk = None  # "The company X founded, Y, said": a verb parsed as the subject names nobody
    if spk is not None:
        if spk.head.i == tok.i and spk.ent_type_ != "PERSON":
            named = [c for c in tok.lefts if c.dep_ in SUBJ and c.ent_type_ == "PERSON" and c.i > spk.i]
            if named:
                return named[-1]
        return spk
    if tok.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("expl", "auxpass") for c in tok.children):
        return None
    k = tok.i - 1
    while k >= tok.sent.start and (tok.doc[k].is_punct or tok.doc[k].dep_ == "advmod"):
        k -= 1
    if k < tok.sent.start or tok.i - k > 4:
        return None
    t = tok.doc[k]
    if t.pos_ not in ("PROPN", "NOUN", "PRON") or t.dep_ in ("dobj", "npadvmod") or t.ent_type_ in ("DATE", "TIME"):
        return None
    while t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ in ("NOUN", "PROPN"):
        t = t.head.head  # "the head of the agency, said": the head, not the agency
    return t


_CHANNEL_HEADS = {"statement", "interview", "post", "letter", "tweet", "video", "speech", "release", "briefing",
                  "conference", "message", "address", "email", "filing", "appeal"}


# verbs whose sentence-final use after a clause reports it ("..., NAME told TASS", "..., writes X")
_TRAILING = {"told", "said", "says", "writes", "wrote", "reports", "reported", "added", "noted", "stressed",
             "explained", "informs", "informed", "stated", "emphasized", "emphasised", "specified", "clarified"}
# what may follow the outlet: a participle saying where the words came from
_TAIL_PARTICIPLES = {"citing", "quoted", "cited", "referring", "according", "adding", "noting", "speaking"}


def _trailing(tok):
    """(host verb, speaker token, first token of the cue part) when `tok` ends its sentence as `, [SUBJ] cue [OBJ][, citing ...].`
    after a full clause the parse made its head; None otherwise."""
    if tok.lower_ not in _TRAILING or tok.dep_ not in ("conj", "advcl", "parataxis") or tok.head.i >= tok.i:
        return None
    if any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
        return None
    host = tok.head
    if host.pos_ not in ("VERB", "AUX") or not any(c.dep_ in SUBJ for c in host.children):
        return None
    left = min(t.i for t in tok.subtree)
    if left < tok.i and tok.doc[tok.i - 1].text == "," and not any(c.dep_ in SUBJ for c in tok.lefts):
        left = tok.i  # "..., and on embankments, writes X": the parse hung the clause's end on the cue
    subj = [c for c in tok.lefts if c.dep_ in SUBJ]
    objs = [c for c in tok.rights if c.dep_ in ("dobj", "dative", "attr", "npadvmod")]
    if left == tok.i and not subj and tok.lower_ != "told" and objs and _inverted_source(objs[0]):
        spk = objs[0]  # "..., writes Kommersant": the outlet after the verb is the speaker
    elif left == tok.i and not subj:
        # no subject of its own: the noun phrase before it was hung elsewhere ("houses, the governor")
        spk = _better_subject(tok, None)
        if spk is None:
            return None
        # the phrase starts after the nearest comma before it ("houses, the akim of the X region NAME")
        left = spk.left_edge.i
        while left - 1 > host.i and left > tok.i - 14 and tok.doc[left - 1].text != "," \
                and tok.doc[left - 1].pos_ not in ("VERB", "AUX"):
            left -= 1
    else:
        spk = subj[0] if subj else None
    if left - 1 <= host.sent.start or tok.doc[left - 1].text != ",":
        return None
    if spk is None:
        return None
    if tok.lower_ == "told" and not objs:
        return None
    # nothing after the cue but its object, and a "citing ..."/"quoted by ..." participle
    for t in tok.doc[tok.i + 1:tok.sent.end]:
        if t.is_punct or t.is_space or (objs and t.i in {x.i for x in objs[0].subtree}):
            continue
        anc = t
        while anc.head.i != tok.i and anc.head.i != anc.i:
            anc = anc.head
        if anc.head.i != tok.i or anc.lower_ not in _TAIL_PARTICIPLES and not anc.is_punct:
            return None
    if spk.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return host, spk, left


def _inverted_source(obj) -> bool:
    """`..., writes Kommersant`, `..., reported the administration of the regional capital`: a
    name, or a definite body or office holder (acts.json `body_nouns`, the coref role nouns),
    after a trailing cue is its speaker, not its object."""
    if obj.pos_ == "PROPN" or obj.pos_ == "NOUN" and obj.left_edge.text[:1].isupper():
        return True  # "Tatar-inform" is tagged a noun
    from .acts import lexicon
    return obj.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children) \
        and (obj.lower_ in lexicon().body_nouns or obj.lower_ in ROLE_NOUNS)


# cue forms the parse may read as a plural noun when they end a long sentence
# ("..., the agency's press service reports.")
_NOUN_TAGGED_CUES = {"reports", "says", "writes", "informs", "notes", "stresses", "adds", "states"}
_NP_POS = {"DET", "NOUN", "PROPN", "ADJ", "PART", "NUM"}


def _final_noun_cue(text: str, off: int, tok, th: Thresholds) -> Found | None:
    """`CLAUSE, the agency's press service reports.`: the parse made the cue a noun in apposition
    to the clause's last noun; read it as the `CLAUSE, NP reports` it stands for (the content up to
    the comma, the speaker the noun phrase between the comma and the cue)."""
    sent = tok.sent
    after = [t for t in tok.doc[tok.i + 1:sent.end] if not t.is_space]
    if after and after[0].text == "," and len(after) > 1 and after[1].lower_ in _TAIL_PARTICIPLES:
        after = after[-1:]  # "..., the site X reports, citing data from ...": where the words came from
    if not after or not all(t.is_punct and t.text in ".!" for t in after):
        return None
    k = tok.i - 1
    while k > sent.start and tok.doc[k].pos_ in _NP_POS and tok.i - k <= 8:
        k -= 1
    if k <= sent.start or tok.doc[k].text != "," or k == tok.i - 1:
        return None
    np_toks = tok.doc[k + 1:tok.i]
    # "the site стопкоронавирус.рф": the noun the name stands in apposition to is the head
    head = next((t for t in reversed(np_toks) if t.pos_ in ("NOUN", "PROPN")), np_toks[-1])
    if head.pos_ not in ("NOUN", "PROPN") or not any(t.pos_ in ("VERB", "AUX") for t in tok.doc[sent.start:k]):
        return None
    # a singular, determined or named body agrees with "reports"; "..., police reports." is a list
    if head.tag_ not in ("NN", "NNP") or not any(t.pos_ in ("DET", "PROPN") or t.tag_ == "POS" for t in np_toks):
        return None
    score = cue_score(tok.lower_, True)
    if score < th.with_clause:
        return None
    first = tok.doc[sent.start]
    start, end = trim(text, off + first.idx, off + tok.doc[k - 1].idx + len(tok.doc[k - 1].text))
    if end - start < 3:
        return None
    spk = (off + np_toks[0].idx, off + np_toks[-1].idx + len(np_toks[-1].text))
    cue = (off + tok.idx, off + tok.idx + len(tok.text))
    return Found("indirect", start, end, cue, spk, head, score,
                 features=candidate_features(tok, "ccomp", head, _n_tokens(tok.doc, start - off, end - off),
                                             _first(tok.doc, start - off), text[start:end]))


def _split_final_cue(text: str, off: int, tok, th: Thresholds) -> Found | None:
    """`CLAUSE. , RIA Novosti reports.`: the parse cut the sentence before its trailing cue, so
    the cue is the root of a sentence that opens with the comma and says nothing else; the
    sentence before it is what was reported."""
    if tok.lower_ not in _TRAILING or tok.dep_ != "ROOT" or tok.lower_ == "told":
        return None
    sent = tok.sent
    body = [t for t in sent if not t.is_space]
    if not body or body[0].text != "," or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in tok.children):
        return None
    subj = [c for c in tok.lefts if c.dep_ in SUBJ]
    if not subj or any(t.pos_ in ("VERB", "AUX") and t.i != tok.i for t in body):
        return None
    prev = tok.doc[body[0].i - 1] if body[0].i > 0 else None
    if prev is None or "\n" in prev.text:
        return None
    first = prev.sent[0]
    if not any(t.pos_ in ("VERB", "AUX") for t in prev.sent):
        return None
    score = cue_score(tok.lower_, True)
    if score < th.with_clause:
        return None
    start, end = trim(text, off + first.idx, off + prev.idx + len(prev.text))
    if end - start < 3:
        return None
    spk = mention_span(off, subj[0])
    cue = (off + tok.idx, off + tok.idx + len(tok.text))
    feats = candidate_features(tok, "ccomp", subj[0], _n_tokens(tok.doc, start - off, end - off),
                               _first(tok.doc, start - off), text[start:end])
    return Found("indirect", start, end, cue, spk, subj[0], score, features=(*feats, SPLIT_FINAL))


def _modifier_final_cue(text: str, off: int, tok, th: Thresholds) -> Found | None:
    """`CLAUSE, the publication ANSA reported on Saturday.`: the parse read the trailing cue as
    a participle or relative clause of the noun before it (`ANSA, which was reported`); the
    name between the comma and the cue is the speaker and the clause before the comma what was
    reported."""
    if tok.lower_ not in _TRAILING or tok.dep_ not in ("acl", "relcl") or tok.lower_ == "told":
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj", "agent") for c in tok.children):
        return None
    sent = tok.sent
    k = tok.i - 1
    while k > sent.start and tok.doc[k].pos_ in _NP_POS and tok.i - k <= 8:
        k -= 1
    np_toks = tok.doc[k + 1:tok.i]
    names = [t for t in np_toks if t.pos_ == "PROPN"]
    if k <= sent.start or tok.doc[k].text != "," or not names or np_toks[-1].pos_ not in ("PROPN", "NOUN"):
        return None
    rest = [t for t in tok.doc[tok.i + 1:sent.end] if not t.is_punct and not t.is_space]
    if any(t.ent_type_ not in ("DATE", "TIME") and t.pos_ not in ("ADP", "NUM") for t in rest):
        return None  # only when the words were published may follow
    score = cue_score(tok.lower_, True)
    body = tok.doc[sent.start:k]
    if score < th.with_clause or not any(t.pos_ in ("VERB", "AUX") for t in body):
        return None
    start, end = trim(text, off + body[0].idx, off + body[-1].idx + len(body[-1].text))
    if end - start < 3:
        return None
    spk = names[-1]
    cue = (off + tok.idx, off + tok.idx + len(tok.text))
    span = (off + np_toks[0].idx, off + np_toks[-1].idx + len(np_toks[-1].text))
    feats = candidate_features(tok, "ccomp", spk, len(body), body[0], text[start:end])
    return Found("indirect", start, end, cue, span, spk, score, features=(*feats, SPLIT_FINAL))


def _two_subject_cue(text: str, off: int, tok, th: Thresholds) -> Found | None:
    """`A warehouse caught fire in X, the ministry said.`: the parse read the clause's verb as a
    participle of its subject and gave the cue two subjects; the first, up to the comma, is what
    was said and the second the speaker."""
    if tok.lower_ not in _TRAILING or tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    subj = [c for c in tok.lefts if c.dep_ in SUBJ]
    if len(subj) != 2 or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in tok.children):
        return None
    first, spk = subj
    comma = spk.left_edge.i - 1
    if comma <= first.i or tok.doc[comma].text != "," or first.right_edge.i + 1 < comma:
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in first.subtree):
        return None
    score = cue_score(tok.lower_, True)
    body = tok.doc[first.left_edge.i:comma]
    if score < th.with_clause or len(body) < 3:
        return None
    start, end = trim(text, off + body[0].idx, off + body[-1].idx + len(body[-1].text))
    cue = (off + tok.idx, off + tok.idx + len(tok.text))
    feats = candidate_features(tok, "ccomp", spk, len(body), body[0], text[start:end])
    return Found("indirect", start, end, cue, mention_span(off, spk), spk, score, features=(*feats, SPLIT_FINAL))


def _channel_clause(tok) -> list:
    """`said in a statement that ...`: the parse hangs the that-clause on the channel noun."""
    for p in tok.children:
        if p.dep_ != "prep":
            continue
        for o in p.children:
            if o.dep_ == "pobj" and o.lower_ in _CHANNEL_HEADS:
                for c in o.children:
                    if c.dep_ in ("acl", "relcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that"
                                                                   for m in c.children):
                        return [c]
    return []


_FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")


def _finite_clause_of(t, tok) -> bool:
    if t.head.i != tok.i or t.dep_ not in ("conj", "ccomp"):
        return False
    return t.tag_ in _FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in t.children)


_OPENING_MARKS = {'"', "“", "''", "``", "‘", "'", "«", "„"}
_CLOSING_MARKS = {'"', "”", "''", "’", "'", "»"}


def _parenthetical(tok):
    """(first, last) tokens of the sentence when `, SUBJ cue[ adverbs],` sits inside it."""
    subj = [c for c in tok.lefts if c.dep_ in SUBJ]
    if not subj:
        return None
    doc, sent = tok.doc, tok.sent
    left = subj[-1].left_edge  # "The line, Brandt said, ...": the parse may give the host's subject too
    if left.i - 1 > sent.start and doc[left.i - 1].lower_ == "as":
        left = doc[left.i - 1]  # "Hawaii, as one of his advisers pointed out, does not ..."
    own = {t.i for t in tok.subtree}
    # the cue's own modifiers up to the closing comma: "said Monday", "explained earlier in the hearing"
    after = tok.i + 1
    while after < sent.end and after - tok.i <= 8 and after in own and doc[after].text != "," \
            and doc[after].dep_ not in SUBJ + ("ccomp", "dobj", "xcomp", "conj", "cc"):
        after += 1
    if left.i - 1 <= sent.start or after >= sent.end - 1:
        return None
    if doc[left.i - 1].text != "," or doc[after].text != ",":
        return None
    if after + 1 < sent.end and doc[after + 1].text in _OPENING_MARKS:
        return None  # "Asked about it, Clinton said, “I think ...”": the quotation is what was said
    rest = [t for t in doc[after + 1:sent.end] if not t.is_punct and not t.is_space]
    if rest and all(t.i in own for t in rest) and not any(_finite_clause_of(t, tok) for t in rest):
        # "CLAUSE, NAME said, quoted by RIA Novosti.": no host clause goes on after it (a finite
        # clause the parse hung on the cue does: "The line, Brandt said, would open in May",
        # "X paid 8.9 percent, the agency said, and those ... paid 0.8")
        return None
    toks = [t for t in sent if not t.is_space and not t.is_punct or t.text in '"“”\'']
    return (toks[0], toks[-1]) if toks else None


def _index_at(doc, char: int) -> int:
    """Index of the first token starting at or after `char` (binary search: called per
    candidate, so a scan from the document start would make the stage quadratic)."""
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx >= char:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _first(doc, char: int):
    i = _index_at(doc, char)
    return doc[i] if i < len(doc) else None


def _n_tokens(doc, a: int, b: int) -> int:
    return max(0, _index_at(doc, b) - _index_at(doc, a))


def _is_channel_or_time(c) -> bool:
    if c.dep_ != "prep":
        return False
    objs = [o for o in c.children if o.dep_ == "pobj"]
    if not objs:
        return False
    o = objs[0]
    if o.ent_type_ in ("DATE", "TIME"):
        return True
    sub = " ".join(t.lower_ for t in o.subtree)
    return any(w in sub for w in ("statement", "interview", "conference", "briefing", "twitter", "telegram",
                                  "facebook", "channel", "post", "tweet", "speech"))


def speaker_of(tok):
    """The subject of a cue verb, looked up through conj/xcomp/advcl heads."""
    cur = tok
    for _ in range(4):
        subj = [c for c in cur.children if c.dep_ in SUBJ]
        if subj:
            return subj[0]
        agents = [c for c in cur.children if c.dep_ == "agent"]
        for a in agents:
            objs = [o for o in a.children if o.dep_ == "pobj"]
            if objs:
                return objs[0]
        if cur.dep_ in ("conj", "xcomp", "advcl", "ccomp") and cur.head is not cur:
            cur = cur.head
            continue
        if cur.dep_ == "relcl":
            return cur.head
        # inverted "..., said the minister": subject parsed as object/attr after the verb
        for c in cur.rights:
            if c.dep_ in ("dobj", "attr", "npadvmod") and c.pos_ in ("PROPN", "NOUN", "PRON"):
                if c.lower_ not in AUDIENCE:
                    return c
        return None
    return None


def _according(text: str, off: int, tok) -> Found | None:
    to = [c for c in tok.children if c.lower_ == "to"]
    objs = [o for t in to for o in t.children if o.dep_ == "pobj"]
    if not objs:
        return None
    spk_tok = objs[0]
    if spk_tok.lower_ in ("which", "whom") and tok.i > 0 and tok.doc[tok.i - 1].pos_ in ("NOUN", "PROPN"):
        spk_tok = tok.doc[tok.i - 1]  # "a resolution according to which ...": the resolution says it
    head = tok.head if tok.dep_ == "prep" else tok
    own = {t.i for t in tok.subtree}
    if head is tok:
        return None
    toks = [t for t in head.subtree if t.i not in own]
    if not toks:
        return None
    main = head
    while main.dep_ in ("conj", "advcl") and main.head.i != main.i:
        main = main.head
    if spk_tok is objs[0] and main is not head and main.dep_ == "ROOT":
        # the parse hangs the phrase on the nearest verb, often a second conjunct or a subordinate
        # clause ("Trump received 37 percent, Clinton 36 and Bloomberg 13, according to the
        # results"): the source vouches for its whole main clause; not inside another's reported
        # clause ("X explained that A, and B, according to him, is C": the phrase is for B)
        toks = [t for t in main.subtree if t.i not in own and not t.is_space]
        while toks and toks[-1].is_punct and toks[-1].text not in _CLOSING_MARKS:
            toks.pop()
    # content is the clause around "according to X", on the side holding the verb
    left = [t for t in toks if t.i < tok.i]
    right = [t for t in toks if t.i > tok.i]
    side = right if len(right) >= len(left) else left
    if len(left) >= 3 and len(right) >= 3:
        side = [t for t in toks if t.i != head.i or True]  # "X, according to Y, did Z": the whole clause
    if not side:
        return None
    start = off + side[0].idx
    end = off + side[-1].idx + len(side[-1].text)
    start, end = trim(text, start, end)
    spk = mention_span(off, spk_tok)
    cue = (off + tok.idx, off + to[0].idx + len(to[0].text))
    return Found("indirect", start, end, cue, spk, spk_tok, 0.9,
                 features=candidate_features(tok, "according", spk_tok, len(side), side[0], text[start:end]))
