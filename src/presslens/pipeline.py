"""The pipeline: runs stages in a checked order.

A stage (registry.py) is a small named, versioned callable: it reads what it
`requires` from an Analysis and returns a dict with exactly the fields it
`assigns`. The pipeline checks the order once, at construction, and checks each
stage's output as it runs, so a stage that forgets a field fails loudly instead
of leaving a silently empty annotation. Which stages make the default pipeline
is decided in assembly.py; this module imports no stage.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Iterable

from .errors import PipelineError
from .model import ANNOTATION_FIELDS, Analysis, Document
# Re-exported: stages and tests written against `presslens.pipeline` keep working.
from .registry import _REGISTRY, FunctionStage, Stage, get_stage, register, registered, stage, variant  # noqa: F401


# Fields present before any stage runs.
_GIVEN = frozenset({"document"})


@dataclass
class Pipeline:
    stages: list[Stage] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # wall seconds per stage, summed over runs
    # CPU seconds of this process per stage: on a shared machine wall time also counts other people's load
    cpu_timings: dict[str, float] = field(default_factory=dict)
    route_languages: bool = True  # pick stage variants by the document's language (lang/routing.py)

    def __post_init__(self) -> None:
        self.check_order()

    @classmethod
    def from_names(cls, names: Iterable[str]) -> "Pipeline":
        return cls([get_stage(n) for n in names])

    def check_order(self) -> None:
        have = set(_GIVEN)
        for s in self.stages:
            missing = [r for r in s.requires if r not in have]
            if missing:
                raise PipelineError(
                    f"stage {s.name!r} requires {', '.join(missing)}, which no earlier stage assigns"
                )
            have.update(s.assigns)

    @property
    def version(self) -> str:
        return "+".join(f"{s.name}@{s.version}" for s in self.stages)

    def run(self, document: Document) -> Analysis:
        stages: list[Stage] = self.stages
        if self.route_languages:
            from .lang.routing import route

            document, stages = route(self.stages, document, variant)
        # the stages that really ran: a Russian article names parse_ru@…, an unanalysed language only repair
        version = self.version if stages == self.stages else "+".join(f"{s.name}@{s.version}" for s in stages)
        analysis = Analysis(document=document, pipeline_version=version)
        for s in stages:
            t0, c0 = time.perf_counter(), time.process_time()
            out = s(analysis)
            self.timings[s.name] = self.timings.get(s.name, 0.0) + time.perf_counter() - t0
            self.cpu_timings[s.name] = self.cpu_timings.get(s.name, 0.0) + time.process_time() - c0
            if set(out) != set(s.assigns):
                raise PipelineError(
                    f"stage {s.name!r} returned {sorted(out)}, declared {sorted(s.assigns)}"
                )
            for key, value in out.items():
                if key in ANNOTATION_FIELDS:
                    analysis.annotations[key] = value
                else:
                    analysis.scratch[key] = value
        return analysis

    def __call__(self, document: Document) -> Analysis:
        return self.run(document)
