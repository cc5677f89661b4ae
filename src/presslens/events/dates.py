"""Date expressions in text, normalised to ISO 8601.

Only calendar points are dates: "4 years and 8 months" or "for three days"
are durations (see quantities.py) and never come out of here.

Normalisation is anchored on the article's publication date when it is
known. Without it a day and month stay partial ("--11-19") and relative
expressions ("yesterday", "on Tuesday") stay unresolved (None): we never
invent a year.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_MON = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|" \
       r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"

# One alternation, longest forms first; named groups are suffixed per branch.
_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("dotted", r"\b(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
    ("mdy", rf"\b{_MON}\s+{_DAY}(?:\s*,\s*|\s+){_YEAR}\b"),
    ("dmy", rf"\b{_DAY}(?:\s+of)?\s+{_MON}(?:\s*,\s*|\s+){_YEAR}\b"),
    ("md", rf"\b{_MON}\s+{_DAY}\b(?![,.]?\d)"),
    ("dm", rf"\b{_DAY}(?:\s+of)?\s+{_MON}\b"),
    ("my", rf"\b{_MON}\s+(?:of\s+)?{_YEAR}\b"),
    # "in August", "since early March": a month of the year the anchor puts it in
    ("month", rf"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Ee]arly|[Ll]ate|[Mm]id-?)\s+(?:(?:early|late|mid)-?\s*)?"
              rf"{_MON}(?!\s*(?:\d|of\s+\d))"),
    ("rel_day", r"\b(?P<rel>yesterday|today|tomorrow|the day before yesterday)\b"),
    ("day_shift", r"\b(?:(?P<shift>the\s+(?:previous|next|following)\s+day|(?:a|one)\s+day\s+(?:earlier|later)"
                  r"|(?P<sn>two|three|four|five|six|\d)\s+days\s+(?:earlier|later))"
                  r"|the\s+day\s+(?:before|after)(?=\s*[,.;:)]))"),
    ("weekday", r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("rel_period", r"\b(?P<which>last|next|this|past)\s+(?P<unit>week|month|year)\b"),
    ("year", r"\b(?:in|since|of|by)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*(?:-|–)\s*\d)"),
]
_COMPILED = [(kind, re.compile(p, re.I if kind not in ("md", "dm", "my", "mdy", "dmy", "weekday", "month") else 0))
             for kind, p in _PATTERNS]
# Month names are matched case-sensitively, so the modal "may" is never a month; "May" alone
# (no day, no year) is not a pattern at all.


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets relative to the string searched
    end: int
    kind: str
    value: str | None  # ISO 8601 (possibly partial), or None when it cannot be resolved


_SHIFT_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def day_shift(phrase: str) -> int:
    """Days from the day last named in the text: 'the day before' -1, 'two days later' 2."""
    low = phrase.lower()
    n = re.match(r"(two|three|four|five|six|\d)\s+days", low)
    step = (_SHIFT_NUMBERS.get(n.group(1)) or int(n.group(1))) if n else 1
    return -step if re.search(r"before|previous|earlier", low) else step


def shift_day(value: str, days: int) -> str | None:
    """An ISO day ('2023-06-06', or partial '--06-06') moved by `days`."""
    m = re.fullmatch(r"(\d{4}|-)-(\d{2})-(\d{2})", value)
    if not m:
        return None
    year = 2001 if m.group(1) == "-" else int(m.group(1))  # a non-leap year for partial dates
    d = date(year, int(m.group(2)), int(m.group(3))) + timedelta(days=days)
    return d.isoformat() if m.group(1) != "-" else f"--{d.month:02d}-{d.day:02d}"


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _valid(y: int | None, m: int, d: int | None) -> bool:
    try:
        date(y or 2000, m, d or 1)  # 2000 is a leap year, so --02-29 is accepted
        return True
    except ValueError:
        return False


def _month(s: str) -> int:
    return int(s) if s.isdigit() else MONTHS[s.lower().rstrip(".")]


def _nearest_year(month: int, day: int, anchor: date, future: bool) -> int:
    """The year that puts month/day closest to the anchor on the expected side:
    news reports mostly look back, so a date well after publication is last year's."""
    year = anchor.year
    try:
        candidate = date(year, month, day)
    except ValueError:
        return year
    if not future and candidate > anchor + timedelta(days=31):
        return year - 1
    if future and candidate < anchor - timedelta(days=31):
        return year + 1
    return year


def _month_of_year(month: int, anchor: date | None, future: bool) -> str | None:
    """'in August' said on 2023-04-12 is 2022-08: reports look back, unless it starts within a month."""
    if anchor is None:
        return None  # no year is invented
    year = anchor.year
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    if not future and first > anchor + timedelta(days=31):
        year -= 1
    elif future and last < anchor - timedelta(days=31):
        year += 1
    return f"{year:04d}-{month:02d}"


