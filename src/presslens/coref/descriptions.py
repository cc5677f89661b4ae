"""Descriptions that name or define people and organisations.

- `the X party` (and movement, union, ...) names an organisation even when NER misses it;
- `X's mother` is a person defined by a relation;
- `the first president of Y, NAME` / `NAME, the first president of Y` / `local partner NAME`
  give NAME a role (and the description is a mention of NAME);
- `the politician`, `the leader of the X party` used as a noun phrase of its own is a
  definite description to be resolved (pronouns.py) to a person of the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..attribution.lexicon import cue_score
from .types import SURNAME_ENDINGS, given_name_gender
from .lexicon import DESCRIPTIVE_ORG_NOUNS, FEMALE_ROLES, MALE_ROLES, NAME_TITLES, OFFICE_TITLES, ORG_HEADS, ORG_NOUNS, PARTISANS, RELATIONS, ROLE_NOUNS, ROLE_TITLES, TITLES

_ORG_RE = re.compile(
    r"\b([Tt]he\s+)?((?:[A-Z][\w'’-]*\s+){1,4})(" + "|".join(ORG_HEADS) + r")\b")


@dataclass(frozen=True)
class OrgPattern:
    start: int  # the whole "the X party"
    end: int
    name: str  # "X"
    name_start: int
    name_end: int


def org_patterns(text: str) -> list[OrgPattern]:
    out = []
    for m in _ORG_RE.finditer(text):
        name = m.group(2).strip()
        if name.split()[0] in ("The", "A", "An", "This", "That", "His", "Her", "Their"):
            continue
        ns = m.start(2)
        out.append(OrgPattern(m.start(), m.end(), name, ns, ns + len(name)))
    return out


_NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "GPE", "LOC"}
_NAME_JOINERS = {"of", "for", "and", "&", "de", "the"}


def org_appositions(chunk) -> list[OrgPattern]:
    """`The company Gazprom said`, `the party United Russia`, `the group Americans for Prosperity`:
    an organisation noun with a definite article (or opening the sentence) and a name right after
    it is an organisation named by that name, whatever NER made of the name (nothing, a person)."""
    off = chunk.offset
    doc = chunk.doc
    out = []
    for t in doc:
        if t.lower_ not in ORG_NOUNS or t.pos_ != "NOUN" or t.i + 1 >= len(doc):
            continue
        first = min([t] + [x for c in t.lefts if c.dep_ in ("det", "amod", "compound", "nmod") for x in c.subtree],
                    key=lambda x: x.i)
        if not (first.lower_ == "the" or first.is_sent_start):
            continue
        if any(x.text[:1].isupper() and x.i > first.i for x in doc[first.i:t.i]):
            continue  # "the Green Alliance party NAME": the organisation is named already; NAME is a person
        last = _name_run(doc, t.i + 1)
        if last is None or _person_or_clause(doc, t, last):
            continue
        ns, ne = off + doc[t.i + 1].idx, off + last.idx + len(last.text)
        name = doc[t.i + 1:last.i + 1].text
        out.append(OrgPattern(off + first.idx, ne, name, ns, ne))
    return out


def _person_or_clause(doc, org, last) -> bool:
    """`the company Anna Berg founded`: the name is the subject of a clause on the noun;
    `the party Anna Berg`: a given name and NER's PERSON say a person, not the organisation."""
    if last.dep_ in ("nsubj", "nsubjpass") and last.head.dep_ == "relcl" and last.head.head.i == org.i:
        return True
    # "The company Elon Musk founded": the name is a subject of its own verb, not an apposition
    if last.dep_ in ("nsubj", "nsubjpass") and org.dep_ != "compound":
        return True
    # "the representative of the ministry NAME": NAME is the representative
    if org.dep_ == "pobj" and org.head.lower_ == "of" and org.head.head.lower_ in ROLE_NOUNS:
        return True
    nxt = doc[org.i + 1]
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt.ent_type_ == "PERSON" and after is not None and after.pos_ == "VERB" and cue_score(after.lower_, True) < 0.3:
        return True  # "The company Elon Musk founded": a person doing something to the company
    return nxt.ent_type_ == "PERSON" and (given_name_gender(nxt.text) is not None
                                          or last.lower_.endswith(SURNAME_ENDINGS))


