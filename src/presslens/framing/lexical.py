"""High-precision lexical and pattern detectors for persuasion techniques.

Two kinds:
- a lexicon learned from the SemEval English span annotations (words and word
  pairs that, in training text, lie inside a span of one technique far more
  often than not; models/framing/<lang>/lexicon.json, built by presslens.train.lexicon);
- a few hand-written patterns for techniques with a clear surface form
  (comparison with Nazism and the like; rhetorical questions; flag waving).

Each detector works on one paragraph text and returns spans relative to it.
Which detectors the stage uses is decided on the validation split (the
lexicon file lists the kept ones), so a detector that does not raise F1 stays off.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

LEXICON_PATH = Path(__file__).resolve().parents[1] / "models" / "framing" / "en" / "lexicon.json"

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")


@dataclass(frozen=True)
class Hit:
    label: str
    start: int
    end: int
    score: float
    source: str  # which detector


@dataclass(frozen=True)
class Lexicon:
    # label -> term (lowercased words joined by one space) -> precision on training text
    terms: dict[str, dict[str, float]]
    enabled: tuple[str, ...] = ()  # pattern detectors kept on validation

    @cached_property
    def owners(self) -> dict[str, tuple[str, ...]]:
        """term -> the labels listing it: one look-up per word instead of one per word and label."""
        out: dict[str, tuple[str, ...]] = {}
        for label, terms in self.terms.items():
            for term in terms:
                out[term] = (*out.get(term, ()), label)
        return out

    @classmethod
    def load(cls, path: Path = LEXICON_PATH) -> "Lexicon":
        if not path.exists():
            return cls({}, ())
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls({k: dict(v) for k, v in data.get("terms", {}).items()}, tuple(data.get("patterns", ())))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon.load()


def words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in WORD.finditer(text)]


def lexicon_hits(text: str, lexicon: Lexicon) -> list[Hit]:
    """Each label's terms, left to right: a word pair before a single word, and a matched pair
    is not read again from its second word. Labels come in the lexicon's order."""
    ws = words(text)
    if not ws:
        return []
    owners = lexicon.owners
    # positions where any label has a term (single word or pair starting there), by label
    starts: dict[str, list[int]] = {}
    for i, (w, _, _) in enumerate(ws):
        labels = owners.get(w, ())
        if i + 1 < len(ws):
            labels = (*labels, *owners.get(f"{w} {ws[i + 1][0]}", ()))
        for label in dict.fromkeys(labels):
            starts.setdefault(label, []).append(i)
    hits: list[Hit] = []
    for label, terms in lexicon.terms.items():
        free = 0  # the next position not consumed by a matched pair
        for i in starts.get(label, ()):
            if i < free:
                continue
            two = f"{ws[i][0]} {ws[i + 1][0]}" if i + 1 < len(ws) else None
            if two is not None and two in terms:
                hits.append(Hit(label, ws[i][1], ws[i + 1][2], terms[two], "lexicon"))
                free = i + 2
            elif ws[i][0] in terms:
                hits.append(Hit(label, ws[i][1], ws[i][2], terms[ws[i][0]], "lexicon"))
                free = i + 1
    return hits


_COMPARE = (r"\b(?:compar\w*|liken\w*|equat\w*|reminiscent\s+of|akin\s+to|just\s+like|no\s+different\s+from"
            r"|worthy\s+of|in\s+the\s+spirit\s+of|in\s+the\s+style\s+of)\b")
_ODIOUS = (r"\b(?:neo-?Nazi\w*|Nazi\w*|Hitler\w*|fascis\w*|Gestapo|Third\s+Reich|Goebbels|Stalinis\w*"
           r"|Ku\s+Klux\s+Klan|KKK|Taliban|ISIS|al-Qaeda|terroris\w*|Bandera\w*)\b")
COMPARISON = re.compile(_COMPARE + r"[^.!?\n]{0,160}?" + _ODIOUS, re.I)
ODIOUS = re.compile(_ODIOUS, re.I)


def guilt_by_association(text: str) -> list[Hit]:
    """A comparison with Nazism, Hitler, fascism, terrorists…: from the comparing word to the odious name."""
    return [Hit("Guilt_by_Association", m.start(), m.end(), 0.8, "compare-odious") for m in COMPARISON.finditer(text)]


def odious_mentions(text: str) -> list[Hit]:
    """Any mention of Nazism and the like (lower precision than a comparison)."""
    return [Hit("Guilt_by_Association", m.start(), m.end(), 0.5, "odious") for m in ODIOUS.finditer(text)]


