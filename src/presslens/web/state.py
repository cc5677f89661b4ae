"""What every request handler shares: the store, the analyser, settings.

The store holds one SQLite connection used from FastAPI's thread pool, so
every call on it goes through one lock (a write transaction and a read must
never interleave on one connection). Analysis runs outside that lock, in the
worker pool of workers.py, so page reads never wait for an analysis.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator
from contextlib import contextmanager

from fastapi import Request

from ..model import Analysis, Document
from ..store import Store
from .workers import AnalysisWorkers


@dataclass
class WebState:
    db_path: str
    analyzer: Callable[[Document], Analysis] | None  # None: the full pipeline, in worker processes
    token: str | None = None
    max_bytes: int = 10 * 1024 * 1024
    max_articles: int = 20
    store_lock: threading.RLock = field(default_factory=threading.RLock)
    cache: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    store: Store | None = None
    workers: AnalysisWorkers | None = None
    _version: str | None = None

    def __post_init__(self) -> None:
        if self.workers is None:
            self.workers = AnalysisWorkers(self.analyzer)

    @property
    def pipeline_version(self) -> str | None:
        """The version analyses are stored under (to skip an article already analysed)."""
        if self.analyzer is not None:
            return getattr(self.analyzer, "version", None)
        if self._version is None:
            from ..assembly import DEFAULT_STAGES
            from ..pipeline import Pipeline, get_stage

            self._version = Pipeline([get_stage(n) for n in DEFAULT_STAGES]).version
        return self._version

    def open(self) -> None:
        with self.store_lock:
            if self.store is None:
                self.store = Store(self.db_path)

    def close(self) -> None:
        """At app shutdown; a later request (or a restarted app) opens the store again."""
        self.workers.close()
        with self.store_lock:
            if self.store is not None:
                self.store.close()
                self.store = None

    @contextmanager
    def db(self) -> Iterator[Store]:
        with self.store_lock:
            if self.store is None:
                self.store = Store(self.db_path)
            yield self.store

    def cached(self, name: str, key: Any, compute: Callable[[], Any]) -> Any:
        """`compute()` once per `key` (e.g. the store's counts): cheap reloads of costly pages."""
        hit = self.cache.get(name)
        if hit is not None and hit[0] == key:
            return hit[1]
        value = compute()
        self.cache[name] = (key, value)
        return value


def web_state(request: Request) -> WebState:
    return request.app.state.web