def normalise(kind: str, groups: dict[str, str | None], anchor: date | None, future: bool = False) -> str | None:
    """The ISO value of one matched expression (see find_dates for the kinds)."""
    if kind in ("iso", "dotted", "mdy", "dmy"):
        y, m, d = int(groups["year"]), _month(groups["mon"]), int(groups["day"])
        return f"{y:04d}-{m:02d}-{d:02d}" if _valid(y, m, d) else None
    if kind in ("md", "dm"):
        m, d = _month(groups["mon"]), int(groups["day"])
        if not _valid(None, m, d):
            return None
        if anchor is None:
            return f"--{m:02d}-{d:02d}"
        return f"{_nearest_year(m, d, anchor, future):04d}-{m:02d}-{d:02d}"
    if kind == "my":
        return f"{int(groups['year']):04d}-{_month(groups['mon']):02d}"
    if kind == "year":
        return groups["year"]
    if kind == "month":
        return _month_of_year(_month(groups["mon"]), anchor, future)
    if kind == "day_shift":
        return None  # relative to the day last named in the text, not to publication: the caller resolves it
    if anchor is None:
        return None
    if kind == "rel_day":
        rel = (groups["rel"] or "").lower()
        delta = {"yesterday": -1, "today": 0, "tomorrow": 1, "the day before yesterday": -2}[rel]
        return (anchor + timedelta(days=delta)).isoformat()
    if kind == "weekday":
        wd = WEEKDAYS[groups["wd"].lower()]
        if future:
            ahead = (wd - anchor.weekday()) % 7
            return (anchor + timedelta(days=ahead)).isoformat()
        back = (anchor.weekday() - wd) % 7
        return (anchor - timedelta(days=back)).isoformat()
    if kind == "rel_period":
        which, unit = groups["which"].lower(), groups["unit"].lower()
        if which == "past":
            # "over the past year" is the trailing twelve months up to publication, not the
            # previous calendar year ("last year"): an ISO 8601 interval ending on the anchor
            if unit == "week":
                begin = anchor - timedelta(weeks=1)
            else:
                y, m = divmod(anchor.year * 12 + anchor.month - 1 - (1 if unit == "month" else 12), 12)
                begin = date(y, m + 1, min(anchor.day, calendar.monthrange(y, m + 1)[1]))
            return f"{begin.isoformat()}/{anchor.isoformat()}"
        step = {"last": -1, "next": 1, "this": 0}[which]
        if unit == "year":
            return f"{anchor.year + step:04d}"
        if unit == "month":
            y, m = anchor.year, anchor.month + step
            y, m = (y - 1, 12) if m < 1 else ((y + 1, 1) if m > 12 else (y, m))
            return f"{y:04d}-{m:02d}"
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
        iso = monday.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    return None


def find_dates(text: str, anchor: date | None = None, future: bool = False) -> list[DateMention]:
    """Every date expression in `text`, longest match first where they overlap."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _COMPILED:
        for m in rx.finditer(text):
            s, e = m.span()
            if kind == "year":  # keep only the year digits as the span
                s, e = m.span("year")
            elif kind == "month":
                s, e = m.span("mon")
            if any(s < te and ts < e for ts, te in taken):
                continue
            groups = m.groupdict()
            if kind in ("md", "dm") and _looks_like_duration_or_count(text, s, e):
                continue
            value = normalise(kind, groups, anchor, future)
            if value is None and kind in ("iso", "dotted", "mdy", "dmy", "md", "dm"):
                continue  # not a real calendar date (e.g. "May 45")
            found.append(DateMention(s, e, kind, value))
            taken.append((s, e))
    found.sort(key=lambda d: d.start)
    # "Sunday, August 21": the weekday only names the explicit date beside it
    return [d for i, d in enumerate(found)
            if not (d.kind == "weekday" and i + 1 < len(found) and found[i + 1].kind != "weekday"
                    and re.fullmatch(r"[\s,]*(?:the\s+)?", text[d.end:found[i + 1].start]))]


def _looks_like_duration_or_count(text: str, s: int, e: int) -> bool:
    # "3 March" is fine, but "for 3 May…" is still a date; a duration needs a unit word,
    # which the patterns never accept, so only guard against numbers glued to units.
    return bool(re.match(r"\s*(?:years?|months?|days?|weeks?)\b", text[e:e + 8], re.I))


__all__ = ["DateMention", "find_dates", "normalise", "parse_published", "day_shift", "shift_day", "MONTHS",
           "WEEKDAYS"]