def _name_run(doc, i: int):
    """The last token of a name starting at token i: NER's entity when one starts there, else
    capitalised words (joined by of/for/and); None when no name starts there."""
    t = doc[i]
    if not t.text[:1].isupper() or t.is_sent_start or t.pos_ not in ("PROPN", "NOUN", "ADJ"):
        return None
    ents = [e for e in doc.ents if e.start == i]
    k = i
    if ents:
        e = ents[0]
        if e.label_ in _NOT_NAMES and e.label_ not in ("GPE", "LOC"):  # "the company Kazakhmys": NER says GPE
            return None
        k = e.end - 1
    # "Americans for Prosperity": NER stops at the first word
    while k + 1 < len(doc) and (doc[k + 1].text[:1].isupper() and doc[k + 1].pos_ in ("PROPN", "NOUN", "ADJ")
                                or doc[k + 1].lower_ in _NAME_JOINERS and k + 2 < len(doc)
                                and doc[k + 2].text[:1].isupper() and doc[k + 2].pos_ == "PROPN"):
        k += 1 if doc[k + 1].lower_ not in _NAME_JOINERS else 2
    last = doc[k]
    words = [x.lower_ for x in doc[i:last.i + 1]]
    # "the company CEO NAME", "the party leader": a title, not the organisation's name
    if any(w in ROLE_NOUNS or w in TITLES or w in ROLE_TITLES for w in words):
        return None
    return last


@dataclass(frozen=True)
class Relation:
    start: int
    end: int
    owner: tuple[int, int]  # the owner's name mention
    noun: str
    gender: str | None


def relations(chunk, person_at) -> list[Relation]:
    """`X's mother`: relation noun with a possessive PERSON."""
    off = chunk.offset
    out = []
    for t in chunk.doc:
        if t.lower_ not in RELATIONS or t.pos_ != "NOUN":
            continue
        poss = [c for c in t.children if c.dep_ == "poss"]
        if not poss:
            continue
        p = poss[0]
        span = person_at(off + p.idx)
        if span is None:
            continue
        start = min(span[0], off + p.left_edge.idx)
        out.append(Relation(start, off + t.idx + len(t.text), span, t.lower_, RELATIONS[t.lower_]))
    return out


def description_span(off: int, tok) -> tuple[int, int]:
    """A role noun with its determiner/modifiers and a short of-phrase (without a name
    in apposition to it: `the president of Y, NAME` stops before the comma)."""
    toks = [tok] + [x for c in tok.lefts if c.dep_ in ("det", "amod", "compound", "nmod", "poss") for x in c.subtree]
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            skip = {x.i for a in c.subtree if a.dep_ == "appos" for x in a.subtree}
            part = [x for x in c.subtree if x.i not in skip]
            while part and part[-1].is_punct:
                part.pop()
            if len(part) <= 7:
                toks.extend(part)
    first, last = min(toks, key=lambda x: x.i), max(toks, key=lambda x: x.i)
    return off + first.idx, off + last.idx + len(last.text)


_POSS_ROLE = re.compile(r"^(?:[Tt]he\s+)?([\w-]+)(?:'s|’s)\s+([\w-]+)$")


def role_text(text: str, span: tuple[int, int]) -> str:
    r = text[span[0]:span[1]]
    m = _POSS_ROLE.match(r.strip())
    if m and m.group(1)[:1].islower():  # "the journalist's lawyer" -> "lawyer of the journalist"
        return f"{m.group(2)} of the {m.group(1)}"
    r = re.sub(r"^(?:the|The|a|an|An|A|his|His|her|Her|their|Their|its|Its)\s+", "", r).strip(" ,")
    words = r.split()
    if words and words[-1].lower() in ROLE_TITLES:  # "Republican Sen." -> "Republican senator"
        r = " ".join(words[:-1] + [ROLE_TITLES[words[-1].lower()]])
    return r


def gender_of_role(noun: str) -> str | None:
    return "f" if noun in FEMALE_ROLES else "m" if noun in MALE_ROLES else None


# role nouns that, standing alone with `the`, name a group rather than one person
# ("the opposition had no support"; `opposition leader NAME` is still a role)
_COLLECTIVE = {"opposition"}


