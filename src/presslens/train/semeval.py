"""SemEval-2023 Task 3 data as presslens sees it, and the one validation split.

English: the training articles as published (line number = paragraph number),
with genre, frames, paragraph techniques and character spans. Russian: the
English machine translations (`data_translated/ru/`), rebuilt as article texts
with one paragraph per line at its paragraph number, with the Russian genre,
frame and paragraph labels (the Russian character spans point into the Russian
text, so they are not used). Standard library only: eval/ uses it too.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

GENRES = ("opinion", "reporting", "satire")
FRAMES = (
    "Economic", "Capacity_and_resources", "Morality", "Fairness_and_equality",
    "Legality_Constitutionality_and_jurisprudence", "Policy_prescription_and_evaluation",
    "Crime_and_punishment", "Security_and_defense", "Health_and_safety", "Quality_of_life",
    "Cultural_identity", "Public_opinion", "Political", "External_regulation_and_reputation",
)
TECHNIQUES = (
    "Appeal_to_Authority", "Appeal_to_Popularity", "Appeal_to_Values", "Appeal_to_Fear-Prejudice",
    "Flag_Waving", "Causal_Oversimplification", "False_Dilemma-No_Choice",
    "Consequential_Oversimplification", "Straw_Man", "Red_Herring", "Whataboutism", "Slogans",
    "Appeal_to_Time", "Conversation_Killer", "Loaded_Language", "Repetition",
    "Exaggeration-Minimisation", "Obfuscation-Vagueness-Confusion", "Name_Calling-Labeling",
    "Doubt", "Guilt_by_Association", "Appeal_to_Hypocrisy", "Questioning_the_Reputation",
)


@dataclass
class Article:
    id: str
    lang: str  # "en", or "ru" for the English translation of a Russian article
    text: str
    genre: str
    frames: set[str]
    # paragraph number (1-based line number) -> (start, end) in text
    paragraphs: dict[int, tuple[int, int]]
    # paragraph number -> technique labels (only the paragraphs listed in the label file)
    par_labels: dict[int, set[str]] = field(default_factory=dict)
    spans: list[tuple[str, int, int]] = field(default_factory=list)  # en only


def _labels(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            out[parts[0]] = parts[1]
    return out


def _par_labels(path: Path) -> dict[str, dict[int, set[str]]]:
    out: dict[str, dict[int, set[str]]] = defaultdict(dict)
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1].strip().isdigit():
            labs = {x for x in (parts[2] if len(parts) > 2 else "").split(",") if x}
            out[parts[0]][int(parts[1])] = labs
    return out


def _line_ranges(text: str) -> dict[int, tuple[int, int]]:
    out, pos = {}, 0
    for n, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            out[n] = (pos, pos + len(line))
        pos += len(line) + 1
    return out


def load(root: Path) -> list[Article]:
    """All labelled articles under semeval2023-task3/ (en, then ru translations)."""
    arts: list[Article] = []
    en = root / "en"
    genre = _labels(en / "train-labels-subtask-1.txt")
    frames = _labels(en / "train-labels-subtask-2.txt")
    pars = _par_labels(en / "train-labels-subtask-3.txt")
    for aid in sorted(genre):
        path = en / "train-articles-subtask-3" / f"article{aid}.txt"
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        spans = []
        sp = en / "train-labels-subtask-3-spans" / f"article{aid}-labels-subtask-3.txt"
        if sp.exists():
            for line in sp.read_text(encoding="utf-8").splitlines():
                p = line.split("\t")
                if len(p) >= 4:
                    spans.append((p[1], int(p[2]), int(p[3])))
        arts.append(Article(aid, "en", text, genre[aid], {f for f in frames.get(aid, "").split(",") if f},
                            _line_ranges(text), pars.get(aid, {}), spans))
    ru = root / "ru"
    genre = _labels(ru / "train-labels-subtask-1.txt")
    frames = _labels(ru / "train-labels-subtask-2.txt")
    pars = _par_labels(ru / "train-labels-subtask-3.txt")
    lines: dict[str, dict[int, str]] = defaultdict(dict)
    for line in (root / "data_translated" / "ru" / "train_st3_translated.txt").read_text(encoding="utf-8").splitlines():
        p = line.split("\t")
        if len(p) >= 3 and p[1].strip().isdigit():
            lines[p[0]][int(p[1])] = " ".join(p[2:]).replace("\n", " ").strip()
    for aid in sorted(genre):
        if aid not in lines:
            continue
        n_max = max(lines[aid])
        text = "\n".join(lines[aid].get(n, "") for n in range(1, n_max + 1)) + "\n"
        arts.append(Article(aid, "ru", text, genre[aid], {f for f in frames.get(aid, "").split(",") if f},
                            _line_ranges(text), pars.get(aid, {}), []))
    return arts


# English ID batches (in units of ten million): the task hands out IDs per collection, so a
# batch is articles gathered at one time from one set of sites. 81-83 is the newest batch
# and, unlike the rest, mostly reporting and satire, as the held-out dev is; 99 and 111
# are small odd batches kept together.
EN_BATCHES = (("en-69-72", 69, 73), ("en-73-76", 73, 77), ("en-77-79", 77, 80), ("en-late", 80, 90))


def domain(article: Article) -> str:
    """The collection an article comes from, for held-out-domain validation: `ru` (machine
    translations of the Russian articles), or its English ID batch (EN_BATCHES, else `en-other`)."""
    if article.lang != "en":
        return article.lang
    batch = int(article.id) // 10_000_000
    return next((name for name, lo, hi in EN_BATCHES if lo <= batch < hi), "en-other")


def _rank(article: Article) -> str:
    return hashlib.sha256(f"presslens-framing-v1:{article.lang}:{article.id}".encode()).hexdigest()


def _clusters(arts: list[Article], min_chars: int = 80, max_copies: int = 4) -> list[list[Article]]:
    """Articles that share a paragraph of at least `min_chars` characters (the corpus
    has re-published copies) form one cluster, so a copy never sits on both sides."""
    parent = list(range(len(arts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    holders: dict[str, set[int]] = defaultdict(set)
    for i, a in enumerate(arts):
        for s, e in a.paragraphs.values():
            t = " ".join(a.text[s:e].split()).lower()
            if len(t) >= min_chars:
                holders[t].add(i)
    for members in holders.values():
        # a paragraph in many articles is a site's boilerplate line, not a copy
        if 2 <= len(members) <= max_copies:
            first, *rest = sorted(members)
            for j in rest:
                parent[find(j)] = find(first)
    groups: dict[int, list[Article]] = defaultdict(list)
    for i, a in enumerate(arts):
        groups[find(i)].append(a)
    return list(groups.values())


def split(arts: list[Article], fraction: float = 0.2) -> tuple[list[Article], list[Article]]:
    """(train, validation), deterministic. Clusters of copies stay together; within each
    (language, genre) stratum (of a cluster's first article) clusters are taken in
    seeded-hash order until about `fraction` of the stratum's articles are in validation."""
    strata: dict[tuple[str, str], list[list[Article]]] = defaultdict(list)
    for cl in _clusters(arts):
        strata[(cl[0].lang, cl[0].genre)].append(cl)
    val_ids: set[tuple[str, str]] = set()
    for clusters in strata.values():
        clusters.sort(key=lambda cl: min(_rank(a) for a in cl))
        want = max(1, round(sum(len(cl) for cl in clusters) * fraction))
        taken = 0
        for cl in clusters:
            if taken >= want:
                break
            val_ids.update((a.lang, a.id) for a in cl)
            taken += len(cl)
    train = [a for a in arts if (a.lang, a.id) not in val_ids]
    val = [a for a in arts if (a.lang, a.id) in val_ids]
    return train, val
