"""`presslens analyze ... --out-parquet DIR`: a run written as Parquet parts instead of the store.

With `--engine ray` the actors read, analyse and write their own parts (engines/ray.py,
Batch); the driver only walks the inputs, hashes JSON lines and plain pages to skip those
already in DIR, and prints errors. With the local engine this process writes the parts,
the same layout. Either way the run ends with reprint detection over DIR
(engines/parquet_corpus.py) and a rerun resumes: articles already in DIR are skipped.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Iterator, Sequence

from ..errors import InputError, PresslensError, one_line
from ..model import Document
from ..store.parquet import IdSet, PartWriter, failure_row, part_name, present_ids, tidy, write_failures

BATCH = 64  # articles per part: one Ray task's work, one file per table


def _err(msg: str) -> None:
    print(f"presslens: {msg}", file=sys.stderr)


def _checker(present: IdSet) -> Callable[[str], bool]:
    """In DIR already, or sent earlier in this run (the same article twice is written once)."""
    def seen(doc_id: str) -> bool:
        if doc_id in present:
            return True
        present.add(doc_id)
        return False
    return seen


def run(paths: Sequence[str], out: str, stages: Sequence[str], version: str, *, engine: str = "local",
        jobs: int = 1, max_bytes: int, batch: int = BATCH, address: str | None = None) -> tuple[int, int, int]:
    """(analysed, already in DIR, failed); errors go to stderr one line each."""
    target = Path(out)
    if target.exists() and not target.is_dir():
        raise PresslensError(f"{out}: --out-parquet needs a directory, and this is a file")
    target.mkdir(parents=True, exist_ok=True)
    tidy(target)
    seen = _checker(present_ids(target, version))
    results = _ray(paths, out, stages, version, jobs, max_bytes, batch, seen, address) if engine == "ray" \
        else _local(paths, out, stages, version, jobs, max_bytes, batch, seen)
    ok = skipped = failed = 0
    failures: list[dict] = []
    for item in results:
        if isinstance(item, InputError):
            failed += 1
            _err(f"error: {item}")
            failures.append(failure_row(item, version))
            if len(failures) >= 10_000:
                write_failures(target, failures)
                failures = []
        elif isinstance(item, _Skip):
            skipped += 1
        else:
            ok += 1
    write_failures(target, failures)
    from .parquet_corpus import write_reprints

    copies = write_reprints(target, address, use_ray=engine == "ray")
    _err(f"reprints: {copies} cop{'y' if copies == 1 else 'ies'} found in {out}")
    from .parquet_stories import write_stories

    n_stories = write_stories(target, address, use_ray=engine == "ray")
    if n_stories is not None:
        _err(f"stories: {n_stories} in {out}")
    return ok, skipped, failed


class _Skip:
    """An input already in DIR."""


def _ray(paths, out, stages, version, jobs, max_bytes, batch, seen, address) -> Iterator[object]:
    from .ray import Stored, analyze_units, batches, units

    work = batches(units(paths, max_bytes, seen), out, version, batch)
    for item in analyze_units(work, jobs=jobs, stage_names=stages, address=address):
        yield _Skip() if isinstance(item, Stored) else item


def _local(paths, out, stages, version, jobs, max_bytes, batch, seen) -> Iterator[object]:
    from ..ingest import read_inputs
    from ..ingest.text import DECODING_NOTE
    from .local import analyze_stream

    order: dict[str, int] = {}

    def items() -> Iterator[object]:
        for seq, item in enumerate(read_inputs(paths, max_bytes=max_bytes)):
            if isinstance(item, Document):
                if item.metadata.get(DECODING_NOTE):
                    _err(f"warning: {one_line(item.source)}: {item.metadata[DECODING_NOTE]}")
                if seen(item.id):
                    yield _Skip()
                    continue
                order[item.id] = seq
            yield item

    writer = PartWriter(out, version)
    wheres: list[str] = []
    for item in analyze_stream(items(), jobs=jobs, stage_names=stages):
        if hasattr(item, "document"):
            writer.add(item, (order.pop(item.document.id), 0))
            wheres.append(item.document.source)
            if len(wheres) >= batch:
                writer.write(part_name(version, wheres))
                wheres.clear()
        yield item
    if wheres:
        writer.write(part_name(version, wheres))
