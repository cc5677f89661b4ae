"""Jinja2 templates, autoescape on for every template."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi.responses import HTMLResponse

from .. import __version__
from .security import safe_href

TEMPLATES = Path(__file__).parent / "templates"


def entity_url(name: Any) -> str:
    return "/entities/" + quote(str(name or ""), safe="")


def article_url(doc_id: Any) -> str:
    return "/articles/" + quote(str(doc_id or ""), safe=":")


def query_url(path: str, **params: Any) -> str:
    return path + "?" + urlencode({k: v for k, v in params.items() if v not in (None, "")})


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every template, whatever its extension
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["entity_url"] = entity_url
    env.filters["article_url"] = article_url
    env.filters["safe_href"] = safe_href
    env.filters["short_id"] = lambda i: str(i or "")[7:19]
    env.globals["query_url"] = query_url
    env.globals["version"] = __version__
    return env


def render(template: str, /, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def page(template: str, /, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(render(template, **context), status_code=status_code)
