"""The channel a statement went through, read from the sentence around the cue.

`told reporters`, `in a statement`, `in an interview with X`, `on his Telegram
channel`, `tweeted`. A sentence that only says where someone speaks ("The
minister shared his view on his Telegram channel.") sets a standing channel
for that speaker's following quotes (see `standing_channel`).
"""
from __future__ import annotations

import re

from .lexicon import AUDIENCE, CHANNEL_NOUNS, PLATFORMS

_PLATFORM_RE = re.compile(
    r"\b(?:on|via|in|through|to)\s+(?:(?:his|her|their|its|the|a|an|one's|[A-Z][\w-]*(?:'s|’s))\s+)?(?:official\s+|own\s+|personal\s+)?"
    r"(" + "|".join(sorted((re.escape(p) for p in PLATFORMS if len(p) > 2), key=len, reverse=True)) + r")\b",
    re.I,
)
_INTERVIEW_RE = re.compile(r"\b(?:in|during)\s+an?\s+(?:\w+\s+){0,2}interview\s+(?:with|to)\s+((?:the\s+)?(?:[A-Z][\w.&'’-]*\s*){1,5})")
_NOUN_RE = re.compile(
    r"\b(?:in|at|during|on|via)\s+(?:a|an|the|his|her|their|its)\s+(?:\w+\s+){0,2}("
    + "|".join(re.escape(n) for n in sorted(CHANNEL_NOUNS, key=len, reverse=True)) + r")s?\b", re.I)
_TOLD_RE = re.compile(r"\b(?:told|telling|tells|tell)\s+(" + "|".join(re.escape(a) for a in AUDIENCE) + r")\b", re.I)
_VERB_CHANNEL = {"tweeted": "Twitter", "tweets": "Twitter", "tweeting": "Twitter", "tweet": "Twitter"}


def channel_in(text: str) -> str | None:
    """The channel a sentence names, or None."""
    m = _PLATFORM_RE.search(text)
    if m:
        return PLATFORMS[m.group(1).lower()]
    m = _INTERVIEW_RE.search(text)
    if m:
        return "interview with " + m.group(1).strip(" ,.")
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


def standing_channel(text: str) -> str | None:
    """A platform named as where someone publishes ("on his Telegram channel")."""
    m = _PLATFORM_RE.search(text)
    return PLATFORMS[m.group(1).lower()] if m else None
