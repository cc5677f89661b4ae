"""Adding articles: the Add page and POST /api/analyze."""
from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException

from ..intake import IntakeError, Meta, analyze_and_store, from_text, from_upload
from ..render import article_url, page
from ..security import check_token
from ..state import WebState, web_state
from ..workers import WorkerLost

router = APIRouter()


class AnalyzeText(BaseModel):
    """A pasted article."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, description="the article text")
    title: str | None = Field(None, max_length=500, description="headline (default: guessed from the first line)")
    source: str | None = Field(None, max_length=500, description="where it came from (URL, outlet)")
    published: str | None = Field(None, max_length=10, description="YYYY-MM-DD")


_UPLOAD_SCHEMA = {
    "type": "object",
    "required": ["file"],
    "properties": {
        "file": {"type": "string", "format": "binary",
                 "description": "any format `presslens analyze` reads (.txt, .html, .jsonl, RSS/Atom, WARC, .gz)"},
        "title": {"type": "string", "maxLength": 500},
        "source": {"type": "string", "maxLength": 500},
        "published": {"type": "string", "maxLength": 10, "description": "YYYY-MM-DD"},
    },
}
_ERRORS = {
    400: {"description": "malformed request body"},
    401: {"description": "this server needs an access token for writes"},
    403: {"description": "cross-site write refused"},
    413: {"description": "request body over the size limit"},
    415: {"description": "neither JSON nor a multipart upload"},
    422: {"description": "the input holds no readable article, a field is invalid, or the analysis failed"},
    503: {"description": "the analysis queue is full; retry after the Retry-After seconds"},
}


async def _read_form(request: Request, web: WebState) -> tuple[dict[str, Any], UploadFile | None]:
    try:
        form = await request.form(max_files=1, max_fields=10, max_part_size=web.max_bytes)
    except MultiPartException as e:
        raise IntakeError(400, f"malformed form upload: {e.message}") from None
    except (ValueError, UnicodeDecodeError) as e:
        raise IntakeError(400, f"malformed form upload: {e}") from None
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    upload = form.get("file")
    if isinstance(upload, UploadFile) and (upload.filename or upload.size):
        return fields, upload
    return fields, None


async def _documents(fields: dict[str, Any], upload: UploadFile | None, web: WebState):
    meta = Meta.clean(fields.get("title"), fields.get("source"), fields.get("published"))
    text = fields.get("text")
    if upload is not None:
        if text and text.strip():
            raise IntakeError(422, "both text and a file were given: send one")
        raw = await upload.read()
        if not raw:
            raise IntakeError(422, f"{upload.filename or 'upload'}: empty file")
        # readers (trafilatura, warcio, feedparser) are CPU-bound: never on the event loop
        held = web.workers.admit(1, len(raw))
        try:
            return await web.workers.offload(from_upload, raw, upload.filename or "upload", meta, web.max_bytes,
                                             web.max_articles)
        except WorkerLost:
            raise IntakeError(422, f"{upload.filename or 'upload'}: the reader stopped (out of memory?); "
                                   "not analysed") from None
        finally:
            web.workers.release(1, held)
    if text is None:
        raise IntakeError(422, "nothing to analyse: give `text` or a `file`")
    return await run_in_threadpool(from_text, text, meta), []


@router.post(
    "/api/analyze", tags=["articles"], responses=_ERRORS, status_code=201,
    summary="Analyse a text or an uploaded file, store it, return it in the output contract",
    description="Send JSON `{\"text\", \"title\"?, \"source\"?, \"published\"?}` or a multipart upload with a "
                "`file` field. One article comes back as the output-contract object (with its `id`); a file "
                "holding several (a feed, JSON Lines, WARC) gives `{\"articles\": [...], \"problems\": [...]}`. "
                "201 when newly analysed, 200 when the store already held this analysis.",
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": AnalyzeText.model_json_schema()},
        "multipart/form-data": {"schema": _UPLOAD_SCHEMA},
    }}},
)
async def analyze_api(request: Request, web: WebState = Depends(web_state)) -> JSONResponse:
    check_token(request, web.token)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        if ctype == "application/json" or ctype.endswith("+json"):
            try:
                body = await run_in_threadpool(json.loads, await request.body())
            except ValueError:
                raise IntakeError(400, "body is not valid JSON") from None
            try:
                item = AnalyzeText.model_validate(body)
            except ValidationError as e:
                raise HTTPException(422, detail=[{k: err[k] for k in ("loc", "msg", "type")} for err in e.errors()])
            meta = Meta.clean(item.title, item.source, item.published)
            docs, problems = await run_in_threadpool(from_text, item.text, meta), []
        elif ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
            fields, upload = await _read_form(request, web)
            docs, problems = await _documents(fields, upload, web)
        else:
            raise IntakeError(415, "send JSON (application/json) or a file upload (multipart/form-data)")
    except IntakeError as e:
        return JSONResponse({"detail": e.message}, status_code=e.status)
    results, failed = await analyze_and_store(web, docs)
    problems = [*problems, *failed]
    status = 201 if any(new for _, new in results) else 200
    if len(results) == 1 and not problems:
        record = results[0][0]
        return JSONResponse(record, status_code=status, headers={"Location": f"/api/articles/{record['id']}"})
    return JSONResponse({"articles": [r for r, _ in results], "problems": problems}, status_code=status)


@router.get("/add", response_class=HTMLResponse, tags=["pages"], summary="Add page (HTML)")
def add_page(web: WebState = Depends(web_state)):
    return _add_form(web)


def _add_form(web: WebState, error: str | None = None, form: dict | None = None, status: int = 200) -> HTMLResponse:
    return page("add.html", status_code=status, page_title="Add an article", error=error, form=form or {},
                token_required=web.token is not None, max_bytes=web.max_bytes, max_articles=web.max_articles)


@router.post("/add", response_class=HTMLResponse, tags=["pages"], responses=_ERRORS,
             summary="Add page form submission: analyse, store, go to the article",
             openapi_extra={"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
                 "type": "object", "properties": {**_UPLOAD_SCHEMA["properties"], "text": {"type": "string"},
                                                  "token": {"type": "string"}}}}}}})
async def add_submit(request: Request, web: WebState = Depends(web_state)):
    fields: dict[str, Any] = {}
    try:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype not in ("multipart/form-data", "application/x-www-form-urlencoded"):
            raise IntakeError(415, "the Add form posts multipart/form-data")
        fields, upload = await _read_form(request, web)
        try:
            check_token(request, web.token, fields.get("token"))
        except HTTPException as e:
            raise IntakeError(401, str(e.detail)) from None
        docs, _ = await _documents(fields, upload, web)
    except IntakeError as e:
        keep = {k: fields.get(k) for k in ("title", "source", "published", "text")}
        return _add_form(web, error=e.message, form=keep, status=e.status)
    results, _ = await analyze_and_store(web, docs)
    if len(results) == 1:
        return RedirectResponse(article_url(results[0][0]["id"]), status_code=303)
    return RedirectResponse("/articles", status_code=303)
