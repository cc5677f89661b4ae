"""Pronouns, relative pronouns and definite descriptions -> people: a left-to-right pass that
feeds every mention to the salience model (pronouns.py) and asks it for the antecedent.
"""
from __future__ import annotations

from .descriptions import description_span, gender_of_role, is_definite_role, is_speaking_epithet, role_text
from .lexicon import COMPATIBLE_ROLES, HEAD_OF, HEADED_BY_OF, HYPHEN_KEYS, OFFICE_PREFIXES, OFFICE_TITLES, ROLE_NOUNS, role_words
from .names import Group
from .pronouns import Salience
from .ranker import TRACE
from ..model import Analysis
from .index import MentionIndex, inside, place_like, prominence, quoted_spans, speaks


PRONOUN_GENDER = {"he": "m", "she": "f", "him": "m", "his": "m", "her": "f", "himself": "m", "herself": "f"}


def resolve_people(analysis: Analysis, persons: list[Group], index: MentionIndex, described: set[tuple[int, int]],
                   places: set[tuple[str, ...]] = frozenset()) -> dict[tuple[int, int], int]:
    """Resolve pronouns, relative pronouns and definite descriptions; returns span -> person index.

    Every resolved mention goes into the returned map (the quotes stage reads it);
    only those that act as speakers become entity mentions.
    """
    text = analysis.document.text
    parsed = analysis.get("parsed")
    sal = Salience({i: g.gender for i, g in enumerate(persons)})
    gid_of = {id(g): i for i, g in enumerate(persons)}
    sal.places = place_like(analysis, persons, places)
    for i, g in enumerate(persons):
        sal.role_words[i] = {w for r in g.roles for w in role_words(r.split())}
    for c in parsed.chunks:
        for e in c.doc.ents:
            g = index.group_at(c.offset + e.start_char) if e.label_ == "PERSON" else None
            if g is not None and id(g) in gid_of:
                sal.role_words[gid_of[id(g)]].update(_premodifier_words(e))
    quoted = quoted_spans(text, parsed)
    trace = TRACE.get()
    nations: set[str] = set()
    if trace is not None:
        trace.append({"kind": "persons", "names": [g.name or " ".join(g.words) for g in persons]})
        nations = {t.lower_ for c in parsed.chunks for t in c.doc if t.ent_type_ in ("NORP", "GPE")}
    resolved: dict[tuple[int, int], int] = {}
    pending: list[tuple[tuple[int, int], str, int]] = []  # descriptions before any person: cataphora
    sent_no = 0
    fallback: int | None = None
    for c, sent in parsed.sentences():
        sent_no += 1
        off = c.offset
        if _heading(text, off, sent):
            sal.section += 1
        for t in sent:
            pos = off + t.idx
            g = index.group_at(pos)
            if g is not None and (t.i == sent.start or index.group_at(pos - 1) is not g):
                gi = gid_of[id(g)]
                if trace is not None:
                    _probe(sal, persons, gi, t, sent_no, pos, trace, nations)
                if not inside(pos, quoted):  # people named inside a quotation are not the antecedents
                    sal.see(gi, sent_no, _mention_prominence(t, off, index, g), pos)
                # a lead description goes to the next person named as a subject ("The chairman of
                # the X party was indignant at the verdict against Y. Z, who heads the party, ...");
                # failing one within the next sentence, to the first person named after it
                if pending and (prominence(t) >= 1.5 or _head_relcl_subject(t)):
                    _flush(text, persons, sal, resolved, pending, gi)
                elif pending and fallback is None:
                    fallback = gi
                continue
            if pending and fallback is not None and sent_no - pending[0][2] >= 2:
                _flush(text, persons, sal, resolved, pending, fallback)
            if not pending:
                fallback = None
            low = t.lower_
            subj = t.dep_ in ("nsubj", "nsubjpass")
            if low in PRONOUN_GENDER:
                if inside(pos, quoted) and not subj:
                    continue
                gi = sal.pronoun(PRONOUN_GENDER[low], sent_no, pos, subj)
                if gi is None:
                    continue
                span = (pos, pos + len(t.text))
                resolved[span] = gi
                if persons[gi].gender is None and subj:  # possessives are too loose to fix a gender
                    persons[gi].gender = sal.genders[gi] = PRONOUN_GENDER[low]
                sal.see(gi, sent_no, prominence(t) if subj else 0.5, pos)
                if subj and speaks(t):
                    persons[gi].aliases.append(span)
            elif low in ("who", "whom") and subj and t.head.dep_ == "relcl":
                gi = _relative_antecedent(t, off, index, gid_of)
                if gi is not None:
                    span = (pos, pos + len(t.text))
                    resolved[span] = gi
                    if speaks(t):
                        persons[gi].aliases.append(span)
            elif (hy := _hyphenated_role(t)) is not None or \
                    is_definite_role(t) and t.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj"):
                span = description_span(off, t) if hy is None else (off + hy[0].idx, pos + len(t.text))
                if hy is not None:
                    t = hy[1]  # the parse's role for the whole phrase sits on one of its pieces
                    subj = t.dep_ in ("nsubj", "nsubjpass")
                if span in described or any(a <= span[0] < b for a, b in described):
                    continue
                if "," in text[span[0]:span[1]]:
                    continue
                words = _description_words(text, span)
                low = _head_key(t) if hy is None else hy[2]
                named = _named_in_apposition(t, off, index, gid_of)
                if named is not None:
                    # "The blogger NAME wrote": the description is the name that follows it, not
                    # whoever the same description meant a sentence before
                    _add_description(text, persons, sal, resolved, span, low, named, subj or speaks(t))
                    continue
                gi = sal.description(low, sent_no, words, gender_of_role(low), _epithet(t), span[0],
                                     _nationality_words(t))
                if gi is None:
                    # a lead before any name ("The chairman of the X party was indignant ...") is
                    # cataphora; one inside what someone said ("... said the president would") is not
                    if subj and t.head.dep_ == "ROOT" and not sal.anyone(sent_no):
                        pending.append((span, low, sent_no))
                    continue
                _add_description(text, persons, sal, resolved, span, low, gi, subj or speaks(t),
                                 _epithet(t), sal.guessed)
                if persons[gi].gender is None and gender_of_role(low):
                    persons[gi].gender = sal.genders[gi] = gender_of_role(low)
                sal.see(gi, sent_no, prominence(t), pos)
            elif subj and speaks(t) and is_speaking_epithet(t) and not inside(pos, quoted):
                # "the affable proprietor said": a feature writer's epithet for someone named before
                span = description_span(off, t)
                if span in described or "," in text[span[0]:span[1]]:
                    continue
                gi = sal.description(t.lower_, sent_no, _description_words(text, span), None, True, span[0])
                if gi is not None and sent_no - sal.last[gi][0] <= 2:
                    _add_description(text, persons, sal, resolved, span, t.lower_, gi, True, True, True)
                    sal.see(gi, sent_no, prominence(t), pos)
            elif subj and sent_no <= 2 and t.head.dep_ == "ROOT" and speaks(t) and _indefinite_lead(t) \
                    and not sal.anyone(sent_no) and not inside(pos, quoted):
                # "A Swiss fireman has told a court how ... NAME said": a wire lead introduces the
                # speaker by a description and names them in the next sentence
                pending.append((description_span(off, t), t.lower_, sent_no))
    if pending and fallback is not None:
        _flush(text, persons, sal, resolved, pending, fallback)
    return resolved


