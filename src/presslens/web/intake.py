"""Turning a pasted text or an uploaded file into stored analyses.

Used by both `POST /api/analyze` and the Add page. Every way input can be
wrong ends in an IntakeError with a 4xx status and a one-line reason. An
article whose analysis fails (a stage raised, a limit was hit) is recorded in
the store's failures and answered with 422 and the reason; a full analysis
queue with 503 and Retry-After. Readers and the pipeline run off the event loop.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from typing import Any

from starlette.concurrency import run_in_threadpool

from ..bounds import check_text
from ..errors import ArticleFailed, InputError, PipelineError, TextTooLong, one_line
from ..ingest import read_one
from ..ingest.text import document_from_text
from ..model import Analysis, Document
from .state import WebState

log = logging.getLogger("presslens.web")


class AnalysisFailed(Exception):
    """An article could not be analysed or stored (answered with 422 and the reason)."""


class IntakeError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message

    def __reduce__(self):  # raised in a worker process, re-raised here
        return (type(self), (self.status, self.message))


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
    name = one_line((filename or "upload").replace("\\", "/").rsplit("/", 1)[-1][:200]) or "upload"
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
    except Exception:  # noqa: BLE001 - a reader bug on odd input is still the input's 4xx
        # the exception's own text may quote internals; the client gets a generic reason, the log the rest
        log.exception("reading upload %s failed", one_line(name))
        raise IntakeError(422, f"{name}: unreadable input (the file could not be parsed)") from None
    if not docs:
        raise IntakeError(422, f"{name}: no article found" + (f" ({'; '.join(problems[:3])})" if problems else ""))
    if len(docs) == 1:
        # one article: the form's title/date override the file's, and the upload names its source
        docs = [dataclasses.replace(meta.apply(docs[0], keep_source=True), source=source)]
    # several articles (a feed, JSON Lines, WARC) keep each one's own metadata
    return docs, problems


async def analyze_and_store(web: WebState, docs: list[Document]) -> tuple[list[tuple[dict[str, Any], bool]], list[str]]:
    """(stored record, newly analysed?) for each article that could be analysed,
    in order, and the reasons for those that could not (each recorded in the
    store's failures). Raises AnalysisFailed when none could; Busy when the
    analysis queue is full. An article this pipeline version already analysed
    is not analysed again."""
    version = web.pipeline_version
    held = web.workers.reserve(docs)
    out: list[tuple[dict[str, Any], bool]] = []
    failed: list[str] = []
    try:
        for doc in docs:
            if version:
                stored = await run_in_threadpool(_stored, web, doc, version)
                if stored is not None:
                    out.append((stored, False))
                    continue
            result: Analysis | ArticleFailed
            try:
                check_text(doc.text, doc.source)
                result = await web.workers.analyse(doc)
            except TextTooLong as e:
                result = ArticleFailed(doc.source, e.reason, document_id=doc.id, kind="input")
            if not isinstance(result, ArticleFailed):
                result = await run_in_threadpool(_save, web, result)
            if isinstance(result, ArticleFailed):
                log.warning("article failed: %s", result)
                await run_in_threadpool(_record, web, result, version or "")
                failed.append(str(result))
                continue
            out.append(result)
    finally:
        web.workers.release(len(docs), held)
    if not out:
        raise AnalysisFailed("; ".join(failed[:3]) or "no article could be analysed")
    return out, failed


def _stored(web: WebState, doc: Document, version: str) -> dict[str, Any] | None:
    """The stored record of this pipeline for `doc`, under the version routing gives its
    language (a Russian article records parse_ru@…), or None."""
    from ..lang.routing import routed_version

    try:
        routed = routed_version([part.split("@", 1)[0] for part in version.split("+")], doc)
    except PipelineError:  # a pipeline of stages outside the registry is never routed
        routed = version
    with web.db() as store:
        return store.get(doc.id, routed) if store.has_analysis(doc.id, routed) else None


def _save(web: WebState, analysis: Analysis) -> tuple[dict[str, Any], bool] | ArticleFailed:
    doc = analysis.document
    try:
        with web.db() as store:
            saved = store.save(analysis)
            record = store.get(doc.id, analysis.pipeline_version) or analysis.to_dict()
    except Exception as e:  # noqa: BLE001 - one unstorable article is that article's failure
        log.exception("storing %s failed", one_line(doc.source))
        return ArticleFailed(doc.source, f"could not be stored ({type(e).__name__})", document_id=doc.id, kind="store")
    return record, saved.new_analysis


def _record(web: WebState, failure: ArticleFailed, version: str) -> None:
    try:
        with web.db() as store:
            store.record_failure(failure.where, failure.reason, kind=failure.kind, document_id=failure.document_id,
                                 stage=failure.stage, pipeline_version=version)
    except Exception:  # noqa: BLE001 - the client still gets the reason
        log.exception("recording the failure of %s failed", failure.where)
