"""The damage set for eval/repair.py: real paragraphs, cut and glued.

Recipes (eval/data/repair/damage_set.jsonl, committed) name a corpus
article, the paragraphs used and one operation; the texts are rebuilt from
../shared/data at eval time, so no corpus text enters the repository.

Sources: SemEval-2023 Task 3 English articles (`en`), the Russian articles
machine-translated to English (`mt`, like the seed) and the Russian
originals (`ru`). A document is 3 consecutive body paragraphs (>= 15 words
each) of one article, or for `fused` the article's title + its first two
body paragraphs. Operations:
  clean      - unchanged (negatives: every flag on them is a false alarm)
  fused      - title glued to the first paragraph with a space, no punctuation
  splice     - the first 2+ words of a sentence removed so it starts in lower
               case, mid-paragraph ("mid") or at a paragraph start ("start")
  truncated  - the last paragraph cut in the middle of its last sentence
  duplicated - a paragraph repeated right after itself
  mojibake   - a paragraph encoded as UTF-8 and decoded as cp1252 (en, mt)
               or cp1251 (ru)
  reversed-quotes - the first “…” («…» in ru) pair of a paragraph swapped
usage: python eval/repair.py damage-set   (rewrites the recipes)
"""
from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from _results import HERE, shared_path

RECIPES = HERE / "data" / "repair" / "damage_set.jsonl"
OPS = ("fused", "splice", "truncated", "duplicated", "mojibake", "reversed-quotes")
PER_OP = 12  # per source and operation
CLEAN = 30  # per source
_WORD = re.compile(r"\w+")
_SENT = re.compile(r"(?<=[.!?])[\"”»]?\s+(?=[A-ZА-ЯЁ\"“«])")


def load_source(src: str) -> dict[str, tuple[str, list[str]]]:
    """{article id: (title, body paragraphs)}"""
    out = {}
    if src == "mt":
        rows: dict[str, list[tuple[int, str]]] = {}
        p = shared_path("data", "semeval2023-task3", "data_translated", "ru", "train_st3_translated.txt")
        for line in p.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t", 2)
            if len(parts) == 3 and parts[1].isdigit():
                rows.setdefault(parts[0], []).append((int(parts[1]), parts[2].strip()))
        for aid, ps in rows.items():
            ps.sort()
            out[aid] = (ps[0][1], [t for _, t in ps[1:] if t])
        return out
    d = shared_path("data", "semeval2023-task3", src, "train-articles-subtask-3")
    for f in sorted(d.glob("article*.txt")):
        lines = [ln.strip() for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]
        if lines:
            out[f.stem.replace("article", "")] = (lines[0], lines[1:])
    return out


def split_of(article: str) -> str:
    return "test" if int(hashlib.sha1(article.encode()).hexdigest(), 16) % 2 else "tune"


@dataclass
class Item:
    id: str
    source: str
    op: str
    text: str
    gold: list[tuple[int, int, str]]  # (start, end, kind)


def _words(s: str) -> int:
    return len(_WORD.findall(s))


def _sentences(p: str) -> list[tuple[int, int]]:
    out, s = [], 0
    for m in _SENT.finditer(p):
        out.append((s, m.start() + (1 if m.group()[:1] in "\"”»" else 0)))  # keep a closing quote
        s = m.end()
    out.append((s, len(p)))
    return out


def build(recipe: dict, corpus: dict[str, dict]) -> Item | None:
    title, body = corpus[recipe["source"]][recipe["article"]]
    paras = [body[i] for i in recipe["paras"]]
    op, t = recipe["op"], recipe.get("target", 0)
    gold: list[tuple[int, int, str]] = []
    prefix = ""
    if op == "fused":
        head = title.rstrip(" .:!?")
        prefix = head + " "
        text = prefix + "\n\n".join(paras)
        lw = head.rfind(" ") + 1
        m = list(_WORD.finditer(text, len(prefix)))[:2]
        gold = [(lw, m[-1].end(), "fused")]
        return Item(recipe["id"], recipe["source"], op, text, gold)
    if op == "duplicated":
        paras.insert(t + 1, paras[t])
    if op == "mojibake":
        enc = "cp1251" if recipe["source"] == "ru" else "cp1252"
        paras[t] = paras[t].encode("utf-8").decode(enc, errors="replace")
    if op == "reversed-quotes":
        op_, cl = ("«", "»") if recipe["source"] == "ru" else ("“", "”")
        p = paras[t]
        a = p.index(op_)
        b = p.index(cl, a)
        paras[t] = p[:a] + cl + p[a + 1:b] + op_ + p[b + 1:]
    if op == "splice":
        p = paras[t]
        ss, se = _sentences(p)[recipe["sentence"]]
        words = list(_WORD.finditer(p, ss, se))
        cut = words[recipe["k"]].start()
        paras[t] = p[:ss] + p[cut:]
    if op == "truncated":
        p = paras[t]
        ss, se = _sentences(p)[-1]
        words = list(_WORD.finditer(p, ss, se))
        paras[t] = p[:words[recipe["k"] - 1].end()]
    text = "\n\n".join(paras)
    starts = []
    pos = 0
    for p in paras:
        starts.append(pos)
        pos += len(p) + 2
    s0 = starts[t]
    if op == "duplicated":
        s1 = starts[t + 1]
        gold = [(s1, s1 + len(paras[t + 1]), op)]
    elif op == "mojibake":
        gold = [(s0, s0 + len(paras[t]), op)]
    elif op == "reversed-quotes":
        cl = "»" if recipe["source"] == "ru" else "”"
        a = paras[t].index(cl)
        b = paras[t].index("«" if cl == "»" else "“", a)
        gold = [(s0 + a, s0 + b + 1, op)]
    elif op == "splice":
        p = paras[t]
        ss, _ = _sentences(body[recipe["paras"][t]])[recipe["sentence"]]
        m = re.compile(r"[.!?…](?=\s|$)").search(p, ss)
        gold = [(s0 + ss, s0 + (m.end() if m else len(p)), op)]
    elif op == "truncated":
        ss, _ = _sentences(paras[t])[-1]
        gold = [(s0 + ss, s0 + len(paras[t]), op)]
    return Item(recipe["id"], recipe["source"], op, text, gold)


