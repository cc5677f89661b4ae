"""Do two versions of presslens give the same analyses? A guard for speed-only changes.

`--save FILE` analyses a fixed set of articles with the full default pipeline and writes
one JSON record per article (`Analysis.to_dict()`: every output field, no timings);
`--compare FILE` analyses the same articles again and reports every article whose record
differs, field by field. Run `--save` before a performance change and `--compare` after it.

Articles: examples/ plus, when ../shared/data (or $PRESSLENS_SHARED) is present, the first
`--n` PolNeAR dev texts and the first `--n` SemEval English training articles (reports and
opinion pieces, the framing heads' own domain). Without the shared data only examples/.

`--tolerance T` also reports how many of the differing fields differ only in scores by at
most T (labels, spans and every other value equal): the footprint of a numerically
different but equivalent computation, such as a fused kernel that rounds in another order.

usage: python benchmarks/same_outputs.py (--save FILE | --compare FILE) [--n 15] [--tolerance 0.01]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    return Path(os.environ.get("PRESSLENS_SHARED", ROOT.parent / "shared"))


def article_paths(n: int) -> list[str]:
    paths = [str(p) for p in sorted((ROOT / "examples").iterdir()) if p.is_file()]
    data = shared_dir() / "data"
    for folder, pattern in ((data / "polnear" / "dev" / "text", "*.txt"),
                            (data / "semeval2023-task3" / "en" / "train-articles-subtask-3", "article*.txt")):
        if folder.exists():
            paths += [str(p) for p in sorted(folder.glob(pattern))[:n]]
        else:
            print(f"note: {folder} is absent; comparing without it", file=sys.stderr)
    return paths


def analyse(paths: list[str]) -> dict[str, dict[str, Any]]:
    from presslens.assembly import default_pipeline
    from presslens.errors import InputError
    from presslens.ingest import read_inputs

    out: dict[str, dict[str, Any]] = {}
    for doc in read_inputs(paths):
        if isinstance(doc, InputError):
            print(f"skipped: {doc}", file=sys.stderr)
            continue
        record = default_pipeline(doc.language).run(doc).to_dict()
        out[f"{doc.source}#{doc.id}"] = json.loads(json.dumps(record, ensure_ascii=False))
    return out


def close(a: Any, b: Any, tolerance: float) -> bool:
    """Equal, except that numbers (not booleans) may differ by up to `tolerance`."""
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool) \
            and not isinstance(b, bool) and abs(a - b) <= tolerance
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k], tolerance) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(close(x, y, tolerance) for x, y in zip(a, b))
    return a == b


def differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """One line per article and top-level field that differs (or article missing on one side)."""
    lines = []
    for key in sorted(set(before) | set(after)):
        if key not in after or key not in before:
            lines.append(f"{key}: only in {'before' if key in before else 'after'}")
            continue
        a, b = before[key], after[key]
        for field in sorted(set(a) | set(b)):
            if a.get(field) != b.get(field):
                lines.append(f"{key}: {field} differs\n  before: {json.dumps(a.get(field))[:400]}"
                             f"\n  after:  {json.dumps(b.get(field))[:400]}")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser()
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", metavar="FILE")
    mode.add_argument("--compare", metavar="FILE")
    ap.add_argument("--n", type=int, default=15, help="articles from each shared corpus")
    ap.add_argument("--tolerance", type=float, default=0.0, help="score differences up to this count as close")
    a = ap.parse_args()
    records = analyse(article_paths(a.n))
    if a.save:
        Path(a.save).write_text(json.dumps(records, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        print(f"saved {len(records)} analyses to {a.save}")
        return 0
    before = json.loads(Path(a.compare).read_text(encoding="utf-8"))
    diff = differences(before, records)
    print("\n".join(diff) if diff else f"identical: {len(records)} analyses")
    if diff and a.tolerance:
        pairs = [(k, f) for k in before if k in records for f in set(before[k]) | set(records[k])
                 if before[k].get(f) != records[k].get(f)]
        far = [(k, f) for k, f in pairs if not close(before[k].get(f), records[k].get(f), a.tolerance)]
        print(f"{len(pairs)} differing fields in {len({k for k, _ in pairs})} of {len(records)} analyses; "
              f"{len(pairs) - len(far)} differ only in scores by <= {a.tolerance}; beyond that: "
              + (", ".join(f"{k.split('/')[-1][:60]}: {f}" for k, f in far) or "none"))
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
