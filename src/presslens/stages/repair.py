"""Text repair: flag web debris (boilerplate) and scraping damage. Never deletes.

Runs first, on the raw text, with regex/linear scans only (no spaCy), so
that later stages can skip boilerplate (the parse blanks it) and read
damage (e.g. a pronoun right after a splice may have lost its antecedent).
The detectors live in presslens.repair; this module only adapts them.
"""
from __future__ import annotations

from ..model import Analysis, Boilerplate, Damage
from ..registry import stage
from ..repair import find_boilerplate, find_damage


@stage("repair", version="2", requires=(), assigns=("boilerplate", "damage"))
def repair_stage(analysis: Analysis) -> dict:
    text = analysis.document.text or ""
    try:
        hits = find_boilerplate(text)
    except RecursionError:  # pathological input: annotate nothing rather than fail
        hits = []
    boilerplate = [Boilerplate(h.start, h.end, h.kind) for h in hits]
    damage = [Damage(d.start, d.end, d.kind, d.note) for d in find_damage(text, [(h.start, h.end) for h in hits])]
    return {"boilerplate": boilerplate, "damage": damage}
