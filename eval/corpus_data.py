"""Corpora for eval/corpus.py, read from ../shared/data, written as presslens JSON Lines input.

- gvc_articles(): the 78 GVC validation articles (English, 37 shooting incidents),
  detokenised, with their publication date; gold story = incident.
- bsnlp_articles(): BSNLP raw articles (six languages, six stories), a fixed
  sample per story and language; gold story = the story folder.
- reprints(): syndicated copies made from real GVC articles with the edits
  syndication makes, mixed with the same-incident articles of other outlets.
- paraphraser_pairs(), wmt21_quote_pairs(): headline pairs and quoted segments.
"""
from __future__ import annotations

import csv
import itertools
import html
import random
import re
from collections import defaultdict
from pathlib import Path

from _results import shared_path

BSNLP_STORIES = ("asia_bibi", "brexit", "ryanair", "nord_stream", "covid-19", "us_election_2020")


def _detok(tokens: list[str]) -> str:
    s = " ".join(tokens)
    s = re.sub(r" ([,.;:!?%)\]'’]|n't|'s)", r"\1", s)
    s = re.sub(r"([(\[$]) ", r"\1", s)
    s = re.sub(r'" (.*?) "', r'"\1"', s)
    return s


def gvc_articles() -> list[dict]:
    path = shared_path("data", "gvc", "val", "conll.csv")
    sents: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            sents[row["topic/subtopic_name/doc"]][int(row["sent_id"])].append(row["token"])
    out = []
    for doc, by_sent in sents.items():
        date = by_sent[0][0] if by_sent.get(0) else None
        lines = [_detok(by_sent[k]) for k in sorted(by_sent) if k > 0]
        title, body = lines[0], " ".join(lines[1:])
        paras = [p.strip() for p in body.split("//n") if p.strip()]
        incident = doc.split("/")[1]
        out.append({"url": f"https://gvc.example/{doc}", "title": title, "text": title + "\n\n" + "\n\n".join(paras),
                    "published": date, "language": "en", "source": doc.split("/")[2][:8],
                    "gold": incident})
    return out


