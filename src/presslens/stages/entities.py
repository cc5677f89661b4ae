"""Entities resolved within the article, on top of spaCy NER.

Names are grouped (full name, surname, unique first name; coref/names.py),
organisations recovered from `the X party` patterns and platforms NER calls
products, people defined by a relation (`X's mother`) made entities,
appositions and role premodifiers turned into roles, and definite
descriptions and pronouns that act as speakers resolved to a person
(coref/pronouns.py). Besides `entities` the stage leaves a scratch `coref`
map (mention span -> entity id) for every resolved pronoun/description,
which the quotes stage reads.
"""
from __future__ import annotations

from bisect import bisect_right

from ..attribution.lexicon import cue_score
from ..coref.descriptions import (appositive_roles, description_span, gender_of_role, is_definite_role,
                                  org_appositions, org_patterns, relations, role_text)
from ..coref.lexicon import (DESCRIPTIVE_ORG_NOUNS, HEAD_OF, HEADED_BY_OF, HYPHEN_KEYS, MEDIA, NAME_TITLES, OFFICE_PREFIXES, OFFICE_TITLES, ORG_NOUNS, PLATFORM_NAMES, ROLE_NOUNS,
                             is_outlet_name, role_words)
from ..coref.names import Group, group_others, group_people
from ..coref.places import canonical_place
from ..coref.pronouns import Salience
from ..coref.first_names import FIRST_NAMES
from ..coref.regional_names import REGIONAL_NAMES
from ..coref.types import ORG_WORDS, business_subjects, fix_glued_names, is_given_name, retype, split_trailing_person, untagged_office_holders
from ..model import Analysis, Entity, Mention
from ..pipeline import stage

KEEP = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
_PRONOUN_GENDER = {"he": "m", "she": "f", "him": "m", "his": "m", "her": "f", "himself": "m", "herself": "f"}


def _label(text: str, label: str) -> str:
    low = text.lower().removeprefix("the ").strip()
    if low in PLATFORM_NAMES or low in MEDIA or ("the " + low) in MEDIA or is_outlet_name(text):
        return "ORG"
    return label


def _strip_poss(text: str, s: int, e: int) -> tuple[int, int]:
    for suf in ("'s", "’s"):
        if text[s:e].endswith(suf):
            return s, e - len(suf)
    while e > s and text[e - 1] in " -–—":  # a dateline "KazTAG -" is the agency's name
        e -= 1
    return s, e


@stage("entities", version="4", requires=("parsed",), assigns=("entities", "coref"))
def entities_stage(analysis: Analysis) -> dict:
    try:
        return _resolve(analysis)
    except Exception:  # noqa: BLE001 — never crash the pipeline; fall back to bare NER groups
        return _fallback(analysis)


def _ner_mentions(analysis: Analysis) -> list[tuple[int, int, str]]:
    text = analysis.document.text
    parsed = analysis.get("parsed")
    out = []
    for s, e, label in parsed.entities():
        if label not in KEEP:
            continue
        s, e = _strip_poss(text, s, e)
        if e > s:
            out.append((s, e, _label(text[s:e], label)))
    out = [(s, e, "PERSON" if label in ("ORG", "GPE", "NORP") and not is_outlet_name(text[s:e])
            and _has_person_apposition(parsed, e) else label)
           for s, e, label in out]
    out = [m for x in out for m in split_trailing_person(parsed, text, x)]
    out = fix_glued_names(parsed, text, out)
    out = retype(parsed, text, out)
    out = [_trim_title(text, m) for m in out]
    out = untagged_office_holders(parsed, text, out)
    found = business_subjects(parsed, out)
    spans = {(s, e) for s, e, _ in found}
    out = [m for m in out if (m[0], m[1]) not in spans] + found
    # platforms NER leaves untagged ("on his Telegram channel")
    tagged = [(s, e) for s, e, _ in out]
    for c in parsed.chunks:
        for t in c.doc:
            if t.text[:1].isupper() and t.lower_ in PLATFORM_NAMES:
                s = c.offset + t.idx
                if not any(a <= s < b for a, b in tagged):
                    out.append((s, s + len(t.text), "ORG"))
    return sorted(out)


