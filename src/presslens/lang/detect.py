"""Language identification: py3langid over the text, checked by its script.

py3langid (a maintained, offline port of langid.py) ranks ~97 languages from
character n-grams. Scraped news carries Latin debris (URLs, share bars,
English agency names) inside Cyrillic text and vice versa, so the script
ratio (Cyrillic vs Latin letters) decides between the two scripts first and
the classifier then names the language within the script. Paragraphs are
read one by one as well: an article whose long paragraphs disagree is
reported as mixed, with each language's share of the letters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

MIN_LETTERS = 20  # below this a paragraph's language is not worth a guess
MIXED_SHARE = 0.15  # a second language this share of the letters makes the article mixed

_CYR = re.compile(r"[\u0400-\u04FF]")
_LAT = re.compile(r"[A-Za-z\u00C0-\u024F]")
# Languages written in Cyrillic that langid may name for short Russian text
CYRILLIC_LANGUAGES = {"ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "mn", "tg", "tt", "ba", "cv"}


@dataclass(frozen=True)
class LanguageReading:
    language: str  # ISO 639-1 code, or "und" when there are too few letters
    confidence: float
    cyrillic: float  # share of letters that are Cyrillic
    latin: float
    mixed: dict[str, float] = field(default_factory=dict)  # language -> share of letters, when mixed
    # (start, end, language) of each paragraph presslens reads in another language than the article's
    foreign: tuple[tuple[int, int, str], ...] = ()

    def note(self) -> dict:
        out = {"detected": self.language, "confidence": round(self.confidence, 3),
               "script": {"cyrillic": round(self.cyrillic, 3), "latin": round(self.latin, 3)}}
        if self.mixed:
            out["mixed"] = {k: round(v, 3) for k, v in self.mixed.items()}
        if self.foreign:
            out["paragraphs"] = [{"start": s, "end": e, "language": lang} for s, e, lang in self.foreign]
        return out


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def script_shares(text: str) -> tuple[float, float, int]:
    cyr = len(_CYR.findall(text))
    lat = len(_LAT.findall(text))
    letters = cyr + lat
    return (cyr / letters, lat / letters, letters) if letters else (0.0, 0.0, 0)


FOREIGN_SCRIPT = 0.85  # share of a paragraph's letters in the other script before it is read as another language
_URL = re.compile(r"(?:https?://|www\.)\S+")
SURE = 0.9  # below this the n-grams are guessing (short text full of names): keep the script's default


def _classify(text: str, cyrillic: float) -> tuple[str, float]:
    lang, prob = _identifier().classify(text)
    # the script outvotes the n-grams: Russian text full of Latin names is still Russian, and
    # "Minister Ola Berg met farmers in Bergen." is English, not Dutch at 23%
    default = "ru" if cyrillic >= 0.5 else "en"
    if (lang in CYRILLIC_LANGUAGES) != (default == "ru") or prob < SURE:
        return default, float(prob) if lang == default else 0.5
    return lang, float(prob)


def detect_language(text: str) -> LanguageReading:
    cyr, lat, letters = script_shares(text)
    if letters < MIN_LETTERS:
        return LanguageReading("und", 0.0, cyr, lat)
    lang, prob = _classify(text, cyr)
    shares: dict[str, int] = {}
    read: list[tuple[int, int, str]] = []
    for para in paragraphs(text):
        plang, n = paragraph_language(para.text, lang)
        if plang is not None:
            shares[plang] = shares.get(plang, 0) + n
            read.append((para.start, para.end, plang))
    total = sum(shares.values())
    mixed = {}
    if total and any(k != lang and v / total >= MIXED_SHARE for k, v in shares.items()):
        mixed = {k: v / total for k, v in sorted(shares.items(), key=lambda kv: -kv[1])}
    # a paragraph of another language is read in its own language even below MIXED_SHARE: one
    # English paragraph in a long Russian article must not meet the Russian models
    foreign = tuple((s, e, pl) for s, e, pl in read if pl != lang)
    return LanguageReading(lang, prob, cyr, lat, mixed, foreign)


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str


def paragraphs(text: str) -> list[Paragraph]:
    """The article's lines with text, with their offsets."""
    return [Paragraph(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def paragraph_language(para: str, article: str) -> tuple[str | None, int]:
    """(language of one paragraph, its letters); None when it is too short to tell.
    A paragraph in the article language's script is read as that language without
    asking the classifier (most of an article's paragraphs; classifying each was the
    larger part of detection time); one in the other script is classified."""
    pc, pl, n = script_shares(_URL.sub(" ", para))
    if n < 2 * MIN_LETTERS:
        return None, n
    # a paragraph of the other language is written almost wholly in its script: a Russian
    # sentence citing «It's My Life» or an English one naming "Зелёный берег" stays the article's
    other_script = pl if article in CYRILLIC_LANGUAGES else pc
    if other_script < FOREIGN_SCRIPT:
        return article, n
    lang, prob = _classify(para, pc)
    return (lang, n) if prob >= SURE else (article, n)
