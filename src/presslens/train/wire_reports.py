"""Extra `reporting` examples for the genre head: plain news reports from three public corpora.

    python -m presslens.train.wire_reports      # encode them once (caches: .train/cache/reports-<name>.npz)

The SemEval English training pool has 382 opinion articles and 41 reports; the news
presslens reads is mostly reports. Each corpus below is news reports by construction
and joins the genre head's fitting data as `reporting` (one domain each, so the
validation can also hold each one out and ask how many of its stories are still
called reports):
- `wire`: PolNeAR (US political news 2015-16) stories an outlet took from a wire
  service (AP, AFP, Reuters...: the `wire` column of metadata.tsv); articles the
  outlets wrote themselves are left out, as some are columns;
- `wmt21`: the WMT21 news test documents from Russian outlets, in their first human
  English translation (ref A): translated Russian reports, the closest match to the
  input presslens was built for; the TED-talk documents in the set are left out;
- `gvc`: the Gun Violence Corpus validation part (local US reports of shootings),
  rebuilt from its tokens (one paragraph per sentence, the title first).
Research terms as the corpora's (see models/framing/MODEL_CARD.md). Nothing kept
aside by ../shared/data is read.
"""
from __future__ import annotations

import argparse
import csv
import os
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path
from typing import Callable

import numpy as np

from ..framing.features import genre_features, paragraph_features
from .embed import CACHE

SHARED_DATA = Path(os.environ.get("PRESSLENS_SHARED", Path(__file__).resolve().parents[4] / "shared")) / "data"
WIRE_CACHE = CACHE.parent / "wire.npz"  # the PolNeAR cache keeps its old name


def cache_path(name: str) -> Path:
    return WIRE_CACHE if name == "wire" else CACHE.parent / f"reports-{name}.npz"


def wire_texts(root: Path) -> list[list[str]]:
    """Paragraphs of every PolNeAR wire story present under train/ and dev/."""
    wire: set[str] = set()
    with open(root / "metadata.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row.get("wire") not in (None, "", "None"):
                wire.add(row["filename"])
    out = []
    for part in ("train", "dev"):
        for path in sorted((root / part / "text").glob("*.txt")):
            if path.stem in wire:
                pars = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
                if pars:
                    out.append(pars)
    return out


def wmt_texts(root: Path) -> list[list[str]]:
    """Each WMT21 ru-en news document, human ref A, one paragraph per segment (the set puts a
    whole document in one <p>; a segment is a sentence, the first one the title)."""
    tree = ET.parse(root / "newstest2021.ru-en.all.xml")
    out = []
    for doc in tree.getroot().iter("doc"):
        if doc.get("id", "").startswith("tsuite"):  # TED talks, not news
            continue
        ref = next((r for r in doc.findall("ref") if r.get("translator") == "A"), None)
        if ref is None:
            continue
        pars = [(s.text or "").strip() for s in ref.iter("seg")]
        pars = [p for p in pars if p]
        if pars:
            out.append(pars)
    return out


_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")
_SPACE_AFTER = re.compile(r"([(\[{$]) ")


def detokenize(tokens: list[str]) -> str:
    """Tokens back to text, well enough for rate cues (quotes become plain double quotes)."""
    toks = ['"' if t in ("``", "''") else t for t in tokens]
    s = " ".join(toks)
    s = _SPACE_BEFORE.sub(r"\1", s)
    s = _SPACE_AFTER.sub(r"\1", s)
    # a double quote opens when it is the odd one, closes otherwise
    parts = s.split('"')
    rebuilt = parts[0]
    for i, part in enumerate(parts[1:], start=1):
        rebuilt = (rebuilt + '"' + part.lstrip()) if i % 2 else (rebuilt.rstrip() + '"' + part)
    return rebuilt.strip()


def gvc_texts(root: Path) -> list[list[str]]:
    """One paragraph per sentence of each GVC validation document (sentence 0, the date, dropped)."""
    docs: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    with open(root / "dataset.conll", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4 or line.startswith("#"):
                continue
            docs[parts[0]][int(parts[1])].append(parts[3])
    out = []
    for doc in docs.values():
        pars = [detokenize(doc[n]) for n in sorted(doc) if n > 0]
        pars = [p for p in pars if p]
        if pars:
            out.append(pars)
    return out


SOURCES: dict[str, tuple[str, Callable[[Path], list[list[str]]]]] = {
    "wire": ("polnear", wire_texts),
    "wmt21": ("wmt21-ru-en", wmt_texts),
    "gvc": ("gvc/val", gvc_texts),
}


def build(name: str, data: Path = SHARED_DATA, threads: int = 2) -> None:
    """Encode one corpus and cache its genre features (they include the technique head's
    scores: rebuild after retraining that head)."""
    from ..encoder import Encoder
    from ..framing.heads import load_heads
    from .heads import OUT

    folder, read = SOURCES[name]
    root = data / folder
    if not root.exists():
        raise SystemExit(f"{root}: not found (the {name} reports need ../shared/data; set PRESSLENS_SHARED or --data)")
    enc = Encoder(threads=threads)
    tech = load_heads(OUT / "heads.npz")["tech"]
    xs = []
    for i, pars in enumerate(read(root)):
        encoded = [(p, e) for p, e in zip(pars, enc.encode(pars)) if len(e.tokens)]
        pars = [p for p, _ in encoded]
        means = np.stack([e.embedding for _, e in encoded])
        maxes = np.stack([e.tokens.max(axis=0) for _, e in encoded])
        xs.append(genre_features(means, pars, tech.scores(paragraph_features(means, maxes))))
        if i % 50 == 0:
            print(f"{name}: {i} stories", flush=True)
    out = cache_path(name)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez(out, genre_x=np.array(xs, np.float32))
    print(f"wrote {out} ({len(xs)} stories)")


def load_reports(name: str) -> np.ndarray | None:
    """Genre features of one corpus's reports, or None when its cache was not built."""
    path = cache_path(name)
    if not path.exists():
        return None
    return np.load(path)["genre_x"]


def load_wire(path: Path = WIRE_CACHE) -> np.ndarray | None:
    """Genre features of the PolNeAR wire stories, or None when the cache was not built."""
    if not path.exists():
        return None
    return np.load(path)["genre_x"]


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(SHARED_DATA), help="the shared data folder")
    ap.add_argument("--only", choices=tuple(SOURCES), action="append", help="build only these corpora")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    for name in args.only or SOURCES:
        build(name, Path(args.data), threads=args.threads)
