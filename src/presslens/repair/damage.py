"""Scraping damage as spans with a kind and a short note.

Kinds: fused (see fused.py), splice (text starts mid-clause after a break),
truncated (text ends mid-sentence), duplicated (a paragraph or sentence
repeated), mojibake (encoding damage, located with ftfy's badness pattern)
and reversed-quotes (closing and opening marks swapped). Every detector is
a regex/linear scan; none of them looks inside boilerplate.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .fused import find_fusions
from .segment import paragraph_spans, sentence_spans, word_count


@dataclass(frozen=True)
class DamageHit:
    start: int
    end: int
    kind: str
    note: str = ""


_TERMINAL = set(".!?…:;\"”’»)]|*")
_LOWER_START = re.compile(r"[a-zа-яё][a-zа-яё'’-]+\b")
# Lower-case words that may legitimately open a sentence or line.
_LOWER_OK = re.compile(r"^(?:[a-z]+[A-Z]\w*|e-\w+|i[A-Z]\w*|de|da|di|del|du|van|von|der|den|al|el|la|le|bin|ibn|dos|das|ul|"
                       r"p\.?m|a\.?m|http\S*|www\S*|\S*[@/]\S*)$")
_RELATIVE_RU = re.compile(r"(?:Котор(?:ый|ая|ое|ые|ого|ой|ым|ых|ую)|Чей|Чья|Чьи)\b")
_SPEECH = frozenset("said says told wrote added noted asked explained stated reported tweeted writes adds "
                    "сказал сказала заявил заявила отметил отметила написал написала добавил добавила".split())
_FUNCTION_END = frozenset(
    "the a an of to and or but in on at by for with from that which who whose as than into about over "
    "under between his her their its our your my this these those is are was were be been has have had will would "
    "и в на с по к о от для что который которая которые не же а но или из за до при".split()
)


def _lower_ok(text: str, pos: int) -> bool:
    """True when the lower-case token at pos may open a sentence: a handle,
    a link, a brand in camel case, a name particle."""
    tok = re.match(r"\S+", text[pos:pos + 80])
    t = tok.group() if tok else ""
    return bool(re.search(r"[./@#]\w", t)) or bool(_LOWER_OK.match(re.sub(r"[^\w'’-]+$", "", t)))


def _overlaps_any(s: int, e: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < be and bs < e for bs, be in spans)


def _sentence_end(text: str, start: int, limit: int) -> int:
    m = re.compile(r"[.!?…][\"'”’»)]*(?=\s|$)").search(text, start, limit)
    return m.end() if m else limit


# --- mojibake -------------------------------------------------------------------

def _mojibake(text: str, s: int, e: int) -> list[DamageHit]:
    seg = text[s:e]
    if seg.isascii():
        return []
    from ftfy import fix_text
    from ftfy.badness import BADNESS_RE

    out: list[DamageHit] = []
    for m in BADNESS_RE.finditer(seg):
        a, b = m.start(), m.end()
        while a > 0 and not seg[a - 1].isspace():
            a -= 1
        while b < len(seg) and not seg[b].isspace():
            b += 1
        if out:  # one span per paragraph: from the first damaged word to the last
            out[-1] = DamageHit(out[-1].start, s + b, "mojibake", out[-1].note)
        else:
            out.append(DamageHit(s + a, s + b, "mojibake", ""))
    fixed = []
    for h in out:
        piece = text[h.start:h.end]
        repaired = fix_text(piece)
        if repaired != piece:
            fixed.append(DamageHit(h.start, h.end, "mojibake", f"encoding damage; probably “{repaired[:60]}”"))
    return fixed


# --- reversed quotes -----------------------------------------------------------

def _reversed_quotes(text: str, s: int, e: int) -> list[DamageHit]:
    pairs = [("“", "”")]
    if re.search(r"[а-яё]", text[s:e], re.I):
        pairs.append(("«", "»"))
    out = []
    for op, cl in pairs:
        open_ = False
        cand = -1
        for m in re.finditer(f"[{op}{cl}]", text[s:e]):
            p = s + m.start()
            ch = m.group()
            before = text[p - 1] if p > s else " "
            after = text[p + 1] if p + 1 < e else " "
            if cand >= 0:
                if ch == op and (before.isalnum() or before in ".,!?…") and not after.isalnum():
                    out.append(DamageHit(cand, p + 1, "reversed-quotes",
                                         f"closing mark {cl} opens and {op} closes this quotation"))
                cand = -1
                continue
            if ch == op:
                open_ = True
            elif open_:
                open_ = False
            elif (before.isspace() or before in "([—–-") and after.isalnum():
                cand = p
    return out


# --- duplicated ----------------------------------------------------------------

def _norm(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


def _duplicates(text: str, paras: list[tuple[int, int]]) -> list[DamageHit]:
    out = []
    seen: dict[str, int] = {}
    for s, e in paras:
        key = _norm(text[s:e])
        if word_count(key) >= 8:
            if key in seen:
                out.append(DamageHit(s, e, "duplicated", f"same paragraph as at offset {seen[key]}"))
                continue
            seen[key] = s
        prev = None
        for a, b in sentence_spans(text, s, e):
            k = _norm(text[a:b])
            if prev and k == prev[0] and word_count(k) >= 6:
                out.append(DamageHit(a, b, "duplicated", f"the sentence at offset {prev[1]} is repeated"))
            prev = (k, a)
    return out


# --- splice and truncated ------------------------------------------------------

def _ends_open(frag: str) -> bool:
    f = frag.rstrip()
    return bool(f) and f[-1] not in _TERMINAL and (f[-1].isalnum() or f[-1] in ",-–—")


# Russian abbreviations that machine translation spells out but keeps the full stop of
# ("тыс." -> "thousand.", "млн." -> "million.", "см." -> "see."): a lower-case word after
# them continues the sentence.
_UNIT_ABBREV = frozenset("thousand thousands million millions billion billions trillion thous mln bln bn rub rubles "
                         "see cf incl approx sq km kg".split())


def _splices(text: str, paras: list[tuple[int, int]], idx: int) -> list[DamageHit]:
    s, e = paras[idx]
    out = []
    para = text[s:e]
    first = _LOWER_START.match(para)
    if first and not _lower_ok(text, s) and para[:2] not in ("- ", "• "):
        prev_closed = idx == 0 or not _ends_open(text[paras[idx - 1][0]:paras[idx - 1][1]])
        end = _sentence_end(text, s, e)
        if prev_closed and word_count(text[s:end]) >= 4:
            out.append(DamageHit(s, end, "splice", "the paragraph starts mid-clause in lower case: text before it was lost"))
    # mid-paragraph: ". lower-case" (a sentence that starts mid-clause)
    sents = sentence_spans(text, s, e)
    for (a, b), (c, d) in zip(sents, sents[1:]):
        tail = text[a:b].rstrip()
        if not tail.endswith((".", ".”", '."', ".’", ".»")) or tail.endswith(("..", "…")):
            continue
        m = _LOWER_START.match(text, c)
        if not m or _lower_ok(text, c) or word_count(text[c:d]) < 4:
            continue
        last = re.search(r"(\w+)\.\W*$", tail)
        if last and last.group(1).lower() in _UNIT_ABBREV:
            continue  # "106.2 thousand. reports": a Russian abbreviation (тыс., млн., см.) kept by the translation
        out.append(DamageHit(c, d, "splice", "a sentence starts mid-clause in lower case: text before it was lost"))
    for a, b in sents[1:]:
        if _RELATIVE_RU.match(text, a) and text[a:b].rstrip().endswith("."):
            out.append(DamageHit(a, b, "splice", "a sentence opens with a dangling relative clause: its head noun was lost"))
    return out


def _truncations(text: str, paras: list[tuple[int, int]], idx: int) -> list[DamageHit]:
    s, e = paras[idx]
    para = text[s:e]
    if not _ends_open(para) or para[:2] in ("- ", "• ", "| "):
        return []
    if idx + 1 < len(paras) and _LOWER_START.match(text, paras[idx + 1][0]):
        return []  # continued after the break: a wrap, or a splice reported there
    sents = sentence_spans(text, s, e)
    a, b = sents[-1]
    frag = text[a:b]
    last = re.findall(r"[^\W\d_]+", frag)[-1:] or [""]
    opened = frag.rfind("“") > frag.rfind("”") or frag.rfind("«") > frag.rfind("»")
    note = "the text ends mid-sentence" + (" inside an open quotation" if opened else "")
    if last[0].lower() in _SPEECH or frag.rstrip()[-1:].isdigit():
        return []  # "…,” he said" without its full stop, or a dateline/number ending
    if len(sents) >= 2 and word_count(frag) >= 4 and frag[:1].isupper():
        return [DamageHit(a, b, "splice" if opened else "truncated", note)]
    if len(sents) == 1 and word_count(frag) >= 12 and (last[0].lower() in _FUNCTION_END or para.rstrip()[-1] == ","):
        return [DamageHit(a, b, "truncated", note)]
    return []


def find_damage(text: str, boilerplate: Iterable[tuple[int, int]] = ()) -> list[DamageHit]:
    bp = sorted(boilerplate)
    paras = [(s, e) for s, e in paragraph_spans(text)]
    # judge the text outside boilerplate: a paragraph that is debris is skipped
    keep = [p for p in paras if not _mostly_in(p, bp)]
    hits: list[DamageHit] = []
    for i, (s, e) in enumerate(keep):
        hits += _mojibake(text, s, e)
        hits += _reversed_quotes(text, s, e)
        hits += _splices(text, keep, i)
        hits += _truncations(text, keep, i)
        for a, b in sentence_spans(text, s, e):
            hits += [DamageHit(f.start, f.end, "fused", f.note) for f in find_fusions(text, a, b)]
    hits += _duplicates(text, keep)
    hits = [h for h in hits if not _overlaps_any(h.start, h.end, bp)]
    return _dedupe(hits)


def _mostly_in(p: tuple[int, int], bp: list[tuple[int, int]]) -> bool:
    cov = sum(max(0, min(p[1], e) - max(p[0], s)) for s, e in bp)
    return cov * 2 > p[1] - p[0]


def _dedupe(hits: list[DamageHit]) -> list[DamageHit]:
    out: list[DamageHit] = []
    for h in sorted(hits, key=lambda h: (h.start, -h.end)):
        if out and h.kind == out[-1].kind and h.start < out[-1].end:
            continue
        out.append(h)
    return out
