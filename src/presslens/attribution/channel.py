"""The channel a statement went through, read from the sentence around the cue.

The channel is the outlet or platform where one is named (`told TASS`, `quoted by RIA
Novosti`, `..., writes Kommersant`, `in an interview with the BBC`, `Speaking on Radio X`,
`on the air of the Rossiya 1 TV channel`, `in a post on X`, `on his Telegram channel`), the
event named for `on the sidelines of the X Forum`, else the kind of occasion (`statement`,
`press conference`, `interview`, `address`, `reporters`). A sentence that only says where
someone speaks ("The minister shared his view on his Telegram channel.") sets a standing
channel for that speaker's following quotes (see `standing_channel`).
"""
from __future__ import annotations

import re
from typing import Callable

from .lexicon import AUDIENCE, CHANNEL_NOUNS, PLATFORMS

_PLATFORM_RE = re.compile(
    r"\b(?:on|via|in|through|to)\s+(?:(?:his|her|their|its|the|a|an|one's|[A-Z][\w-]*(?:'s|’s))\s+)?(?:official\s+|own\s+|personal\s+)?"
    r"(" + "|".join(sorted((re.escape(p) for p in PLATFORMS if len(p) > 2), key=len, reverse=True)) + r")\b",
    re.I,
)
# "on X" is a platform only as a capital letter standing alone, after a posting word or a
# platform noun: "in a post on X", "wrote on X", "on his X account", "the social network X"
_X_RE = re.compile(r"(?:\b(?:post(?:ed|s)?|wr(?:ote|ites|iting)|shared|published|tweeted|said|stated)\s+on"
                   r"|\b(?:on|in)\s+(?:his|her|their|its)|\bsocial\s+network|\bplatform)\s+X\b(?![-.]\w)")
_NAME = r"((?:[A-Z][\w.&'’-]*|\d+)(?:\s+(?:[A-Z][\w.&'’-]*|\d+|of|de|la|Al))*)"
_OUTLET_NOUN = r"(?:(?:news\s+agency|agency|newspaper|publication|TV\s+channel|channel|radio\s+station|radio|" \
               r"portal|website|outlet|broadcaster|magazine|daily|weekly|edition)\s+)?"
_DET = r"(?:(?:the|a|an|his|her|their|its)\s+)?"
# where the name that follows is the outlet that carried the words, if it is one
_TO_OUTLET_RE = re.compile(
    r"\b(?:[Tt]old|[Tt]elling|[Tt]ells|said\s+to|[Ss]peaking\s+(?:to|on|with)|[Ss]poke\s+(?:to|on|with)|"
    r"(?:[Ii]n|[Dd]uring)\s+an?\s+(?:\w+\s+){0,2}(?:interview|comment|conversation)\s+(?:with|to|for)|"
    r"(?:[Oo]n|[Ii]n)\s+(?:the\s+)?air\s+(?:of|on)|on\s+air\s+(?:of|on))\s+" + _DET + _OUTLET_NOUN + _NAME)
# the name that follows published the words, whatever it looks like ("quoted by RIA Novosti")
_BY_OUTLET_RE = re.compile(
    r"(?:\bquoted\s+by|\bcited\s+by|,\s*(?:writes|wrote|reports|reported|informs|citing)|\b[Aa]ccording\s+to|"
    r"\bas\s+(?:reported|written)\s+by)\s+" + _DET + _OUTLET_NOUN + _NAME)
_INTERVIEW_RE = re.compile(r"\b(?:in|during)\s+an?\s+(?:\w+\s+){0,2}(interview|comment|conversation)\b", re.I)
_SIDELINES_RE = re.compile(r"\b[Oo]n\s+the\s+sidelines\s+of\s+(?:the\s+)?" + _NAME + r"?\s*(\w+)?")
_NOUN_RE = re.compile(
    r"\b(?:in|at|during|on|via)\s+(?:a|an|the|his|her|their|its)\s+(?:\w+\s+){0,2}("
    + "|".join(re.escape(n) for n in sorted(CHANNEL_NOUNS, key=len, reverse=True)) + r")s?\b", re.I)
_TOLD_RE = re.compile(r"\b(?:told|telling|tells|tell)\s+(" + "|".join(re.escape(a) for a in AUDIENCE) + r")\b", re.I)
_VERB_CHANNEL = {"tweeted": "Twitter", "tweets": "Twitter", "tweeting": "Twitter", "tweet": "Twitter"}
# a name that starts a sentence part is no outlet: "according to Interior Minister NAME"
_NOT_OUTLET_FIRST = {"the", "a", "an", "he", "she", "they", "it", "i", "we", "his", "her", "their", "its", "this",
                     "that", "on", "in", "at", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                     "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"}

