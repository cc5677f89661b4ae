"""Boilerplate: web debris inside extracted or pasted article text.

Three passes, all linear regex scans:
1. whole lines that match a debris lexicon (cues.py) within a word limit;
2. teaser lists that follow a related-links header line;
3. widgets pasted *inside* a paragraph ("Related materials00:01 – October 3
   <teaser> 00:04 – August 20 <teaser> <story resumes>"), the plain-text case.
Only spans are returned; the text is never changed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import cues
from .segment import line_spans, sentence_spans, word_count

MAX_TEASERS = 12  # lines a teaser list may run after its header


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    kind: str


_DATE_LINE = re.compile(
    rf"^(?:(?:{cues.DATE_TOKEN.pattern})(?!\w)|(?:{cues.DATE_FILLER.pattern})(?!\w)|[\s,|–—\-:·•()\[\]/.;]+)+$", re.I
)
_YEARISH = re.compile(rf"\b(?:19|20)\d\d\b|\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}|\b(?:{cues._MONTHS})\b", re.I)


_STAMP_WORD = re.compile(r"(?i)\b(?:updated|published|posted|modified|ago|обновлено|опубликовано|назад)\b")


def is_timestamp(line: str) -> bool:
    """A line that is only a date/time crumb ("Updated 12:30 GMT, 3 May 2019")."""
    if word_count(line) > 14 or not (cues.TIME.search(line) or _YEARISH.search(line)):
        return False
    if _DATE_LINE.match(line):
        # A bare date may be a heading in a timeline and a bare clock time
        # ("9:05 p.m.") heads a live-blog entry: both are content. A crumb
        # says what the date is ("Updated", "Published", "5 hours ago") or
        # joins a clock time to a date.
        return bool(_STAMP_WORD.search(line) or (cues.TIME.search(line) and _YEARISH.search(line)))
    # Foreign-language datelines ("sexta-feira, 22 de outubro de 2010 às 20:13"):
    # a clock time plus a year or date, few other words, no sentence end.
    # A finite verb makes it a sentence ("At 10:30 on May 3, 2019 police arrived").
    if cues.TIME.search(line) and _YEARISH.search(line) and not line.rstrip().endswith("."):
        return len(re.findall(r"[^\W\d_]{3,}", line)) <= 4 and not _FINITE.search(line)
    return False


def _is_nav(line: str) -> bool:
    if word_count(line) > 15 or not cues.NAV_START.match(line):
        return False
    parts = [p for p in cues.NAV_SEP.split(line) if p.strip()]
    return len(parts) >= 2 and all(word_count(p) <= 5 for p in parts)


# --- the prose guard --------------------------------------------------------------
# A debris phrase can turn up inside a real sentence ("Millions follow him on
# Twitter, where he ...", "Subscribe to the newsletters of sites you enjoy.
# Don't count on ..."). Debris lines are terse: a label, a link text, one
# promo sentence. So a line with a prose sentence (PROSE_WORDS+ words and a
# finite verb) is flagged only when that sentence opens with the debris
# phrase (a name may stand before it: "Jane Roe is a staff writer at ...")
# and the other sentences of the line add at most REST_WORDS words.
PROSE_WORDS = 12
REST_WORDS = 12
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|shall|may|might|must|does|did|says|said|told|"
    r"[a-z]{3,}ed|[а-яё]{2,}(?:л|ла|ло|ли|ет|ит|ют|ят|ут|ется|ются|ится|ятся))\b"
)
_NAME_PREFIX = re.compile(r"^(?:[\W_]*[A-ZА-ЯЁ][\w.'’-]*){0,4}[\W_]*$")


def _is_prose(sentence: str) -> bool:
    return word_count(sentence) >= PROSE_WORDS and bool(_FINITE.search(sentence))


def _prose_ok(line: str, starts: list[int]) -> bool:
    """May a line whose debris phrases start at offsets `starts` be flagged?"""
    rest = 0
    for s, e in sentence_spans(line, 0, len(line)):
        at = next((x for x in starts if s <= x < e), None)
        if at is None:
            if _is_prose(line[s:e]):
                return False
            rest += word_count(line[s:e])
        elif _is_prose(line[s:e]) and not _NAME_PREFIX.match(line[s:at]):
            return False
    return rest <= REST_WORDS


def _guarded(pattern: re.Pattern, line: str, anchored: bool = False) -> bool:
    if anchored:
        m = pattern.match(line)
        return bool(m) and _prose_ok(line, [m.start()])
    starts = [m.start() for m in pattern.finditer(line)]
    return bool(starts) and _prose_ok(line, starts)


def _credit_at_end(line: str) -> bool:
    """"© Name" standing apart at the end of a caption ("... / ©Wikimedia Commons")."""
    i = line.find("©")
    return i >= 0 and word_count(line[i:]) <= 6 and (i == 0 or line[:i].rstrip()[-1:] in "./|–—-(")


def classify_line(line: str) -> str | None:
    """The debris kind of a whole line, or None for (possibly) real text."""
    n = word_count(line)
    if n == 0:
        return None
    if n <= 12:
        if cues.RELATED_HEADER.match(line):
            return "related-links"
        if cues.READ_MORE_BARE.match(line):
            return "read-more"
        if cues.SHARE_LINE.match(line) or cues.SHARE_HEAD.match(line):
            return "share-bar"
        if cues.ADVERT.match(line):
            return "advertisement"
        if cues.COMMENTS.match(line):
            return "comments"
        if cues.VIEWS.match(line):
            return "counter"
        if cues.SITE_NOTICE.match(line):
            return "site-notice"
        if is_timestamp(line) or cues.READING_TIME.match(line):
            return "timestamp"
        if _is_nav(line):
            return "navigation"
        if cues.BYLINE.match(line):
            return "byline"
    if n <= 40 and _guarded(cues.READ_MORE_LINE, line, anchored=True):
        return "read-more"
    if n <= 30 and cues.TAGGED_TEASER.search(line):
        return "related-links"  # a section tag closing a headline: no prose to guard
    if n <= 40 and any(_guarded(p, line, a) for p, a in
                       ((cues.SUBSCRIBE_FIXED, True), (cues.SUBSCRIBE, True), (cues.SUBSCRIBE_ANYWHERE, False),
                        (cues.FOLLOW_BAR, True))):
        return "subscribe"
    if n <= 60 and _guarded(cues.PAYWALL, line):
        return "paywall"
    if n <= 60 and _guarded(cues.COOKIE, line):
        return "cookie-notice"
    if n <= 40 and _guarded(cues.TAGS, line, anchored=True):
        return "tags"
    if n <= 30 and (_guarded(cues.PHOTO_CREDIT, line, anchored=True) or cues.PHOTO_CREDIT_END.search(line)):
        return "photo-credit"  # a caption is prose: the credit standing apart at its end marks it
    if n <= 20 and "©" in line:
        # "© Reuters", "© 2019 Associated Press. All Rights Reserved." name the
        # wire service a story came from: provenance, which the benchmark's
        # truth keeps (tune: 0 of 2 such lines were debris). A © marks debris
        # when it credits a photo, or closes a caption after a separator.
        if re.search(r"(?i)\b(?:photo|image|picture|фото)", line) and _prose_ok(line, [line.find("©")]):
            return "photo-credit"
        if line.find("©") > 0 and _credit_at_end(line):
            return "photo-credit"
    if n <= 30 and _guarded(cues.COPYRIGHT, line):
        return "copyright"
    if n <= 60 and _guarded(cues.CREDITS, line, anchored=True):
        return "byline"
    if n <= 60 and _guarded(cues.AUTHOR_BIO, line):
        return "author-bio"
    if n <= 60 and _guarded(cues.OFFER, line):
        return "advertisement"
    if n <= 25 and _guarded(cues.APP_PROMO, line, anchored=True):
        return "app-promo"
    if n <= 30 and cues.URL.search(line) and _guarded(cues.PROMO_WITH_URL, line, anchored=True):
        return "author-bio" if re.search(r"\b(?:reach|follow|email|contact)\b", line, re.I) else "read-more"
    return None


def _is_teaser(line: str) -> bool:
    """A line shaped like a teaser headline in a widget list: short, and a
    bullet, a question, a tagged headline or without sentence punctuation."""
    n = word_count(line)
    if n == 0 or n > 30:
        return False
    if line[:2] in ("- ", "• ", "* ", "– ", "— ") or cues.TAGGED_TEASER.search(line):
        return True
    if cues.TIME.search(line) and n <= 25:
        return True
    last = line.rstrip("\"'”’»)] |")[-1:]
    return last not in ".!:;," or (n <= 14 and last == ".")


_SMALL = frozenset("a an the and or but of in on at to for from by with as is are vs via into over under about".split())


def _title_case(line: str) -> bool:
    """Most content words capitalised, as in a headline."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’]*", line) if w.lower() not in _SMALL]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _teaser_lists(text: str, lines: list[tuple[int, int]], kinds: list[str | None]) -> None:
    """Mark the lines after a related-links header (in place in `kinds`)."""
    i = 0
    while i < len(lines):
        s, e = lines[i]
        if kinds[i] == "related-links" and cues.RELATED_HEADER.match(text[s:e]):
            j = i + 1
            while j < len(lines) and j - i <= MAX_TEASERS:
                if kinds[j] is not None and kinds[j] != "related-links":
                    break
                if kinds[j] is None and not _is_teaser(text[lines[j][0]:lines[j][1]]):
                    break
                kinds[j] = "related-links"
                j += 1
            i = j
        elif kinds[i] in ("read-more", "related-links"):
            # bullet teasers right after a "Related: ..." line
            j = i + 1
            while j < len(lines) and j - i <= MAX_TEASERS and kinds[j] is None:
                ln = text[lines[j][0]:lines[j][1]]
                if not (ln[:2] in ("- ", "• ", "* ") and _is_teaser(ln) and _title_case(ln)):
                    break
                kinds[j] = "related-links"
                j += 1
            i = j
        elif kinds[i] == "tags" and re.fullmatch(r"\w+\s*:?", text[s:e]) and i + 1 < len(lines):
            nxt = text[lines[i + 1][0]:lines[i + 1][1]]
            items = [p for p in nxt.split(",") if p.strip()]
            if kinds[i + 1] is None and len(items) >= 2 and all(word_count(p) <= 6 for p in items):
                kinds[i + 1] = "tags"
            i += 1
        else:
            i += 1


