"""`fused` damage: two segments joined without punctuation, such as a
headline or standfirst glued to the first body sentence:

    "... about the new tax rules in Moldova Ion Lupan was outraged ..."

Signals (each a linear scan over one sentence-like piece):
- restart: a capitalised sentence opener ("The", "He", "In", "Он", "В") in
  mid-sentence, right after a word and followed by a lower-case word, so a
  new sentence began where punctuation is missing;
- new subject: a run of capitalised words (a name) + a finite verb, after a
  clause that already has its own finite verb and no word that could
  introduce a second clause ("said", "that", "when");
- repeated predicate: the words after that new subject repeat words from
  earlier in the same sentence (a standfirst restated by the body).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\d.,:]*|[^\w\s]")

# Capitalised words that open sentences but almost never stand mid-sentence
# with a capital (names and titles of works are excluded by the next word
# being lower-case).
OPENERS = frozenset(
    "The He She They We It This These Those His Her Their Its There In On At After Before When While But However "
    "According Last Earlier Later Meanwhile Since During Despite Although Though If As Now Today Yesterday".split()
)
OPENERS_RU = frozenset(
    "Он Она Оно Они Мы Это Эти Этот Эта Его Ее Её Их В На По Как При После Однако Но Также Кроме Ранее Позже Сегодня Вчера "
    "Теперь Сейчас Когда Если Хотя Как Так Тем Там".split()
)
_AUX = frozenset(
    "is are was were has have had will would can could should must may might does did do said says told "
    "announced added noted stated wrote claimed called believes thinks became remains becomes "
    "был была было были будет будут стал стала стали заявил заявила сказал сказала отметил отметила".split()
)
_FINITE_ED = re.compile(r"^[a-z]{3,}ed$")
# Words after which a name + verb legitimately starts a second clause.
_CLAUSE_OPENERS = frozenset(
    "said says told that when if as because after before while since although though where whether and or but nor so than "
    "believes thinks claims reported announced noted added wrote argued insisted warned explained suggested "
    "know knew think thought hope hoped fear feared say".split()
)
# Nouns that put a name in apposition ("party leader Jane Doe said").
_ROLE = frozenset(
    "leader minister president chairman chairwoman spokesman spokeswoman spokesperson secretary director head chief ceo "
    "founder ambassador governor senator congressman congresswoman representative judge lawyer attorney candidate member "
    "official officer analyst expert journalist reporter editor author writer economist professor colleague partner "
    "wife husband son daughter brother sister mother father friend coach manager player striker actor actress singer "
    "rapper star commander general colonel mayor deputy premier chancellor king queen prince princess pope bishop "
    "priest anchor host presenter producer artist designer scientist researcher doctor dr mr mrs ms".split()
)


_PREPS = frozenset("in of about on from for to at with".split())


@dataclass(frozen=True)
class Fusion:
    start: int
    end: int
    note: str


def _finite(word: str) -> bool:
    w = word.lower()
    return w in _AUX or bool(_FINITE_ED.match(w))


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() and tok[:1].isalpha()


def _title_run(toks: list, i: int) -> int:
    """Words in the Title-Case run that ends right before token i, when that
    run reaches back to the start of the piece (a headline); else 0."""
    small = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "vs", "as", "is"}
    n = 0
    for k in range(i - 1, -1, -1):
        w = toks[k][2]
        if w[:1].isupper() or w.lower() in small or w in "'’:-–—?!\"“”‘":
            n += w[:1].isalpha()
            continue
        return 0
    return n


def find_fusions(text: str, start: int, end: int) -> list[Fusion]:
    """Fusions inside the sentence-like piece text[start:end]."""
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]
    out: list[Fusion] = []
    # Prefix facts, computed once so each candidate is judged in constant
    # time: a long unpunctuated piece must not cost quadratic time.
    lower = [x[2].lower() for x in toks]
    alpha_before = [0]
    openers_before = [0]
    for k, (_, _, w) in enumerate(toks):
        alpha_before.append(alpha_before[-1] + bool(w[:1].isalpha()))
        openers_before.append(openers_before[-1] + (lower[k] in _CLAUSE_OPENERS))
    first_fin = next((k for k, x in enumerate(toks) if _finite(x[2]) and x[2][:1].islower()), len(toks))
    first_trigram: dict[tuple[str, ...], int] = {}
    for k in range(len(toks) - 2):
        first_trigram.setdefault(tuple(lower[k:k + 3]), k)
    for i in range(1, len(toks) - 1):
        s, e, t = toks[i]
        ps, pe, prev = toks[i - 1]
        nxt = toks[i + 1][2]
        if not prev[:1].isalpha() or text[pe:s] != " ":
            continue
        words_seen = alpha_before[i]
        # restart with a sentence opener, after a lower-case word or after a
        # Title-Case headline that opens the piece ("Democrats Hold Gala The ...")
        after_ok = nxt[:1].islower() or (nxt == "," and t in ("However", "Meanwhile", "Earlier", "Later", "Однако"))
        after_title = prev[:1].isupper() and _title_run(toks, i) >= 3
        if (t in OPENERS or t in OPENERS_RU) and after_ok and (prev[:1].islower() or after_title) and words_seen >= 3:
            if t in ("It", "Its", "As", "If", "Now", "Today", "Так", "Как", "Тем", "Там"):
                continue  # also common inside titles and fixed phrases
            out.append(Fusion(ps, toks[i + 1][1], f"a new sentence starts at “{t}” with no punctuation before it"))
            continue
        # new subject: Name Name + finite verb after a complete clause
        if not _is_cap(t) or _is_cap(prev):
            continue  # a capitalised run is judged once, from its first word
        j = i
        while j < len(toks) and _is_cap(toks[j][2]):
            j += 1
        run = j - i
        if run < 2 or j >= len(toks) or not _finite(toks[j][2]):
            continue
        # the run may start with a place ending the earlier clause ("in Moldova Ion Lupan")
        if first_fin >= i or alpha_before[i] < 8:
            continue
        if openers_before[i] - openers_before[first_fin] > 0 or lower[i - 1] in _ROLE:
            continue
        after = tuple(lower[j:j + 3])
        repeated = len(after) == 3 and first_trigram.get(after, i) + 3 <= i
        # Without a repeated predicate, only a place + name run after a
        # preposition ("in Moldova Ion Lupan was") counts: a lower-case
        # word right before a name is too often a role ("striker Harry Kane scored").
        if not repeated and (run < 3 or prev.lower() not in _PREPS):
            continue
        note = (
            "a new subject and the same predicate start mid-sentence: a headline or standfirst is glued to the body"
            if repeated else "a new subject and verb start mid-sentence without punctuation: two segments glued"
        )
        out.append(Fusion(ps, toks[j][1], note))
    return out
