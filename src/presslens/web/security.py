"""Request limits, security headers, cross-site and token checks.

Article content is untrusted input that we display, so besides escaping
every value (Jinja2 autoescape, highlight.py) the pages are served under a
Content-Security-Policy that allows no script at all: even an escaping bug
could not run one. The pages need no JavaScript (the clean-view toggle and
the charts are CSS and SVG).
"""
from __future__ import annotations

import json
from html import escape as html_escape
import secrets
from typing import Any
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def is_loopback(host: str) -> bool:
    return host in LOOPBACK or host.startswith("127.")


async def _send_error(send, scope, status: int, detail: str) -> None:
    """JSON for the API, a small page for the HTML forms (e.g. an oversized upload on /add)."""
    if scope.get("path", "").startswith("/api"):
        body, ctype = json.dumps({"detail": detail}).encode(), b"application/json"
    else:
        body = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{status}</title>'
                f'<link rel="stylesheet" href="/static/style.css"></head><body><main><h1>{status}</h1>'
                f'<p class="error">{html_escape(detail)}</p><p><a href="/add">Back</a></p></main></body></html>'
                ).encode()
        ctype = b"text/html; charset=utf-8"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})


class GuardMiddleware:
    """Pure ASGI: caps request bodies, refuses cross-site writes, adds headers.

    The body is read here up to `max_body` and replayed to the app, so an
    oversized upload gets a 413 before any parser sees it, whether or not
    the client sent Content-Length.
    """

    def __init__(self, app, max_body: int, allowed_hosts: frozenset[str] | None = None) -> None:
        self.app = app
        self.max_body = max_body
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if self.allowed_hosts is not None and host_name(headers.get("host", "")) not in self.allowed_hosts:
            # a page on another site whose name was re-pointed at this address (DNS rebinding)
            await _send_error(send, scope, 400, "Host header not allowed for this server")
            return
        too_big = f"request body over the limit of {self.max_body:,} bytes"
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body:
            await _send_error(send, scope, 413, too_big)
            return
        if scope["method"] in UNSAFE_METHODS:
            reason = cross_site_reason(headers, self.allowed_hosts)
            if reason:
                await _send_error(send, scope, 403, reason)
                return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in have]
            await send(message)

        if scope["method"] not in UNSAFE_METHODS:
            await self.app(scope, receive, send_with_headers)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await _send_error(send, scope, 413, too_big)
                return
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> dict[str, Any]:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send_with_headers)


def host_name(host: str) -> str:
    """The name part of a Host header, lower case: `[::1]:8000` -> `[::1]`, `x.example:80` -> `x.example`."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[:host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def allowed_hosts_for(bind: str) -> frozenset[str] | None:
    """Host names a server bound to `bind` answers to: the loopback names and the
    bound address; None (no check) for a wildcard bind, whose names are unknown
    and whose writes need a token anyway."""
    bind = bind.strip().lower()
    if bind in ("", "0.0.0.0", "::", "[::]"):
        return None
    return frozenset(LOOPBACK | {f"[{bind}]" if ":" in bind and not bind.startswith("[") else bind})


def cross_site_reason(headers: dict[str, str], allowed_hosts: frozenset[str] | None = None) -> str | None:
    """Why a write request looks like it came from another site's page, or None.

    A page on any website can make the browser POST to 127.0.0.1; browsers
    say where such a request came from in Sec-Fetch-Site and Origin.
    """
    if headers.get("sec-fetch-site") == "cross-site":
        return "cross-site write refused"
    origin = headers.get("origin")
    if origin and origin != "null":
        netloc = urlsplit(origin).netloc.lower()
        if netloc != headers.get("host", "").lower():
            return "cross-origin write refused (Origin does not match Host)"
        if allowed_hosts is not None and host_name(netloc) not in allowed_hosts:
            return "cross-origin write refused (Origin not allowed)"
    elif origin == "null":
        return "write from an opaque origin refused"
    return None


def check_token(request: Request, expected: str | None, form_token: str | None = None) -> None:
    """Raise 401 unless `expected` is None or the request carries it.

    Accepted as `Authorization: Bearer T`, an `X-Presslens-Token: T` header, or
    (for the HTML form) a `token` form field.
    """
    if expected is None:
        return
    auth = request.headers.get("authorization", "")
    given = auth[7:].strip() if auth.lower().startswith("bearer ") else request.headers.get("x-presslens-token")
    given = given or form_token or ""
    if not secrets.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(status_code=401, detail="this server needs an access token for writes "
                            "(Authorization: Bearer TOKEN, or the token field of the form)",
                            headers={"WWW-Authenticate": "Bearer"})


def new_token() -> str:
    return secrets.token_urlsafe(24)


def safe_href(url: Any) -> str | None:
    """Only http(s) links from article metadata; javascript:, data: and others are not linked."""
    if isinstance(url, str) and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None
