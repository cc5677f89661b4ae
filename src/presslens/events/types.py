"""The event types presslens reports, and how each maps onto PLOVER.

PLOVER (Political Language Ontology for Verifiable Event Records, the
successor of CAMEO) has 18 root categories. We keep a finer, analyst-facing
set for the legal chain and public life, and record the PLOVER root each
type falls under so event data can be pooled with PLOVER-coded sets.
PLOVER deliberately codes no plain statements, elections or appointments;
those map to None (statement keeps CAMEO's 01 "make public statement").
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventType:
    name: str
    plover: str | None
    description: str


EVENT_TYPES: dict[str, EventType] = {t.name: t for t in (
    EventType("statement", None, "a public statement: said, wrote, announced, shared an opinion (CAMEO 01)"),
    EventType("accuse", "DISAPPROVE", "accuse, blame, criticise or condemn someone"),
    EventType("demand", "DEMAND", "appeal, call on, urge, demand or request"),
    EventType("investigate", "INVESTIGATE", "open or conduct an investigation, search, probe"),
    EventType("arrest", "COERCE", "arrest, detain, take into custody"),
    EventType("charge", "DISAPPROVE", "formally charge, indict, prosecute, open a criminal case against"),
    EventType("trial", "COERCE", "try in court, a trial or hearing"),
    EventType("convict", "COERCE", "convict, find guilty"),
    EventType("acquit", "CONCEDE", "acquit, find not guilty, drop charges"),
    EventType("sentence", "COERCE", "sentence, fine or jail: the penalty imposed"),
    EventType("release", "CONCEDE", "release or free from custody, pardon"),
    EventType("appeal", "REJECT", "appeal a court decision"),
    EventType("protest", "PROTEST", "protest, rally, demonstration, strike, boycott"),
    EventType("meet", "CONSULT", "meet, hold talks, visit, a summit"),
    EventType("agree", "AGREE", "sign or reach an agreement, deal or treaty"),
    EventType("attack", "ASSAULT", "attack, strike, shell, bomb, kill, injure"),
    EventType("sanction", "SANCTION", "impose sanctions, embargo, ban, expel"),
    EventType("elect", None, "an election, a vote, winning an election or primary"),
    EventType("appoint", None, "appoint, nominate, name to a post"),
    EventType("resign", None, "resign, step down, be dismissed"),
)}

__all__ = ["EventType", "EVENT_TYPES"]