def is_definite_role(tok) -> bool:
    """`the politician` / `the leader of ...`: a role noun with a definite article, no name inside;
    also a partisan label heading its phrase (`the Florida Republican`, `the centrist`)."""
    if tok.lower_ in PARTISANS and tok.tag_ in ("NN", "NNP", "JJ") and tok.dep_ in ("nsubj", "nsubjpass"):
        pass
    elif tok.lower_ not in ROLE_NOUNS or tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ or tok.lower_ in _COLLECTIVE:
        return False
    elif tok.pos_ == "PROPN" and any(c.dep_ == "compound" and c.lower_ not in ROLE_NOUNS and c.lower_ not in NAME_TITLES
                                     and c.ent_type_ not in ("GPE", "LOC", "NORP") for c in tok.lefts):
        # "The President" is a role in title case, and so is "the new Solomon Islands Prime
        # Minister" (a place and a title before it); "the Obama Administration" is a name
        return False
    dets = [c for c in tok.lefts if c.dep_ == "det"]
    if not dets:
        return _inverted_bare_role(tok)
    return dets[0].lower_ in ("the", "this", "that")


def _inverted_bare_role(tok) -> bool:
    """`..., said former Polish Minister of Economy`: Russian has no articles, and translation
    often writes a speaker named before by a bare title after the speech verb; with no name in
    its phrase, it is a definite description of that person."""
    head = tok.head
    if tok.dep_ != "nsubj" or head.i > tok.i or not head.tag_.startswith("VB") or cue_score(head.lower_, True) < 0.3:
        return False
    return not any(x.ent_type_ == "PERSON" or x.dep_ == "poss" for x in tok.subtree)


_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ent", "ant", "ee", "man", "woman", "eur")


def is_speaking_epithet(tok) -> bool:
    """`the laid-back Cambridge resident`, `the affable proprietor`: a singular definite noun phrase
    that no lexicon calls a role, an organisation, a document or a crowd, headed by a noun for a
    doer or described by adjectives: an epithet for a person the story has named."""
    from ..attribution.acts import lexicon  # the act lexicon's noun lists: documents, carriers, groups

    low = tok.lower_
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.ent_type_ or low in ROLE_NOUNS or low in ORG_NOUNS \
            or low in DESCRIPTIVE_ORG_NOUNS:
        return False
    lex = lexicon()
    if low in lex.document_nouns or low in lex.carrier_nouns or low in lex.group_nouns or low in lex.anonymous_nouns:
        return False
    dets = [c for c in tok.lefts if c.dep_ == "det"]
    if not dets or dets[0].lower_ != "the" or any(c.dep_ in ("prep", "relcl", "acl", "appos") for c in tok.rights):
        return False
    described = any(c.dep_ in ("amod", "compound") for c in tok.lefts)
    return described and low.endswith(_PERSON_SUFFIXES) or low.endswith(("ist", "ian", "eur", "or"))


