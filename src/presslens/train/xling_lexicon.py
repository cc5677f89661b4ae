"""Learn the Russian -> English word-translation table the corpus layer matches translated quotes by.

    python -m presslens.train.xling_lexicon ../shared/data

IBM Model 1 in both directions over sentence- and paragraph-aligned Russian-English
news: Russian content words as pymorphy3 lemmas, English content words as crude stems
(corpus/xling.py, the same normalisation the corpus layer applies). A pair is kept when
each word is among the other's most likely translations in its direction.

Data, none of it in the quote evaluation (eval/corpus.py, WMT21 halves):
- WMT21 ru-en news test documents whose Russian side carries no quotation mark at all
  (the evaluation uses only documents with a quotation), with both reference translations;
- SemEval-2023 task 3 Russian articles and their paragraph-by-paragraph machine translation.
Only the word pairs and their counts leave the corpora (models/xling/ru_en_words.json).
"""
from __future__ import annotations

import argparse
import html
import re
from collections import Counter, defaultdict
from pathlib import Path

from ..corpus.xling import en_content, ru_content
from ..model_files import write_json

_QUOTE_RU = re.compile(r"[«\"„“”]")


def wmt_pairs(root: Path) -> list[tuple[str, str]]:
    """(Russian segment, English reference) of the WMT21 documents without a quotation mark in Russian."""
    base = root / "wmt21-ru-en"
    xml = (base / "newstest2021.ru-en.all.xml").read_text(encoding="utf-8")
    ru = (base / "newstest2021.ru-en.src.ru").read_text(encoding="utf-8").splitlines()
    refs = [(base / f"newstest2021.ru-en.ref.{k}.en").read_text(encoding="utf-8").splitlines() for k in "AB"]
    doc_of: dict[str, str] = {}
    for m in re.finditer(r'<doc[^>]*id="([^"]+)"[^>]*>(.*?)</doc>', xml, re.S):
        part = re.search(r"<src[^>]*>(.*?)</src>", m.group(2), re.S)
        for seg in re.findall(r"<seg[^>]*>(.*?)</seg>", part.group(1) if part else "", re.S):
            doc_of.setdefault(html.unescape(seg).strip(), m.group(1))
    docs = [doc_of.get(line.strip()) for line in ru]
    quoted = {d for d, r in zip(docs, ru) if d is None or _QUOTE_RU.search(r)}
    return [(r, ref[i]) for i, (d, r) in enumerate(zip(docs, ru)) if d not in quoted and d is not None
            for ref in refs]


def semeval_pairs(root: Path) -> list[tuple[str, str]]:
    """(Russian paragraph, its English machine translation) of the SemEval-2023 Russian articles."""
    base = root / "semeval2023-task3"
    out = []
    lines: dict[str, list[str]] = {}
    for row in (base / "data_translated" / "ru" / "train_st3_translated.txt").read_text(encoding="utf-8").splitlines():
        parts = row.split("\t")
        if len(parts) != 3 or not parts[1].isdigit():
            continue
        art, no, en = parts
        if art not in lines:
            f = base / "ru" / "train-articles-subtask-3" / f"article{art}.txt"
            lines[art] = f.read_text(encoding="utf-8").splitlines() if f.exists() else []
        i = int(no) - 1
        if 0 <= i < len(lines[art]) and lines[art][i].strip():
            out.append((lines[art][i], en))
    return out


def model1(pairs: list[tuple[list[str], list[str]]], iterations: int = 8) -> dict[str, dict[str, float]]:
    """t(target | source) by IBM Model 1 EM (a NULL source word absorbs unaligned targets)."""
    t: dict[str, dict[str, float]] = defaultdict(dict)
    for src, tgt in pairs:
        for s in set(src) | {None}:
            for w in tgt:
                t[s][w] = 1.0
    for _ in range(iterations):
        count: dict[str, Counter] = defaultdict(Counter)
        for src, tgt in pairs:
            srcs = list(src) + [None]
            for w in tgt:
                z = sum(t[s][w] for s in srcs)
                for s in srcs:
                    count[s][w] += t[s][w] / z
        t = defaultdict(dict)
        for s, c in count.items():
            total = sum(c.values())
            t[s] = {w: v / total for w, v in c.items()}
    return t


def learn(pairs: list[tuple[str, str]], top: int = 3, min_prob: float = 0.1, min_count: int = 2
          ) -> dict[str, list[str]]:
    toks = [(ru_content(r), en_content(e)) for r, e in pairs]
    toks = [(r, e) for r, e in toks if r and e and len(r) <= 80 and len(e) <= 80]
    ru_n = Counter(w for r, _ in toks for w in set(r))
    en_n = Counter(w for _, e in toks for w in set(e))
    forward = model1(toks)                             # t(en | ru)
    backward = model1([(e, r) for r, e in toks])       # t(ru | en)
    best_en = {r: sorted(d.items(), key=lambda x: -x[1])[:top] for r, d in forward.items() if r}
    best_ru: dict[str, set[str]] = defaultdict(set)
    for e in en_n:
        ranked = sorted(backward.get(e, {}).items(), key=lambda x: -x[1])  # t(ru | en)
        best_ru[e] = {r for r, p in ranked[:top] if r and p >= min_prob}
    out: dict[str, list[str]] = {}
    for r, cands in best_en.items():
        if ru_n[r] < min_count:
            continue
        keep = [e for e, p in cands if p >= min_prob and en_n[e] >= min_count and r in best_ru.get(e, ())]
        if keep:
            out[r] = sorted(keep)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", type=Path, help="the shared data folder (../shared/data)")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    pairs = wmt_pairs(args.data) + semeval_pairs(args.data)
    words = learn(pairs)
    path = write_json("xling", "ru_en_words.json",
                      {"source": "presslens.train.xling_lexicon", "pairs": len(pairs), "words": words}, args.out)
    print(f"{len(pairs)} sentence pairs -> {len(words)} Russian lemmas; wrote {path}")


if __name__ == "__main__":
    main()
