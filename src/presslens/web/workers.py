"""Where the web server analyses: a pool beside the event loop, with a bounded queue.

The full pipeline runs in worker processes (spaCy and the encoder hold the
GIL; in threads they would slow every page read), two by default so a small
article need not wait behind a maximal one. A test's stand-in analyser runs
in a thread instead. Work waiting or running is capped by articles and by
bytes; past the cap a write is refused (503 with Retry-After) rather than
queued without end.
"""
from __future__ import annotations

import asyncio
import multiprocessing as mp
import threading
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable

from ..errors import ArticleFailed
from ..model import Analysis, Document

DEFAULT_WORKERS = 2
DEFAULT_MAX_PENDING = 200  # articles queued or running; above 100 concurrent writes on purpose
DEFAULT_MAX_PENDING_BYTES = 256 * 1024 * 1024
RETRY_AFTER_S = 5


class Busy(Exception):
    """The analysis queue is full: try again after `retry_after` seconds."""

    def __init__(self, retry_after: int = RETRY_AFTER_S) -> None:
        super().__init__(f"the analysis queue is full; retry in {retry_after} s")
        self.retry_after = retry_after


class WorkerLost(Exception):
    """A worker process died while running a job (killed, out of memory)."""


def _warm_worker(stage_names: tuple[str, ...]) -> None:
    from ..engines.local import _init_worker, _run
    from ..ingest.text import document_from_text

    _init_worker(stage_names)
    _run(document_from_text("Warm-up. The minister said the plan would work."))  # load the models now


def _analyse_in_worker(doc: Document) -> Analysis | ArticleFailed:
    from ..engines.local import _run

    return _run(doc)


class AnalysisWorkers:
    """Runs `analyze(doc)` off the event loop; `None` analyser means the full pipeline in processes."""

    def __init__(self, analyzer: Callable[[Document], Analysis] | None, workers: int = DEFAULT_WORKERS,
                 max_pending: int = DEFAULT_MAX_PENDING, max_pending_bytes: int = DEFAULT_MAX_PENDING_BYTES) -> None:
        self.analyzer = analyzer
        self.workers = max(1, workers)
        self.max_pending = max_pending
        self.max_pending_bytes = max_pending_bytes
        self._lock = threading.Lock()
        self._pending = 0
        self._pending_bytes = 0
        self._pool: Executor | None = None

    # -- the pool ----------------------------------------------------------
    def _executor(self) -> Executor:
        with self._lock:
            if self._pool is None:
                self._pool = self._make_pool()
            return self._pool

    def _make_pool(self) -> Executor:
        if self.analyzer is not None:
            return ThreadPoolExecutor(max_workers=1, thread_name_prefix="presslens-analysis")
        from ..assembly import DEFAULT_STAGES

        ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
        return ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_warm_worker,
                                   initargs=(tuple(DEFAULT_STAGES),))

    def start(self) -> None:
        """Start the workers and load their models now, not on the first write."""
        if self.analyzer is None:
            pool = self._executor()
            for _ in range(self.workers):
                pool.submit(int)

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    # -- admission ---------------------------------------------------------
    def reserve(self, docs: list[Document]) -> int:
        """Admit these articles to the queue or raise Busy; returns the bytes held (give them back with release)."""
        return self.admit(len(docs), sum(len(d.raw) + len(d.text) for d in docs))

    def admit(self, n: int, size: int) -> int:
        """Admit `n` jobs holding `size` bytes (articles, or an upload to parse) or raise Busy."""
        with self._lock:
            if self._pending and (self._pending + n > self.max_pending
                                  or self._pending_bytes + size > self.max_pending_bytes):
                raise Busy()
            self._pending += n
            self._pending_bytes += size
        return size

    def release(self, n: int, size: int) -> None:
        with self._lock:
            self._pending -= n
            self._pending_bytes -= size

    @property
    def pending(self) -> int:
        return self._pending

    # -- running -----------------------------------------------------------
    async def analyse(self, doc: Document) -> Analysis | ArticleFailed:
        try:
            return await asyncio.wrap_future(self._submit(doc))
        except BrokenProcessPool:
            self._reset()
            return ArticleFailed(doc.source, "the analysis worker stopped (out of memory or killed); not analysed",
                                 document_id=doc.id, kind="analysis")

    async def offload(self, fn: Callable, *args):
        """`fn(*args)` off the event loop: in a worker process beside the pipeline (so a
        slow reader such as trafilatura on a large page does not hold this process's
        GIL while pages are served), or in a thread with a stand-in analyser."""
        if self.analyzer is not None:
            from starlette.concurrency import run_in_threadpool

            return await run_in_threadpool(fn, *args)
        try:
            return await asyncio.wrap_future(self._executor().submit(fn, *args))
        except BrokenProcessPool:
            self._reset()
            raise WorkerLost() from None

    def _submit(self, doc: Document) -> Future:
        if self.analyzer is None:
            return self._executor().submit(_analyse_in_worker, doc)
        return self._executor().submit(_guarded, self.analyzer, doc)

    def _reset(self) -> None:
        with self._lock:
            broken, self._pool = self._pool, None
        if broken is not None:
            broken.shutdown(wait=False, cancel_futures=True)


def _guarded(analyzer: Callable[[Document], Analysis], doc: Document) -> Analysis | ArticleFailed:
    """An in-thread analyser's exception as the article's failure, like run_safely in the workers."""
    try:
        return analyzer(doc)
    except Exception as e:  # noqa: BLE001
        return ArticleFailed(doc.source, f"analysis failed ({type(e).__name__}: {e})", document_id=doc.id)