def _probe(sal: Salience, persons: list[Group], gi: int, t, sent_no: int, pos: int, trace: list,
           nations: set[str] = frozenset()) -> None:
    """For the trainer only: a repeated name taken as if it were a pronoun of its person's gender
    (`Trump said` read as `he said`, `Trump's` as `his`): the candidates the ranker would weigh
    there, and the right one."""
    subject = t.dep_ in ("nsubj", "nsubjpass") or t.head.dep_ in ("nsubj", "nsubjpass") and t.dep_ == "compound"
    possessive = t.dep_ == "poss" or any(c.dep_ == "case" for c in t.children)
    gender = persons[gi].gender
    if gi not in sal.last or gender is None or not (subject or possessive):
        return
    mark = len(trace)
    sal.pronoun(gender, sent_no, pos, subject)
    if len(trace) > mark:
        trace[-1].update(kind="probe", truth=gi)
    # and as `the <role>` when the article gave the person a role ("Clinton said" as "the
    # secretary said"), with the nationality or place the person was introduced with ("Turkish
    # President X" as "the Turkish president", which sets `modifier_match`); a description the
    # article already tied to someone is no ranking
    heads = sorted(sal.role_words.get(gi, set()) & COMPATIBLE_ROLES.keys())
    if subject and heads:
        mark = len(trace)
        kind = frozenset(sal.role_words.get(gi, set()) & nations)
        sal.description(heads[0], sent_no, {heads[0]}, gender_of_role(heads[0]), False, pos, kind)
        if len(trace) > mark:
            trace[-1].update(kind="probe_description", truth=gi)


