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
    return tuple(f) + _chain_features(tok, spk, objs)


_CHAIN_DEPS = ("xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp")


def _chain_features(tok, spk, objs) -> tuple[str, ...]:
    """Where the candidate sits in a chain of attributions, and the words around it.

    `plans to call on X to ...`, `went on to discuss ...`, `appeared to suggest that ...`:
    PolNeAR annotates one link of such a chain, not both, and which one depends on the
    governing and governed verbs; the subject's and object's own words tell a document
    (`the poll found`) or a decision (`approved a plan`) from a speaker's claim.
    """
    out = []
    head = tok.head
    if head is not tok and tok.dep_ in _CHAIN_DEPS and head.pos_ in ("VERB", "AUX"):
        hp = _bucket(cue_score(head.lower_, True))
        out += [f"head_p={hp}|{tok.dep_}", f"head_form={head.lower_}|{tok.dep_}"]
    comps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
    if comps:
        c = comps[0]
        out += [f"comp_p={_bucket(cue_score(c.lower_, True))}|{c.dep_}", f"comp_form={c.lower_}|{c.dep_}"]
    if spk is not None and spk.pos_ == "NOUN":
        out.append(f"subj_word={spk.lower_}")
    if objs and objs[0].pos_ == "NOUN":
        out.append(f"obj_word={objs[0].lower_}")
    if any(c.dep_ == "agent" for c in tok.children):
        out.append("agent")
    if any(c.dep_ == "nsubjpass" for c in tok.children):
        out.append("passive_subj")
    return tuple(out)