def bsnlp_articles(stories=BSNLP_STORIES, per_language: int = 25, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    out: list[dict] = []
    seen_urls: set[str] = set()
    for story in stories:
        for lang_dir in sorted(shared_path("data", "bsnlp", story, "raw").iterdir()):
            files = sorted(lang_dir.glob("*.txt"))
            rng.shuffle(files)
            for f in files[:per_language]:
                lines = f.read_text(encoding="utf-8", errors="replace").splitlines()
                if len(lines) < 5:
                    continue
                _id, lang, date, url, title = (x.strip() for x in lines[:5])
                body = "\n".join(lines[5:]).strip()
                if not url or url in seen_urls:  # placeholder URLs ("fromtheweb.eu") repeat
                    url = f"bsnlp:{story}/{lang_dir.name}/{f.name}"
                seen_urls.add(url)
                out.append({"url": url, "title": title,
                            "text": title + "\n\n" + body, "published": None if date.startswith("1970") else date,
                            "language": lang, "source": url.split("/")[2] if "//" in url else lang, "gold": story})
    return out


WIDGETS = ("Read also: Police chief answers questions about the budget 12:40",
           "Share this article: Facebook Twitter WhatsApp Email",
           "Subscribe to our newsletter for the latest local news",
           "Related: Five things to know before the weekend")


def _typos(text: str, rng: random.Random, rate: float = 0.01) -> str:
    chars = list(text)
    for i in range(len(chars) - 1):
        if chars[i].isalpha() and chars[i + 1].isalpha() and rng.random() < rate:
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


def syndicate(article: dict, n: int, rng: random.Random) -> list[dict]:
    """`n` copies with a new headline, widgets, trimmed or reordered paragraphs and typos."""
    paras = article["text"].split("\n\n")[1:]
    copies = []
    for k in range(n):
        p = list(paras)
        edits = rng.sample(["trim", "reorder", "widget", "typos"], k=rng.randint(2, 4))
        if "trim" in edits and len(p) > 3:
            p = p[:max(2, int(len(p) * rng.uniform(0.6, 0.85)))]
        if "reorder" in edits and len(p) > 3:
            i = rng.randrange(1, len(p) - 1)
            p[i], p[i + 1] = p[i + 1], p[i]
        if "widget" in edits:
            p.insert(rng.randrange(1, len(p)), rng.choice(WIDGETS))
            p.append(rng.choice(WIDGETS))
        title = rng.choice(["UPDATE: ", "WATCH: ", ""]) + " ".join(reversed(article["title"].split()[:6]))
        text = title + "\n\n" + "\n\n".join(p)
        if "typos" in edits:
            text = _typos(text, rng)
        copies.append(article | {"url": f"{article['url']}#copy{k}", "title": title, "text": text,
                                 "source": f"reprint{k}"})
    return copies


WIRE_JACCARD = 0.8


def reprints(seed: int = 3) -> list[dict]:
    """Every GVC article; a third of them with 1-3 syndicated copies. gold: one group per original.

    GVC itself holds wire texts run by several outlets: two originals whose exact 5-word-shingle
    Jaccard is at least WIRE_JACCARD are one group in the gold as well (the issue's reference
    measure), everything else from other outlets stays apart."""
    rng = random.Random(seed)
    originals = gvc_articles()
    group = {a["url"]: a["url"] for a in originals}
    sh = {a["url"]: _shingles(a["text"].split("\n\n", 1)[-1]) for a in originals}
    for x, y in itertools.combinations(originals, 2):
        sx, sy = sh[x["url"]], sh[y["url"]]
        if sx and sy and len(sx & sy) / len(sx | sy) >= WIRE_JACCARD:
            group[y["url"]] = group[x["url"]]
    out = []
    for a in originals:
        a = a | {"gold": group[a["url"]]}
        out.append(a)
        if rng.random() < 1 / 3:
            out += syndicate(a, rng.randint(1, 3), rng)
    return out


def _shingles(text: str, size: int = 5) -> set[str]:
    toks = re.findall(r"\w+", text.lower())
    return {" ".join(toks[i:i + size]) for i in range(len(toks) - size + 1)}


def paraphraser_pairs(limit: int = 1500) -> list[tuple[str, str, int]]:
    raw = shared_path("data", "paraphraser", "paraphrases_train.xml").read_text(encoding="utf-8")
    pairs = []
    for m in re.finditer(r"<paraphrase>(.*?)</paraphrase>", raw, re.S):
        v = dict(re.findall(r'<value name="(\w+)">(.*?)</value>', m.group(1), re.S))
        pairs.append((v.get("text_1", ""), v.get("text_2", ""), int(v.get("class", "-1"))))
    return pairs[:limit]


def _document_of_lines(xml: str, ru_lines: list[str]) -> list[str]:
    """The WMT21 document id of each line of the plain Russian source ("?" where none matches):
    the plain files carry no document boundaries, the XML does."""
    doc_of: dict[str, str] = {}
    for m in re.finditer(r'<doc[^>]*id="([^"]+)"[^>]*>(.*?)</doc>', xml, re.S):
        part = re.search(r"<src[^>]*>(.*?)</src>", m.group(2), re.S)
        for seg in re.findall(r"<seg[^>]*>(.*?)</seg>", part.group(1) if part else "", re.S):
            doc_of.setdefault(html.unescape(seg).strip(), m.group(1))
    return [doc_of.get(line.strip(), "?") for line in ru_lines]


def wmt21_quote_pairs() -> list[tuple[str, str, str, float]]:
    """(document, Russian segment, English reference, place in the document) for segments
    with a quotation in both."""
    base = shared_path("data", "wmt21-ru-en")
    xml = (base / "newstest2021.ru-en.all.xml").read_text(encoding="utf-8")
    src = base / "newstest2021.ru-en.src.ru"
    ref = base / "newstest2021.ru-en.ref.A.en"
    ru = src.read_text(encoding="utf-8").splitlines()
    en = ref.read_text(encoding="utf-8").splitlines()
    docs = _document_of_lines(xml, ru)
    count: dict[str, int] = defaultdict(int)
    for d in docs:
        count[d] += 1
    seen: dict[str, int] = defaultdict(int)
    out = []
    for d, r, e in zip(docs, ru, en):
        position = seen[d] / count[d]  # the segment's place in its document
        seen[d] += 1
        if re.search(r"[«\"„]", r) and re.search(r"[\"“”]", e):
            out.append((d, r, e, position))
    return out


def write_jsonl(articles: list[dict], path: Path) -> dict[str, str]:
    """Write presslens input (gold field dropped); return the gold {url: label}."""
    import json

    gold = {}
    with open(path, "w", encoding="utf-8") as f:
        for a in articles:
            gold[a["url"]] = a["gold"]
            f.write(json.dumps({k: v for k, v in a.items() if k != "gold" and v is not None},
                               ensure_ascii=False) + "\n")
    return gold


def wmt21_documents(quoted_only: bool = True, reference: str = "A") -> list[tuple[str, list[str], list[str]]]:
    """(document id, Russian segments, English reference segments) per WMT21 document, in order;
    with `quoted_only`, only documents where some segment carries a quotation in both. `reference`:
    which of the two independent human translations (A or B), or the name of a WMT21 system whose
    machine translation (a <hyp> of the XML) stands in for the reference."""
    base = shared_path("data", "wmt21-ru-en")
    xml = (base / "newstest2021.ru-en.all.xml").read_text(encoding="utf-8")
    docs: dict[str, tuple[list[str], list[str]]] = {}
    if reference not in ("A", "B"):
        for m in re.finditer(r'<doc[^>]*id="([^"]+)"[^>]*>(.*?)</doc>', xml, re.S):
            src = re.search(r"<src[^>]*>(.*?)</src>", m.group(2), re.S)
            hyp = re.search(rf'<hyp system="{re.escape(reference)}"[^>]*>(.*?)</hyp>', m.group(2), re.S)
            if not src or not hyp:
                raise SystemExit(f"wmt21: no system output named {reference!r} for document {m.group(1)}")
            segs = [[html.unescape(s).strip() for s in re.findall(r"<seg[^>]*>(.*?)</seg>", p.group(1), re.S)]
                    for p in (src, hyp)]
            docs[m.group(1)] = (segs[0], segs[1])
    else:
        ru = (base / "newstest2021.ru-en.src.ru").read_text(encoding="utf-8").splitlines()
        en = (base / f"newstest2021.ru-en.ref.{reference}.en").read_text(encoding="utf-8").splitlines()
        order = _document_of_lines(xml, ru)
        for d, r, e in zip(order, ru, en):
            docs.setdefault(d, ([], []))
            docs[d][0].append(r.strip())
            docs[d][1].append(e.strip())
    out = []
    for d, (rs, es) in docs.items():
        if d == "?":
            continue
        if quoted_only and not any(re.search(r"[«\"„]", r) and re.search(r"[\"“”]", e) for r, e in zip(rs, es)):
            continue
        out.append((d, rs, es))
    return out
