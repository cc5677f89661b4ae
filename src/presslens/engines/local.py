"""The local engine: in-process, or a pool of worker processes with --jobs.

Results come back in input order. Workers build their own pipeline once
(models load per process) and return plain Analyses without the parse,
which is large and only needed inside the pipeline.
"""
from __future__ import annotations

import multiprocessing as mp
import multiprocessing.pool
import signal
import threading
import traceback
from collections import deque
from contextlib import contextmanager
from typing import Iterable, Iterator, Sequence

from ..bounds import ARTICLE_TIMEOUT_S, check_text
from ..errors import ArticleFailed, InputError, TextTooLong
from ..model import Analysis, Document
from ..assembly import DEFAULT_STAGES
from ..pipeline import Pipeline

_worker_pipeline: Pipeline | None = None
_LOOKAHEAD = 4  # articles in flight per worker


def _init_worker(stage_names: Sequence[str]) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline.from_names(stage_names)


def _run(doc: Document) -> Analysis | ArticleFailed:
    assert _worker_pipeline is not None
    return run_safely(_worker_pipeline, doc)


def run_safely(pipeline: Pipeline, doc: Document, timeout_s: float | None = ARTICLE_TIMEOUT_S) -> Analysis | ArticleFailed:
    """A stage bug, an over-long text or a timeout on one article becomes that
    article's recorded failure, not the batch's end."""
    try:
        check_text(doc.text, doc.source)
        with _time_limit(timeout_s):
            analysis = pipeline.run(doc)
    except TextTooLong as e:
        return ArticleFailed(doc.source, e.reason, document_id=doc.id, kind="input")
    except _ArticleTimeout:
        return ArticleFailed(doc.source, f"analysis ran past its time limit of {timeout_s:g} s",
                             document_id=doc.id, stage=_stage_of_last_timeout, kind="timeout")
    except Exception as e:  # noqa: BLE001
        stage = _failing_stage(e)
        where = f" in stage {stage}" if stage else ""
        return ArticleFailed(doc.source, f"analysis failed{where} ({type(e).__name__}: {e})",
                             document_id=doc.id, stage=stage)
    analysis.scratch.clear()
    return analysis


class _ArticleTimeout(BaseException):
    """Raised by the alarm; a BaseException so no stage's `except Exception` swallows it."""


_stage_of_last_timeout: str | None = None


@contextmanager
def _time_limit(seconds: float | None):
    """SIGALRM bound on one analysis where signals work (a main thread on POSIX);
    elsewhere (web threads) the text-size cap is the bound."""
    usable = (seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
              and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None))
    if not usable:
        yield
        return

    def ring(_signum, frame):
        global _stage_of_last_timeout
        _stage_of_last_timeout = _stage_in_frames(frame)
        raise _ArticleTimeout()

    signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)


def _failing_stage(e: BaseException) -> str | None:
    """The name of the stage Pipeline.run was running when `e` was raised."""
    for frame, _ in traceback.walk_tb(e.__traceback__):
        if frame.f_code is Pipeline.run.__code__:
            running = frame.f_locals.get("s")
            return getattr(running, "name", None)
    return None


def _stage_in_frames(frame) -> str | None:
    while frame is not None:
        if frame.f_code is Pipeline.run.__code__:
            return getattr(frame.f_locals.get("s"), "name", None)
        frame = frame.f_back
    return None


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
        pending: deque = deque()
        for item in items:
            pending.append((item, pool.apply_async(_run, (item,))) if isinstance(item, Document) else item)
            # bounded look-ahead keeps memory flat on huge batches: the input is pulled only
            # as results leave, so at most jobs * _LOOKAHEAD articles are held
            while len(pending) > jobs * _LOOKAHEAD:
                yield _resolve(pending.popleft(), _LOOKAHEAD + 2)
        while pending:
            yield _resolve(pending.popleft(), _LOOKAHEAD + 2)


def _resolve(p, turns: int):
    """A finished item. Every article stops at its own time limit, so one that
    has not come back after `turns` limits lost its worker (killed, out of
    memory): its failure, rather than a batch that waits for ever."""
    if not isinstance(p, tuple):
        return p
    doc, result = p
    try:
        return result.get(timeout=ARTICLE_TIMEOUT_S * turns)
    except mp.TimeoutError:
        return ArticleFailed(doc.source, "no result from its worker process (killed or out of memory)",
                             document_id=doc.id, kind="analysis")