def appositive_roles(chunk, person_at) -> list[tuple[tuple[int, int], tuple[int, int], bool]]:
    """(person span, description span, is_mention) for appositions and role premodifiers."""
    off = chunk.offset
    out = []
    doc = chunk.doc
    for t in doc:
        if t.lower_ not in ROLE_NOUNS and t.lower_ not in ROLE_TITLES and t.lower_ not in OFFICE_TITLES:
            # "The former chief chemist for the X authority, NAME, told": a noun for a doer that the
            # role lexicon lacks, closed by the name of its holder
            if t.pos_ == "NOUN" and t.lower_.endswith(_PERSON_SUFFIXES) and t.lower_ not in ORG_NOUNS \
                    and (hit := _name_closing_phrase(off, doc, t, person_at)) is not None:
                out.append(hit)
            continue
        # a title NER put inside a PERSON span ("Ombudsman NAME") is outside the person's name
        # (or in an ORG span NER made of title and name, "Ombudsman NAME", retyped to a person)
        if t.ent_type_ and not (t.ent_type_ == "PERSON" and person_at(off + t.idx) is None) \
                and not (t.ent_type_ == "ORG" and person_at(off + t.idx) is None and t.i + 1 < len(doc)
                         and person_at(off + doc[t.i + 1].idx) is not None):
            continue
        if t.pos_ == "PROPN" and t.text[:1].isupper() or t.lower_ in ROLE_TITLES:
            # a capitalised title: "Health Minister NAME", "Governor of the X region NAME",
            # "Its CEO, NAME,"
            hit = _name_after_description(off, doc, t, person_at) or _premodifier_role(off, doc, t, person_at) \
                or _name_after_comma(off, doc, t, person_at) or _copula_role(off, doc, t, person_at)
            if hit is not None:
                out.append(hit)
            continue
        if t.pos_ != "NOUN" or t.lower_ not in ROLE_NOUNS:
            continue
        desc = description_span(off, t)
        # "NAME, the first president of Y" — appos of a person; but in "In an interview with
        # OUTLET, the head of the X Commission NAME said" the role is the next name's title
        if t.dep_ == "appos" and (hit := _name_after_description(off, doc, t, person_at)) is not None:
            out.append(hit)
            continue
        if t.dep_ == "appos":
            span = person_at(off + t.head.idx)
            if span is not None:
                out.append((span, desc, True))
                continue
        # "the first president of Y, NAME" — the name follows the description after a comma
        # (not "the lawyer of the blogger, NAME": NAME is the lawyer, not the blogger)
        if t.dep_ == "pobj" and t.head.lower_ == "of" and (t.head.head.lower_ in ROLE_NOUNS
                                                             or t.head.head.lower_ in RELATIONS):
            continue
        right = desc[1]
        nxt = [x for x in doc if off + x.idx >= right][:2]
        if len(nxt) == 2 and nxt[0].text == "," and nxt[1].text[:1].isupper() and not _modifies_noun(nxt[1]):
            span = person_at(off + nxt[1].idx)  # the person index, not NER's label (types.py may fix it)
            if span is not None:
                out.append((span, desc, True))
                continue
        hit = _name_after_description(off, doc, t, person_at) or _premodifier_role(off, doc, t, person_at) \
            or _name_closing_phrase(off, doc, t, person_at) or _copula_role(off, doc, t, person_at)
        if hit is not None:
            out.append(hit)
    return out


def _name_closing_phrase(off: int, doc, t, person_at):
    """`The former chief weapons inspector for the United Nations in Iraq, Richard Butler, told`:
    a subject role noun whose phrase ends in `, NAME`; the parse may hang NAME on the last noun of
    a prepositional phrase (`Iraq`) rather than on the role, but the name still closes the phrase."""
    if t.dep_ not in ("nsubj", "nsubjpass") or not any(c.dep_ == "det" for c in t.lefts):
        return None
    sub = list(t.subtree)
    for a in sub:
        if a.dep_ != "appos" or a.pos_ != "PROPN" or a.i <= t.i:
            continue
        first = a.left_edge
        comma = doc[first.i - 1]
        if comma.text != "," or any(x.i > a.right_edge.i and not x.is_punct for x in sub):
            return None
        between = doc[t.i + 1:comma.i]
        if len(between) > 10 or any(x.pos_ in ("VERB", "AUX") or x.text in (",", ";", "(") for x in between):
            return None
        span = person_at(off + first.idx)
        if span is None:
            return None
        start = off + t.left_edge.idx
        return span, (start, off + comma.idx), True
    return None


# the pipeline's parse has no lemmas: word forms
_MADE = {"elected", "named", "appointed", "chosen", "made", "elect", "name", "appoint"}
_BE = {"is", "was", "are", "were", "be", "been", "'s", "’s"}


