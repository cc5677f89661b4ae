"""Entity types corrected from context, on top of spaCy's NER labels.

The small English model often calls an unfamiliar (East European, African,
...) person name an ORG and a place name before `district court` a PERSON.
A label is changed only on evidence in the text around the name:

- a name NER did not call a person becomes one when a role noun stands
  right before it (`the journalist Vadim X`, `lawyer Nino X`), when it is in
  apposition to a role description (`The journalist's lawyer, Elena X,`),
  when it owns a kinship noun (`X's wife`), or when it is two or three
  capitalised words whose first is a given name mined from news corpora
  (coref/given_names.py) or written for the region (coref/regional_names.py) and whose last is not an organisation word, or when its
  last word has an East European/Central Asian surname ending (`-ov`, `-enko`, `-shvili`);
- spans NER cut wrong are mended on the given names (`fix_glued_names`): a club or city glued
  before an office holder's name, a given name left out of a tagged surname, an untagged
  given name + surname;
- a name followed by a place head (`X district court`, `X region`,
  `X street`) is a place, not a person.
"""
from __future__ import annotations

import re

from .lexicon import BODIES, MEDIA, NAME_TITLES, PLATFORM_NAMES, RELATIONS, ROLE_NOUNS, is_outlet_name

from .given_names import given_name_gender, is_given_name  # noqa: F401 — re-exported for resolution
from .gender import name_gender

# endings of East European and Central Asian surnames; places with them ("Rostov") are GPE,
# which is never retyped to a person
SURNAME_ENDINGS = ("ov", "ova", "ev", "eva", "ko", "sky", "skiy", "skaya", "vich", "idze", "shvili", "yan", "uly",
                   "ykh", "ikh", "chuk", "yuk")
RETYPABLE = {"ORG", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "GPE", "LOC"}
# kinship nouns: only a person has a wife or a mother (a company can have a lawyer)
KIN = {w for w in RELATIONS if w not in ("lawyer", "attorney", "spokesman", "spokeswoman", "spokesperson",
                                         "aide", "adviser", "advisor", "partner", "colleague", "friend")}
# words that end organisation and place names, never a person's
ORG_WORDS = {"party", "union", "court", "ministry", "council", "committee", "bank", "group", "company", "corp",
             "inc", "ltd", "water", "energy", "news", "times", "post", "agency", "office", "service", "church",
             "university", "college", "school", "institute", "foundation", "association", "federation", "club",
             "airlines", "air", "railways", "police", "army", "forces", "republic", "kingdom", "state", "states",
             "city", "county", "district", "region", "street", "square", "avenue", "bridge", "river", "radio",
             "television", "tv", "press", "media", "house", "hall", "centre", "center", "front", "movement",
             "duma", "parliament", "mazhilis", "senate", "assembly", "akimat", "administration", "department",
             "government", "health", "affairs", "defense", "defence", "justice", "finance", "education"}
# heads after a place name: "the Buiucani district court", "Quay street", "the Volga region"
PLACE_AFTER = {"district": "GPE", "region": "GPE", "oblast": "GPE", "province": "GPE", "county": "GPE",
               "municipality": "GPE", "city": "GPE", "village": "GPE", "raion": "GPE", "court": "GPE",
               "street": "FAC", "avenue": "FAC", "square": "FAC", "boulevard": "FAC", "highway": "FAC"}


