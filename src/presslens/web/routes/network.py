"""Who quotes whom (the corpus network): an HTML page with an SVG drawing beside its JSON twin."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, JSONResponse

from ...corpus import network
from ..charts import line_chart
from ..render import page
from ..state import WebState, web_state
from .common import Limit

router = APIRouter()
Kind = Annotated[Literal["all", "quotes", "names"] | None,
                 Query(description="quotes: outlet → speaker; names: speaker → speaker (a quote naming another "
                                   "speaker); all (default): both")]
CHART_EDGES = 6  # edges drawn over time; more lines make the chart unreadable
QUOTES_READ = 50_000  # the page counts the latest quotes only, so it answers fast on a large store


def _network(web: WebState, kind: str | None, limit: int) -> dict:
    with web.db() as store:
        rows = list(store.quote_edges(limit=QUOTES_READ))
    g = network.build(rows)
    edges = network.edge_rows(g, None if kind in (None, "all") else kind, limit)
    months = sorted({m for e in edges for m in e["months"]})
    return {"nodes": g.number_of_nodes(), "edges_total": g.number_of_edges(), "quotes": len(rows),
            "quotes_read_at_most": QUOTES_READ, "months": months, "edges": edges}


@router.get("/network", response_class=HTMLResponse, tags=["pages"],
            summary="Who quotes whom (HTML): outlet → speaker and speaker → speaker edges with counts over time")
def network_page(kind: Kind = None, limit: Limit = 60, web: WebState = Depends(web_state)):
    n = _network(web, kind, limit)
    top = n["edges"][:CHART_EDGES]
    series = {f'{e["source"]} → {e["target"]}': e["months"] for e in top}
    chart = line_chart(series, n["months"], "quotes per month, heaviest edges")
    query = f"?limit={limit}" + (f"&kind={kind}" if kind else "")
    return page("network.html", page_title="Who quotes whom", n=n, drawing=network.svg(n["edges"]), chart=chart,
                kind=kind or "all", json_url=f"/api/network{query}")


@router.get("/api/network", tags=["corpus"],
            summary="Who quotes whom: edges heaviest first, each with its count per month")
def network_api(kind: Kind = None, limit: Limit = 60, web: WebState = Depends(web_state)) -> JSONResponse:
    return JSONResponse(_network(web, kind, limit))
