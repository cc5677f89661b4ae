"""Attributions carried by an adverbial rather than a verb that governs the claim.

Translated reporting attributes a whole main clause with a side clause or phrase:
`As TASS writes, the fire is ...`, `As the press service told Interfax, the plant will ...`,
`..., as X noted.`, `In his words, the region needed ...`, `By his own account, the performer
is ...`, `In the words of the minister, ...`. The parse hangs the cue on the main clause, so the
verb patterns of cues.py see a cue with nothing to say; here the main clause is the content and
the side clause's subject (or the phrase's owner) the speaker. Which phrases attribute, and with
what act, is data: acts.json `phrases` keyed `in word`, `by account`, ... (acts.py `opener_act`).
"""
from __future__ import annotations

from .acts import READER_ACTS, cue_act, lexicon, opener_act
from .features import candidate_features
from .lexicon import cue_score
from .spans import Found, mention_span, trim

# the shape these patterns give a candidate: the cue classifier never saw it, so the pattern decides
OPENER_SHAPE = "shape=opener"
_SUBJ = ("nsubj", "nsubjpass")


def find_opener(text: str, off: int, tok) -> Found | None:
    """The attribution `tok` opens as an `as`-clause cue or the noun of an opening phrase."""
    if tok.tag_.startswith("VB"):
        return _as_clause(text, off, tok)
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.pos_ == "NOUN":
        return _phrase(text, off, tok)
    return None


def _as_clause(text: str, off: int, tok) -> Found | None:
    """`As SUBJ VERB [OBJ], MAIN` or `MAIN, as SUBJ VERB.`: MAIN was said."""
    if tok.dep_ != "advcl" or tok.head.i == tok.i or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    kids = list(tok.children)
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in kids):
        return None
    if any(c.dep_ in ("ccomp", "xcomp") for c in kids) or cue_score(tok.lower_, True) < 0.3:
        return None
    if cue_act(tok, "", False) not in READER_ACTS or tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return None  # "as terrorist groups emerged", "as she called for ...", "as a child growing up": a time
    # "As reported by the press service of X, ...": the agent of a passive speaks
    subj = [c for c in kids if c.dep_ in _SUBJ and c.dep_ != "nsubjpass"] \
        or [o for a in kids if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    if not subj:
        return None
    objs = [c for c in kids if c.dep_ == "dobj"]
    if objs and not (tok.lower_.startswith("tol") and objs[0].pos_ == "PROPN"):
        return None  # "as he discussed his commitment": a time, not a source; "as X told Interfax" is one
    own = sorted(t.i for t in tok.subtree)
    words = [t for t in tok.sent if not t.is_punct and not t.is_space]
    if not (words and words[0].i == own[0] or words and words[-1].i == own[-1]):
        # only an opening or closing side clause: in mid-sentence ("Yet, as X observed, in the
        # early days ...") the parenthetical pattern of cues.py reads the whole sentence
        return None
    toks = _main_clause(tok.head, set(own), before=own[0] > tok.head.i)
    return _found(text, off, tok, subj[0], toks, (off + tok.idx, off + tok.idx + len(tok.text)))


def _phrase(text: str, off: int, tok) -> Found | None:
    """`In his words, MAIN`, `By his own account, MAIN`, `In the words of X, MAIN`."""
    prep = tok.head
    if prep.lower_ not in ("in", "by") or opener_act(prep.lower_, tok.lower_) is None:
        return None
    main = prep.head
    # "In a CBS News poll, she led 56 to 32": the document is the source ("X trails in the polls"
    # after its clause is mostly a standing, not a finding: 48 of 83 such on PolNeAR train were no attribution)
    document = tok.lower_ in lexicon().document_nouns
    if main.pos_ not in ("VERB", "AUX") or prep.i > main.i:
        return None  # only an opening phrase: "she was the best in my opinion" is rare in reports
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:
        of = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        owner = of[0] if of else None
    if owner is None and document:
        owner = tok
    if owner is None:
        return None
    own = {t.i for t in prep.subtree}
    toks = _main_clause(main, own, before=False)
    return _found(text, off, prep, owner, toks, (off + prep.idx, off + tok.idx + len(tok.text)))


def _main_clause(head, own: set[int], before: bool) -> list:
    """The main clause's tokens on the far side of the side clause, without a relay phrase that
    only says where the words came from (`with reference to the department`)."""
    relay = lexicon().relay_words
    drop = set(own)
    for c in head.children:
        if c.dep_ in ("prep", "advcl") and any(t.lower_ in relay for t in c.subtree if t.i <= c.i + 1):
            drop |= {t.i for t in c.subtree}
    edge = min(own) if before else max(own)
    return [t for t in head.subtree if t.i not in drop and (t.i < edge if before else t.i > edge)]


def _found(text: str, off: int, cue, spk, toks: list, cue_span: tuple[int, int]) -> Found | None:
    words = [t for t in toks if not t.is_punct and not t.is_space]
    if len(words) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    start, end = trim(text, off + words[0].idx, off + words[-1].idx + len(words[-1].text))
    if end - start < 3:
        return None
    feats = candidate_features(cue, "ccomp", spk, len(words), words[0], text[start:end])
    return Found("indirect", start, end, cue_span, mention_span(off, spk), spk, 0.9, features=(*feats, OPENER_SHAPE))