# --- widgets inside a paragraph -------------------------------------------------

# A widget header at a sentence start, also glued to the full stop before it
# ("...continue.Related news 09:15 ..."); capitalised or all capitals ("READ ALSO").
_HEADS = (
    r"Related\s+(?:materials?|articles?|stories|news|posts?|content|coverage|links|reading)|Read\s+(?:also|more|next)|See\s+also"
    r"|Also\s+read|More\s+on\s+(?:this|the\s+topic)|(?:Читайте|Смотрите)\s+(?:также|ещ[её])|См\.\s+также|Материалы\s+по\s+теме"
    r"|По\s+теме|Ещ[её]\s+по\s+теме|Похожие\s+(?:материалы|новости)"
)
_HEADS_UPPER = _HEADS.upper().replace(r"\S", r"\s")  # upper() turned the \s classes into \S
_INLINE_HEAD = re.compile(
    r"(?:(?<=^)|(?<=[.!?…]\s)|(?<=[.!?…][\"”»’]\s)|(?<=\n)|(?<=[a-zа-яё)][.!?]))"
    rf"(?:{_HEADS}|{_HEADS_UPPER})"
)
_CLOCK = r"\d{1,2}\s?:\s?\d{2}"
_DATEBIT = (
    rf"(?:\s*[–—-]\s*(?:\d{{1,2}}\s+(?:{cues._MONTHS})|(?:{cues._MONTHS})\.?\s+\d{{1,2}}|\d{{1,2}}[./]\d{{1,2}}(?:[./]\d{{2,4}})?|"
    r"today|yesterday|сегодня|вчера)(?:,?\s+\d{4})?)?"
)
_STAMP = re.compile(rf"{_CLOCK}{_DATEBIT}|(?:\d{{1,2}}\s+(?:{cues._MONTHS})|(?:{cues._MONTHS})\s+\d{{1,2}}),?\s+(?:\d{{4}},?\s+)?{_CLOCK}", re.I)
KICKER_WORDS = 2  # a teaser may open with a one- or two-word kicker ("Opinion.")
HEADLINE_WORDS = 25


