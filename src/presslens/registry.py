"""The stage registry: what a stage is and the names stages are known by.

A stage module registers itself here (`@stage(...)` or `@register(...)`) when it
is imported; this module imports no stage and no pipeline. The loop that runs
stages lives in pipeline.py, and which stages make the default pipeline, in
which order, in assembly.py, so the dependencies run one way:

    registry  <-  stages/*        (register into it)
    registry  <-  pipeline        (the loop looks names up)
    pipeline, stages  <-  assembly (the default pipeline, per language)
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Protocol, runtime_checkable

from .errors import PipelineError
from .model import Analysis


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


def _load_builtin_stages() -> None:
    # The built-in stages are found the way a plugin would be: by importing the
    # package that registers them, on the first lookup rather than at import time.
    import importlib

    importlib.import_module("presslens.stages")


def registered() -> list[str]:
    _load_builtin_stages()
    return sorted(_REGISTRY)


def get_stage(name: str) -> Stage:
    _load_builtin_stages()
    try:
        return _REGISTRY[name]()
    except KeyError:
        raise PipelineError(f"unknown stage {name!r}; known: {', '.join(sorted(_REGISTRY))}") from None


def variant(name: str) -> Stage | None:
    """The stage registered as `name`, or None: language routing asks for `parse_ru` and
    keeps the English stage where no variant exists."""
    _load_builtin_stages()
    factory = _REGISTRY.get(name)
    return factory() if factory else None