def _trim_title(text: str, m: tuple[int, int, str]) -> tuple[int, int, str]:
    """`Ombudsman Artur X`, `President Y` inside NER's PERSON span: the title is a role (found by
    the role pass), not part of the name; so is any other word before a given name + surname."""
    s, e, label = m
    if label != "PERSON":
        return m
    while True:
        word = text[s:e].split(" ", 1)
        if len(word) < 2 or not word[0][:1].isupper():
            return s, e, label
        # "Midfielder Yevgeny X", "Blogger Ilya X": a word before a common given name + surname
        # that is no given name itself is a title or an affiliation, not part of the name (the
        # broader mined list holds middle names and surnames too: "Ruth Bader X" stays whole)
        rest = word[1].split()
        glued = len(rest) == 2 and word[0].isalpha() and (rest[0].lower() in REGIONAL_NAMES or rest[0].lower() in FIRST_NAMES) \
            and not is_given_name(word[0]) and rest[1].lower() not in ORG_WORDS
        if word[0].lower() not in NAME_TITLES and not glued:
            return s, e, label
        s += len(word[0]) + 1


def _has_person_apposition(parsed, end: int) -> bool:
    """`Helena Brandt, the mayor, ...`: a name followed by a role apposition is a person,
    whatever label NER gave it."""
    c = parsed.chunk_at(end)
    if c is None:
        return False
    toks = parsed.tokens_from(c, end, 4)
    if len(toks) < 3 or toks[0].text != ",":
        return False
    roles = [t for t in toks[2:4] if t.lower_ in ROLE_NOUNS and t.pos_ == "NOUN"]
    if toks[1].lower_ not in ("the", "a", "an") or not roles:
        return False
    # "In Tirlen, a businessman was detained": a place opening the sentence, then the clause's
    # own subject; no apposition at all
    name = parsed.tokens_before(c, end, 1)
    return not (name and name[0].dep_ == "pobj" and roles[0].dep_ in ("nsubj", "nsubjpass"))


def _resolve(analysis: Analysis) -> dict:
    text = analysis.document.text
    parsed = analysis.get("parsed")
    ner = _ner_mentions(analysis)
    orgs = org_patterns(text)
    orgs += [o for c in parsed.chunks for o in org_appositions(c)
             if not any(p.start <= o.name_start < p.end for p in orgs)]
    orgs = [o for o in orgs if not analysis.in_boilerplate(o.start, o.end)]
    # mentions inside an org pattern belong to the org
    ner = [m for m in ner if not any(o.start <= m[0] < o.end for o in orgs)]
    groups: list[Group] = group_people([m for m in ner if m[2] == "PERSON"], text)
    others = group_others([m for m in ner if m[2] != "PERSON"], text)
    org_by_name: dict[str, Group] = {}
    for o in orgs:
        key = o.name.lower()
        g = org_by_name.get(key)
        if g is None:
            g = next((x for x in others if " ".join(x.words) == key), None) or Group("ORG", tuple(key.split()))
            g.label, g.name = "ORG", o.name
            org_by_name[key] = g
            if g not in others:
                others.append(g)
        g.aliases.append((o.start, o.end))
    # a person-labelled name that an org pattern names is the org ("X" after "the X party")
    for g in list(groups):
        key = " ".join(g.words)
        if key in org_by_name:
            org_by_name[key].spans.extend(g.spans)
            groups.remove(g)
    _absorb_person_names(groups, others)
    _absorb_places(groups, others)
    _propagate_names(analysis, groups, others)
    persons = list(groups)
    index = _Index(persons)

    # relation entities: "X's mother"
    for c in parsed.chunks:
        for r in relations(c, index.span_at):
            owner = index.group_at(r.owner[0])
            owner_name = text[r.owner[0]:r.owner[1]]
            g = Group("PERSON", (owner_name.lower(), r.noun), gender=r.gender,
                      name=f"{owner_name}'s {r.noun}", roles=[f"{r.noun} of {owner_name}"])
            same = next((x for x in persons if x.name == g.name), None)
            if same is None:
                persons.append(g)
                same = g
            same.aliases.append((r.start, r.end))
            del owner
    index = _Index(persons)
    # appositions and role premodifiers
    described: set[tuple[int, int]] = set()
    for c in parsed.chunks:
        for person_span, desc, is_mention in appositive_roles(c, index.span_at):
            g = index.group_at(person_span[0])
            if g is None:
                continue
            role = role_text(text, desc)
            if role and role not in g.roles:
                g.roles.append(role)
            if is_mention:
                g.aliases.append(desc)
            described.add(desc)
    places = {g.words for g in others if g.label in ("GPE", "LOC")}
    coref = _salience_pass(analysis, persons, _Index(persons), described, places)
    org_coref = _org_pronouns(analysis, others, index)
    entities, ids = _to_entities(text, persons + others)
    out = {span: ids[id(persons[gi])] for span, gi in coref.items() if id(persons[gi]) in ids}
    out.update({span: ids[id(g)] for span, g in org_coref.items() if id(g) in ids})
    return {"entities": entities, "coref": out}


