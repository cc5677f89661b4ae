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


def kill_one_analyser(killed: list[float], settle: float = 1.0) -> None:
    """SIGKILL the first Analyser process to appear, `settle` seconds after it does (so it
    has taken work); its time goes into `killed`. Gives up after a minute."""
    import os
    import signal
    import time

    for _ in range(600):
        pids = analyser_pids()
        if pids:
            time.sleep(settle)
            os.kill(pids[0], signal.SIGKILL)
            killed.append(time.monotonic())
            return
        time.sleep(0.1)
