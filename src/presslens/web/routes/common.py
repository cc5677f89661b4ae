"""Parameters and errors shared by the route modules."""
from __future__ import annotations

from typing import Annotated

from fastapi import HTTPException, Query

from ...errors import StoreError
from ..listing import ListFormat
from ..state import WebState

Limit = Annotated[int, Query(ge=1, le=1000, description="rows per page")]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000, description="rows to skip")]
Format = Annotated[ListFormat, Query(description="json (default), or a csv / jsonl download")]
# Free-text parameters are bounded so a query cannot be megabytes long.
Text = Annotated[str | None, Query(max_length=500)]

NOT_FOUND = {404: {"description": "no such article or entity"}}


def resolve_article(web: WebState, ref: str) -> tuple[str, dict]:
    """The stored record for an id or unique id prefix, else 404."""
    with web.db() as store:
        try:
            doc_id = store.resolve_id(ref)
        except StoreError as e:
            raise HTTPException(status_code=404, detail=str(e).replace(store.path, "the store")) from None
        record = store.get(doc_id)
    if record is None:
        raise HTTPException(status_code=404, detail=f"{ref}: article has no analysis")
    return doc_id, record
