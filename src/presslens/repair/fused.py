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
  earlier in the same sentence (a standfirst restated by the body);
- learned junction: in the first piece of a paragraph, a boundary before a
  capitalised word scored by a logistic regression over a few dozen cheap
  features (casing around it, a common sentence opener after it, title-case
  share of the prefix, finite verbs, position); weights in fused_model.py.
"""
from __future__ import annotations

import math
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
        # ... but not an office's of-phrase ("Minister of Economy Jan Kowal said") nor a
        # title standing inside the run ("forces in Europe General Jan Kowal said"): an
        # apposition whose comma the translation dropped
        before_prep = lower[i - 2] if i >= 2 else ""
        if not repeated and (before_prep in _ROLE or any(lower[k] in _ROLE for k in range(i + 1, j))):
            continue
        note = (
            "a new subject and the same predicate start mid-sentence: a headline or standfirst is glued to the body"
            if repeated else "a new subject and verb start mid-sentence without punctuation: two segments glued"
        )
        out.append(Fusion(ps, toks[j][1], note))
    return out + [f for f in _learned(text, start, end) if not any(f.start < g.end and g.start < f.end for g in out)]


# --- learned junctions --------------------------------------------------------
# A headline, standfirst or byline glued to the first body sentence sits at the
# start of a paragraph, so only the first sentence-like piece of a paragraph is
# scanned: every word boundary before a capitalised word is a candidate, scored
# by a logistic regression (weights in fused_model.py, trained by
# presslens.train.fused on PolNeAR train titles glued to their first sentences
# and tune-side SemEval articles).

_SMALL = frozenset("a an the and or of in on at to for by with vs as is from into over up"
                   " и в на с по к о от для из за до при".split())
_CYR = re.compile(r"[а-яё]", re.I)
_RU_FINITE = re.compile(r"^[а-яё]{3,}(?:ал|ял|ил|ел|ул|ыл|ёл)(?:а|о|и|ся|ась|ось|ись)?$"
                        r"|^[а-яё]{3,}(?:ает|яет|ует|ит|ют|ят|ет|ут|ат)(?:ся)?$")
_DASHES = frozenset("—–-")
_NON_SPACE = re.compile(r"\S")


def _finite_any(word: str) -> bool:
    return (word[:1].islower() and (_finite(word) or bool(_RU_FINITE.match(word))))


@dataclass(frozen=True)
class Junction:
    start: int  # the word before the boundary
    end: int  # the end of the word after it
    features: dict[str, float]


def _learned(text: str, start: int, end: int) -> list[Fusion]:
    """Junctions the model scores at or above its threshold, in a piece that
    opens a paragraph."""
    from . import fused_model as m

    k = start
    while k > 0 and text[k - 1] in " \t\r\n":
        k -= 1
    if k and "\n" not in text[k:start]:
        return []
    first_para = _NON_SPACE.search(text, 0, start) is None
    out = []
    for j in junctions(text, start, end, first_para, m.OPENERS):
        score = sum(m.WEIGHTS.get(name, 0.0) * v for name, v in j.features.items())
        if score >= m.THRESHOLD:
            out.append(Fusion(j.start, j.end, "a headline or byline seems glued to the first sentence: no punctuation "
                                              f"at this junction (score {score:.1f})"))
    return out


def _shape(w: str) -> str:
    if not w[:1].isalpha():
        return "num" if w[:1].isdigit() else "punct"
    if len(w) > 1 and w.isupper():
        return "caps"
    return "cap" if w[:1].isupper() else "low"


def junctions(text: str, start: int, end: int, first_para: bool, openers: frozenset[str]) -> list[Junction]:
    """Candidate boundaries (and their features) in the piece text[start:end]:
    a word, one space, a capitalised word, with 3+ words before it. Prefix
    facts are running sums and suffix facts a fixed window, so the scan is
    linear in the piece."""
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]
    ru = bool(_CYR.search(text, start, min(end, start + 400)))
    words = caps = small = fin = colon = comma = 0
    seen: set[str] = set()
    out: list[Junction] = []
    n = len(toks)
    for i in range(n):
        s, e, t = toks[i]
        if i and t[:1].isupper() and t[:1].isalpha() and words >= 3:
            ps, pe, prev = toks[i - 1]
            # after lower-case prose a capitalised word is more often inside a
            # name ("the Union of Concerned Experts says") than a headline's end
            name_run = prev[:1].isupper() and caps < words - small
            if (prev[:1].isalpha() or prev[:1].isdigit()) and text[pe:s] == " " and not name_run:
                out.append(Junction(ps, e, _features(toks, i, ru, first_para, openers, words, caps, small, fin,
                                                     colon, comma, seen)))
        if t[:1].isalpha():
            words += 1
            is_small = t.lower() in _SMALL
            small += is_small
            caps += t[:1].isupper() and not is_small
            fin += _finite_any(t)
            if len(t) >= 4:
                seen.add(t.lower())
        colon += t == ":"
        comma += t == ","
    return out


def _features(toks: list, i: int, ru: bool, first_para: bool, openers: frozenset[str], words: int, caps: int,
              small: int, fin: int, colon: int, comma: int, seen: set[str]) -> dict[str, float]:
    t = toks[i][2]
    prev = toks[i - 1][2]
    after = [x[2] for x in toks[i + 1:i + 9]]
    after_words = [w for w in after if w[:1].isalpha()]
    nxt2 = after[0] if after else ""
    lang = "ru" if ru else "en"
    f: dict[str, float] = {
        "bias": 1.0,
        f"lang={lang}": 1.0,
        f"prev={_shape(prev)}": 1.0,
        f"next={_shape(t)}": 1.0,
        f"next2={_shape(nxt2) if nxt2 else 'end'}": 1.0,
        "first_para": float(first_para),
        "prefix_words_log": math.log1p(words),
        "prefix_short": float(words <= 6),
        "prefix_long": float(words > 20),
        "suffix_words_log": math.log1p(len(after_words)),
    }
    content = max(1, words - small)
    tc = min(1.0, caps / content)
    f["prefix_titlecase"] = tc
    f["prefix_all_title"] = float(caps >= content and words >= 3)
    low_after = sum(w[:1].islower() for w in after_words[:6]) / max(1, len(after_words[:6]))
    f["suffix_lower"] = low_after
    f["title_then_lower"] = tc * low_after
    f["next_opener"] = float(t.lower() in openers and not (len(t) > 1 and t.isupper()))
    f[f"next_opener_{lang}"] = f["next_opener"]
    f["opener_then_lower"] = f["next_opener"] * float(nxt2[:1].islower())
    f["prev_small"] = float(prev.lower() in _SMALL)
    f["prev_role"] = float(prev.lower() in _ROLE)
    f["prefix_finite"] = float(fin > 0)
    f["suffix_finite"] = float(any(_finite_any(w) for w in after_words[:6]))
    f["prefix_colon"] = float(colon > 0)
    f["prefix_comma"] = float(comma > 0)
    f["dateline"] = float(any(w in _DASHES for w in after[:6]) or nxt2 == "(")
    f["repeat"] = float(sum(w.lower() in seen for w in after_words[:6] if len(w) >= 4) + (t.lower() in seen))
    f["next_comma"] = float(nxt2 == ",")
    # word identities only for common words: names would tie the model to the
    # people and places of its training news
    if prev[:1].islower():
        f[f"pw={prev.lower()}"] = 1.0
    if f["next_opener"]:
        f[f"nw={t.lower()}"] = 1.0
    return f

