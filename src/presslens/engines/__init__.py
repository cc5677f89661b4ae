"""Engines run one Pipeline over many documents; every engine gives the same results."""
from .local import analyze_stream

__all__ = ["analyze_stream"]
