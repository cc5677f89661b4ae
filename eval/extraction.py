"""Article-body extraction on the article-extraction benchmark (181 pages).

Runs `presslens analyze` over the gzipped pages, then the shared scorers
(extraction_pred.py + extraction_f1.py: 4-word shingles, P/R averaged over
pages) on presslens's `text` as is and with boilerplate spans dropped, beside
trafilatura alone with its default settings.

usage: python eval/extraction.py [--shared ../shared]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _results  # noqa: E402


def score(shared: Path, pred: Path) -> tuple[float, float, float]:
    out = subprocess.run([sys.executable, str(shared / "eval" / "extraction_f1.py"),
                          str(shared / "data" / "article-extraction-benchmark" / "ground-truth.json"), str(pred)],
                         capture_output=True, text=True, check=True).stdout
    nums = dict(re.findall(r"(precision|recall|f1)\W+([0-9.]+)", out.lower()))
    if len(nums) < 3:
        raise SystemExit(f"cannot read extraction_f1.py output: {out!r}")
    return float(nums["precision"]), float(nums["recall"]), float(nums["f1"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(_results.SHARED))
    a = ap.parse_args()
    _results.SHARED = Path(a.shared)
    shared = _results.shared_path()
    html_dir = _results.shared_path("data", "article-extraction-benchmark", "html")
    tmp = Path(tempfile.mkdtemp(prefix="presslens-extraction-"))

    out = tmp / "out.jsonl"
    with open(out, "w") as fh:
        r = subprocess.run([sys.executable, "-m", "presslens", "analyze", str(html_dir), "--no-store",
                            "--format", "json", "--stages", "repair", "--quiet"], stdout=fh, stderr=subprocess.PIPE,
                           text=True)
    n = sum(1 for _ in open(out))
    if r.returncode not in (0, 1):
        raise SystemExit(r.stderr)

    rows = []
    for label, extra in (("presslens text", []), ("presslens text, boilerplate dropped", ["--drop-boilerplate"])):
        pred = tmp / f"pred{len(rows)}.json"
        with open(pred, "w") as fh:
            subprocess.run([sys.executable, str(shared / "eval" / "extraction_pred.py"), str(out), *extra],
                           stdout=fh, check=True)
        rows.append([label, *score(shared, pred)])

    import trafilatura

    base = {}
    for p in sorted(html_dir.glob("*.html.gz")):
        base[p.name.split(".")[0]] = {"articleBody": trafilatura.extract(gzip.open(p).read().decode("utf-8", "replace")) or ""}
    bpath = tmp / "trafilatura.json"
    bpath.write_text(json.dumps(base))
    rows.insert(0, ["trafilatura alone (default settings)", *score(shared, bpath)])

    table = _results.markdown_table(["extractor", "precision", "recall", "F1"], rows)
    print(f"{n} pages analysed\n{table}")
    _results.write_section("extraction", "Article extraction (article-extraction-benchmark, 181 pages)",
                           f"{n} pages analysed by presslens.\n\n{table}")


if __name__ == "__main__":
    main()