def _absorb_person_names(persons: list[Group], others: list[Group]) -> None:
    """NER flips between PERSON and ORG for the same name ("Trump"): a non-person group whose
    words are a person's full name or surname joins that person."""
    by_full = {p.words: p for p in persons if len(p.words) >= 2}
    by_last: dict[str, list[Group]] = {}
    for p in by_full.values():
        by_last.setdefault(p.words[-1], []).append(p)
    for g in list(others):
        if g.label not in ("ORG", "PRODUCT", "WORK_OF_ART", "NORP", "GPE", "FAC") or g.name:
            continue
        target = by_full.get(g.words)
        if target is None and len(g.words) == 1 and len(by_last.get(g.words[0], [])) == 1:
            target = by_last[g.words[0]][0]
        if target is not None:
            target.spans.extend(g.spans)
            others.remove(g)


def _absorb_places(persons: list[Group], others: list[Group]) -> None:
    """`visited Konaev` (PERSON) ... `In Konaev` (GPE): a one-word person name that NER also tags
    as a place, and that ends no full name in the article, is that place."""
    places = {g.words: g for g in others if g.label in ("GPE", "LOC")}
    surnames = {p.words[-1] for p in persons if len(p.words) >= 2}
    for p in list(persons):
        target = places.get(p.words)
        if target is None or len(p.words) != 1 or p.name or p.words[0] in surnames:
            continue
        target.spans.extend(p.spans)
        persons.remove(p)


def _propagate_names(analysis: Analysis, persons: list[Group], others: list[Group]) -> None:
    """NER misses some repeats of a name it found elsewhere ("Fowler said"): a capitalised token
    equal to a person's unique surname (or one-word name), or to a one-word organisation's name,
    becomes a mention of it."""
    text = analysis.document.text
    last: dict[str, list[Group]] = {}
    for p in persons:
        if p.words and p.words[-1].isalpha() and len(p.words[-1]) > 2:
            last.setdefault(p.words[-1], []).append(p)
    # a one-word organisation ("Tatneft said" after "the oil company Tatneft") the same way
    for o in others:
        if o.label == "ORG" and len(o.words) == 1 and o.words[0].isalpha() and len(o.words[0]) > 3 \
                and o.words[0] not in last:
            last[o.words[0]] = [o]
    taken = sorted(span for g in persons + others for span in g.spans + g.aliases)
    starts = [s for s, _ in taken]
    for c in analysis.get("parsed").chunks:
        for t in c.doc:
            cands = last.get(t.lower_, [])
            # the tagger calls a sentence-initial company name a noun ("Tatneft said")
            named = t.pos_ == "PROPN" or len(cands) == 1 and cands[0].label == "ORG" and t.pos_ == "NOUN" \
                and t.text == (cands[0].name or "").removeprefix("the ")
            if not named or not t.text[:1].isupper():
                continue
            if len(cands) != 1:
                continue
            s = c.offset + t.idx
            k = bisect_right(starts, s) - 1
            if k >= 0 and taken[k][0] <= s < taken[k][1]:
                continue
            if any(a <= s < b for a, b in taken[max(0, k - 3):k + 1]):
                continue
            cands[0].spans.append((s, s + len(t.text)))
    del text


