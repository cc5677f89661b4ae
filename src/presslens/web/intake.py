"""Turning a pasted text or an uploaded file into stored analyses.

Used by both `POST /api/analyze` and the Add page. Every way input can be
wrong ends in an IntakeError with a 4xx status and a one-line reason; only
a failing analysis stage (a bug, not bad input) is left to surface as 500.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from typing import Any

from ..errors import InputError
from ..ingest import read_one
from ..ingest.text import document_from_text
from ..model import Document
from .state import WebState

log = logging.getLogger("presslens.web")


class AnalysisFailed(Exception):
    """A stage raised: a presslens bug, not bad input (answered with 500 and the reason)."""


class IntakeError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclasses.dataclass(frozen=True)
class Meta:
    """What the user may say about the input besides its content."""

    title: str | None = None
    source: str | None = None
    published: str | None = None

    @classmethod
    def clean(cls, title: Any, source: Any, published: Any) -> "Meta":
        def text(v: Any, name: str, cap: int = 500) -> str | None:
            if v is None:
                return None
            if not isinstance(v, str):
                raise IntakeError(422, f"{name} must be text")
            v = v.strip()
            if len(v) > cap:
                raise IntakeError(422, f"{name} is longer than {cap} characters")
            return v or None

        published = text(published, "published", 10)
        if published:
            try:
                published = dt.date.fromisoformat(published).isoformat()
            except ValueError:
                raise IntakeError(422, f"published must be a date as YYYY-MM-DD, not {published!r}") from None
        return cls(text(title, "title"), text(source, "source"), published)

    def apply(self, doc: Document, *, keep_source: bool) -> Document:
        changes: dict[str, Any] = {}
        if self.title:
            changes["title"] = self.title
        if self.published:
            changes["published"] = self.published
        if self.source and not keep_source:
            changes["source"] = self.source
        return dataclasses.replace(doc, **changes) if changes else doc


def from_text(text: Any, meta: Meta) -> list[Document]:
    if not isinstance(text, str):
        raise IntakeError(422, "text must be a string")
    if not text.strip():
        raise IntakeError(422, "text is empty: nothing to analyse")
    if "\x00" in text:
        raise IntakeError(422, "text contains NUL characters: not plain text")
    doc = document_from_text(text, source=meta.source or "web:pasted")
    return [meta.apply(doc, keep_source=True)]


def from_upload(raw: bytes, filename: str, meta: Meta, max_bytes: int, max_articles: int) -> tuple[list[Document], list[str]]:
    """Every article in an uploaded file; the reasons for the parts that could not be read."""
    name = (filename or "upload").replace("\\", "/").rsplit("/", 1)[-1][:200] or "upload"
    source = meta.source or f"upload:{name}"
    docs: list[Document] = []
    problems: list[str] = []
    try:
        for item in read_one(raw, name, max_bytes=max_bytes):
            if isinstance(item, InputError):
                problems.append(item.reason if item.where == name else str(item))
                continue
            docs.append(item)
            if len(docs) > max_articles:
                raise IntakeError(422, f"{name}: holds more than {max_articles} articles; "
                                       "use `presslens analyze` for batches")
    except InputError as e:
        raise IntakeError(422, f"{name}: {e.reason}") from None
    except IntakeError:
        raise
    except Exception as e:  # noqa: BLE001 - a reader bug on odd input is still the input's 4xx
        raise IntakeError(422, f"{name}: unreadable ({type(e).__name__}: {e})") from None
    if not docs:
        raise IntakeError(422, f"{name}: no article found" + (f" ({'; '.join(problems[:3])})" if problems else ""))
    if len(docs) == 1:
        # one article: the form's title/date override the file's, and the upload names its source
        docs = [dataclasses.replace(meta.apply(docs[0], keep_source=True), source=source)]
    # several articles (a feed, JSON Lines, WARC) keep each one's own metadata
    return docs, problems


def analyze_and_store(web: WebState, docs: list[Document]) -> list[tuple[dict[str, Any], bool]]:
    """(stored record, newly analysed?) for each document, in order.

    A document this pipeline version already analysed is not analysed again.
    """
    out = []
    version = getattr(web.analyzer, "version", None)
    for doc in docs:
        if version:
            with web.db() as store:
                if store.has_analysis(doc.id, version):
                    out.append((store.get(doc.id, version), False))
                    continue
        with web.analysis_lock:
            try:
                analysis = web.analyzer(doc)
            except Exception as e:  # noqa: BLE001 - reported to the client as a clear 500
                log.exception("analysis of %s failed", doc.source)
                raise AnalysisFailed(f"analysis failed inside the pipeline ({type(e).__name__}: {e}); "
                                     "this is a presslens bug, please report it") from e
        with web.db() as store:
            saved = store.save(analysis)
            record = store.get(doc.id, analysis.pipeline_version) or analysis.to_dict()
        out.append((record, saved.new_analysis))
    return out
