"""Features of a cue candidate for the learned cue classifier (classifier.py).

Sparse string features: the word form and how often PolNeAR train made it a
cue, what it governs (clause, infinitive, object, host clause), who its
subject is (name, pronoun, noun, relative, none), tense and position
details. Conjunctions of the strongest ones let a linear model express
"`called` + object is rarely a cue, `called` + clause often is".
"""
from __future__ import annotations

import math

from .lexicon import CORE_FORMS, cue_score

QUOTE_CHARS = set('"“”«»„\'‘’')


def _bucket(p: float) -> str:
    return str(min(9, int(p * 10)))


def _subject_kind(spk) -> str:
    if spk is None:
        return "none"
    low = spk.lower_
    if low in ("he", "she", "they", "i", "we", "you", "it"):
        return "pron:" + low
    if low in ("who", "which", "that"):
        return "rel:" + low
    if spk.ent_type_:
        return "ent:" + spk.ent_type_
    return spk.pos_


def _stem(form: str) -> str:
    for suf in ("ing", "ed", "es", "s", "e"):
        if form.endswith(suf) and len(form) - len(suf) >= 3:
            return form[: -len(suf)]
    return form


def candidate_features(tok, comp: str, spk, content_tokens: int, first_content=None,
                       content_text: str = "") -> tuple[str, ...]:
    form = tok.lower_
    with_clause = comp in ("ccomp", "xcomp", "parataxis")
    p = cue_score(form, with_clause)
    subj = _subject_kind(spk)
    sent = tok.sent
    quoted = any(ch in QUOTE_CHARS for ch in sent.text)
    neg = any(c.dep_ == "neg" for c in tok.children)
    aux = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
    f = [
        "bias", f"form={form}", f"p={_bucket(p)}", f"comp={comp}", f"tag={tok.tag_}", f"dep={tok.dep_}",
        f"subj={subj}", f"form+comp={form}|{comp}", f"p+comp={_bucket(p)}|{comp}", f"subj+comp={subj}|{comp}",
        f"len={min(6, int(math.log2(content_tokens + 1)))}", f"quoted={quoted}", f"neg={neg}",
        f"head_dep={tok.head.dep_ if tok.head is not tok else 'ROOT'}",
    ]
    f += [f"aux={a}" for a in aux[:2]]
    if form in CORE_FORMS:
        f.append("core=True")
    stem = _stem(form)
    f += [f"stem={stem}", f"stem+comp={stem}|{comp}", f"stem+subj={stem}|{subj.split(':')[0]}",
          f"subj+p={subj.split(':')[0]}|{_bucket(p)}", f"prev={tok.nbor(-1).lower_ if tok.i > 0 else '^'}",
          f"cq={any(ch in QUOTE_CHARS for ch in content_text)}", f"tag+comp={tok.tag_}|{comp}"]
    objs = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
    if objs:
        f.append(f"obj={objs[0].lower_ if objs[0].pos_ == 'PRON' else objs[0].ent_type_ or objs[0].pos_}")
    if first_content is not None and first_content.i < tok.i:
        f.append(f"content_before|{comp}")
    if first_content is not None:
        f.append(f"first={first_content.lower_ if first_content.pos_ in ('SCONJ', 'ADP', 'PART', 'DET', 'PRON') else first_content.pos_}")
        f.append(f"comp+first={comp}|{f[-1][6:]}")
    if spk is not None and spk.i > tok.i:
        f.append("inverted")
    return tuple(f)
