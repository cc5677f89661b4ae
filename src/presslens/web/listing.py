"""Any list the API returns, as JSON, CSV or JSON Lines (`?format=`)."""
from __future__ import annotations

import csv
import io
import json
from enum import Enum
from typing import Any, Iterable

from fastapi import Response
from fastapi.responses import JSONResponse


class ListFormat(str, Enum):
    json = "json"
    csv = "csv"
    jsonl = "jsonl"


# A spreadsheet runs a cell starting with one of these as a formula; titles
# and quotes are untrusted, so such cells get a leading apostrophe (OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(items: Iterable[dict[str, Any]]) -> str:
    rows = list(items)
    fields: list[str] = []
    for r in rows:  # union of keys, first-seen order: rows may differ in optional keys
        fields.extend(k for k in r if k not in fields)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: _cell(v) for k, v in r.items()})
    return buf.getvalue()


def to_jsonl(items: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in items)


def list_response(items: list[dict[str, Any]], fmt: ListFormat, name: str, **extra: Any) -> Response:
    """`{"items": [...], "count": n, **extra}` as JSON, or the bare rows as a download."""
    if fmt == ListFormat.csv:
        return Response(to_csv(items), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    if fmt == ListFormat.jsonl:
        return Response(to_jsonl(items), media_type="application/x-ndjson",
                        headers={"Content-Disposition": f'attachment; filename="{name}.jsonl"'})
    return JSONResponse({"count": len(items), **extra, "items": items})
