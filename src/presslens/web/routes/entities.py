"""Entities across the corpus, plus the quote and event lists they draw on."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import HTMLResponse, JSONResponse

from ..highlight import ENTITY_TYPES
from ..listing import ListFormat, list_response
from ..queries import entity_profile, entity_rows, entity_suggestions, event_rows, quote_rows, snippet_html
from ..render import entity_url, page, query_url
from ..state import WebState, web_state
from .common import NOT_FOUND, Format, Limit, Text

router = APIRouter()
EntityRef = Annotated[str, Path(max_length=300, description="the entity's canonical name (case-insensitive)")]


class EntityNotFound(HTTPException):
    def __init__(self, name: str, suggestions: list[str]) -> None:
        super().__init__(status_code=404, detail=f"no entity named {name!r} in the store")
        self.suggestions = suggestions


def _profile(web: WebState, ref: str) -> dict:
    with web.db() as store:
        profile = entity_profile(store, ref)
        if profile is None:
            raise EntityNotFound(ref, entity_suggestions(store, ref))
    return profile


@router.get("/entities", response_class=HTMLResponse, tags=["pages"], summary="Entity list (HTML)")
def entities_page(name: Text = None, limit: Limit = 100, web: WebState = Depends(web_state)):
    with web.db() as store:
        rows = entity_rows(store, name, limit)
    return page("entities.html", page_title="Entities", rows=rows, name=name, limit=limit, entity_types=ENTITY_TYPES,
                json_url=query_url("/api/entities", name=name, limit=limit))


@router.get("/api/entities", tags=["entities"], summary="Entities across the corpus, most widespread first",
            description="One row per canonical name and type, with how many articles mention it.")
def entities_api(name: Text = None, limit: Limit = 100, format: Format = ListFormat.json,
                 web: WebState = Depends(web_state)):
    with web.db() as store:
        rows = entity_rows(store, name, limit)
    for r in rows:
        r["url_html"] = entity_url(r["name"])
    return list_response(rows, format, "entities", limit=limit)


@router.get("/entities/{ref:path}", response_class=HTMLResponse, tags=["pages"], responses=NOT_FOUND,
            summary="Entity page (HTML): its quotes, events timeline, and the articles that mention it")
def entity_page(ref: EntityRef, web: WebState = Depends(web_state)):
    p = _profile(web, ref)
    for h in p["articles"]:
        h["snippet_html"] = snippet_html(h["snippet"])
    return page("entity.html", page_title=p["name"], p=p, json_url="/api" + entity_url(p["name"]))


@router.get("/api/entities/{ref:path}", tags=["entities"], responses=NOT_FOUND,
            summary="Everything by and about one entity",
            description="Entities are per-article records; across the corpus an entity is identified by its "
                        "canonical name. Returns its quotes, its events (as actor or target) in date order, "
                        "and the articles that mention it.")
def entity_api(ref: EntityRef, web: WebState = Depends(web_state)) -> JSONResponse:
    return JSONResponse(_profile(web, ref))


@router.get("/api/quotes", tags=["entities"], summary="Who said what across the corpus")
def quotes_api(q: Text = None, speaker: Text = None, channel: Text = None, limit: Limit = 100,
               format: Format = ListFormat.json, web: WebState = Depends(web_state),
               show_all: Annotated[bool, Query(alias="all", description="every attribution, not only speech and "
                                                                     "writing by people and organisations")] = False):
    with web.db() as store:
        rows = quote_rows(store, q, speaker, channel, limit, all_acts=show_all)
    return list_response(rows, format, "quotes", limit=limit)


@router.get("/api/events", tags=["entities"], summary="Events across the corpus in date order")
def events_api(entity: Text = None, type: Text = None, limit: Limit = 500, format: Format = ListFormat.json,
               web: WebState = Depends(web_state)):
    with web.db() as store:
        rows = event_rows(store, entity, type, limit)
    return list_response(rows, format, "events", limit=limit)