_PLACE_PREPS = {"in", "near", "outside", "across"}


def _place_like(analysis: Analysis, persons: list[Group], places: set[tuple[str, ...]]) -> set[int]:
    """Person-labelled names the text shows to be places: the same words NER also tags as a place,
    or a one-word name after `in`/`near` (`floods in X`). Descriptions and pronouns skip them."""
    text = analysis.document.text
    out = set()
    for i, g in enumerate(persons):
        if g.name or not g.spans:
            continue
        if g.words in places:
            out.add(i)
            continue
        if len(g.words) != 1:
            continue
        for s, e in g.spans:
            prev = text[max(0, s - 10):s].split()
            if prev and prev[-1].lower() in _PLACE_PREPS and text[e:e + 2] not in ("'s", "’s"):
                out.add(i)
                break
    return out


class _Index:
    """Position -> person group, over names and relation mentions."""

    def __init__(self, groups: list[Group]) -> None:
        rows = sorted((s, e, i) for i, g in enumerate(groups) for s, e in g.spans + g.aliases)
        self.rows = rows
        self.starts = [r[0] for r in rows]
        self.groups = groups

    def _row(self, pos: int):
        k = bisect_right(self.starts, pos) - 1
        while k >= 0 and self.rows[k][1] > pos - 200:
            s, e, i = self.rows[k]
            if s <= pos < e:
                return self.rows[k]
            k -= 1
        return None

    def span_at(self, pos: int) -> tuple[int, int] | None:
        r = self._row(pos)
        return (r[0], r[1]) if r else None

    def group_at(self, pos: int) -> Group | None:
        r = self._row(pos)
        return self.groups[r[2]] if r else None


