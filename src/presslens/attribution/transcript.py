"""Transcript lines: `NAME: what they said` opening a paragraph (interviews, debates).

The speaker is an all-capitals word or a PERSON entity of at most three
words, optionally after an opening quotation mark; the content runs to the
end of the paragraph. Header-like words (UPDATE:, PHOTO:) are not names.
"""
from __future__ import annotations

import re

from .spans import Found, trim

_LINE = re.compile(r"[\"“”'‘]?\s*([A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,2})\s*:\s+(?=\S)")
_NOT_NAMES = {"UPDATE", "PHOTO", "VIDEO", "NOTE", "EDITOR", "CORRECTION", "SOURCE", "WATCH", "READ", "RELATED",
              "ADVERTISEMENT", "CLICK", "Q", "A", "BREAKING", "EXCLUSIVE", "TRANSCRIPT", "LIVE", "UPDATED"}


def transcript_lines(text: str, chunk) -> list[Found]:
    start, end = chunk.offset, chunk.end
    m = _LINE.match(text, start, end)
    if not m:
        return []
    name = m.group(1)
    s, e = m.start(1), m.end(1)
    caps = name.replace(" ", "").replace(".", "").isupper() and len(name) > 1
    ents = [x for x in chunk.doc.ents if x.label_ == "PERSON" and chunk.offset + x.start_char == s]
    if name.upper() in _NOT_NAMES or not (caps or ents):
        return []
    cs, ce = trim(text, m.end(), end)
    if len(text[cs:ce].split()) < 4:
        return []
    return [Found("direct", cs, ce, (m.end(1), m.end(1) + 1 + text[m.end(1):m.end()].find(":")),
                  (s, e), None, 0.8)]
