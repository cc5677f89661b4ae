"""The Ray engine: reading, extraction and analysis on a Ray cluster, results in input order.

The driver only walks the inputs and hands out work units: a file's path, or one
JSON line's raw bytes (so resume can skip a stored line by its id before any
work). Each `Analyser` actor declares one CPU, so Ray spreads actors across
nodes instead of packing them, and builds its pipeline once. Units stream out
with a bounded number in flight (no batch barrier: a freed actor gets the next
unit at once); a unit whose actor died is retried on a restarted actor, and
after `_ATTEMPTS` losses becomes that unit's failure instead of the run's end.

For a Parquet run (`--out-parquet`, engines/parquet_run.py) units travel in Batches:
the actor analyses a batch, writes it as one part per table itself and answers with
article ids only, so no analysis crosses to the driver.

`RAY_ADDRESS` (or `address`) picks an existing cluster; `PRESSLENS_RAY_RUNTIME_ENV`
(JSON, e.g. {"pip": ["presslens==0.2.0"]}) ships presslens to nodes that lack it.
Needs the `ray` extra.
"""
from __future__ import annotations

import json
import os
import sys
from collections import deque
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Sequence

from ..assembly import DEFAULT_STAGES
from ..errors import ArticleFailed, InputError, PresslensError
from ..model import Document
from ..pipeline import Pipeline
from .local import run_safely

_ATTEMPTS = 3  # a unit is tried on this many actors before it counts as failed
_PER_ACTOR = 2  # units in flight per actor: one running, one queued so no actor idles
_REORDER = 32  # units per actor that may wait, done, behind a slow one for their turn in input order


@dataclass(frozen=True)
class Unit:
    """One piece of work: a file path, a JSON line (`where` = file:line), or a Document
    already read (library callers)."""
    where: str
    path: str | None = None
    line: bytes | None = None
    max_bytes: int = 0
    doc: Document | None = None


@dataclass(frozen=True)
class Batch:
    """Units analysed by one actor and written by it as one Parquet part (store/parquet.py);
    `orders` gives each unit's input position, the order the corpus layer replays."""
    units: tuple[Unit, ...]
    orders: tuple[int, ...]
    out: str
    run_version: str
    name: str

    @property
    def where(self) -> str:
        return self.units[0].where if len(self.units) == 1 else f"{self.units[0].where} .. {self.units[-1].where}"


@dataclass(frozen=True)
class Written:
    """An article analysed and written to the Parquet run (what comes back instead of it)."""
    id: str
    source: str
    pipeline_version: str


@dataclass(frozen=True)
class Stored:
    """A JSON line already analysed by this pipeline version (resume)."""
    id: str
    source: str


def _import_ray():
    try:
        import ray
    except ImportError:
        raise PresslensError("the ray engine needs Ray: pip install 'presslens[ray]'") from None
    return ray


def _connect(ray, address: str | None) -> None:
    if ray.is_initialized():
        return
    # without RAY_ADDRESS, a fresh local instance: Ray's own default would join whatever cluster
    # another user last started on this machine
    address = address or os.environ.get("RAY_ADDRESS") or "local"
    env = os.environ.get("PRESSLENS_RAY_RUNTIME_ENV")
    try:
        runtime_env = json.loads(env) if env else None
    except json.JSONDecodeError as e:
        raise PresslensError(f"PRESSLENS_RAY_RUNTIME_ENV is not JSON ({e.msg})") from None
    # an existing cluster's actor logs reach the user; a throwaway local one stays quiet
    ray.init(address=address, runtime_env=runtime_env, ignore_reinit_error=True, log_to_driver=address != "local")
    _worker_logs_to_stderr()


def _worker_logs_to_stderr() -> None:
    """Ray prints what workers and its scheduler write to stdout on the driver's stdout, where
    it would corrupt `--format json` (a coloured "(scheduler +5s) Warning" under load): every
    line Ray relays goes to stderr instead."""
    try:
        from ray._private import worker as ray_worker
    except ImportError:  # a Ray without this module relays its own way
        return
    dispatcher = getattr(ray_worker, "global_worker_stdstream_dispatcher", None)
    print_logs = getattr(ray_worker, "print_worker_logs", None)
    if dispatcher is None or print_logs is None:
        return
    if not any(pair[0] == "ray_print_logs" for pair in getattr(dispatcher, "handlers", ())):
        return
    dispatcher.remove_handler("ray_print_logs")
    dispatcher.add_handler("ray_print_logs", lambda data: print_logs(data, sys.stderr))