def _salience_pass(analysis: Analysis, persons: list[Group], index: _Index, described: set[tuple[int, int]],
                   places: set[tuple[str, ...]] = frozenset()) -> dict[tuple[int, int], int]:
    """Resolve pronouns, relative pronouns and definite descriptions; returns span -> person index.

    Every resolved mention goes into the returned map (the quotes stage reads it);
    only those that act as speakers become entity mentions.
    """
    text = analysis.document.text
    parsed = analysis.get("parsed")
    sal = Salience({i: g.gender for i, g in enumerate(persons)})
    gid_of = {id(g): i for i, g in enumerate(persons)}
    sal.places = _place_like(analysis, persons, places)
    for i, g in enumerate(persons):
        sal.role_words[i] = {w for r in g.roles for w in role_words(r.split())}
    for c in parsed.chunks:
        for e in c.doc.ents:
            g = index.group_at(c.offset + e.start_char) if e.label_ == "PERSON" else None
            if g is not None and id(g) in gid_of:
                sal.role_words[gid_of[id(g)]].update(_premodifier_words(e))
    quoted = _quoted_spans(text, parsed)
    resolved: dict[tuple[int, int], int] = {}
    pending: list[tuple[tuple[int, int], str, int]] = []  # descriptions before any person: cataphora
    sent_no = 0
    fallback: int | None = None
    for c, sent in parsed.sentences():
        sent_no += 1
        off = c.offset
        for t in sent:
            pos = off + t.idx
            g = index.group_at(pos)
            if g is not None and (t.i == sent.start or index.group_at(pos - 1) is not g):
                gi = gid_of[id(g)]
                if not _inside(pos, quoted):  # people named inside a quotation are not the antecedents
                    sal.see(gi, sent_no, _mention_prominence(t, off, index, g), pos)
                # a lead description goes to the next person named as a subject ("The chairman of
                # the X party was indignant at the verdict against Y. Z, who heads the party, ...");
                # failing one within the next sentence, to the first person named after it
                if pending and (_prominence(t) >= 1.5 or _head_relcl_subject(t)):
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
            if low in _PRONOUN_GENDER:
                if _inside(pos, quoted) and not subj:
                    continue
                gi = sal.pronoun(_PRONOUN_GENDER[low], sent_no, pos, subj)
                if gi is None:
                    continue
                span = (pos, pos + len(t.text))
                resolved[span] = gi
                if persons[gi].gender is None and subj:  # possessives are too loose to fix a gender
                    persons[gi].gender = sal.genders[gi] = _PRONOUN_GENDER[low]
                sal.see(gi, sent_no, _prominence(t) if subj else 0.5, pos)
                if subj and _speaks(t):
                    persons[gi].aliases.append(span)
            elif low in ("who", "whom") and subj and t.head.dep_ == "relcl":
                gi = _relative_antecedent(t, off, index, gid_of)
                if gi is not None:
                    span = (pos, pos + len(t.text))
                    resolved[span] = gi
                    if _speaks(t):
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
                    _add_description(text, persons, sal, resolved, span, low, named, subj or _speaks(t))
                    continue
                gi = sal.description(low, sent_no, words, gender_of_role(low), _epithet(t))
                if gi is None:
                    # a lead before any name ("The chairman of the X party was indignant ...") is
                    # cataphora; one inside what someone said ("... said the president would") is not
                    if subj and t.head.dep_ == "ROOT" and not sal.anyone(sent_no):
                        pending.append((span, low, sent_no))
                    continue
                _add_description(text, persons, sal, resolved, span, low, gi, subj or _speaks(t),
                                 _epithet(t), sal.guessed)
                if persons[gi].gender is None and gender_of_role(low):
                    persons[gi].gender = sal.genders[gi] = gender_of_role(low)
                sal.see(gi, sent_no, _prominence(t), pos)
    if pending and fallback is not None:
        _flush(text, persons, sal, resolved, pending, fallback)
    return resolved


ORG_WINDOW = 3  # sentences an organisation stays the antecedent of a speaking "it"/"they"


