"""The Ray engine on a local cluster: the local engine's output, in order; resume; a killed worker."""
import gzip
import json
import os
import threading
import time
from pathlib import Path

import pytest

from .conftest import NEWS, run_cli
from .ray_helpers import kill_one_analyser

pytest.importorskip("ray")
FAST = ("--stages", "repair,parse,entities")


def _corpus(root: Path) -> Path:
    d = root / "in"
    d.mkdir()
    (d / "a.txt").write_text(NEWS, encoding="utf-8")
    (d / "b.html").write_text("<html><head><title>Port strike</title></head><body><article><p>Dock workers in Rotterdam "
                              "walked out on Tuesday, the union FNV said.</p></article></body></html>", encoding="utf-8")
    lines = [json.dumps({"id": f"w{i}", "text": f"Minister Ola Berg{i} met farmers in Bergen on day {i}."}) for i in range(6)]
    lines.insert(2, "{not json")
    lines.insert(4, json.dumps({"id": "huge", "text": "word " * 3000}))
    (d / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "d.txt").write_text("", encoding="utf-8")
    (d / "e.jsonl.gz").write_bytes(gzip.compress("\n".join(lines[:2]).encode()))
    return d


def _analyze(cwd: Path, *args: str):
    return run_cli("analyze", *args, *FAST, "--format", "json", "--quiet", "--max-bytes", "5000", cwd=cwd, timeout=600)


def test_ray_engine_output_and_errors_match_the_local_engine_and_rerun_resumes(tmp_path):
    _corpus(tmp_path)  # named relative to the run's directory: workers must read the same files
    local = _analyze(tmp_path, "in", "--no-store")
    ray_run = _analyze(tmp_path, "in", "--engine", "ray", "--jobs", "2", "--db", str(tmp_path / "s.db"))
    assert ray_run.stdout == local.stdout and local.stdout.count(b"\n") == 10
    errors = lambda r: sorted(line for line in r.stderr.decode().splitlines() if line.startswith("presslens: error"))  # noqa: E731
    assert errors(ray_run) == errors(local) and len(errors(local)) == 3  # bad line, huge line, empty file
    again = _analyze(tmp_path, "in", "--engine", "ray", "--jobs", "2", "--db", str(tmp_path / "s.db"))
    assert b"(10 already in the store)" in again.stderr and again.stdout == local.stdout


@pytest.mark.skipif(not Path("/proc").exists(), reason="finds the worker processes through /proc")
def test_a_killed_worker_costs_no_article_and_no_duplicate(tmp_path):
    import ray

    from presslens.engines.ray import analyze_units, units

    d = tmp_path / "in"
    d.mkdir()
    (d / "many.jsonl").write_text("\n".join(json.dumps({"id": f"k{i}", "text": f"Police in Turku{i} arrested two men."})
                                            for i in range(80)) + "\n", encoding="utf-8")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        killed: list[float] = []
        t = threading.Thread(target=kill_one_analyser, args=(killed,))
        t.start()
        out = list(analyze_units(units([str(d)], 100_000), jobs=2, stage_names=("repair", "parse", "entities")))
        finished = time.monotonic()
        t.join()
    finally:
        ray.shutdown()
    assert killed and killed[0] < finished, "no Analyser process was killed while the run was going on"
    sources = [getattr(getattr(x, "document", None), "source", None) for x in out]
    assert sources == [f"k{i}" for i in range(80)]


def test_resume_skips_a_stored_page_by_its_bytes_before_any_extraction(tmp_path):
    from presslens.engines.ray import Stored, Unit, units
    from presslens.model import Document

    page = tmp_path / "p.html"
    page.write_bytes(b"<html><body><p>The port reopened.</p></body></html>")
    known = {Document.make_id(page.read_bytes())}
    [skipped] = list(units([str(page)], 10_000, known.__contains__))
    assert isinstance(skipped, Stored) and skipped.id in known
    [sent] = list(units([str(page)], 10_000, lambda _id: False))
    assert isinstance(sent, Unit) and sent.path == str(page.resolve())


def test_results_behind_a_stuck_unit_hold_the_input_back_instead_of_piling_up(tmp_path):
    """One unit blocks (its worker waits on a pipe) while the other actor goes on: the driver
    stops taking input after a bounded number of finished units instead of holding them all."""
    import ray

    from presslens.engines.ray import _PER_ACTOR, _REORDER, Unit, analyze_units

    n, jobs = 300, 2
    fifo = tmp_path / "stuck.txt"
    os.mkfifo(fifo)  # opening it to read waits until someone opens it to write
    pulled = [0]
    released: list[int] = []

    def items():
        yield Unit("stuck.txt", path=str(fifo), max_bytes=10_000)
        for i in range(n):
            pulled[0] += 1
            yield Unit(f"l.jsonl:{i + 1}", line=json.dumps({"text": f"Ferry line {i} reopened."}).encode(), max_bytes=10_000)

    def release() -> None:
        seen = -1
        while pulled[0] != seen and pulled[0] < n:  # until the driver stops pulling, or has pulled it all
            seen = pulled[0]
            time.sleep(3)
        released.append(pulled[0])
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.write("The port reopened on Monday, officials said.")

    if ray.is_initialized():
        ray.shutdown()
    ray.init(num_cpus=jobs, include_dashboard=False, log_to_driver=False)
    try:
        t = threading.Thread(target=release)
        t.start()
        out = list(analyze_units(items(), jobs=jobs, stage_names=("repair",)))
        t.join()
    finally:
        ray.shutdown()
    assert released and released[0] <= jobs * (_REORDER + _PER_ACTOR) + 1 < n
    sources = [getattr(getattr(x, "document", None), "source", None) for x in out]
    assert sources == ["stuck.txt"] + [f"l.jsonl:{i + 1}" for i in range(n)]


def test_lines_ray_relays_from_workers_go_to_stderr(monkeypatch, capsys) -> None:
    from ray._private import worker as ray_worker
    from ray._private.ray_logging import WorkerStandardStreamDispatcher

    from presslens.engines.ray import _worker_logs_to_stderr

    dispatcher = WorkerStandardStreamDispatcher()
    dispatcher.add_handler("ray_print_logs", lambda data: ray_worker.print_to_stdstream(data, ignore_prefix=False))
    monkeypatch.setattr(ray_worker, "global_worker_stdstream_dispatcher", dispatcher)
    _worker_logs_to_stderr()
    dispatcher.emit({"pid": 7, "ip": "", "is_err": False, "lines": ["an actor printed this"],
                     "actor_name": "Analyser"})
    out, err = capsys.readouterr()
    assert out == ""
    assert "an actor printed this" in err
