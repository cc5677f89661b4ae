"""Stages and the pipeline that runs them in a checked order.

A stage is a small named, versioned callable: it reads what it `requires`
from an Analysis and returns a dict with exactly the fields it `assigns`.
The pipeline checks the order once, at construction, and checks each
stage's output as it runs, so a stage that forgets a field fails loudly
instead of leaving a silently empty annotation.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Protocol, runtime_checkable

from .errors import PipelineError
from .model import ANNOTATION_FIELDS, Analysis, Document


@runtime_checkable
class Stage(Protocol):
    name: str
    version: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, analysis: Analysis) -> dict[str, Any]: ...


@dataclass
class FunctionStage:
    """Wraps a plain function `analysis -> dict` as a Stage."""

    name: str
    version: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    func: Callable[[Analysis], dict[str, Any]]

    def __call__(self, analysis: Analysis) -> dict[str, Any]:
        return self.func(analysis)


_REGISTRY: dict[str, Callable[[], Stage]] = {}


def register(name: str) -> Callable[[Callable[[], Stage]], Callable[[], Stage]]:
    """Register a stage factory under `name` (factories keep model loads lazy)."""

    def deco(factory: Callable[[], Stage]) -> Callable[[], Stage]:
        _REGISTRY[name] = factory
        return factory

    return deco


def stage(name: str, version: str, requires: Iterable[str] = (), assigns: Iterable[str] = ()):
    """Decorator: register a plain function as a stage."""

    def deco(func: Callable[[Analysis], dict[str, Any]]) -> Callable[[Analysis], dict[str, Any]]:
        made = FunctionStage(name, version, tuple(requires), tuple(assigns), func)
        _REGISTRY[name] = lambda: made
        return func

    return deco


def registered() -> list[str]:
    _load_builtin_stages()
    return sorted(_REGISTRY)


def get_stage(name: str) -> Stage:
    _load_builtin_stages()
    try:
        return _REGISTRY[name]()
    except KeyError:
        raise PipelineError(f"unknown stage {name!r}; known: {', '.join(sorted(_REGISTRY))}") from None


def _variant(name: str) -> Stage | None:
    _load_builtin_stages()
    factory = _REGISTRY.get(name)
    return factory() if factory else None


def _load_builtin_stages() -> None:
    from . import stages  # noqa: F401  (importing registers them)


# Fields present before any stage runs.
_GIVEN = frozenset({"document"})

DEFAULT_STAGES = ("repair", "parse", "entities", "quotes", "events", "framing")


@dataclass
class Pipeline:
    stages: list[Stage] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    route_languages: bool = True  # pick stage variants by the document's language (lang/routing.py)

    def __post_init__(self) -> None:
        self.check_order()

    @classmethod
    def from_names(cls, names: Iterable[str] = DEFAULT_STAGES) -> "Pipeline":
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

            document, stages = route(self.stages, document, _variant)
        # the stages that really ran: a Russian article names parse_ru@…, an unanalysed language only repair
        version = self.version if stages == self.stages else "+".join(f"{s.name}@{s.version}" for s in stages)
        analysis = Analysis(document=document, pipeline_version=version)
        for s in stages:
            t0 = time.perf_counter()
            out = s(analysis)
            self.timings[s.name] = self.timings.get(s.name, 0.0) + time.perf_counter() - t0
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
