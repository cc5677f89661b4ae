"""Entity types corrected from context, on top of spaCy's NER labels.

The small English model often calls an unfamiliar (East European, African,
...) person name an ORG and a place name before `district court` a PERSON.
A label is changed only on evidence in the text around the name:

- a name NER did not call a person becomes one when a role noun stands
  right before it (`the journalist Vadim X`, `lawyer Nino X`), when it is in
  apposition to a role description (`The journalist's lawyer, Elena X,`),
  when it owns a kinship noun (`X's wife`), or when it is two or three
  capitalised words whose first is a given name mined from news corpora
  (coref/given_names.py) and whose last is not an organisation word, or when its
  last word has an East European/Central Asian surname ending (`-ov`, `-enko`, `-shvili`);
- a name followed by a place head (`X district court`, `X region`,
  `X street`) is a place, not a person.
"""
from __future__ import annotations

from .lexicon import MEDIA, PLATFORM_NAMES, RELATIONS, ROLE_NOUNS, is_outlet_name

try:
    from .given_names import GIVEN_NAMES
except ImportError:  # not mined yet
    GIVEN_NAMES = {}
try:
    from .first_names import FIRST_NAMES
except ImportError:
    FIRST_NAMES = {}

# endings of East European and Central Asian surnames; places with them ("Rostov") are GPE,
# which is never retyped to a person
SURNAME_ENDINGS = ("ov", "ova", "ev", "eva", "ko", "sky", "skiy", "skaya", "vich", "idze", "shvili", "yan", "uly")
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
    if last[-1].lower_ in ORG_WORDS or first[0].lower_ in ORG_WORDS:
        return [mention]
    if not (first[0].lower_ in GIVEN_NAMES or first[0].lower_ in FIRST_NAMES
            or last[-1].lower_.endswith(SURNAME_ENDINGS)):
        return [mention]
    doc = toks[0].doc
    before_span = doc[toks[0].i - 2:toks[0].i] if toks[0].i >= 2 else []
    after_office = len(before_span) == 2 and before_span[1].lower_ == "of" and before_span[0].lower_ in ROLE_NOUNS
    if not (after_office or any(t.lower_ in ORG_WORDS for g in groups[:-2] for t in g)):
        return [mention]
    prev = groups[-3][-1]
    return [(s, c.offset + prev.idx + len(prev.text), label), (c.offset + first[0].idx, e, "PERSON")]


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
    c = parsed.chunk_at(s)
    if c is None:
        return None, []
    return c, [t for t in c.doc if s <= c.offset + t.idx < e]


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
    if not words or not all(t.text[:1].isupper() for t in words) or len(words) > 3:
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
    if 2 <= len(words) <= 3 and (words[0].lower_ in GIVEN_NAMES or words[0].lower_ in FIRST_NAMES):
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


def given_name_gender(word: str) -> str | None:
    w = word.lower()
    return FIRST_NAMES.get(w) or GIVEN_NAMES.get(w)
