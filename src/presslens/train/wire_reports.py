"""Extra `reporting` examples for the genre head: news-agency wire stories from PolNeAR.

    python -m presslens.train.wire_reports      # encode them once (cache: .train/cache/wire.npz)

The SemEval English training pool has 382 opinion articles and 41 reports; the news
presslens reads is mostly reports. PolNeAR (../shared/data/polnear, US political news
2015-16) marks which articles an outlet took from a wire service (AP, AFP, Reuters...:
the `wire` column of metadata.tsv); those are plain reports by construction, so they
join the genre head's fitting data as `reporting`, never as held-out data. Articles
written by the outlets themselves are left out: some are columns. Research terms as
the corpus's (see models/framing/MODEL_CARD.md).
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np

from ..framing.features import genre_features
from .embed import CACHE

WIRE_CACHE = CACHE.parent / "wire.npz"
DEFAULT_ROOT = Path(__file__).resolve().parents[4] / "shared" / "data" / "polnear"


def wire_texts(root: Path) -> list[list[str]]:
    """Paragraphs of every wire story present under train/ and dev/."""
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


def build(root: Path, out: Path = WIRE_CACHE, threads: int = 2) -> None:
    from ..encoder import Encoder

    enc = Encoder(threads=threads)
    xs = []
    for i, pars in enumerate(wire_texts(root)):
        means = np.stack([e.embedding for e in enc.encode(pars)])
        xs.append(genre_features(means, pars))
        if i % 50 == 0:
            print(f"{i} wire stories", flush=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez(out, genre_x=np.array(xs, np.float32))
    print(f"wrote {out} ({len(xs)} stories)")


def load_wire(path: Path = WIRE_CACHE) -> np.ndarray | None:
    """Genre features of the wire stories, or None when the cache was not built."""
    if not path.exists():
        return None
    return np.load(path)["genre_x"]


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=str(DEFAULT_ROOT))
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    build(Path(args.root), threads=args.threads)