def corpora() -> dict[str, dict]:
    return {s: load_source(s) for s in ("en", "mt", "ru")}


def load_items() -> list[Item]:
    corpus = corpora()
    items = []
    for line in RECIPES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            it = build(json.loads(line), corpus)
            if it:
                items.append(it)
    return items


def _candidates(src: str, aid: str, title: str, body: list[str], op: str, rng: random.Random) -> dict | None:
    good = [i for i, p in enumerate(body) if _words(p) >= 15]
    runs = [i for i in good if i + 1 in good and i + 2 in good]
    if op == "fused":
        if len(body) < 2 or not body[0][:1].isupper() or _words(title) < 4 or _words(body[0]) < 10:
            return None
        return {"paras": [0, 1], "target": 0}
    if not runs:
        return None
    i = rng.choice(runs)
    paras = [i, i + 1, i + 2]
    rec = {"paras": paras, "target": rng.randrange(3)}
    p = body[paras[rec["target"]]]
    if op == "mojibake":
        if src != "ru" and p.isascii():
            return None
    elif op == "reversed-quotes":
        op_, cl = ("«", "»") if src == "ru" else ("“", "”")
        a = p.find(op_)
        if a < 0 or p.find(cl, a) < 0:
            return None
    elif op == "splice":
        sents = _sentences(p)
        where = rng.choice(["mid", "start"])
        choices = [j for j, (a, b) in enumerate(sents) if (j >= 1 if where == "mid" else j == 0) and _words(p[a:b]) >= 8]
        if where == "start" and rec["target"] == 0:
            rec["target"] = 1
            p = body[paras[1]]
            sents = _sentences(p)
            choices = [0] if _words(p[sents[0][0]:sents[0][1]]) >= 8 else []
        if not choices:
            return None
        j = rng.choice(choices)
        words = list(_WORD.finditer(p, *sents[j]))
        ks = [k for k in range(2, min(7, len(words) - 4)) if words[k].group()[:1].islower() and words[k].group().isalpha()]
        if not ks:
            return None
        rec.update(sentence=j, k=ks[0], where=where)
    elif op == "truncated":
        rec["target"] = 2
        p = body[paras[2]]
        a, b = _sentences(p)[-1]
        words = list(_WORD.finditer(p, a, b))
        if len(words) < 8:
            return None
        ks = [k for k in range(4, len(words) - 3) if words[k - 1].group()[:1].islower() and p[words[k - 1].end():words[k - 1].end() + 1] == " "]
        if not ks:
            return None
        rec["k"] = rng.choice(ks)
    return rec


def make_recipes() -> list[dict]:
    rng = random.Random(20240603)
    corpus = corpora()
    out = []
    for src in ("en", "mt", "ru"):
        arts = sorted(corpus[src])
        for op in (*OPS, "clean"):
            want = CLEAN if op == "clean" else PER_OP
            order = arts[:]
            rng.shuffle(order)
            n = 0
            for aid in order:
                if n >= want:
                    break
                title, body = corpus[src][aid]
                rec = _candidates(src, aid, title, body, op if op != "clean" else "duplicated", rng)
                if rec is None:
                    continue
                rec = {"id": f"{src}-{aid}-{op}", "source": src, "article": aid, "op": op, **rec}
                out.append(rec)
                n += 1
    return out


def rewrite() -> None:
    recs = make_recipes()
    RECIPES.parent.mkdir(parents=True, exist_ok=True)
    RECIPES.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    items = load_items()
    from collections import Counter
    print(len(recs), "recipes;", Counter((i.source, i.op) for i in items))