SENTENCE = re.compile(r"[^.!?\n]*[^.!?\n\s][^.!?\n]*[.!?]+[\"”’»]?")
_QUOTE_OPEN = "\"“«"


def _in_quotes(text: str, pos: int) -> bool:
    before = text[:pos]
    opened = sum(before.count(c) for c in "“«") - sum(before.count(c) for c in "”»")
    return opened > 0 or before.count('"') % 2 == 1


def rhetorical_questions(text: str) -> list[Hit]:
    """Questions the author asks (not inside quotation marks): casting doubt."""
    out = []
    for m in SENTENCE.finditer(text):
        s = m.group()
        start = m.start() + (len(s) - len(s.lstrip()))
        quoted = text[start] in _QUOTE_OPEN or _in_quotes(text, start)
        if s.rstrip("\"”’» ").endswith("?") and len(s.split()) >= 4 and not quoted:
            out.append(Hit("Doubt", start, m.end(), 0.6, "question"))
    return out


FLAG = re.compile(
    r"\b(?:our\s+(?:great\s+|beloved\s+|own\s+|whole\s+)?(?:nation|country|motherland|fatherland|homeland|people|republic)"
    r"|patriot(?:s|ic|ism)?|national\s+(?:pride|interests?|identity|independence|sovereignty|security)"
    r"|for\s+the\s+(?:good|sake)\s+of\s+(?:the|our)\s+(?:country|nation|people|motherland))\b", re.I)


def flag_waving(text: str) -> list[Hit]:
    return [Hit("Flag_Waving", m.start(), m.end(), 0.6, "flag") for m in FLAG.finditer(text)]


# Pejorative nouns for people, as commonly used to label opponents (a general
# list, gated on validation like every detector here). Words that news also use
# descriptively (regime, junta, extremists, radicals) are left out.
INSULT = re.compile(
    r"\b(?:thieves|thief|crooks?|criminals|bandits|gangsters|thugs|traitors?|liars?|idiots?|morons?|fools"
    r"|clowns|puppets?|scoundrels?|villains?|parasites?|hypocrites?|lunatics?|fanatics?"
    r"|propagandists?|mercenaries|henchmen|stooges?|lackeys?|cronies|swindlers?|fraudsters?"
    r"|warmongers?|russophobes?|xenophobes?|bigots?|racists?|zealots?|demagogues?|usurpers?)\b",
    re.I)
# Emotionally loaded words in reporting (general list, validation-gated).
LOADED = re.compile(
    r"\b(?:fuss|hysteria|hysterical|outrageous|outraged|scandalous|shameful|disgraceful|notorious|infamous"
    r"|absurd|ridiculous|monstrous|sinister|vile|despicable|heinous|appalling|atrocious|barbaric|brutal"
    r"|draconian|shameless|cynical|slander\w*|smear\w*|propaganda|hysteria|frenzy|witch-hunt|denigrat\w*"
    r"|so-called)\b", re.I)


def insults(text: str) -> list[Hit]:
    """Pejorative labels for people; coordinated pairs ("X and Y") become one span."""
    hits = [(m.start(), m.end()) for m in INSULT.finditer(text)]
    merged: list[list[int]] = []
    for s, e in hits:
        if merged and re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*", text[merged[-1][1]:s]):
            merged[-1][1] = e
        else:
            merged.append([s, e])
    return [Hit("Name_Calling-Labeling", s, e, 0.6, "insult") for s, e in merged]


def loaded_words(text: str) -> list[Hit]:
    return [Hit("Loaded_Language", m.start(), m.end(), 0.55, "loaded") for m in LOADED.finditer(text)]


PATTERNS = {
    "insult": insults,
    "loaded": loaded_words,
    "compare-odious": guilt_by_association,
    "odious": odious_mentions,
    "question": rhetorical_questions,
    "flag": flag_waving,
}


def detect(text: str, lexicon: Lexicon | None = None, patterns: tuple[str, ...] | None = None) -> list[Hit]:
    """Every enabled detector on one paragraph text."""
    lexicon = lexicon if lexicon is not None else default_lexicon()
    names = lexicon.enabled if patterns is None else patterns
    hits = lexicon_hits(text, lexicon)
    for name in names:
        fn = PATTERNS.get(name)
        if fn is not None:
            hits.extend(fn(text))
    return hits