def _org_pronouns(analysis: Analysis, others: list[Group], persons: _Index) -> dict[tuple[int, int], Group]:
    """`It said ...`, `They added ...` as the subject of a speech verb: the organisation (for
    `they` also a group NER calls NORP) that was last a subject, a speaker or an `according to`
    source in the preceding sentences. A thing that spoke since (`The report said`) blocks `it`,
    people named as a plural subject since (`Residents said`) block `they`: those are meant."""
    text = analysis.document.text
    parsed = analysis.get("parsed")
    orgs = [g for g in others if g.label in ("ORG", "NORP")]
    if not orgs:
        return {}
    index = _Index(orgs)
    quoted = _quoted_spans(text, parsed)
    last: dict[str, tuple[Group, int] | None] = {"it": None, "they": None}
    # "The state corporation X ... The corporation said": org nouns each organisation was named with
    nouns = {id(g): {w.lower() for s, e in g.spans + g.aliases for w in text[s:e].split()} & ORG_NOUNS
             for g in orgs}
    by_noun: dict[str, tuple[Group, int]] = {}
    out: dict[tuple[int, int], Group] = {}
    sent_no = 0
    for c, sent in parsed.sentences():
        sent_no += 1
        for t in sent:
            pos = c.offset + t.idx
            low = t.lower_
            hit = by_noun.get(low)
            if low in DESCRIPTIVE_ORG_NOUNS and last["it"] is not None and last["it"][0] is not None \
                    and (hit is None or last["it"][1] > hit[1]):
                # "Lukoil reported ... The company said": any organisation is a company, and one that
                # spoke since "the oil company X" is the nearer one
                hit = last["it"]
            if hit is not None and _bare_definite(t) and t.dep_ in ("nsubj", "nsubjpass") and _speaks(t) \
                    and index.group_at(pos) is None and not _inside(pos, quoted):
                g, at = hit
                if sent_no - at <= 2 * ORG_WINDOW:
                    span = (c.offset + t.left_edge.idx, pos + len(t.text))
                    out[span] = g
                    g.aliases.append(span)
                    last["it"] = last["they"] = (g, sent_no)
                    continue
            if low in ("it", "they") and t.dep_ in ("nsubj", "nsubjpass"):
                hit = last[low]
                if hit is not None and hit[0] is not None and sent_no - hit[1] <= ORG_WINDOW \
                        and _speaks(t) and not _inside(pos, quoted):
                    span = (pos, pos + len(t.text))
                    out[span] = hit[0]
                    hit[0].aliases.append(span)
                continue
            if t.pos_ not in ("NOUN", "PROPN") or not _source_like(t) or _inside(pos, quoted):
                continue
            g = index.group_at(pos) or _org_inside(t, c.offset, index)
            if g is not None and not _main_or_speaker(t):
                continue  # "... said that the FBI was investigating": the FBI did not speak
            if g is not None:
                for noun in nouns.get(id(g), ()):
                    by_noun[noun] = (g, sent_no)
                last["they"] = (g, sent_no)
                if g.label == "ORG":
                    last["it"] = (g, sent_no)
            elif persons.group_at(pos) is None and t.tag_ in ("NNS", "NNPS"):
                last["they"] = (None, sent_no)  # people or things named as a plural subject
            elif persons.group_at(pos) is None and t.tag_ == "NN" and _speaks(t) and t.lower_ not in ROLE_NOUNS:
                last["it"] = (None, sent_no)  # "The report said": a thing spoke
    return out


def _bare_definite(t) -> bool:
    """`The corporation`, `the company`: a definite org noun with no name or of-phrase of its own."""
    lefts = list(t.lefts)
    return t.pos_ == "NOUN" and bool(lefts) and lefts[0].lower_ == "the" and len(lefts) == 1 \
        and not any(c.dep_ in ("prep", "appos", "compound", "relcl", "acl") for c in t.rights)


def _main_or_speaker(t) -> bool:
    """A subject of the main clause or of a speech verb, or an `according to` source."""
    while t.dep_ in ("compound", "appos", "flat") and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj":
        return True
    return t.head.dep_ == "ROOT" or _speaks(t)


def _source_like(t) -> bool:
    """A subject, or a source after `according to`, or a name inside one (compound, apposition)."""
    for _ in range(3):
        if t.dep_ in ("nsubj", "nsubjpass"):
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according":
            return True
        if t.dep_ not in ("compound", "appos", "flat") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _org_inside(t, off: int, index: _Index) -> Group | None:
    """`The press service of the Ministry of X reported`: the organisation in the subject's of-phrase."""
    if t.lower_ in ROLE_NOUNS:
        return None
    for c in t.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            for x in c.subtree:
                g = index.group_at(off + x.idx)
                if g is not None:
                    return g
    return None


def _epithet(t) -> bool:
    """`the Vermont senator`, `the GOP nominee`: a role with a proper modifier is an epithet for
    someone the reader is expected to know, not a new, unnamed actor like `the judge`."""
    return any(c.dep_ in ("compound", "amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG"))
               for c in t.lefts)


def _flush(text: str, persons: list[Group], sal: Salience, resolved: dict, pending: list, gi: int) -> None:
    while pending:
        span, head, _ = pending.pop()
        # a lead "The akim said" is not the next person named when that one holds another office
        if not sal.may_hold(gi, head):
            continue
        _add_description(text, persons, sal, resolved, span, head, gi, True)


def _named_in_apposition(t, off: int, index: _Index, gid_of: dict[int, int]) -> int | None:
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


