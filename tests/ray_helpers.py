"""Shared by the Ray tests: find the analysis actors' processes, to kill one mid-run."""
import os
from pathlib import Path


def _parent(pid: int) -> int:
    # /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after its ")"
    return int((Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[1])


def _descends_from(pid: int, ancestor: int) -> bool:
    try:
        while pid > 1:
            pid = _parent(pid)
            if pid == ancestor:
                return True
    except (OSError, ValueError, IndexError):
        return False
    return False


def analyser_pids(ancestor: int | None = None) -> list[int]:
    """Analyser actor processes of the Ray instance this process started (its raylet is our
    child): other people's Ray runs on the same machine are never touched."""
    ancestor = os.getpid() if ancestor is None else ancestor
    pids = []
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                if (p / "cmdline").read_bytes().startswith(b"ray::Analyser") and _descends_from(int(p.name), ancestor):
                    pids.append(int(p.name))
            except OSError:
                continue  # the process ended while we looked
    return pids


def kill_one_analyser(killed: list[float], settle: float = 1.0) -> None:
    """SIGKILL the first Analyser process of this test's Ray to appear, `settle` seconds after
    it does (so it has taken work); its time goes into `killed`. Gives up after a minute."""
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