def _work(pipeline: Pipeline, unit: Unit) -> list[object]:
    """Read, extract and analyse one unit on a worker."""
    if unit.doc is not None:
        return [run_safely(pipeline, unit.doc)]
    if unit.line is not None:
        from ..ingest.jsonl import stream_jsonl

        docs: Iterable[object] = stream_jsonl([unit.line], unit.where.rsplit(":", 1)[0], unit.max_bytes)
        docs = [_renamed(d, unit.where) for d in docs]
    else:
        from ..ingest import read_path

        docs = read_path(unit.path or unit.where, unit.where, unit.max_bytes)
    return [run_safely(pipeline, d) if isinstance(d, Document) else d for d in docs]


def _work_batch(pipeline: Pipeline, batch: Batch) -> list[object]:
    """Analyse a batch and write its part before answering: once the driver has the answer,
    the articles are on disk; a retry after a lost answer rewrites the same part."""
    from ..store.parquet import PartWriter

    writer = PartWriter(batch.out, batch.run_version)
    out: list[object] = []
    for unit, seq in zip(batch.units, batch.orders):
        sub = 0
        for item in _work(pipeline, unit):
            if hasattr(item, "document"):
                writer.add(item, (seq, sub))
                sub += 1
                item = Written(item.document.id, item.document.source, item.pipeline_version)
            out.append(item)
    writer.write(batch.name)
    return out


def batches(items: Iterable[object], out: str, run_version: str, size: int = 64) -> Iterator[object]:
    """Units grouped into Batches of `size` for a Parquet run, every item counted in input
    order (a skipped one too, so a resumed run gives each input the position it had)."""
    from ..store.parquet import part_name

    pending: list[tuple[Unit, int]] = []

    def flush() -> Batch:
        units_, orders = tuple(u for u, _ in pending), tuple(o for _, o in pending)
        pending.clear()
        return Batch(units_, orders, out, run_version, part_name(run_version, (u.where for u in units_)))

    for seq, item in enumerate(items):
        if isinstance(item, Unit):
            pending.append((item, seq))
            if len(pending) >= size:
                yield flush()
        else:
            yield item
    if pending:
        yield flush()


def _renamed(item: object, where: str) -> object:
    """A line sent alone is line 1 of its own stream: report it by its place in the file."""
    if isinstance(item, InputError) and not isinstance(item, ArticleFailed):
        return InputError(where, item.reason)
    if isinstance(item, Document) and item.source.endswith(":1") and item.source.rsplit(":", 1)[0] == where.rsplit(":", 1)[0]:
        from dataclasses import replace

        return replace(item, source=where)
    return item


def _stored_page(path: str, fmt: str | None, max_bytes: int, is_stored: Callable[[str], bool] | None) -> str | None:
    """The id of a plain one-article file (.txt, .html) already in the store: its id is the
    digest of its bytes, so resume costs a read, not an extraction."""
    if is_stored is None or fmt not in ("txt", "html") or path.endswith(".gz"):
        return None
    try:
        if os.path.getsize(path) > max_bytes:
            return None
        with open(path, "rb") as fh:
            doc_id = Document.make_id(fh.read())
    except OSError:
        return None  # the worker reports it
    return doc_id if is_stored(doc_id) else None


def units(paths: Iterable[str], max_bytes: int, is_stored: Callable[[str], bool] | None = None) -> Iterator[Unit | Stored | InputError]:
    """The driver's share: JSON Lines split into lines (a line already stored is skipped
    by its id, with no extraction); every other input passed on as a path."""
    from ..ingest import _CHUNK, _BY_SUFFIX, expand, read_inputs, source_name
    from ..ingest.limits import capped_lines, gunzip_stream, over_cap

    for path in expand(paths):
        source = source_name(path)
        name = path[:-3] if path.endswith(".gz") else path
        if path == "-":  # only this process has the stdin
            for item in read_inputs(["-"], max_bytes):
                yield Unit(item.source, doc=item) if isinstance(item, Document) else item
            continue
        fmt = _BY_SUFFIX.get(os.path.splitext(name)[1].lower())
        if fmt != "jsonl":
            stored_id = _stored_page(path, fmt, max_bytes, is_stored)
            if stored_id:
                yield Stored(stored_id, source)
            else:  # absolute: a worker's working directory is not this one's
                yield Unit(source, path=os.path.abspath(path), max_bytes=max_bytes)
            continue
        any_line = False
        try:
            with open(path, "rb") as fh:
                chunks: Iterable[bytes] = iter(lambda: fh.read(_CHUNK), b"")
                if fh.peek(2)[:2] == b"\x1f\x8b":  # by the bytes, as the local engine reads it
                    chunks = gunzip_stream(chunks, source)
                for lineno, line in capped_lines(chunks, max_bytes):
                    where = f"{source}:{lineno}"
                    any_line = any_line or line is None or bool(line.strip())
                    if line is None:
                        yield over_cap(where, max_bytes, " for one article")
                    elif line.strip():
                        line = line[3:] if lineno == 1 and line.startswith(b"\xef\xbb\xbf") else line
                        if is_stored is not None and is_stored(Document.make_id(line)):
                            yield Stored(Document.make_id(line), where)
                        else:
                            yield Unit(where, line=line, max_bytes=max_bytes)
        except OSError as e:
            yield InputError(source, e.strerror or str(e))
            continue
        except InputError as e:
            yield e
            continue
        if not any_line:
            yield InputError(source, "empty: no JSON lines")