def _mention_prominence(t, off: int, index: _Index, g: Group) -> float:
    """A role description standing for a person (`The investigator of the X department NAME told`)
    is as prominent as its head word, not its first word; a name is judged as before."""
    span = index.span_at(off + t.idx)
    if span is None or span not in g.aliases or span in g.spans:
        return _prominence(t)
    toks = [x for x in t.sent if span[0] <= off + x.idx < span[1] and x.lower_ in ROLE_NOUNS]
    return max([_prominence(t)] + [_prominence(x) for x in toks])


def _prominence(t) -> float:
    """Main-clause subjects are the likeliest antecedents, then other subjects and sources
    (`according to X`), then the rest; a speaker is more prominent than a silent subject."""
    if t.dep_ == "compound" and t.head.i > t.i:
        t = t.head  # a name's first word: judge the name by its head
    if t.dep_ in ("nsubj", "nsubjpass") or t.head.dep_ in ("nsubj", "nsubjpass") and t.dep_ == "appos":
        head = t.head if t.dep_ in ("nsubj", "nsubjpass") else t.head.head
        base = 2.0 if head.dep_ == "ROOT" else 1.5
        return base + (0.5 if _speaks(t if t.dep_ in ("nsubj", "nsubjpass") else t.head) else 0.0)
    if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according":
        return 1.5
    if t.dep_ == "poss":
        return 0.3
    return 0.0


def _relative_antecedent(t, off: int, index: _Index, gid_of: dict[int, int]) -> int | None:
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


def _quoted_spans(text: str, parsed) -> list[tuple[int, int]]:
    from ..attribution.marks import find_quotes

    quotes = find_quotes(text, [(c.offset, c.end) for c in parsed.chunks])
    return [(q.start, q.end) for q in quotes if len(text[q.start:q.end].split()) >= 4]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in spans)


def _speaks(t) -> bool:
    head = t.head
    return head.tag_.startswith("VB") and cue_score(head.lower_, True) >= 0.3


def _to_entities(text: str, groups: list[Group]) -> tuple[list[Entity], dict[int, str]]:
    ordered = [g for g in groups if g.spans or g.aliases]
    ordered.sort(key=lambda g: min(g.spans + g.aliases))
    ids = {id(g): f"E{n + 1}" for n, g in enumerate(ordered)}
    out = []
    for g in ordered:
        spans = sorted(set(g.spans + g.aliases))
        names = [text[s:e] for s, e in sorted(set(g.spans))]
        canonical = g.name or max(names, key=lambda x: (len(x.split()), len(x)), default=text[spans[0][0]:spans[0][1]])
        if g.label != "PERSON" and canonical[:4] in ("The ", "the ") and len(canonical.split()) > 2:
            canonical = canonical[4:]  # "the Ministry of Finance" is named "Ministry of Finance"
        canonical = canonical_place(canonical, g.label)  # "U.S." and "United States" are one country
        aliases = tuple(dict.fromkeys(text[s:e] for s, e in spans if text[s:e] != canonical))
        mentions = tuple(Mention(s, e, text[s:e]) for s, e in spans)
        out.append(Entity(ids[id(g)], canonical, g.label, aliases, tuple(g.roles), mentions))
    return out, ids


def _fallback(analysis: Analysis) -> dict:
    text = analysis.document.text
    try:
        mentions = _ner_mentions(analysis)
    except Exception:  # noqa: BLE001 — the corrections failed too: NER's own spans, as they are
        mentions = [(s, e, label) for s, e, label in analysis.get("parsed").entities() if label in KEEP]
    ents = []
    for n, g in enumerate(group_others(mentions, text)):
        names = [text[s:e] for s, e in g.spans]
        ents.append(Entity(f"E{n + 1}", max(names, key=len), g.label, (), (),
                           tuple(Mention(s, e, text[s:e]) for s, e in sorted(g.spans))))
    return {"entities": ents, "coref": {}}