def retype(parsed, text: str, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out = []
    for s, e, label in mentions:
        try:
            label = _retype_one(parsed, text, s, e, label)
        except (IndexError, ValueError):  # odd parses keep NER's label
            pass
        out.append((s, e, label))
    return out


def split_trailing_person(parsed, text: str, mention: tuple[int, int, str]) -> list[tuple[int, int, str]]:
    """`the Ministry of Health Mikhail Murashko`, `President of Kazakhstan Kassym-Jomart Tokayev`
    tagged as one ORG (translated news drops the comma): a given name + surname closing an
    organisation or place name are a person of their own."""
    s, e, label = mention
    if label not in ("ORG", "GPE", "NORP", "FAC"):
        return [mention]
    c, toks = _tokens(parsed, s, e)
    groups = _word_groups([t for t in toks if not t.is_punct or t.text == "-"])
    if len(groups) < 3:
        return [mention]
    first, last = groups[-2], groups[-1]
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in first + last if t.text != "-"):
        return [mention]
    # "the Ministry of Emergency Situations", "... of Internal Affairs": a portfolio closes a body's name
    if last[-1].lower_ in ORG_WORDS or first[0].lower_ in ORG_WORDS or last[-1].lower_ in _PORTFOLIOS:
        return [mention]
    if not (is_given_name(first[0].text) or last[-1].lower_.endswith(SURNAME_ENDINGS)
            or _alone_elsewhere(text, s, e, last[-1].text, first[-1].text)):
        return [mention]
    doc = toks[0].doc
    before_span = doc[toks[0].i - 2:toks[0].i] if toks[0].i >= 2 else []
    after_office = len(before_span) == 2 and before_span[1].lower_ == "of" and before_span[0].lower_ in ROLE_NOUNS
    if not (after_office or any(t.lower_ in ORG_WORDS for g in groups[:-2] for t in g)):
        return [mention]
    prev = groups[-3][-1]
    return [(s, c.offset + prev.idx + len(prev.text), label), (c.offset + first[0].idx, e, "PERSON")]


def _alone_elsewhere(text: str, s: int, e: int, word: str, before: str = "") -> bool:
    """Whether the closing word recurs on its own outside the mention (`said Korb`): a surname the
    name lists do not know (`Mihhail Korb`), which the article goes on to use for its person. A
    recurrence after the same word as here (the body's name written again) is not on its own."""
    if len(word) < 3 or not word[:1].isupper():
        return False
    return any(not (s <= m.start() < e) and not (before and text[:m.start()].rstrip().endswith(before))
               for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text))


# what a minister is minister of: "Minister of Foreign Affairs Lavrov" has no given name in it
_PORTFOLIOS = {"affairs", "defense", "defence", "justice", "health", "finance", "finances", "education", "interior",
               "economy", "culture", "labour", "labor", "transport", "agriculture", "ecology", "emergency",
               "emergencies", "situations", "development", "trade", "industry", "sports", "sport", "science",
               "energy", "digital", "information", "communications", "security", "resources", "protection"}