def _indefinite_lead(t) -> bool:
    """`A Swiss fireman`, `An Iraqi defector`: a singular noun for a person with an indefinite
    article (never `a statement`, `a group`: nouns the role lexicon or the suffix test rejects)."""
    from ..attribution.acts import lexicon  # the act lexicon's noun lists: documents, carriers, groups

    dets = [c for c in t.lefts if c.dep_ == "det"]
    if not dets or dets[0].lower_ not in ("a", "an") or t.tag_ != "NN" or t.ent_type_:
        return False
    lex = lexicon()
    low = t.lower_
    if low in lex.document_nouns or low in lex.carrier_nouns or low in lex.group_nouns or low in _NOT_PEOPLE:
        return False
    return low in ROLE_NOUNS or low.endswith(("man", "woman", "er", "or", "ist", "ian", "ant", "ent"))


_NOT_PEOPLE = {"number", "order", "letter", "paper", "poster", "computer", "water", "center", "error", "sector",
               "factor", "motor", "monitor", "government", "statement", "document", "agreement", "department"}


def _heading(text: str, off: int, sent) -> bool:
    """`5:45 p.m.`, `___`, `Overcoming nerves`: a short line of its own with no verb opens a section."""
    words = [t for t in sent if not t.is_space]
    if not 0 < len(words) <= 6 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    start, end = off + sent.start_char, off + sent.end_char
    line_end = text.find("\n", end)
    line = text[text.rfind("\n", 0, start) + 1:len(text) if line_end < 0 else line_end]
    return line.strip() == text[start:end].strip()


def _epithet(t) -> bool:
    """`the Vermont senator`, `the GOP nominee`: a role with a proper modifier is an epithet for
    someone the reader is expected to know, not a new, unnamed actor like `the judge`."""
    return any(c.dep_ in ("compound", "amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG"))
               for c in t.lefts)


def _nationality_words(t) -> frozenset[str]:
    """`the Turkish leader`, `the US envoy`: the description's modifiers NER calls a nationality,
    group or place."""
    return frozenset(c.lower_ for c in t.lefts if c.ent_type_ in ("NORP", "GPE") and c.dep_ in ("amod", "compound", "nmod"))


def _flush(text: str, persons: list[Group], sal: Salience, resolved: dict, pending: list, gi: int) -> None:
    while pending:
        span, head, _ = pending.pop()
        # a lead "The akim said" is not the next person named when that one holds another office
        if not sal.may_hold(gi, head):
            continue
        _add_description(text, persons, sal, resolved, span, head, gi, True)


def _named_in_apposition(t, off: int, index: MentionIndex, gid_of: dict[int, int]) -> int | None:
    """The person a role noun's own apposition names (`The blogger NAME`, `the lawyer, NAME,`)."""
    for c in t.rights:
        if c.dep_ == "appos" and c.i <= t.i + 5:
            g = index.group_at(off + c.idx)
            if g is not None and id(g) in gid_of:
                return gid_of[id(g)]
    return None


def _head_relcl_subject(t) -> bool:
    """`Z, who heads the party`: a name whose relative clause has it as subject."""
    head = t.head if t.dep_ == "compound" else t
    return any(c.dep_ == "relcl" for c in head.children)


def _description_words(text: str, span: tuple[int, int]) -> set[str]:
    return role_words(text[span[0]:span[1]].split()) - {"the", "this", "that"}


