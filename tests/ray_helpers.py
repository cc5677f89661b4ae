"""Shared by the Ray tests: find the analysis actors' processes, to kill one mid-run."""
from pathlib import Path


def analyser_pids() -> list[int]:
    pids = []
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                if (p / "cmdline").read_bytes().startswith(b"ray::Analyser"):
                    pids.append(int(p.name))
            except OSError:
                continue  # the process ended while we looked
    return pids