def untagged_office_holders(parsed, text: str, tagged: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`Minister of Energy Almas Sadykov said`: NER may tag nothing, or only the surname, in a
    title's of-phrase glued to a name. The last two capitalised words of the of-phrase are a
    person when they look like a given name + surname (known given name or an East European
    surname ending), or when all the words before them name a portfolio (`Minister of Energy`,
    `Minister of Foreign Affairs`): a portfolio is never followed by more of its own name.
    Returns `tagged` with those people added and NER's pieces of them removed."""
    from bisect import bisect_right

    tagged = sorted(tagged)
    starts = [a for a, _, _ in tagged]
    out, drop = [], set()
    for c in parsed.chunks:
        doc = c.doc
        for t in doc:
            if t.lower_ not in ROLE_NOUNS or t.i + 4 >= len(doc) or doc[t.i + 1].lower_ != "of":
                continue
            k = t.i + 2
            if doc[k].lower_ == "the":
                k += 1
            run = []
            while k < len(doc) and (doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper()
                                    or doc[k].text == "-" and not doc[k - 1].whitespace_):
                run.append(doc[k])
                k += 1
            groups = _word_groups(run)
            if len(groups) < 3:
                continue
            first, last = groups[-2], groups[-1]
            if last[-1].lower_ in ORG_WORDS or first[0].lower_ in ORG_WORDS:
                continue
            given = is_given_name(first[0].text)
            surname = last[-1].lower_.endswith(SURNAME_ENDINGS) and first[0].lower_ not in _PORTFOLIOS
            portfolio = all(x.lower_ in _PORTFOLIOS | _PORTFOLIO_WORDS for g in groups[:-2] for x in g) \
                and first[0].lower_ not in _PORTFOLIOS | _PORTFOLIO_WORDS
            if not (given or surname or portfolio) or not last[-1].text.istitle() or not first[0].text.istitle():
                continue
            s, e = c.offset + first[0].idx, c.offset + last[-1].idx + len(last[-1].text)
            j = bisect_right(starts, e) - 1
            hits = []
            while j >= 0 and tagged[j][1] > s - 300:
                if tagged[j][0] < e and s < tagged[j][1]:
                    hits.append(j)
                j -= 1
            if any(tagged[h][0] < s or tagged[h][1] > e or tagged[h][2] in ("GPE", "LOC") for h in hits):
                continue  # NER named something longer, or a place: not ours to cut
            if len(hits) == 1 and tagged[hits[0]][:2] == (s, e):
                continue
            drop.update(hits)
            out.append((s, e, "PERSON"))
    return [m for k, m in enumerate(tagged) if k not in drop] + out


# words inside a portfolio's name besides the portfolio itself ("Foreign Affairs", "Internal Policy")
_PORTFOLIO_WORDS = {"foreign", "internal", "national", "economic", "social", "public", "higher", "civil",
                    "natural", "labor", "policy", "protection", "welfare", "youth", "tourism", "energy",
                    "water", "environment", "environmental", "housing", "construction", "infrastructure"}


# "X reported a drop in profit", "X agreed to sell its assets": what a company does and deals in
_BUSINESS_VERBS = {"reported", "posted", "announced", "agreed", "acquired", "bought", "sold", "invested", "signed",
                   "paid", "raised", "cut", "increased", "reduced", "produced", "exported", "shipped", "launched",
                   "completed", "plans", "planned", "intends", "received", "recorded", "booked", "earned", "lost",
                   "sells", "buys", "pays", "produces", "exports", "invests", "said", "announces", "reports"}
_BUSINESS_NOUNS = {"profit", "profits", "revenue", "revenues", "dividend", "dividends", "assets", "asset", "stake",
                   "shares", "share", "deal", "contract", "contracts", "plant", "plants", "refinery", "refineries",
                   "subsidiary", "output", "production", "sales", "earnings", "loss", "losses", "income",
                   "investment", "investments", "acquisition", "merger", "bonds", "capital", "prices", "tariffs",
                   "oil", "gas", "barrels", "customers", "clients", "users", "turnover", "ebitda", "debt", "loan",
                   "factory", "factories", "mine", "mines", "field", "fields", "pipeline", "license", "licence"}


# last words of company names ("X Neft", "X Munai", "X Mining") that NER takes for surnames
INDUSTRY_WORDS = {"neft", "oil", "gas", "munai", "munaigas", "mining", "metals", "steel", "telecom", "holding",
                  "invest", "trans", "petroleum", "resources", "motors", "pharm", "pharma", "energo", "agro",
                  "bank", "group", "energy", "airlines", "air", "logistics", "capital", "systems", "tech"}


def business_subjects(parsed, tagged: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`Gazprom Neft reported a drop in profit`: a proper name NER tagged nothing that is the
    subject of a business verb whose clause deals in business nouns is an organisation. Names
    that look like people (known given names, East European surname endings) are left alone.
    A PERSON span in that place ending in an industry word (`X Neft`, `X Mining`) is returned
    too: the caller relabels it."""
    out = []
    for c in parsed.chunks:
        for t in c.doc:
            if t.dep_ != "nsubj" or t.pos_ != "PROPN" or not t.text[:1].isupper():
                continue
            if t.ent_type_ and not (t.ent_type_ == "PERSON" and t.lower_ in INDUSTRY_WORDS):
                continue
            verb = t.head
            if verb.lower_ not in _BUSINESS_VERBS:
                continue
            if not any(x.lower_ in _BUSINESS_NOUNS for x in verb.subtree if x.i > verb.i):
                continue
            toks = [x for x in t.lefts if x.dep_ == "compound" and x.pos_ == "PROPN" and x.ent_type_ == t.ent_type_] + [t]
            words = [x.lower_ for x in toks]
            if not t.ent_type_ and (any(is_given_name(w) for w in words)
                                    or words[-1].endswith(SURNAME_ENDINGS)):
                continue
            if len(words) == 1 and (words[0] in ROLE_NOUNS or words[0] in RELATIONS):
                continue
            s, e = c.offset + toks[0].idx, c.offset + t.idx + len(t.text)
            if t.ent_type_ == "PERSON":
                out += [(a, b, "ORG") for a, b, lab in tagged if lab == "PERSON" and a <= s < b and e == b]
            elif not any(a < e and s < b for a, b, _ in tagged):
                out.append((s, e, "ORG"))
    return out


def _word_groups(toks) -> list[list]:
    """Tokens grouped into written words: `Kassym`, `-`, `Jomart` with no spaces are one word."""
    groups: list[list] = []
    for t in toks:
        if groups and (not groups[-1][-1].whitespace_) and (t.text == "-" or groups[-1][-1].text == "-"):
            groups[-1].append(t)
        else:
            groups.append([t])
    return groups


def _tokens(parsed, s: int, e: int):
    return parsed.tokens_in(s, e)


def _retype_one(parsed, text: str, s: int, e: int, label: str) -> str:
    low = text[s:e].lower().removeprefix("the ").strip()
    if low in MEDIA or low in PLATFORM_NAMES or is_outlet_name(low):
        return label
    c, toks = _tokens(parsed, s, e)
    if not toks:
        return label
    doc = toks[0].doc
    first, last = toks[0], toks[-1]
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    nxt2 = doc[last.i + 2] if last.i + 2 < len(doc) else None
    # "the X district court", "X street": a place
    if nxt is not None and nxt.lower_ in PLACE_AFTER and label in ("PERSON", "ORG", "NORP"):
        if nxt.lower_ != "court" or label == "PERSON":
            return PLACE_AFTER[nxt.lower_]
    if nxt is not None and nxt.lower_ in ("city", "district") and nxt2 is not None and nxt2.lower_ == "court":
        return "GPE"
    if label not in RETYPABLE:
        return label
    words = [t for t in toks if not t.is_punct]
    if not words or not all(t.text[:1].isupper() for t in words):
        return label
    # "Patrol Chief James Hall said" tagged as a work of art: a title before a given name and a
    # surname makes a person, however many words NER took in (a surname may be an organisation
    # word, "Hall", "House": no body's name has a title and a given name before it)
    if len(words) > 3 and label != "NORP" and words[-3].lower_ in NAME_TITLES \
            and (is_given_name(words[-2].text) or name_gender(words[-2].text) is not None):
        return "PERSON"
    if len(words) > 3:
        return label
    if words[-1].lower_ in ORG_WORDS or (nxt is not None and nxt.lower_ in ORG_WORDS):
        return label
    prev = doc[first.i - 1] if first.i > 0 else None
    # "the journalist Vadim X", "lawyer Nino X": a role noun right before the name
    if prev is not None and prev.lower_ in ROLE_NOUNS and prev.pos_ == "NOUN" and not prev.text[:1].isupper():
        return "PERSON"
    # "The journalist's lawyer, Elena X,": apposition to a role description
    if prev is not None and prev.text == "," and first.i >= 2:
        head = doc[first.i - 2]
        while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ == "of":
            head = head.head.head  # "the head of the port authority, NAME": the role is the head
        if head.lower_ in ROLE_NOUNS and head.pos_ in ("NOUN", "PROPN") and any(x.dep_ in ("det", "poss") for x in head.lefts):
            return "PERSON"
    # "the deputy head of the presidential administration Aibek X wrote": a name glued after the
    # noun that closes a role's of-phrase (translated news drops the comma)
    if len(words) >= 2 and prev is not None and prev.pos_ == "NOUN" and prev.text.islower() and _closes_role_of(doc, prev):
        return "PERSON"
    # "sentenced X to five years", "police detained X": only people are jailed or detained
    if _jailed(first, last):
        return "PERSON"
    # "X's wife": only a person has kin
    if nxt is not None and nxt.text in ("'s", "’s") and nxt2 is not None and nxt2.lower_ in KIN:
        return "PERSON"
    if label in ("GPE", "LOC", "FAC"):
        return label  # a given-name look-alike place ("Victoria", "Georgia") stays a place
    if words[-1].text.istitle() and len(words[-1].text) > 4 and words[-1].lower_.endswith(SURNAME_ENDINGS):
        return "PERSON"  # "Ivanov", "Bishimbayev", "Tkachenko": NER calls them organisations
    # a nationality or faith ("Roman Catholic") starts with a given name as often as a person does
    if 2 <= len(words) <= 3 and is_given_name(words[0].text) and label != "NORP":
        return "PERSON"
    return label


# verbs whose object can only be a person (a company is fined or charged, never jailed)
_JAILED = {"sentenced", "convicted", "acquitted", "detained", "arrested", "jailed", "imprisoned", "extradited",
           "interrogated", "sentence", "detain", "arrest", "jail"}


def _jailed(first, last) -> bool:
    head = last if last.dep_ in ("dobj", "nsubjpass") else None
    if head is None and last.dep_ == "compound":
        return False
    return head is not None and head.head.lower_ in _JAILED


def _closes_role_of(doc, noun) -> bool:
    """`head of the presidential administration`: `noun` ends an of-phrase on a role noun."""
    for k in range(noun.i - 1, max(-1, noun.i - 7), -1):
        t = doc[k]
        if t.is_punct or t.pos_ in ("VERB", "AUX"):
            return False
        if t.lower_ == "of":
            return k > 0 and doc[k - 1].lower_ in ROLE_NOUNS
    return False


# offices held over a place: "Mayor of Kyiv NAME" glues a city, "head coach of X NAME" a body
_TERRITORIAL = {"mayor", "governor", "akim", "president", "premier", "ombudsman", "ambassador", "consul"}


def fix_glued_names(parsed, text: str, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Name spans NER cut wrong, fixed on the given-name list:

    - a lone legislature (`Duma`) NER calls a person is an organisation;
    - a PERSON span whose later word is a given name after a capitalised word that is not one
      (`Zenit Sergei X` after `head coach of`, `Kyiv Vitali X` after `Mayor of`) is the body or
      place the office belongs to, then the person;
    - a given name NER left out next to a name it tagged (`Ilya` before a tagged `X`, a tagged
      `Oleksandr` before an untagged `X`) joins it, and the pair is a person;
    - a given name + capitalised surname NER tagged nothing in (`Aidos X said`) is a person.
    """
    out = []
    for m in mentions:
        out += _split_leading_body(parsed, text, _extend_body(parsed, text, m))
    # the body split off is that body wherever NER named it alone ("Zenit" as a person)
    bodies = {text[s:e]: lab for s, e, lab in out if (s, e, lab) not in mentions and lab != "PERSON"}
    surnames = {text[s:e].split()[-1] for s, e, lab in out if lab == "PERSON" and " " in text[s:e]}
    out = [(s, e, bodies[text[s:e]]) if lab == "PERSON" and text[s:e] in bodies and text[s:e] not in surnames
           else (s, e, "ORG") if lab == "PERSON" and text[s:e].lower() in BODIES else (s, e, lab) for s, e, lab in out]
    return _given_name_pairs(parsed, sorted(out))


def _extend_body(parsed, text: str, m: tuple[int, int, str]) -> tuple[int, int, str]:
    """`the State` + untagged `Duma`: NER stops an organisation's name before the legislature's."""
    s, e, label = m
    following = text[e:e + 16].split(maxsplit=1)
    if label != "ORG" or not following or following[0].lower() not in BODIES:
        return m  # the offset lookup below is not cheap: only for a legislature's word after an org
    c = parsed.chunk_at(s)
    nxt = parsed.tokens_from(c, e, 1) if c is not None else []
    if nxt and not nxt[0].ent_type_ and nxt[0].lower_ in BODIES and nxt[0].text.istitle() \
            and c.offset + nxt[0].idx == e + 1:
        return s, c.offset + nxt[0].idx + len(nxt[0].text), label
    return m


def _split_leading_body(parsed, text: str, m: tuple[int, int, str]) -> list[tuple[int, int, str]]:
    s, e, label = m
    if label != "PERSON" or len(text[s:e].split()) < 3 or text[max(0, s - 4):s].strip().lower() != "of":
        return [m]
    c, toks = parsed.tokens_in(s, e)
    groups = _word_groups([t for t in toks if not t.is_punct or t.text == "-"])
    if len(groups) < 3 or c is None:
        return [m]
    doc = toks[0].doc
    before = doc[toks[0].i - 2:toks[0].i] if toks[0].i >= 2 else []
    if len(before) < 2 or before[1].lower_ != "of" or before[0].lower_ not in ROLE_NOUNS:
        return [m]
    k = next((i for i, g in enumerate(groups) if i >= 1 and is_given_name(g[0].text)), None)
    if k is None or len(groups) - k not in (2, 3) or any(is_given_name(g[0].text) for g in groups[:k]):
        return [m]
    if not all(t.text[:1].isupper() for g in groups for t in g if t.text != "-"):
        return [m]
    end_body = c.offset + groups[k - 1][-1].idx + len(groups[k - 1][-1].text)
    body = "GPE" if before[0].lower_ in _TERRITORIAL else "ORG"
    return [(s, end_body, body), (c.offset + groups[k][0].idx, e, "PERSON")]


_PAIR_LABELS = {"", "PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "FAC"}


def _name_word(t) -> bool:
    return t.pos_ == "PROPN" and t.is_alpha and t.text.istitle() and len(t.text) > 1 \
        and t.lower_ not in ORG_WORDS and t.lower_ not in PLACE_AFTER and t.ent_type_ in _PAIR_LABELS


def _given_name_pairs(parsed, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    from bisect import bisect_right

    starts = [s for s, _, _ in mentions]

    def covering(pos: int) -> int | None:
        k = bisect_right(starts, pos) - 1
        return k if k >= 0 and mentions[k][0] <= pos < mentions[k][1] else None

    drop: set[int] = set()
    add = []
    for c in parsed.chunks:
        doc = c.doc
        for t in doc:
            if t.i + 1 >= len(doc) or not _name_word(t) or not is_given_name(t.text):
                continue
            n = doc[t.i + 1]
            if not _name_word(n) or not t.whitespace_ or is_given_name(n.text) and not n.lower_.endswith(SURNAME_ENDINGS):
                continue
            after = doc[t.i + 2] if t.i + 2 < len(doc) else None
            prev = doc[t.i - 1] if t.i > 0 else None
            # part of a longer name ("Levan Church Street", "Saint Nino Cathedral"): not ours to cut
            if after is not None and (after.text[:1].isupper() and after.pos_ == "PROPN" or after.lower_ in PLACE_AFTER
                                      or after.text == "-" and not n.whitespace_):
                continue
            # ... unless the word before closes an office's portfolio ("Minister of Health Aigul X")
            if prev is not None and prev.text[:1].isupper() and prev.pos_ == "PROPN" and prev.i > t.sent.start \
                    and prev.lower_ not in _PORTFOLIOS and prev.lower_ not in ORG_WORDS:
                continue
            s, e = c.offset + t.idx, c.offset + n.idx + len(n.text)
            inside = {k for k in (covering(s), covering(c.offset + n.idx)) if k is not None}
            if any(mentions[k][0] < s or mentions[k][1] > e for k in inside):
                continue  # NER's span is longer than the pair: leave it
            if any(mentions[k][2] in ("GPE", "LOC") for k in inside):
                continue
            if len(inside) == 1 and (mentions[next(iter(inside))][:2] == (s, e)):
                continue  # NER got the pair; its label is retype's business
            drop |= inside
            add.append((s, e, "PERSON"))
    if not add:
        return mentions
    return sorted([m for k, m in enumerate(mentions) if k not in drop] + add)
