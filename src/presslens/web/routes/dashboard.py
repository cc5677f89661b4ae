"""The dashboard: the corpus over time, drawn as inline SVG."""
from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from ..charts import bar_chart, line_chart
from ..queries import dashboard_data, dashboard_key
from ..render import page
from ..state import WebState, web_state

router = APIRouter()


def _data(web: WebState) -> dict:
    with web.db() as store:
        # one pass over every stored analysis: recomputed only when the store changed
        return web.cached("dashboard", dashboard_key(store), lambda: dashboard_data(store))


@router.get("/", include_in_schema=False)
def home() -> RedirectResponse:
    return RedirectResponse("/dashboard", status_code=307)


@router.get("/dashboard", response_class=HTMLResponse, tags=["pages"], summary="Dashboard (HTML)")
def dashboard_page(web: WebState = Depends(web_state)):
    d = _data(web)
    charts = {
        "articles": bar_chart(d["articles_by_month"], "articles per month"),
        "techniques": line_chart(d["techniques_by_month"], d["months"], "techniques per month"),
        "frames": line_chart(d["frames_by_month"], d["months"], "frames per month"),
    }
    return page("dashboard.html", page_title="Dashboard", d=d, charts=charts, json_url="/api/dashboard")


@router.get("/api/dashboard", tags=["dashboard"], summary="Corpus counts over time, top speakers and entities")
def dashboard_api(web: WebState = Depends(web_state)) -> JSONResponse:
    return JSONResponse(_data(web))
