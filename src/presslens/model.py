"""The document model: one immutable text, every finding a typed record with
character offsets into it (Python string indices, end exclusive).

Records are frozen dataclasses so a stage cannot quietly edit what an earlier
stage found; `to_dict`/`from_dict` give the JSON shape of the output contract
(docs/schema.md).
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any

SCHEMA = "presslens.article/1"


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise ValueError(f"bad span ({self.start}, {self.end})")

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Boilerplate:
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Damage:
    start: int
    end: int
    kind: str  # fused | splice | truncated | duplicated | mojibake | reversed-quotes
    note: str = ""


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str = ""


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    latin: str | None = None  # canonical Latin transliteration of a non-Latin name


@dataclass(frozen=True)
class Speaker:
    entity: str | None
    name: str
    start: int
    end: int
    latin: str | None = None


@dataclass(frozen=True)
class Cue:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Quote:
    kind: str  # direct | mixed | indirect
    start: int
    end: int
    speaker: Speaker | None = None
    cue: Cue | None = None
    channel: str | None = None
    act: str | None = None  # speech | writing | thought | perception | intention
    source_kind: str | None = None  # person | organisation | group | document | unnamed
    group: str | None = None  # provenance group shared across articles (corpus layer)


@dataclass(frozen=True)
class Argument:
    """An event participant: an entity reference when resolvable, else the text."""

    text: str
    start: int
    end: int
    entity: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Event:
    type: str
    trigger: Span
    actor: Argument | None = None
    target: Argument | None = None
    date: str | None = None
    location: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Label:
    label: str
    score: float
    unsure: bool = False  # the calibrated score is below the model's confidence line


@dataclass(frozen=True)
class Frame:
    label: str
    score: float
    evidence: tuple[Span, ...] = ()
    unsure: bool = False


@dataclass(frozen=True)
class Technique:
    label: str
    start: int
    end: int
    score: float


@dataclass(frozen=True)
class Document:
    """What was ingested: the immutable text plus where it came from.

    `raw` is the input exactly as read (bytes), kept so any analysis can be
    re-run; it never enters the JSON output.
    """

    id: str
    source: str
    text: str
    raw: bytes = b""
    url: str | None = None
    title: str | None = None
    published: str | None = None
    language: str = "en"
    author: str | None = None
    site: str | None = None
    format: str = "txt"
    metadata: dict[str, Any] = field(default_factory=dict)

    @staticmethod
    def make_id(raw: bytes) -> str:
        return "sha256:" + hashlib.sha256(raw).hexdigest()


# The annotation fields of the output contract, in contract order, with the
# empty value each has before a stage fills it.
ANNOTATION_FIELDS: dict[str, Any] = {
    "boilerplate": [],
    "damage": [],
    "entities": [],
    "quotes": [],
    "events": [],
    "genre": None,
    "frames": [],
    "techniques": [],
}


@dataclass
class Analysis:
    """One document with the annotations stages have added so far.

    `annotations` holds contract fields (typed records); `scratch` holds
    working values stages share but that are not part of the output
    (the spaCy parse, sentence spans).
    """

    document: Document
    annotations: dict[str, Any] = field(default_factory=dict)
    scratch: dict[str, Any] = field(default_factory=dict)
    pipeline_version: str = ""

    def get(self, name: str) -> Any:
        if name in self.annotations:
            return self.annotations[name]
        if name in self.scratch:
            return self.scratch[name]
        if name in ANNOTATION_FIELDS:
            default = ANNOTATION_FIELDS[name]
            return list(default) if isinstance(default, list) else default
        raise KeyError(name)

    def boilerplate_spans(self) -> list[Span]:
        return [Span(b.start, b.end) for b in self.get("boilerplate")]

    def in_boilerplate(self, start: int, end: int) -> bool:
        """True when more than half of [start, end) lies in boilerplate."""
        if end <= start:
            return any(b.start <= start < b.end for b in self.get("boilerplate"))
        covered = sum(max(0, min(end, b.end) - max(start, b.start)) for b in self.get("boilerplate"))
        return covered * 2 > end - start

    def to_dict(self) -> dict[str, Any]:
        d = self.document
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "id": d.id,
            "source": d.source,
            "url": d.url,
            "title": d.title,
            "published": d.published,
            "language": d.language,
            "text": d.text,
        }
        for name in ANNOTATION_FIELDS:
            out[name] = _plain(self.get(name))
        out["meta"] = {
            "pipeline": self.pipeline_version,
            "format": d.format,
            "author": d.author,
            "site": d.site,
            **({"metadata": d.metadata} if d.metadata else {}),
        }
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any], raw: bytes = b"") -> "Analysis":
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} record: schema={data.get('schema')!r}")
        meta = data.get("meta") or {}
        doc = Document(
            id=data["id"], source=data["source"], text=data["text"], raw=raw,
            url=data.get("url"), title=data.get("title"), published=data.get("published"),
            language=data.get("language") or "en", author=meta.get("author"), site=meta.get("site"),
            format=meta.get("format") or "txt", metadata=meta.get("metadata") or {},
        )
        ann = {
            "boilerplate": [Boilerplate(**b) for b in data.get("boilerplate", [])],
            "damage": [Damage(**x) for x in data.get("damage", [])],
            "entities": [_entity(e) for e in data.get("entities", [])],
            "quotes": [_quote(q) for q in data.get("quotes", [])],
            "events": [_event(e) for e in data.get("events", [])],
            "genre": Label(**data["genre"]) if data.get("genre") else None,
            "frames": [Frame(f["label"], f["score"], tuple(Span(**s) for s in f.get("evidence", [])),
                             bool(f.get("unsure", False)))
                       for f in data.get("frames", [])],
            "techniques": [Technique(**t) for t in data.get("techniques", [])],
        }
        return cls(document=doc, annotations=ann, pipeline_version=meta.get("pipeline", ""))


def _plain(value: Any) -> Any:
    """Dataclasses (nested, in tuples) to JSON-ready dicts and lists."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _entity(e: dict[str, Any]) -> Entity:
    return Entity(
        id=e["id"], name=e["name"], type=e["type"], aliases=tuple(e.get("aliases", ())),
        roles=tuple(e.get("roles", ())), mentions=tuple(Mention(**m) for m in e.get("mentions", ())),
        latin=e.get("latin"),
    )


def _quote(q: dict[str, Any]) -> Quote:
    return Quote(
        kind=q["kind"], start=q["start"], end=q["end"],
        speaker=Speaker(**q["speaker"]) if q.get("speaker") else None,
        cue=Cue(**q["cue"]) if q.get("cue") else None,
        channel=q.get("channel"), act=q.get("act"), source_kind=q.get("source_kind"),
        group=q.get("group"),
    )


def _argument(a: dict[str, Any] | None) -> Argument | None:
    return Argument(**a) if a else None


def _event(e: dict[str, Any]) -> Event:
    return Event(
        type=e["type"], trigger=Span(**e["trigger"]), actor=_argument(e.get("actor")),
        target=_argument(e.get("target")), date=e.get("date"), location=e.get("location"),
        attributes=dict(e.get("attributes") or {}),
    )


__all__ = [
    "SCHEMA", "Span", "Boilerplate", "Damage", "Mention", "Entity", "Speaker", "Cue", "Quote",
    "Argument", "Event", "Label", "Frame", "Technique", "Document", "Analysis", "ANNOTATION_FIELDS",
    "asdict",
]
