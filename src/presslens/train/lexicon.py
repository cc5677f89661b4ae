"""Learn the technique lexicon from SemEval English span annotations.

A word or word pair enters label L's list when, over the training articles, it
occurs at least `min_count` times inside L spans, in at least `min_articles`
different articles, and at least `min_precision` of all its occurrences lie
inside L spans. Terms mostly written with a capital (names of people and places:
the topic of a few articles, not a technique) are left out. Validation articles
are never read.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from ..framing.lexical import words
from .semeval import Article


def learn(train: list[Article], min_count: int = 3, min_precision: float = 0.5, min_articles: int = 3,
          labels: tuple[str, ...] | None = None) -> dict[str, dict[str, float]]:
    total: Counter[str] = Counter()
    capital: Counter[str] = Counter()  # occurrences starting with a capital letter
    inside: dict[str, Counter[str]] = defaultdict(Counter)
    # articles a term was seen inside a label's span in: one article's topic
    # words (a name repeated in every paragraph) must not become a lexicon entry
    seen_in: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for a in train:
        if a.lang != "en":
            continue
        ws = words(a.text)
        grams = [(w, s, e) for w, s, e in ws]
        grams += [(f"{ws[i][0]} {ws[i + 1][0]}", ws[i][1], ws[i + 1][2]) for i in range(len(ws) - 1)
                  if "\n" not in a.text[ws[i][2]:ws[i + 1][1]]]
        by_label: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for label, s, e in a.spans:
            by_label[label].append((s, e))
        for g, s, e in grams:
            total[g] += 1
            if a.text[s].isupper():
                capital[g] += 1
            for label, spans in by_label.items():
                if any(ss <= s and e <= se for ss, se in spans):
                    inside[label][g] += 1
                    seen_in[label][g].add(a.id)
    out: dict[str, dict[str, float]] = {}
    for label, counts in inside.items():
        if labels is not None and label not in labels:
            continue
        keep = {g: round(c / total[g], 3) for g, c in counts.items()
                if c >= min_count and c / total[g] >= min_precision and len(seen_in[label][g]) >= min_articles
                and capital[g] * 2 < total[g]}  # mostly capitalised: a name, i.e. a topic, not a technique
        if keep:
            out[label] = dict(sorted(keep.items()))
    return out