def _head_key(t) -> str:
    """The description's head as an office: `the vice president` is a "vice-president"; a head
    whose of-phrase says what it heads is that office (`the head of state`, `the head of the
    department`), so the one does not answer for the other."""
    pre = [c.lower_ for c in t.lefts if c.dep_ in ("amod", "compound", "nmod") and c.lower_ in OFFICE_PREFIXES]
    if pre:
        return f"{pre[-1]}-{t.lower_}"
    if t.lower_ in HEADED_BY_OF:
        for c in t.rights:
            objs = [o for o in c.children if o.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ == "of" else []
            if objs and objs[0].lower_ in HEAD_OF:
                return HEAD_OF[objs[0].lower_]
    return t.lower_


# prefixes glued to a role noun by a hyphen that the parse splits off ("The ex-premier said")
_HYPHEN_PREFIXES = {"ex", "vice", "former", "deputy", "acting", "co"}


def _hyphenated_role(t):
    """`The ex-premier said`, `the vice-premier replied`: the parse tears the word apart and hangs
    the article on the prefix. Returns (first token, the piece that carries the phrase's role,
    head key) or None."""
    doc = t.doc
    k = t.i
    if k < 3 or t.lower_ not in ROLE_NOUNS or t.pos_ != "NOUN" or t.ent_type_:
        return None
    dash, pre, det = doc[k - 1], doc[k - 2], doc[k - 3]
    if dash.text != "-" or dash.whitespace_ or pre.whitespace_ or pre.lower_ not in _HYPHEN_PREFIXES:
        return None
    if det.lower_ not in ("the", "this", "that") or det.i < t.sent.start:
        return None
    carrier = next((x for x in (t, dash, pre) if x.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj")), None)
    if carrier is None:
        return None
    key = f"{pre.lower_}-{t.lower_}" if pre.lower_ in OFFICE_PREFIXES + ("acting", "co") else t.lower_
    return det, carrier, HYPHEN_KEYS.get(key, key)


def _add_description(text: str, persons: list[Group], sal: Salience, resolved: dict, span: tuple[int, int],
                     head: str, gi: int, as_mention: bool, epithet: bool = False, guessed: bool = False) -> None:
    resolved[span] = gi
    sal.remember(head, _description_words(text, span), epithet, gi, guessed)
    if as_mention:
        persons[gi].aliases.append(span)
        role = role_text(text, span)
        if " of " in role and role not in persons[gi].roles and not guessed:
            persons[gi].roles.append(role)


_ABBREV = {"gov.": "governor", "gov": "governor", "sen.": "senator", "sen": "senator", "rep.": "representative",
           "pres.": "president", "gen.": "general", "sec.": "secretary", "mr.": "", "mrs.": "", "ms.": ""}


def _premodifier_words(ent) -> set[str]:
    """`Indiana Gov. Mike Pence`, `Republican presidential nominee Donald Trump`,
    `President Obama`: the descriptive words around a name, for matching later descriptions."""
    doc = ent.doc
    k = ent.start - 1
    left = []
    while k >= 0 and doc[k].dep_ in ("compound", "amod", "nmod") and doc[k].head.i >= ent.start - 1 - 4:
        left.insert(0, doc[k].lower_)
        k -= 1
    inside = [t.lower_ for t in ent if t.lower_ in _ABBREV or t.lower_ in OFFICE_TITLES or t.lower_ in OFFICE_PREFIXES
              or t.lower_ in ("president", "senator", "governor", "secretary", "general")]
    raw = left + inside
    words = role_words(raw) | role_words([_ABBREV.get(w) or w for w in raw])  # "gov." and "governor"
    return {w for w in words if w.replace("-", "").replace(".", "").isalpha()}


def _mention_prominence(t, off: int, index: MentionIndex, g: Group) -> float:
    """A role description standing for a person (`The investigator of the X department NAME told`)
    is as prominent as its head word, not its first word; a name is judged as before."""
    span = index.span_at(off + t.idx)
    if span is None or span not in g.aliases or span in g.spans:
        return prominence(t)
    # the role noun, or the subject head of a description the role lexicon lacks ("The former chief
    # chemist for the X authority, NAME, told")
    toks = [x for x in t.sent if span[0] <= off + x.idx < span[1]
            and (x.lower_ in ROLE_NOUNS or x.dep_ in ("nsubj", "nsubjpass") and x.pos_ == "NOUN")]
    return max([prominence(t)] + [prominence(x) for x in toks])


def _relative_antecedent(t, off: int, index: MentionIndex, gid_of: dict[int, int]) -> int | None:
    """`Smith, who said ...` -> Smith; `Smith is a lawyer who ...` -> Smith."""
    noun = t.head.head
    g = index.group_at(off + noun.idx)
    if g is None and noun.dep_ == "attr":
        subj = [c for c in noun.head.children if c.dep_ == "nsubj"]
        if subj:
            g = index.group_at(off + subj[0].idx)
    if g is None and noun.dep_ == "appos":
        g = index.group_at(off + noun.head.idx)
    if g is None:
        # "Donna Rawlings, 59, of Ashton, Md., who ...": the nearest person named just before
        for x in reversed(t.doc[max(t.sent.start, t.i - 12):t.i]):
            g = index.group_at(off + x.idx)
            if g is not None:
                break
    return gid_of.get(id(g)) if g is not None else None
