"""A trailing cue whose outlet name the sentence splitter cut in two.

`..., Gazeta.Ru reported.`, `..., Tomsk.Today reported.`: the tokenizer splits a site's name at
its dot and the splitter ends the sentence there, so the cue opens a sentence of its own
(`Ru reported.`) and the clause it reports ends with a dangling `, Gazeta.`. Read together,
the clause before the comma is what was reported and the glued name its source.
"""
from __future__ import annotations

from .features import candidate_features
from .lexicon import cue_score
from .spans import Found, trim

GLUED_SHAPE = "shape=glued_name_cue"
_CUES = {"reported", "reports", "writes", "wrote", "says", "said", "informs", "notes", "noted", "added"}


def glued_name_cue(text: str, off: int, tok, with_clause: float) -> Found | None:
    """The attribution when `tok` is the cue of `NAME. Part cue.` as described above."""
    if tok.lower_ not in _CUES or tok.dep_ != "ROOT":
        return None
    doc, sent = tok.doc, tok.sent
    body = [t for t in sent if not t.is_space]
    if len(body) < 2 or body[0].i != tok.i - 1 or any(t.i > tok.i and not t.is_punct for t in body):
        return None
    part = body[0]
    if part.i < 3 or not part.text[:1].isalpha():
        return None
    dot, name = doc[part.i - 1], doc[part.i - 2]
    # "Gazeta" "." "Ru": the dot glued to both sides, the name after a comma
    if dot.text != "." or dot.whitespace_ or name.whitespace_ or not name.text[:1].isupper():
        return None
    comma = doc[name.i - 1]
    if comma.text != "," or name.i - 1 <= name.sent.start:
        return None
    clause = doc[name.sent.start:comma.i]
    if not any(t.pos_ in ("VERB", "AUX") for t in clause) or cue_score(tok.lower_, True) < with_clause:
        return None
    start, end = trim(text, off + clause[0].idx, off + clause[-1].idx + len(clause[-1].text))
    if end - start < 3:
        return None
    spk = (off + name.idx, off + part.idx + len(part.text))
    cue = (off + tok.idx, off + tok.idx + len(tok.text))
    feats = candidate_features(tok, "ccomp", part, len(clause), clause[0], text[start:end])
    return Found("indirect", start, end, cue, spk, part, cue_score(tok.lower_, True), features=(*feats, GLUED_SHAPE))
