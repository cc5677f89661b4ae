"""Group name mentions into entities.

A mention joins a person when its words are that person's full name, its
surname, or a first name that only one person in the article has; two
people sharing a first name ("Anna Ivanova", "Anna Petrova") stay apart and
a bare "Anna" then stays unresolved rather than being guessed.

Names are compared by their spelling key (`spelling_key`): a Russian name reaches English in
several transliterations (Yuri/Yury/Yuriy, Sergei/Sergey, Yevgeny/Evgeny, Aleksei/Alexey), and
a translation may carry the Russian case ending over ("according to Peskova" for Peskov's
words): a bare surname that is such a form of exactly one person's surname is that person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import BODIES, TITLE_GENDER, TITLES, is_outlet_name

from .gender import name_gender, surname_gender, visible

# a legislature's short name is the one longer name it ends only where that is not a common
# word for several bodies ("Senate" may be the state's or the nation's, "Parliament" the EU's)
_MERGED_BODIES = BODIES - {"senate", "parliament", "kremlin", "akimat"}
_POSS = re.compile(r"(?:'s|’s|'|’)$")


@dataclass
class Group:
    label: str
    words: tuple[str, ...]  # lower-case name words without titles
    spans: list[tuple[int, int]] = field(default_factory=list)
    gender: str | None = None
    aliases: list[tuple[int, int]] = field(default_factory=list)  # descriptions, pronouns
    roles: list[str] = field(default_factory=list)
    name: str | None = None  # forced canonical name (relation entities, pattern orgs)


def name_words(text: str) -> tuple[tuple[str, ...], str | None]:
    """Name words without titles/possessive, and a gender a title gives."""
    words = _POSS.sub("", visible(text).strip()).split()
    gender = None
    while len(words) > 1 and words[0].lower() in TITLES:
        gender = gender or TITLE_GENDER.get(words[0].lower())
        words = words[1:]
    return tuple(w.lower().strip(".,") for w in words if w.strip(".,")), gender


def spelling_key(word: str) -> str:
    """One spelling for the English transliterations of a name: y and i, ks and x, kh and h,
    yo and e, a leading ye and e, -iev and -ev, a final -dr and -der are not told apart (`Yury`/`Yuri`/`Iurii`
    -> yuri, `Yevgeny`/`Evgeniy` -> evgeni, `Aleksandr`/`Alexander` -> alexander)."""
    w = word.lower().replace("ё", "e")
    if w[:2] in ("iu", "ia"):
        w = "y" + w[1:]
    elif w.startswith("ye"):
        w = w[1:]
    w = w.replace("ks", "x").replace("kh", "h").replace("yo", "e").replace("j", "y")
    w = w[:1] + w[1:].replace("y", "i")
    w = re.sub(r"i+", "i", w).replace("iev", "ev")  # Vasilyev/Vasiliev/Vasilev, Sergeyev/Sergeev
    return re.sub(r"dr$", "der", w)


# Russian case endings of a surname as a translation may keep them: Peskov -> Peskova/Peskovu/
# Peskovym, Zelensky -> Zelenskogo/Zelenskomu/Zelenskim
_OV_ENDINGS = ("a", "u", "im", "e", "om", "oi")
_SKY_ENDINGS = ("ogo", "omu", "im", "om")


def same_surname(word: str, surname: str) -> bool:
    """Whether `word` spells `surname` (both lower case), also in a Russian case form."""
    kw, ks = spelling_key(word), spelling_key(surname)
    if kw == ks:
        return True
    if len(ks) < 4 or not kw.startswith(ks[:-2]):
        return False
    if ks.endswith(("ov", "ev", "in")):
        return kw in {ks + e for e in _OV_ENDINGS}
    if ks.endswith(("ski", "zki", "oi")):
        return kw in {ks[:-1] + e for e in _SKY_ENDINGS}
    return False


def group_people(mentions: list[tuple[int, int, str]], text: str) -> list[Group]:
    """mentions: (start, end, label) of PERSON mentions, in text order."""
    full: dict[tuple[str, ...], Group] = {}
    short: list[tuple[int, int, tuple[str, ...], str | None]] = []
    for s, e, _ in mentions:
        words, g = name_words(text[s:e])
        if not words:
            continue
        if len(words) >= 2:
            grp = _match_full(full, words) or full.setdefault(words, Group("PERSON", words))
            grp.spans.append((s, e))
            grp.gender = grp.gender or g or name_gender(words[0]) or surname_gender(words[-1])
        else:
            short.append((s, e, words, g))
    singles: dict[tuple[str, ...], Group] = {}
    for s, e, words, g in short:
        w = words[0]
        key = spelling_key(w)
        by_last = [grp for grp in full.values() if spelling_key(grp.words[-1]) == key]
        by_first = [grp for grp in full.values() if spelling_key(grp.words[0]) == key]
        if not by_last and not by_first and words not in singles:
            by_last = [grp for grp in full.values() if same_surname(w, grp.words[-1])]
        target = by_last[0] if len(by_last) == 1 else (by_first[0] if not by_last and len(by_first) == 1 else None)
        if target is None:
            target = singles.setdefault(words, Group("PERSON", words))
        target.spans.append((s, e))
        target.gender = target.gender or g or surname_gender(w)
    return list(full.values()) + list(singles.values())


def _match_full(full: dict[tuple[str, ...], Group], words: tuple[str, ...]) -> Group | None:
    """'Donald J. Trump' joins 'Donald Trump', 'Yury Ushakov' 'Yuri Ushakov': the same first and
    last word, up to transliteration."""
    first, last = spelling_key(words[0]), spelling_key(words[-1])
    for key, grp in full.items():
        if spelling_key(key[0]) == first and spelling_key(key[-1]) == last:
            return grp
    return None


def group_others(mentions: list[tuple[int, int, str]], text: str) -> list[Group]:
    groups: dict[tuple[str, str], Group] = {}
    for s, e, label in mentions:
        words, _ = name_words(text[s:e])
        words = tuple(w for w in words if w != "the") or words
        if not words:
            continue
        grp = groups.setdefault((label, " ".join(words)), Group(label, words))
        grp.spans.append((s, e))
    return _merge_short_forms(_merge_acronyms(list(groups.values()), text))


def _merge_short_forms(groups: list[Group]) -> list[Group]:
    """`the Central Bank of Russia` ... `the Central Bank`: an organisation name that is the head of
    exactly one longer name (`X of Y`) is that organisation; so is an outlet's last word (`the
    Times` for `The New York Times`), and a legislature's (`the Duma`). One word is not enough otherwise (`Ministry of X`, `Y Ministry`)."""
    orgs = [g for g in groups if g.label == "ORG"]
    for g in list(groups):
        n = len(g.words)
        if g.label != "ORG" or "of" in g.words:
            continue
        if n >= 2:
            hits = [f for f in orgs if f is not g and len(f.words) > n + 1 and f.words[:n] == g.words
                    and f.words[n] == "of"]
        else:
            # an outlet's last word (`the Times`), a legislature's (`the Duma` of `the State Duma`)
            hits = [f for f in orgs if f is not g and len(f.words) >= 2 and f.words[-1] == g.words[0]
                    and (is_outlet_name(" ".join(f.words)) or g.words[0] in _MERGED_BODIES)]
        if len(hits) == 1:
            hits[0].spans.extend(g.spans)
            groups.remove(g)
            orgs.remove(g)
    return groups


_MINOR = {"of", "for", "and", "the", "&", "on", "in"}


def _merge_acronyms(groups: list[Group], text: str) -> list[Group]:
    """`the Republican National Committee` ... `the RNC`: an all-capitals organisation name that
    spells the initials of exactly one other organisation's name is that organisation."""
    full = [g for g in groups if g.label == "ORG" and len(g.words) >= 2]
    for g in list(groups):
        if g.label != "ORG" or len(g.words) != 1 or not 2 <= len(g.words[0]) <= 6:
            continue
        surface = text[g.spans[0][0]:g.spans[0][1]].removeprefix("the ").removeprefix("The ")
        if not surface.isupper():
            continue
        hits = [f for f in full if "".join(w[0] for w in f.words if w not in _MINOR) == g.words[0]]
        if len(hits) == 1:
            hits[0].spans.extend(g.spans)
            groups.remove(g)
    return groups