_OPEN_MARKS = "”“\"«„"
_CLOSE_MARKS = "”“\"»"
# A teaser headline has no full stop, so where the story resumes right after it
# ("... Prices rise again The sides agreed ..."), a sentence opener followed by a
# lower-case word marks the restart.
_RESTART = re.compile(
    r"\s(?=(?:The|He|She|They|We|It|This|These|In|On|At|After|According|Earlier|Meanwhile|However|"
    r"Он|Она|Они|Мы|Это|В|На|По|После|Однако|Ранее)\s+[a-zа-яё])"
)


def _headline_end(text: str, start: int, end: int) -> int:
    """End of one teaser (optional short kickers, then one headline) starting at
    `start`; the story resumes after it. A headline in quotation marks ends at
    its closing mark, whatever follows."""
    if start < end and text[start] in _OPEN_MARKS:
        close = next((k for k in range(start + 1, min(end, start + 300)) if text[k] in _CLOSE_MARKS), -1)
        if close > start + 1:
            return close + 1
    sents = sentence_spans(text, start, end)
    pos = start
    for s, e in sents:
        n = word_count(text[s:e])
        pos = e
        if n > KICKER_WORDS:
            restart = _RESTART.search(text, s, e)
            if restart and word_count(text[s:restart.start()]) >= 2:
                pos = restart.start()
            break
    return pos


