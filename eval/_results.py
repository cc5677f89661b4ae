"""Shared by the eval scripts: where the data is, and writing a section of RESULTS.md.

Each script owns one section, delimited by HTML comments, so several scripts
can update RESULTS.md without clobbering each other's tables.
"""
from __future__ import annotations

import fcntl
import os
import re
import shlex
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
SHARED = Path(os.environ.get("PRESSLENS_SHARED", HERE.parent.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or exit with a clear message when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        sys.exit(f"{p}: not found (set PRESSLENS_SHARED to the folder holding data/, eval/, seed/)")
    return p


def command_line() -> str:
    return " ".join([f"python eval/{Path(sys.argv[0]).name}", *(shlex.quote(a) for a in sys.argv[1:])])


def markdown_table(header: list[str], rows: list[list[object]]) -> str:
    def cell(x: object) -> str:
        return f"{x:.3f}" if isinstance(x, float) else str(x)

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


def write_section(name: str, title: str, body: str, command: str | None = None) -> None:
    """Replace (or append) the section `name` in eval/RESULTS.md."""
    command = command or command_line()
    block = (
        f"<!-- section:{name} -->\n## {title}\n\n"
        f"Command: `{command}` (run {date.today().isoformat()})\n\n{body.strip()}\n"
        f"<!-- /section:{name} -->"
    )
    with open(RESULTS.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else (
            "# Evaluation results\n\nEach section is written by the script named in its command line.\n"
        )
        pattern = re.compile(rf"<!-- section:{re.escape(name)} -->.*?<!-- /section:{re.escape(name)} -->", re.S)
        new = pattern.sub(lambda _: block, old) if pattern.search(old) else old.rstrip() + "\n\n" + block + "\n"
        RESULTS.write_text(new, encoding="utf-8")
