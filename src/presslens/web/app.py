"""The FastAPI application: `create_app(db_path, ...)`.

Handlers are thin: each page and its JSON twin call the same read model in
queries.py over the Store. Run it with `presslens serve`, or in tests with
`fastapi.testclient.TestClient(create_app(path))`.
"""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Callable, Iterable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..ingest import DEFAULT_MAX_BYTES
from ..model import Analysis, Document
from .intake import AnalysisFailed
from .workers import DEFAULT_MAX_PENDING, DEFAULT_WORKERS, AnalysisWorkers, Busy
from .render import page
from .routes import ROUTERS
from .security import GuardMiddleware
from .state import WebState

log = logging.getLogger("presslens.web")
STATIC = Path(__file__).parent / "static"
# Multipart framing and form fields on top of the largest accepted file.
BODY_OVERHEAD = 64 * 1024


def create_app(db_path: str | Path, token: str | None = None, *,
               analyzer: Callable[[Document], Analysis] | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES, max_articles: int = 20,
               allowed_hosts: Iterable[str] | None = None, workers: int = DEFAULT_WORKERS,
               max_pending: int = DEFAULT_MAX_PENDING, prestart_workers: bool = False) -> FastAPI:
    """The web app over the store at `db_path` (created if missing).

    `token`: when set, write endpoints need it (`presslens serve` sets one
    whenever it binds beyond loopback). `analyzer`: Document -> Analysis,
    default the full pipeline in `workers` processes; tests pass a fast fake.
    `allowed_hosts`: the Host names requests may carry (`presslens serve`
    passes the loopback names plus the bound address, against DNS
    rebinding); None checks none, for in-process use. `max_pending`: articles
    queued or in analysis before writes get 503. `prestart_workers`: load the
    analysis workers' models at startup rather than on the first write.
    """
    web = WebState(db_path=str(db_path), analyzer=analyzer, token=token, max_bytes=max_bytes,
                   max_articles=max_articles, workers=AnalysisWorkers(analyzer, workers, max_pending))

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        web.open()
        if prestart_workers:
            web.workers.start()
        yield
        web.close()

    app = FastAPI(
        lifespan=lifespan,
        title="presslens",
        version=__version__,
        description="Evidence-linked reading of news articles. Every HTML page has a JSON twin under /api; "
                    "every list takes ?format=json|csv|jsonl. Write endpoints need `Authorization: Bearer TOKEN` "
                    "when the server was started with a token.",
        docs_url=None, redoc_url=None,  # both load scripts from a CDN; /api is the offline reference
    )
    app.state.web = web
    web.open()  # fail at startup, not on the first request, when the store cannot be opened
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.add_middleware(GuardMiddleware, max_body=max_bytes + BODY_OVERHEAD,
                       allowed_hosts=None if allowed_hosts is None else frozenset(h.lower() for h in allowed_hosts))
    _install_error_pages(app)
    _install_api_reference(app)

    return app


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api") or path.startswith("/openapi")) and request.method in ("GET", "HEAD")


def _install_error_pages(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if _wants_html(request):
            return page("error.html", status_code=exc.status_code, page_title=str(exc.status_code),
                        status_code_=exc.status_code, message=exc.detail,
                        suggestions=getattr(exc, "suggestions", []))
        body: dict[str, Any] = {"detail": exc.detail}
        if getattr(exc, "suggestions", None):
            body["suggestions"] = exc.suggestions
        return JSONResponse(body, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(AnalysisFailed)
    async def analysis_failed(request: Request, exc: AnalysisFailed):
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": str(exc)}, status_code=422)
        return page("error.html", status_code=422, page_title="422", status_code_=422, message=str(exc),
                    suggestions=[])

    @app.exception_handler(Busy)
    async def busy(request: Request, exc: Busy):
        headers = {"Retry-After": str(exc.retry_after)}
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": str(exc)}, status_code=503, headers=headers)
        resp = page("error.html", status_code=503, page_title="503", status_code_=503, message=str(exc),
                    suggestions=[])
        resp.headers.update(headers)
        return resp

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, exc: RequestValidationError):
        errors = [{k: e.get(k) for k in ("loc", "msg", "type")} for e in exc.errors()]
        if _wants_html(request):
            msg = "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in errors)
            return page("error.html", status_code=422, page_title="422", status_code_=422,
                        message=f"invalid request: {msg}", suggestions=[])
        return JSONResponse({"detail": errors}, status_code=422)


def _install_api_reference(app: FastAPI) -> None:
    @app.get("/api", response_class=HTMLResponse, tags=["pages"], summary="API reference (HTML twin of /openapi.json)")
    def api_reference(request: Request) -> HTMLResponse:
        ops = []
        for path, item in app.openapi()["paths"].items():
            for method, op in item.items():
                params = [p["name"] for p in op.get("parameters", [])]
                ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                            "description": op.get("description", ""), "params": params})
        ops.sort(key=lambda o: (not o["path"].startswith("/api"), o["path"], o["method"]))
        return page("api.html", page_title="API", ops=ops, token_required=request.app.state.web.token is not None,
                    json_url="/openapi.json")