def inline_widgets(text: str, start: int, end: int) -> list[Hit]:
    """Related-links widgets pasted inside the paragraph text[start:end]."""
    out: list[Hit] = []
    for m in _INLINE_HEAD.finditer(text, start, end):
        after = text[m.end():end]
        stamp = _STAMP.match(after.lstrip(" :.—–-"))
        glued = bool(after) and not after[0].isspace() and not after[0] in ":.—–-"
        colon = after[:2].strip()[:1] in (":", "—", "–", "|")
        if not (stamp or colon or glued or (after[:1] == " " and after[1:2].isupper())):
            continue
        pos = m.end()
        # Entries: [stamp] teaser ... up to the next stamp; the last one is
        # a kicker+headline, after which the story resumes.
        stamps = [x for x in _STAMP.finditer(text, pos, end)]
        last_stamp_end = pos
        for x in stamps:
            if x.start() - last_stamp_end > 400:
                break
            last_stamp_end = x.end()
        p = last_stamp_end
        while p < end and text[p] in " \t:.—–-|":
            p += 1
        stop = _headline_end(text, p, end)
        if word_count(text[m.end():stop]) > 12 * (1 + len(stamps)) + 30:
            continue  # too long for a widget: not one
        out.append(Hit(m.start(), stop, "related-links"))
    return out


_INLINE_CREDIT = re.compile(
    r"\((?:photo|image|picture|credit|фото)s?\s*(?:by|:|©)[^()]{2,80}\)|\bClick\s+To\s+Tweet\b|\b(?:ADVERTISEMENT|РЕКЛАМА)\b"
    r"|(?:\bShare\s+(?:on|via)\s+(?:Facebook|Twitter|X|Telegram|WhatsApp|LinkedIn|VK|Email)\s*){2,}$", re.I
)


def _inline_small(text: str, start: int, end: int) -> list[Hit]:
    out = []
    for m in _INLINE_CREDIT.finditer(text, start, end):
        g = m.group().lower()
        if g.startswith("("):
            kind = "photo-credit"
        elif "tweet" in g or g.startswith("share"):
            kind = "share-bar"
        elif m.group().isupper():
            kind = "advertisement"
        else:
            continue
        out.append(Hit(m.start(), m.end(), kind))
    return out


CLOSING_TAIL = 2  # lines (a credit, a bio) that may follow a closing teaser list


def _closing_teasers(text: str, lines: list[tuple[int, int]], kinds: list[str | None]) -> None:
    """A teaser list with no header, closing the article: 3+ bulleted lines
    in headline case ("- 15 Amazing Images of Stars"), none a sentence, with
    at most CLOSING_TAIL lines after it. Body lists are rarely all in
    headline case, and a teaser list is where the story has ended; the list
    must be whole (the line before it no list item) and not announced by a
    line ending in a colon."""
    end = len(lines)
    for tail in range(0, CLOSING_TAIL + 1):
        j = end - tail  # the list would end just before line j
        i = j
        while i > 0 and kinds[i - 1] is None:
            ln = text[lines[i - 1][0]:lines[i - 1][1]]
            if not (ln[:2] in ("- ", "• ", "* ") and word_count(ln) >= 4 and _is_teaser(ln) and _title_case(ln[2:])):
                break
            i -= 1
        prev = text[lines[i - 1][0]:lines[i - 1][1]] if i > 0 else ""
        # the whole list, not announced by the story ("... have signed it:")
        whole = prev[:2] not in ("- ", "• ", "* ") and not prev.rstrip().endswith(":")
        if j - i >= 3 and whole and all(word_count(text[s:e]) <= 60 for s, e in lines[j:end]):
            for k in range(i, j):
                kinds[k] = "related-links"
            return


def find_boilerplate(text: str) -> list[Hit]:
    lines = line_spans(text)
    kinds = [classify_line(text[s:e]) for s, e in lines]
    _teaser_lists(text, lines, kinds)
    _closing_teasers(text, lines, kinds)
    hits = [Hit(s, e, k) for (s, e), k in zip(lines, kinds) if k]
    for (s, e), k in zip(lines, kinds):
        if k is None:
            hits.extend(inline_widgets(text, s, e))
            hits.extend(_inline_small(text, s, e))
    return _merge(text, hits)


def _merge(text: str, hits: list[Hit]) -> list[Hit]:
    """Sorted, non-overlapping; a span inside a longer one is dropped and
    same-kind spans separated only by whitespace are joined."""
    out: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.start, -h.end)):
        if out and h.kind == out[-1].kind and h.start >= out[-1].end and not text[out[-1].end:h.start].strip():
            out[-1] = Hit(out[-1].start, h.end, h.kind)  # one widget, not one span per line
            continue
        if out and h.start < out[-1].end:
            if h.end > out[-1].end:
                out[-1] = Hit(out[-1].start, h.end, out[-1].kind)
            continue
        out.append(h)
    return out
