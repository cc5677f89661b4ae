"""Text repair: find web debris (boilerplate) and scraping damage as spans.

Nothing here edits text; presslens.stages.repair turns the hits into the
contract's Boilerplate and Damage records.
"""
from __future__ import annotations

from .boilerplate import Hit, find_boilerplate
from .damage import DamageHit, find_damage

__all__ = ["Hit", "DamageHit", "find_boilerplate", "find_damage"]