def _copula_role(off: int, doc, t, person_at):
    """`NAME is the head of the Brixton mosque`, `NAME was elected Prime Minister`: a copula or a
    verb of appointment gives the subject its role (not a mention: the description is a
    predicate, not a reference)."""
    if t.dep_ == "oprd" and t.head.lower_ in _MADE:
        subj = [c for c in t.head.children if c.dep_ == "nsubjpass" and c.pos_ == "PROPN"]
        span = person_at(off + subj[0].idx) if subj else None
        return (span, description_span(off, t), False) if span is not None else None
    if t.dep_ != "attr" or t.head.lower_ not in _BE or not any(c.dep_ == "det" for c in t.lefts):
        return None
    subj = [c for c in t.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
    if not subj or any(c.dep_ == "neg" for c in t.head.children):
        return None
    # `Clinton "is the only candidate that has the experience"`: a judgement, not an office (a
    # defining clause, a superlative or a quotation mark between name and noun)
    if any(c.dep_ in ("relcl", "acl") for c in t.rights) or any(c.lower_ in ("only", "best", "worst") or c.tag_ == "JJS"
                                                                  for c in t.lefts) \
            or any(x.is_quote for x in doc[subj[0].i:t.i]):
        return None
    span = person_at(off + subj[0].idx)
    return (span, description_span(off, t), False) if span is not None else None


def _name_after_comma(off: int, doc, t, person_at):
    """`Its CEO, NAME, said`: a determined title, a comma, the name."""
    if not any(c.dep_ in ("det", "poss") for c in t.lefts):
        return None
    desc = description_span(off, t)
    nxt = [x for x in doc if off + x.idx >= desc[1]][:2]
    if len(nxt) == 2 and nxt[0].text == "," and nxt[1].text[:1].isupper() and not _modifies_noun(nxt[1]):
        span = person_at(off + nxt[1].idx)
        if span is not None:
            return span, desc, True
    return None


def _modifies_noun(t) -> bool:
    """`According to the head of state, Russian missiles are unique`: a capitalised adjective
    opening the next clause is no name in apposition."""
    return t.pos_ == "ADJ" or t.dep_ == "amod"


def _name_after_description(off: int, doc, t, person_at):
    """`Governor of the X region NAME wrote`, `the head of the agency NAME said`: a role with an
    of-phrase and a name right after it, no comma (translated news drops it)."""
    ofs = [c for c in t.rights if c.dep_ == "prep" and c.lower_ == "of"]
    if not ofs:
        return None
    desc = description_span(off, t)
    # "Chairman of the State Duma NAME SURNAME": the parse may pull the first name into the
    # of-phrase (however long: "the investigator of the Department of Police of the X region NAME");
    # the description stops where the person begins
    # the parse may hang later parts of the name on the role ("chairman of the Agency | for X of Y")
    preps = [c for c in t.rights if c.dep_ == "prep" and c.i >= ofs[0].i]
    edge = max((c.right_edge for c in preps), key=lambda x: x.i)
    reach = max(desc[1], off + edge.idx + len(edge.text))
    inside = [x for x in doc[t.i + 1:] if off + x.idx < reach and x.pos_ == "PROPN"
              and person_at(off + x.idx) is not None]
    if inside:
        k = inside[0]
        span = person_at(off + k.idx)
        if span[1] < min(desc[1], reach) or k.i - 1 <= t.i or not _glued_name(doc, t, k):
            return None  # "the wife of President NAME": NAME is the of-object, not the holder
        prev = doc[k.i - 1]
        # a dateline glued on by the parse ("KAZINFORM - Minister of X NAME") is not the role
        cut = [x for x in doc[:t.i] if x.is_punct and off + x.idx >= desc[0]]
        start = off + doc[cut[-1].i + 1].idx if cut else desc[0]
        return span, (start, off + prev.idx + len(prev.text)), True
    end = max(desc[1], reach)  # a long of-phrase counts whole here: the name comes after it
    nxt = [x for x in doc if off + x.idx >= end][:4]
    if len(nxt) == 4 and nxt[0].text == "(" and nxt[2].text == ")":
        # "The head of the Russian Basketball Federation (RBF) NAME": the body's abbreviation
        end = off + nxt[2].idx + 1
    elif nxt and nxt[0].text == ")" and off + nxt[0].idx == end:
        end = off + nxt[0].idx + 1  # the parse kept the abbreviation inside the of-phrase
    nxt = [x for x in doc if off + x.idx >= end][:2]
    # "Akim of Almaty region NAME": the parse ends the of-phrase before the place head it hangs
    # on the name; the head belongs to the description
    if len(nxt) == 2 and nxt[0].lower_ in _PLACE_HEADS and nxt[0].dep_ == "compound" and off + nxt[0].idx == end + 1:
        end = off + nxt[0].idx + len(nxt[0].text)
        nxt = nxt[1:]
    if not nxt or nxt[0].pos_ != "PROPN" or off + nxt[0].idx != end + 1:
        return None
    span = person_at(off + nxt[0].idx)
    k = nxt[0].i
    # "Minister of Digital | Transformation NAME": the parse ends the of-phrase after its first word
    # and hangs the rest of the portfolio on the name; the capitalised words up to the name are
    # still the portfolio's
    while span is None and k + 1 < len(doc) and k - nxt[0].i < 3 and doc[k].dep_ == "compound" \
            and doc[k].pos_ == "PROPN" and doc[k].whitespace_ and doc[k + 1].pos_ == "PROPN":
        end = off + doc[k].idx + len(doc[k].text)
        k += 1
        span = person_at(off + doc[k].idx)
    return (span, (desc[0], end), True) if span is not None else None


_PLACE_HEADS = {"region", "district", "oblast", "province", "raion", "city", "county"}


def _glued_name(doc, role, name) -> bool:
    """`head of the Ministry of Health NAME`, `press secretary of the President NAME`: translated
    news glues the holder's name to the end of the of-phrase; a kinship noun (`the wife of
    President NAME`) or an of-phrase with no article keeps NAME as the of-object."""
    if role.lower_ in RELATIONS:
        return False
    between = doc[role.i + 1:name.i]
    if len(between) < 2 or between[0].lower_ != "of":
        return False
    # "the head of the X mosque in south London, where 28-year-old Mr NAME had worshipped": a
    # clause or a comma between role and name, so the name belongs to that clause
    if any(x.text in (",", ";", "(") or x.tag_ in ("WRB", "WDT", "WP") or x.pos_ in ("VERB", "AUX") for x in between):
        return False
    if between[1].lower_ == "the":
        return len(between) >= 3
    # "President of Kazakhstan NAME", "Minister of Ecology NAME": a place or an organisation's
    # name, not a title, stands before the name ("an ally of President NAME" keeps NAME the object)
    return all(t.text[:1].isupper() and t.lower_ not in ROLE_NOUNS and t.lower_ not in OFFICE_TITLES
               and t.lower_ not in ROLE_TITLES for t in between[1:] if not t.is_punct)


def _premodifier_role(off: int, doc, t, person_at):
    """`local partner NAME`, `Foreign Ministry spokeswoman NAME`, `Deputy Prime Minister NAME`:
    role words right before the name, with all their modifiers, no determiner needed."""
    if t.dep_ in ("compound", "nmod") and t.head.pos_ == "PROPN":
        head = t.head
    elif t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN":
        head = doc[t.i + 1]
    else:
        return None
    span = person_at(off + head.idx)
    if span is None or span[0] < off + t.idx:
        return None
    outer = doc[t.i - 1] if t.i > 0 else None
    while outer is not None and outer.i > 0 and outer.lower_ not in ("of",) and outer.i > t.i - 4:
        outer = doc[outer.i - 1]
    if outer is not None and outer.lower_ == "of" and outer.i > 0 and doc[outer.i - 1].lower_ in ROLE_NOUNS \
            and _glued_name(doc, doc[outer.i - 1], doc[t.i + 1]):
        return None  # "press secretary of the President NAME": NAME's role is the outer one
    nxt = doc[t.i + 1]
    if nxt.head.i == head.i and off + nxt.idx < span[0] and (nxt.lower_ in ROLE_NOUNS or nxt.lower_ in OFFICE_TITLES):
        return None  # "Chief Justice NAME": the last title word speaks for the whole title
    left = [c for c in t.lefts if c.dep_ in ("amod", "compound", "nmod")]
    first = min([c.left_edge for c in left], key=lambda x: x.i) if left else t
    # title words parsed as siblings on the name rather than modifiers of the title
    while first.i > 0 and doc[first.i - 1].head.i == head.i and doc[first.i - 1].dep_ in ("amod", "compound", "nmod"):
        first = doc[first.i - 1]
    start = off + first.idx
    # "his lawyer NAME told ...": "lawyer" names NAME (the "his" is someone else)
    poss = [c for c in t.lefts if c.dep_ == "poss" and c.pos_ == "PRON"]
    return span, (start, off + t.idx + len(t.text)), bool(poss)
