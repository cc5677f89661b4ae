"""The article list and the article view, HTML and JSON."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from ...attribution.acts import for_reader
from ..highlight import ENTITY_TYPES, article_html
from ..listing import ListFormat, list_response
from ..queries import article_rows
from ..render import article_url, page
from ..state import WebState, web_state
from .common import NOT_FOUND, Format, Limit, Offset, resolve_article

router = APIRouter()
ArticleRef = Annotated[str, Path(max_length=200, description="article id (sha256:…) or a unique prefix of it")]
SIDE_TEXT = 300  # characters of a quote shown in the side panel


def _cut(text: str, start: int, end: int, width: int = SIDE_TEXT) -> str:
    s = " ".join(text[max(0, start):max(0, end)].split())
    return s if len(s) <= width else s[: width - 1] + "…"


def article_context(r: dict[str, Any], all_acts: bool = False) -> dict[str, Any]:
    """Everything the article template shows, derived from one record."""
    text = r.get("text") or ""
    names = {e["id"]: e["name"] for e in r.get("entities") or []}

    def arg(a: dict | None) -> str | None:
        return (a.get("name") or names.get(a.get("entity") or "") or a.get("text")) if a else None

    # the side panel: speech and writing by people and organisations, every type with `all_acts`;
    # `index` keeps each quote's anchor in the marked text
    quotes = [{"speaker": (q.get("speaker") or {}).get("name"), "kind": q.get("kind"),
               "cue": (q.get("cue") or {}).get("text"), "channel": q.get("channel"), "act": q.get("act"),
               "content": _cut(text, q["start"], q["end"]), "index": i} for i, q in enumerate(r.get("quotes") or [])
              if all_acts or for_reader(q.get("act"), q.get("source_kind"))]
    entities = sorted(
        ({"name": e["name"], "type": e.get("type", ""), "roles": e.get("roles") or [],
          "mentions": len(e.get("mentions") or []),
          "css": e.get("type") if e.get("type") in ENTITY_TYPES else "OTHER"} for e in r.get("entities") or []),
        key=lambda e: (-e["mentions"], e["name"]))
    events = [{"type": ev.get("type"), "date": ev.get("date"), "actor": arg(ev.get("actor")),
               "target": arg(ev.get("target")),
               "trigger": _cut(text, ev["trigger"]["start"], ev["trigger"]["end"], 80)} for ev in r.get("events") or []]
    techniques = [{"label": t["label"], "text": _cut(text, t["start"], t["end"], 160)} for t in r.get("techniques") or []]
    damage = [{"kind": d.get("kind"), "note": d.get("note"), "text": _cut(text, d["start"], d["end"], 160)}
              for d in r.get("damage") or []]
    boilerplate = [{"kind": b.get("kind"), "chars": b["end"] - b["start"]} for b in r.get("boilerplate") or []]
    hidden = len(r.get("quotes") or []) - len(quotes)
    return {"r": r, "marked": article_html(r), "quotes": quotes, "all_acts": all_acts, "hidden_quotes": hidden, "entities": entities, "events": events,
            "techniques": techniques, "damage": damage, "boilerplate": boilerplate, "entity_types": ENTITY_TYPES}


@router.get("/articles", response_class=HTMLResponse, tags=["pages"], summary="Article list (HTML)")
def articles_page(limit: Limit = 50, offset: Offset = 0, web: WebState = Depends(web_state)):
    with web.db() as store:
        rows = article_rows(store, limit, offset)
    return page("articles.html", page_title="Articles", rows=rows, limit=limit, offset=offset,
                json_url=f"/api/articles?limit={limit}&offset={offset}")


@router.get("/api/articles", tags=["articles"], summary="List stored articles",
            description="Newest-first is not implied: articles come in ingest order. "
                        "`format=csv|jsonl` downloads the same rows.")
def articles_api(limit: Limit = 50, offset: Offset = 0, format: Format = ListFormat.json,
                 web: WebState = Depends(web_state)):
    with web.db() as store:
        rows = article_rows(store, limit, offset)
    for row in rows:
        row["url_html"] = article_url(row["id"])
    return list_response(rows, format, "articles", limit=limit, offset=offset)


@router.get("/articles/{ref}", response_class=HTMLResponse, tags=["pages"], responses=NOT_FOUND,
            summary="Article view (HTML): the text with every annotation drawn")
def article_page(ref: ArticleRef, web: WebState = Depends(web_state),
                 show_all: Annotated[bool, Query(alias="all", description="side panel lists every attribution type")] = False):
    doc_id, record = resolve_article(web, ref)
    ctx = article_context(record, all_acts=show_all)
    return page("article.html", page_title=record.get("title") or record.get("source") or doc_id,
                json_url=f"/api/articles/{doc_id}", **ctx)


@router.get("/api/articles/{ref}", tags=["articles"], responses=NOT_FOUND,
            summary="One article in the output contract (presslens.article/1)")
def article_api(ref: ArticleRef, web: WebState = Depends(web_state)) -> JSONResponse:
    _, record = resolve_article(web, ref)
    return JSONResponse(record)
