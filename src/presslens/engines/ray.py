"""The Ray engine: the same Pipeline on a Ray cluster, results in input order.

For corpora past one machine. Each actor builds its pipeline once (models
load per actor); documents go out in bounded windows so a huge batch never
sits in the driver's memory at once. Needs the `ray` extra.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Sequence

from ..errors import PresslensError
from ..model import Document
from ..assembly import DEFAULT_STAGES
from ..pipeline import Pipeline
from .local import run_safely


def _import_ray():
    try:
        import ray
    except ImportError:
        raise PresslensError("the ray engine needs Ray: pip install 'presslens[ray]'") from None
    return ray


def analyze_stream(items: Iterable[object], jobs: int = 2, stage_names: Sequence[str] = DEFAULT_STAGES,
                   address: str | None = None, window: int = 256) -> Iterator[object]:
    """Like engines.local.analyze_stream: Documents analysed, anything else passed through in place."""
    ray = _import_ray()
    if not ray.is_initialized():
        ray.init(address=address, ignore_reinit_error=True, log_to_driver=False)

    @ray.remote
    class Worker:
        def __init__(self, names: Sequence[str]) -> None:
            self.pipeline = Pipeline.from_names(names)

        def run(self, doc: Document):
            return run_safely(self.pipeline, doc)

    pool = ray.util.ActorPool([Worker.remote(tuple(stage_names)) for _ in range(max(1, jobs))])

    def flush(batch: list[object]) -> Iterator[object]:
        docs = [x for x in batch if isinstance(x, Document)]
        results = iter(pool.map(lambda actor, doc: actor.run.remote(doc), docs))  # map keeps input order
        for x in batch:
            yield next(results) if isinstance(x, Document) else x

    batch: list[object] = []
    for item in items:
        batch.append(item)
        if len(batch) >= window:
            yield from flush(batch)
            batch = []
    yield from flush(batch)
