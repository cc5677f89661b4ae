"""Invented articles in the output contract, shared by the web tests.

Offsets are computed from the text with `find`, so each record is correct
by construction; nothing here comes from a real article.
"""
from __future__ import annotations

import hashlib
from typing import Any

from presslens.model import SCHEMA, Analysis, Document

ARTICLE_TEXT = (
    "Harbour council rejects port expansion plan\n\n"
    "Subscribe to our newsletter for the latest news from the coast.\n\n"
    "NORRVIK, 12 March. The Harbour Council of Norrvik voted on Tuesday to reject the port expansion plan "
    "proposed by Baltic Freight Lines. Councillor Maria Lindqvist called the plan a reckless giveaway of public land.\n\n"
    "\u201cWe will not sell the waterfront to the highest bidder,\u201d Lindqvist said after the vote.\n\n"
    "The company's director, Jonas Ek, said the decision would cost the town hundreds of jobs. "
    "Ek wrote on Telegram that Baltic Freight Lines would appeal.\n\n"
    "tThe vote was 7 to 2.\n\n"
    "Read more: Ferry timetable changes | Weather for the weekend"
)


def _span(text: str, needle: str, nth: int = 0) -> dict[str, int]:
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    return {"start": at, "end": at + len(needle)}


def _id(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_record() -> dict[str, Any]:
    t = ARTICLE_TEXT
    s = lambda needle, nth=0: _span(t, needle, nth)  # noqa: E731
    # the first word of a found phrase (the phrase makes the place unambiguous)
    head = lambda phrase: {"start": s(phrase)["start"], "end": s(phrase)["start"] + len(phrase.split()[0])}  # noqa: E731
    ek = head("Ek wrote")
    q1 = s("We will not sell the waterfront to the highest bidder,")
    q2 = s("the decision would cost the town hundreds of jobs")
    q3 = s("Baltic Freight Lines would appeal")
    return {
        "schema": SCHEMA, "id": _id(t), "source": "fixtures/harbour.txt", "url": "https://example.org/harbour",
        "title": "Harbour council rejects port expansion plan", "published": "2024-03-12", "language": "en",
        "text": t,
        "boilerplate": [{**s("Subscribe to our newsletter for the latest news from the coast."), "kind": "promo"},
                        {**s("Read more: Ferry timetable changes | Weather for the weekend"), "kind": "related-links"}],
        "damage": [{**s("tThe vote"), "kind": "splice", "note": "stray letter from a cut sentence"}],
        "entities": [
            {"id": "E1", "name": "Maria Lindqvist", "type": "PERSON", "aliases": ["Lindqvist"],
             "roles": ["councillor"], "mentions": [s("Maria Lindqvist"), s("Lindqvist", 1)]},
            {"id": "E2", "name": "Harbour Council", "type": "ORG", "aliases": [], "roles": [],
             "mentions": [s("Harbour Council")]},
            {"id": "E3", "name": "Norrvik", "type": "GPE", "aliases": [], "roles": [],
             "mentions": [s("NORRVIK"), s("Norrvik")]},
            {"id": "E4", "name": "Baltic Freight Lines", "type": "ORG", "aliases": [], "roles": ["port operator"],
             "mentions": [s("Baltic Freight Lines"), s("Baltic Freight Lines", 1)]},
            {"id": "E5", "name": "Jonas Ek", "type": "PERSON", "aliases": ["Ek"], "roles": ["director"],
             "mentions": [s("Jonas Ek"), ek]},
        ],
        "quotes": [
            {"kind": "direct", **q1, "speaker": {"entity": "E1", "name": "Maria Lindqvist", **head("Lindqvist said")},
             "cue": {"text": "said", **head("said after")}, "channel": None},
            {"kind": "indirect", **q2, "speaker": {"entity": "E5", "name": "Jonas Ek", **s("Jonas Ek")},
             "cue": {"text": "said", **head("said the decision")}, "channel": None},
            {"kind": "indirect", **q3, "speaker": {"entity": "E5", "name": "Jonas Ek", **ek},
             "cue": {"text": "wrote", **s("wrote")}, "channel": "Telegram"},
        ],
        "events": [
            {"type": "vote", "trigger": s("voted"), "actor": {"text": "The Harbour Council of Norrvik",
             **s("The Harbour Council of Norrvik"), "entity": "E2", "name": "Harbour Council"},
             "target": None, "date": "2024-03-12", "attributes": {}},
            {"type": "appeal", "trigger": s("appeal"), "actor": {"text": "Baltic Freight Lines",
             **s("Baltic Freight Lines", 1), "entity": "E4", "name": "Baltic Freight Lines"},
             "target": None, "date": None, "attributes": {}},
        ],
        "genre": {"label": "reporting", "score": 0.91},
        "frames": [{"label": "Economic", "score": 0.8, "evidence": [q2]}],
        "techniques": [{"label": "Loaded_Language", **s("a reckless giveaway of public land"), "score": 0.77}],
    }


XSS = [
    "<script>alert('xss-script')</script>",
    "<img src=x onerror=alert('xss-img')>",
    "\"><svg onload=alert('xss-svg')>",
    "<iframe src=\"javascript:alert('xss-iframe')\"></iframe>",
    "{{7*7}} ${7*7} <b id=injected-b>bold</b>",
]


def hostile_record() -> dict[str, Any]:
    """An article whose every string field carries script payloads."""
    payload = " ".join(XSS)
    t = f"Breaking {XSS[0]} news.\n\n\u201c{XSS[1]} is fine,\u201d said {XSS[2]} yesterday.\n\n{XSS[3]} {XSS[4]} end"
    s = lambda needle: _span(t, needle)  # noqa: E731
    return {
        "schema": SCHEMA, "id": _id(t), "source": f"evil/{XSS[1]}", "url": "javascript:alert('xss-url')",
        "title": f"Hostile {XSS[0]} {XSS[2]}", "published": "2024-04-01", "language": "en", "text": t,
        "boilerplate": [{**s(XSS[3]), "kind": payload}],
        "damage": [{**s(XSS[4]), "kind": XSS[1], "note": payload}],
        "entities": [{"id": "E1", "name": f"Evil {XSS[2]}", "type": f"PERSON{XSS[1]}", "aliases": [XSS[0]],
                      "roles": [payload], "mentions": [s(XSS[2])]}],
        "quotes": [{"kind": f"direct{XSS[2]}", **s(f"{XSS[1]} is fine,"),
                    "speaker": {"entity": "E1", "name": f"Evil {XSS[2]}", **s(XSS[2])},
                    "cue": {"text": XSS[0], **s("said")}, "channel": XSS[1]}],
        "events": [{"type": XSS[0], "trigger": s("Breaking"), "actor": {"text": XSS[1], **s(XSS[2]),
                    "entity": None, "name": XSS[2]}, "target": None, "date": XSS[4][:10], "attributes": {}}],
        "genre": {"label": XSS[0], "score": 0.5},
        "frames": [{"label": XSS[1], "score": 0.5, "evidence": []}],
        "techniques": [{"label": XSS[2], **s("news"), "score": 0.5}],
    }


def save(store, record: dict[str, Any], version: str = "fixture@1") -> str:
    analysis = Analysis.from_dict(record, raw=record["text"].encode("utf-8"))
    analysis.pipeline_version = version
    store.save(analysis)
    return record["id"]


def fake_analyzer(document: Document) -> Analysis:
    """Instant stand-in for the pipeline: one entity per capitalised word pair, no spaCy."""
    import re

    ents = []
    for i, m in enumerate(re.finditer(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", document.text)):
        ents.append({"id": f"E{i + 1}", "name": m.group(0), "type": "PERSON", "aliases": [], "roles": [],
                     "mentions": [{"start": m.start(), "end": m.end()}]})
    d = {"schema": SCHEMA, "id": document.id, "source": document.source, "url": document.url,
         "title": document.title, "published": document.published, "language": document.language,
         "text": document.text, "entities": ents, "meta": {"format": document.format}}
    a = Analysis.from_dict(d, raw=document.raw)
    a.pipeline_version = fake_analyzer.version
    return a


fake_analyzer.version = "fake@1"  # type: ignore[attr-defined]


def store_with(path, *records: dict[str, Any]):
    """A store file at `path` holding the given fixture records."""
    from presslens.store import Store

    with Store(path) as store:
        for record in records:
            save(store, record)
    return path


def client_for(db_path):
    """An in-process client of the app over `db_path`, analysing with the fake analyzer."""
    from fastapi.testclient import TestClient

    from presslens.web import create_app

    return TestClient(create_app(db_path, analyzer=fake_analyzer))