OutletTest = Callable[[str], bool]


def channel_in(text: str, is_outlet: OutletTest | None = None) -> str | None:
    """The channel a sentence names, or None.

    `is_outlet(name)` says whether a name is a news outlet; without it only names known or shaped
    as outlets (`lexicon.OUTLET_NOUNS` aside) count after `told`/`in an interview with`."""
    test = is_outlet or known_outlet
    m = _X_RE.search(text)
    if m:
        return "X"
    m = _PLATFORM_RE.search(text)
    if m:
        return PLATFORMS[m.group(1).lower()]
    for m in _TO_OUTLET_RE.finditer(text):
        name = _outlet_name(m.group(1), text[m.end():])
        if name and (test(name) or _after_outlet_noun(m.group(0))):
            return name
    for m in _BY_OUTLET_RE.finditer(text):
        name = _outlet_name(m.group(1), text[m.end():])
        strict = m.group(0).lstrip(", ").lower().startswith(("according", "citing"))
        if name and (test(name) or _after_outlet_noun(m.group(0)) or not strict and _looks_like_name(name)):
            return name
    m = _SIDELINES_RE.search(text)
    if m:
        if m.group(1) and m.group(1).split()[-1].lower() in EVENT_WORDS:
            return m.group(1)
        return m.group(2).lower() if m.group(2) and m.group(2).lower() in EVENT_WORDS else "sidelines"
    m = _INTERVIEW_RE.search(text)
    if m:
        return "comment" if m.group(1).lower() == "comment" else "interview"
    m = _TOLD_RE.search(text)
    if m:
        return m.group(1).lower()
    m = _NOUN_RE.search(text)
    if m:
        return CHANNEL_NOUNS[m.group(1).lower()]
    for w in re.findall(r"[a-z]+", text.lower()):
        if w in _VERB_CHANNEL:
            return _VERB_CHANNEL[w]
    return None


EVENT_WORDS = {"forum", "summit", "conference", "congress", "session", "meeting", "assembly", "festival",
               "exhibition", "expo", "games", "talks", "council", "week"}


def known_outlet(name: str) -> bool:
    """A name known as a news outlet or shaped like one (`Radio X`, `X TV`, `Vlast.kz`)."""
    from ..coref.lexicon import MEDIA, is_outlet_name  # the coref lexicon imports this package

    from .acts import lexicon

    low = name.lower()
    return low in MEDIA or low.removeprefix("the ") in MEDIA or is_outlet_name(name) \
        or bool(re.search(r"\w\.(?:kz|ru|com|org|net|ua|by|uz|kg|az|am|ge|info|news|media|tv)\b", low)) \
        or " " not in low and low.endswith(tuple(lexicon().outlet_name_endings)) and name[:1].isupper()


def _after_outlet_noun(phrase: str) -> bool:
    """`told the newspaper X`, `in an interview with the TV channel X`: the noun says it."""
    return bool(re.search(r"\b(?:news\s+agency|agency|newspaper|publication|channel|radio|portal|website|outlet|"
                          r"broadcaster|magazine|edition)\s+\S+$", phrase.split(",")[-1].strip()))


def _outlet_name(name: str, rest: str) -> str | None:
    """Trim a captured capitalised run to the outlet's name: `Rossiya 1 TV` before `channel` is
    `Rossiya 1`; a trailing `of`/a lone number is no part of it."""
    words = name.split()
    while words and words[-1] in ("of", "de", "la", "Al"):
        words.pop()
    if not words or words[0].lower() in _NOT_OUTLET_FIRST and not (words[0] == "The" and len(words) > 1):
        return None
    if len(words) > 1 and words[-1] in ("TV", "Radio") and re.match(r"\s*(?:channel|station)\b", rest):
        words.pop()
    out = " ".join(words).rstrip(".,")
    return out if out and not out.isdigit() else None


def _looks_like_name(name: str) -> bool:
    """`quoted by RIA Novosti`: any proper name, but not a title (`quoted by Minister X` is a person)."""
    from ..coref.lexicon import ROLE_NOUNS

    return name.split()[0].lower() not in ROLE_NOUNS


def standing_channel(text: str) -> str | None:
    """A platform named as where someone publishes ("on his Telegram channel")."""
    m = _PLATFORM_RE.search(text)
    return PLATFORMS[m.group(1).lower()] if m else None
