"""Named exceptions; every message is one line that names the input and the reason."""
from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """`text` safe for one line of a message and for UTF-8: control characters
    (a newline in a file name) as escapes, undecodable bytes of a file name
    (surrogate escapes) as \\xNN."""
    text = _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    return _SURROGATE.sub(_escape_surrogate, text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_surrogate(m: re.Match) -> str:
    code = ord(m.group())
    # os.fsdecode turns each undecodable byte NN of a name into U+DCNN
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


class PresslensError(Exception):
    """Base of every error presslens raises on purpose."""


class InputError(PresslensError):
    """An input could not be read as an article. `where` is the file (and line)."""

    def __init__(self, where: str, reason: str) -> None:
        self.where = one_line(where)
        self.reason = one_line(reason)
        super().__init__(f"{self.where}: {self.reason}")

    def __reduce__(self):  # survive the trip back from a worker process
        return (type(self), (self.where, self.reason))


class ArticleFailed(InputError):
    """An article was read but its analysis or storage failed (a stage raised,
    it ran past its time limit, the store refused it). Recorded per article;
    the batch goes on."""

    def __init__(self, where: str, reason: str, *, document_id: str | None = None,
                 stage: str | None = None, kind: str = "analysis") -> None:
        super().__init__(where, reason)
        self.document_id = document_id
        self.stage = stage
        self.kind = kind  # analysis | timeout | input (over a limit) | store

    def __reduce__(self):  # survive the trip back from a worker process
        return (_rebuild_failure, (type(self), self.where, self.reason, self.document_id, self.stage, self.kind))


def _rebuild_failure(cls, where, reason, document_id, stage, kind):
    return cls(where, reason, document_id=document_id, stage=stage, kind=kind)


class TextTooLong(InputError):
    """An article's text is past the size one analysis may take (see README, Limits)."""


class PipelineError(PresslensError):
    """Stages are mis-ordered, unknown, or broke their declared contract."""


class StoreError(PresslensError):
    """The store could not be opened, migrated or written."""
