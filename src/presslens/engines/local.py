"""The local engine: in-process, or a pool of worker processes with --jobs.

Results come back in input order. Workers build their own pipeline once
(models load per process) and return plain Analyses without the parse,
which is large and only needed inside the pipeline.
"""
from __future__ import annotations

import multiprocessing as mp
import multiprocessing.pool
from typing import Iterable, Iterator, Sequence

from ..errors import InputError
from ..model import Analysis, Document
from ..assembly import DEFAULT_STAGES
from ..pipeline import Pipeline

_worker_pipeline: Pipeline | None = None


def _init_worker(stage_names: Sequence[str]) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline.from_names(stage_names)


def _run(doc: Document) -> Analysis | InputError:
    assert _worker_pipeline is not None
    return run_safely(_worker_pipeline, doc)


def run_safely(pipeline: Pipeline, doc: Document) -> Analysis | InputError:
    """A stage bug on one article becomes that article's error, not the batch's end."""
    try:
        analysis = pipeline.run(doc)
    except Exception as e:  # noqa: BLE001
        return InputError(doc.source, f"analysis failed ({type(e).__name__}: {e})")
    analysis.scratch.clear()
    return analysis


def analyze_stream(items: Iterable[object], jobs: int = 1,
                   stage_names: Sequence[str] = DEFAULT_STAGES) -> Iterator[object]:
    """Analyse each Document; anything else (an InputError, a marker) passes
    through in place, so results stay in input order."""
    if jobs <= 1:
        pipeline = Pipeline.from_names(stage_names)
        for item in items:
            yield run_safely(pipeline, item) if isinstance(item, Document) else item
        return
    ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(tuple(stage_names),)) as pool:
        pending: list = []
        for item in items:
            pending.append(pool.apply_async(_run, (item,)) if isinstance(item, Document) else item)
            # bounded look-ahead keeps memory flat on huge batches
            while len(pending) > jobs * 4:
                yield _resolve(pending.pop(0))
        for p in pending:
            yield _resolve(p)


def _resolve(p):
    return p.get() if isinstance(p, mp.pool.AsyncResult) else p
