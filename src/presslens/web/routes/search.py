"""Full-text search with filters, HTML and JSON."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse

from ..listing import ListFormat, list_response
from ..queries import search_rows, snippet_html
from ..render import page, query_url
from ..state import WebState, web_state
from .common import Format, Limit, Offset, Text

router = APIRouter()

FILTER_LABELS = [("source", "source"), ("language", "language"), ("date_from", "from"), ("date_to", "to"),
                 ("entity", "entity"), ("speaker", "speaker"), ("technique", "technique"), ("frame", "frame")]
Query_ = Annotated[str, Query(max_length=500, description='words or FTS5 syntax ("exact phrase", a OR b, court*)')]
Date = Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD (inclusive)")]


@dataclass
class Filters:
    """The search filters, as query parameters."""

    source: Text = None
    language: Text = None
    date_from: Date = None
    date_to: Date = None
    entity: Text = None
    speaker: Text = None
    technique: Text = None
    frame: Text = None

    def as_dict(self) -> dict[str, str | None]:
        return dict(self.__dict__)


@router.get("/search", response_class=HTMLResponse, tags=["pages"], summary="Search page (HTML)")
def search_page(q: Annotated[str, Query(max_length=500)] = "", limit: Limit = 20, offset: Offset = 0,
                f: Filters = Depends(), web: WebState = Depends(web_state)):
    rows = []
    if q.strip():
        with web.db() as store:
            rows = search_rows(store, q, limit, offset, f.as_dict())
        for r in rows:
            r["snippet_html"] = snippet_html(r["snippet"])
    params = {"q": q, "limit": limit, **f.as_dict()}
    return page("search.html", page_title=f"Search: {q}" if q else "Search", q=q, rows=rows, filters=f.as_dict(),
                filter_labels=FILTER_LABELS, limit=limit, offset=offset,
                api_url=query_url("/api/search", offset=offset, **params),
                prev_url=query_url("/search", offset=max(0, offset - limit), **params),
                next_url=query_url("/search", offset=offset + limit, **params),
                json_url=query_url("/api/search", offset=offset, **params) if q else None)


@router.get("/api/search", tags=["search"], summary="Full-text search, ranked (BM25) with snippets",
            description="Snippets mark each match as [word]. Filters narrow the articles searched; "
                        "entity and speaker match names containing the value.")
def search_api(q: Query_, limit: Limit = 20, offset: Offset = 0, format: Format = ListFormat.json,
               f: Filters = Depends(), web: WebState = Depends(web_state)):
    with web.db() as store:
        rows = search_rows(store, q, limit, offset, f.as_dict())
    return list_response(rows, format, "search", query=q, limit=limit, offset=offset)
