"""Stories and quote traces (the corpus layer), each HTML page beside its JSON twin."""
from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path
from fastapi.responses import HTMLResponse, JSONResponse

from ...corpus import views
from ...errors import PresslensError
from ..charts import bar_chart
from ..render import page
from ..state import WebState, web_state
from .common import Limit

router = APIRouter()
Ref = Annotated[str, Path(max_length=500, description="a story id, or a quote group id or words of the quote")]


def _lookup(web: WebState, view, ref: str) -> dict:
    """A corpus view by reference; an unknown reference is a 404 with the reason."""
    with web.db() as store:
        try:
            return view(store, ref)
        except PresslensError as e:
            raise HTTPException(status_code=404, detail=str(e)) from None


def _story(web: WebState, ref: str) -> dict:
    return _lookup(web, views.story, ref)


def _trace(web: WebState, ref: str) -> dict:
    return _lookup(web, views.trace, ref)


@router.get("/stories", response_class=HTMLResponse, tags=["pages"], summary="Stories, largest first (HTML)")
def stories_page(limit: Limit = 50, web: WebState = Depends(web_state)):
    with web.db() as store:
        rows = list(views.stories(store, limit=limit))
    return page("stories.html", page_title="Stories", rows=rows, json_url=f"/api/stories?limit={limit}")


@router.get("/api/stories", tags=["corpus"], summary="Stories, largest first (the `stories --json` records)")
def stories_api(limit: Limit = 50, web: WebState = Depends(web_state)) -> JSONResponse:
    with web.db() as store:
        return JSONResponse(list(views.stories(store, limit=limit)))


@router.get("/stories/{ref}", response_class=HTMLResponse, tags=["pages"],
            summary="One story (HTML): its articles on a timeline, outlets, languages, entities, speakers")
def story_page(ref: Ref, web: WebState = Depends(web_state)):
    s = _story(web, ref)
    per_day = Counter((a["published"] or "")[:10] for a in s["articles"] if a["published"])
    chart = bar_chart(dict(sorted(per_day.items())), "articles per day")
    return page("story.html", page_title=s["title"] or s["id"], s=s, chart=chart, json_url=f"/api/stories/{s['id']}")


@router.get("/api/stories/{ref}", tags=["corpus"], summary="One story, with its frames per day")
def story_api(ref: Ref, web: WebState = Depends(web_state)) -> JSONResponse:
    return JSONResponse(_story(web, ref))


@router.get("/quotes/trace/{ref}", response_class=HTMLResponse, tags=["pages"],
            summary="A quote's provenance (HTML): first appearance, later ones, variants and drift")
def trace_page(ref: Ref, web: WebState = Depends(web_state)):
    t = _trace(web, ref)
    return page("trace.html", page_title=f"Quote {t['group']}", t=t, json_url=f"/api/quotes/trace/{t['group']}")


@router.get("/api/quotes/trace/{ref}", tags=["corpus"], summary="A quote's provenance (the `trace --json` record)")
def trace_api(ref: Ref, web: WebState = Depends(web_state)) -> JSONResponse:
    return JSONResponse(_trace(web, ref))
