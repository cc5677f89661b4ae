"""Russian dates and durations, normalised the way events/dates.py and
events/quantities.py normalise English ones ("19 ноября" -> "--11-19";
"4 годам и 8 месяцам" -> 56 months), reusing their DateMention, Quantity
and `normalise` so both languages give the same values."""
from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from importlib.resources import files

from ..events.dates import DateMention, normalise
from ..events.quantities import Quantity


@lru_cache(maxsize=1)
def event_data() -> dict:
    return json.loads(files("presslens").joinpath("models", "ru", "events.json").read_text(encoding="utf-8"))


_MON = r"(?P<mon>январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь])"
_DATE = re.compile(rf"\b(?P<day>[0-3]?\d)\s+{_MON}(?:\s+(?P<year>(?:19|20)\d\d)(?:\s*(?:года|г\.))?)?(?![\w])", re.I)
_DOTTED = re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<mon>[01]\d)\.(?P<year>(?:19|20)\d\d)\b")
_UNIT = r"(?P<u{i}>год(?:а|у|ом|ам|ами|ах)?|лет|месяц(?:а|у|ем|ев|ам|ами|ах)?|недел(?:я|и|ю|ь|ям|ями)|дн(?:я|ей|ям|ями)|день|сут(?:ок|ки|кам))"


def _num(i: int) -> str:
    words = "|".join(sorted(event_data()["numbers"], key=len, reverse=True))
    return rf"(?P<n{i}>\d+(?:[.,]\d+)?|{words})"


@lru_cache(maxsize=1)
def _duration_re() -> re.Pattern:
    one = lambda i: rf"{_num(i)}\s+{_UNIT.format(i=i)}"  # noqa: E731
    return re.compile(rf"(?<![\w.]){one(1)}(?:\s*(?:и|,)\s*{one(2)})?(?!\w)", re.I)


def _month_number(word: str) -> int:
    low = word.lower()
    for stem, n in sorted(event_data()["months"].items(), key=lambda kv: -len(kv[0])):
        if low.startswith(stem):
            return n
    raise ValueError(word)


def find_dates_ru(text: str, anchor: date | None = None) -> list[DateMention]:
    out: list[DateMention] = []
    for m in _DOTTED.finditer(text):
        out.append(DateMention(m.start(), m.end(), "dotted", normalise("dotted", m.groupdict(), anchor)))
    for m in _DATE.finditer(text):
        if any(d.start <= m.start() < d.end for d in out):
            continue
        g = {"day": m.group("day"), "mon": str(_month_number(m.group("mon"))), "year": m.group("year")}
        kind = "dmy" if g["year"] else "dm"
        out.append(DateMention(m.start(), m.end(), kind, normalise(kind, g, anchor)))
    return sorted(out, key=lambda d: d.start)


def _months(n: str, unit: str) -> float:
    nums = event_data()["numbers"]
    value = float(n.replace(",", ".")) if n[0].isdigit() else float(nums[n.lower()])
    u = unit.lower()
    per = 12 if u.startswith(("год", "лет")) else 1 if u.startswith("месяц") else \
        12 / 52 if u.startswith("недел") else 12 / 365
    return value * per


def find_durations_ru(text: str) -> list[Quantity]:
    out = []
    for m in _duration_re().finditer(text):
        if m.group("n1").isdigit() and int(m.group("n1")) >= 1000:
            continue  # "2021 года" is a year, not a duration
        months = _months(m.group("n1"), m.group("u1"))
        if m.group("n2"):
            months += _months(m.group("n2"), m.group("u2"))
        out.append(Quantity(m.start(), m.end(), round(months, 2), "months"))
    return out
