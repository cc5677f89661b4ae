"""Durations, money and head counts in plain text.

Durations come out in months ("4 years and 8 months" -> 56) because that is
how sentences and terms are compared; money as an amount with an ISO 4217
currency code; counts of people as integers. Each parser returns the span it
read so callers can tell a duration from a date in the same sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "half": 0.5,
}
_SCALE = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bln": 1e9, "trillion": 1e12,
          "k": 1e3, "m": 1e6, "bn": 1e9}
_NUM = r"(?:\d+(?:[.,]\d+)*(?:\.\d+)?|" + "|".join(sorted((k for k in _SMALL if k not in ("a", "an")), key=len, reverse=True)) \
    + r"|an?)"
_UNIT_MONTHS = {"year": 12, "month": 1, "week": 12 / 52, "day": 12 / 365}


def number_value(word: str) -> float | None:
    """'4' -> 4, '1,200' -> 1200, 'eight' -> 8, '2.5' -> 2.5; None when not a number."""
    w = word.lower().strip()
    if w in _SMALL:
        return float(_SMALL[w])
    w2 = w.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", w) else w.replace(",", ".")
    try:
        return float(w2)
    except ValueError:
        return None


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: float
    unit: str  # "months", a currency code, or "people"


_DURATION_PART = rf"(?P<n>{_NUM})(?:\s*-\s*|\s+)(?P<u>years?|months?|weeks?|days?)\b"
_DURATION = re.compile(rf"\b{_DURATION_PART}(?:(?:\s*,\s*|\s+and\s+|\s+){_DURATION_PART.replace('?P<n>', '?P<n2>').replace('?P<u>', '?P<u2>')})?"
                       r"(?:\s+and\s+a\s+half)?", re.I)


_RELATIVE_AFTER = re.compile(r"\s+(?:after|before|later|earlier|ago|since|prior)\b", re.I)


def find_durations(text: str) -> list[Quantity]:
    """Spans like '4 years and 8 months', 'six-month', 'a year and a half', in months."""
    out = []
    for m in _DURATION.finditer(text):
        if _RELATIVE_AFTER.match(text, m.end()):
            continue  # "a day after his arrest", "two weeks ago": a point in time, not a term
        months = 0.0
        for n, u in (("n", "u"), ("n2", "u2")):
            if m.group(n):
                v = number_value(m.group(n))
                if v is None:
                    break
                months += v * _UNIT_MONTHS[m.group(u).lower().rstrip("s")]
        else:
            if m.group(0).lower().endswith("and a half"):
                months += 0.5 * _UNIT_MONTHS[(m.group("u2") or m.group("u")).lower().rstrip("s")]
            if months > 0:
                out.append(Quantity(m.start(), m.end(), round(months, 1) if months % 1 else int(months), "months"))
    return out


_CUR_SYMBOL = {"$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "¥": "JPY", "₸": "KZT", "₴": "UAH"}
_CUR_WORD = {
    "dollars?": "USD", "usd": "USD", "euros?": "EUR", "eur": "EUR", "pounds?(?: sterling)?": "GBP",
    "rubles?": "RUB", "roubles?": "RUB", "rub": "RUB", "tenge": "KZT", "hryvnias?": "UAH", "hryvnia": "UAH",
    "yuan": "CNY", "yen": "JPY",
}
_SCALE_RX = r"(?:\s*(?P<scale>thousand|million|mln|billion|bln|trillion|bn|k|m)\b)?"
_MONEY_SYMBOL = re.compile(rf"(?P<sym>[$€£₽¥₸₴])\s?(?P<n>\d+(?:[.,]\d+)*){_SCALE_RX}", re.I)
_MONEY_WORD = re.compile(
    rf"\b(?P<n>\d+(?:[.,]\d+)*|{_NUM}){_SCALE_RX}\s*(?:of\s+)?(?P<cur>{'|'.join(_CUR_WORD)})\b", re.I)


def _currency_of_word(word: str) -> str:
    for rx, code in _CUR_WORD.items():
        if re.fullmatch(rx, word, re.I):
            return code
    return "?"


def find_money(text: str) -> list[Quantity]:
    """'$15.6 million' -> 15600000 USD; '2.12 billion rubles' -> 2120000000 RUB."""
    out: list[Quantity] = []
    for rx in (_MONEY_SYMBOL, _MONEY_WORD):
        for m in rx.finditer(text):
            if any(q.start < m.end() and m.start() < q.end for q in out):
                continue
            v = number_value(m.group("n"))
            if v is None:
                continue
            scale = (m.group("scale") or "").lower()
            v *= _SCALE.get(scale, 1)
            cur = _CUR_SYMBOL[m.group("sym")] if "sym" in rx.groupindex else _currency_of_word(m.group("cur"))
            out.append(Quantity(m.start(), m.end(), int(v) if v == int(v) else v, cur))
    out.sort(key=lambda q: q.start)
    return out


_PEOPLE = (r"people|persons?|protesters?|demonstrators?|activists?|civilians?|soldiers?|troops|"
           r"servicemen|residents?|children|men|women|journalists?|students?|citizens?|refugees?|"
           r"prisoners?|detainees?|police(?:men| officers)?|officers?|supporters?|participants?|voters?|"
           r"victims?|workers?|employees?|members?|individuals?|suspects?")
_COUNT = re.compile(
    rf"\b(?:(?:about|around|some|nearly|almost|over|more than|at least|up to)\s+)?"
    rf"(?P<n>\d+(?:,\d{{3}})*|{_NUM}){_SCALE_RX}(?:\s+|-)(?:[a-z]+\s+){{0,2}}?(?P<who>{_PEOPLE})\b"
    rf"|\b(?P<vague>hundreds|thousands|tens of thousands|hundreds of thousands|dozens|millions)\s+of\s+(?:[a-z]+\s+)?(?P<who2>{_PEOPLE})\b",
    re.I)
_VAGUE = {"dozens": 24, "hundreds": 200, "thousands": 2000, "tens of thousands": 20000,
          "hundreds of thousands": 200000, "millions": 2000000}


def find_people_counts(text: str) -> list[Quantity]:
    """'Two people were killed' -> 2; 'thousands of protesters' -> 2000 (order of magnitude, flagged by unit)."""
    out = []
    for m in _COUNT.finditer(text):
        if m.group("vague"):
            out.append(Quantity(m.start(), m.end(), _VAGUE[m.group("vague").lower()], "people~"))
            continue
        v = number_value(m.group("n"))
        if v is None or v < 1 or m.group("n").lower() in ("a", "an"):
            continue
        v *= _SCALE.get((m.group("scale") or "").lower(), 1)
        if 1800 <= v <= 2100 and m.group("n").isdigit() and not m.group("scale"):
            continue  # a year, not a head count ("2016 voters" is rare, "in 2016 voters" common)
        out.append(Quantity(m.start(), m.end(), int(v), "people"))
    return out


__all__ = ["Quantity", "number_value", "find_durations", "find_money", "find_people_counts"]
