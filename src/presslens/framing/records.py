"""What a framing model reads and returns, shared by every language's model."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Frame, Label, Technique


@dataclass(frozen=True)
class Paragraph:
    start: int  # global offset of text[0]
    text: str


@dataclass(frozen=True)
class Result:
    genre: Label | None
    frames: list[Frame]
    techniques: list[Technique]
