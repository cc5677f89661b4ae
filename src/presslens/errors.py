"""Named exceptions; every message is one line that names the input and the reason."""
from __future__ import annotations


class PresslensError(Exception):
    """Base of every error presslens raises on purpose."""


class InputError(PresslensError):
    """An input could not be read as an article. `where` is the file (and line)."""

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: {reason}")


class PipelineError(PresslensError):
    """Stages are mis-ordered, unknown, or broke their declared contract."""


class StoreError(PresslensError):
    """The store could not be opened, migrated or written."""
