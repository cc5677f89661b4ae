"""One place that rewrites a benchmark's own section of benchmarks/RESULTS.md, leaving the rest."""
from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def write_section(start: str, end: str, section: str) -> None:
    """Replace the text between the `start` and `end` markers (both kept), or append it."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    if start in old and end in old:
        new = old[:old.index(start)] + section.rstrip("\n") + old[old.index(end) + len(end):]
    else:
        new = old.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(new, encoding="utf-8")
