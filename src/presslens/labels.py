"""Frame and technique labels as a person types them.

The SemEval names are spelled `Crime_and_punishment`, `Name_Calling-Labeling`;
a person types "crime and punishment", "name calling". A typed label resolves
to the one known label it names, where case, underscores, hyphens and spaces
do not count; the known labels are those the framing model can emit plus any
already in the store (from an older model).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .errors import PresslensError

KINDS = {"frame": ("frames", "frames"), "technique": ("tech", "techniques")}  # kind -> (model head, store table)


def _key(label: str) -> str:
    return re.sub(r"[\W_]+", " ", label).strip().casefold()


@lru_cache(maxsize=None)
def _model_labels(head: str) -> tuple[str, ...]:
    try:
        from .framing.heads import load_heads
        from .framing.predict import MODEL_DIR

        return load_heads(MODEL_DIR / "heads.npz")[head].labels
    except Exception:  # noqa: BLE001 - no model shipped: the store's labels are all there is
        return ()


def known_labels(kind: str, stored: list[str] | tuple[str, ...] = ()) -> list[str]:
    head, _ = KINDS[kind]
    return sorted(set(_model_labels(head)) | set(stored), key=str.casefold)


def resolve_label(kind: str, typed: str, known: list[str]) -> str:
    """The known label `typed` names; a PresslensError listing the valid labels when none."""
    key = _key(typed)
    exact = [k for k in known if _key(k) == key]
    if exact:
        return exact[0]
    # a unique prefix of words is what a person means: "name calling" -> Name_Calling-Labeling
    prefix = [k for k in known if _key(k).startswith(key + " ")] if key else []
    if len(prefix) == 1:
        return prefix[0]
    raise PresslensError(f"unknown {kind} {typed!r}; valid {kind}s: {', '.join(known)}")


def table_of(kind: str) -> str:
    return KINDS[kind][1]