def analyze_units(items: Iterable[object], jobs: int = 2, stage_names: Sequence[str] = DEFAULT_STAGES,
                  address: str | None = None) -> Iterator[object]:
    """Each Unit's results (Analyses, ArticleFailed, InputErrors) in input order, a Batch's
    with Written in place of each Analysis; anything else passes through in place."""
    ray = _import_ray()
    _connect(ray, address)
    from ray.exceptions import RayActorError

    @ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=1)
    class Analyser:
        def __init__(self, names: Sequence[str]) -> None:
            self.pipeline = Pipeline.from_names(names)

        def run(self, unit: Unit | Batch) -> list[object]:
            return _work_batch(self.pipeline, unit) if isinstance(unit, Batch) else _work(self.pipeline, unit)

    # an actor that no node has a CPU for would hold its queued units for ever
    cpus = int(ray.cluster_resources().get("CPU", 1))
    actors = [Analyser.remote(tuple(stage_names)) for _ in range(max(1, min(jobs, cpus)))]
    load = [0] * len(actors)
    limit = len(actors) * _PER_ACTOR
    # results that came back before an earlier unit's wait in `order` for their turn; bounding
    # them too keeps the driver's memory flat when one unit is slow (its actor died, a huge page)
    window = len(actors) * _REORDER
    order: deque[list] = deque()  # [item, ref or None, actor index, attempts, result]
    by_ref: dict = {}

    def submit(entry: list) -> None:
        i = min(range(len(actors)), key=load.__getitem__)
        entry[1], entry[2] = actors[i].run.remote(entry[0]), i
        entry[3] += 1
        load[i] += 1
        by_ref[entry[1]] = entry

    def collect() -> None:
        done, _ = ray.wait(list(by_ref), num_returns=1)
        for ref in done:
            entry = by_ref.pop(ref)
            entry[1] = None  # the driver holds no ref to a consumed result: Ray frees it at once
            load[entry[2]] -= 1
            try:
                entry[4] = ray.get(ref)
            except RayActorError as e:
                if entry[3] < _ATTEMPTS:
                    submit(entry)
                else:
                    lost = f"lost its Ray worker {entry[3]} times ({type(e).__name__})"
                    work = entry[0].units if isinstance(entry[0], Batch) else (entry[0],)
                    entry[4] = [InputError(u.where, lost) for u in work]

    def ready() -> Iterator[object]:
        while order and (not isinstance(order[0][0], (Unit, Batch)) or order[0][4] is not None):
            entry = order.popleft()
            if isinstance(entry[0], (Unit, Batch)):
                yield from entry[4]
            else:
                yield entry[0]

    for item in items:
        entry = [item, None, None, 0, None]
        order.append(entry)
        if isinstance(item, (Unit, Batch)):
            # backpressure: never more than `limit` units out, nor `window` waiting to be yielded
            while len(by_ref) >= limit or len(order) > window:
                collect()
                yield from ready()
            submit(entry)
        yield from ready()
    while by_ref:
        collect()
        yield from ready()
    yield from ready()


def analyze_stream(items: Iterable[object], jobs: int = 2, stage_names: Sequence[str] = DEFAULT_STAGES,
                   address: str | None = None) -> Iterator[object]:
    """Like engines.local.analyze_stream for already-read Documents (the web and library
    callers): each goes out as a one-line unit of its text."""
    def as_units() -> Iterator[object]:
        for item in items:
            if isinstance(item, Document):
                yield Unit(item.source, doc=item)
            else:
                yield item

    yield from analyze_units(as_units(), jobs, stage_names, address)

