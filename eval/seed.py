"""The seed article against its careful reading, every section, via the shared scorer.

usage: python eval/seed.py [--shared ../shared]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _results  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(_results.SHARED))
    a = ap.parse_args()
    _results.SHARED = Path(a.shared)
    article = _results.shared_path("seed", "article.txt")
    out = Path(tempfile.mkdtemp(prefix="presslens-seed-")) / "seed.json"
    with open(out, "w") as fh:
        subprocess.run([sys.executable, "-m", "presslens", "analyze", str(article), "--no-store", "--format", "json",
                        "--quiet"], stdout=fh, check=True)
    r = subprocess.run([sys.executable, str(_results.shared_path("eval", "seed_score.py")),
                        str(_results.shared_path("seed", "expected.json")), str(out)], capture_output=True, text=True)
    print(r.stdout.strip())
    lines = [ln for ln in r.stdout.splitlines() if ln and not ln.startswith("seed ")]
    # the scorer lists missed quotes by their opening words: keep the article's text out of RESULTS.md
    rows = [[ln.split()[0], ln.split()[1], " ".join(ln.split()[2:]).split("; missed:")[0]] for ln in lines]
    _results.write_section("seed", "Seed article (shared/eval/seed_score.py)",
                           _results.markdown_table(["section", "score", "detail"], rows))


if __name__ == "__main__":
    main()
