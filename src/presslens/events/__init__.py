"""Events and time: trigger lexicon (PLOVER-mapped types), date normalisation,
durations/money/counts, and extraction from the shared parse.

Parts, one job each: types.py (the event type set), lexicon.py (trigger
words and their conditions), dates.py (ISO 8601 dates), quantities.py
(durations in months, money, head counts), arguments.py (participants
resolved to entities), extraction.py (putting it together over the parse:
trigger filters and the per-sentence loop), with syntax.py (reading the parse),
participants.py (actor and target), attributes.py (charge, penalty, term,
amounts) and timing.py (the event's date).
"""
from .dates import find_dates, parse_published
from .extraction import Context, extract
from .types import EVENT_TYPES

__all__ = ["Context", "extract", "find_dates", "parse_published", "EVENT_TYPES"]
