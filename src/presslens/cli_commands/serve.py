"""`presslens serve`: the web UI and HTTP API over a store."""
from __future__ import annotations

import argparse
import os
import sys

from ..errors import PresslensError
from ..ingest import DEFAULT_MAX_BYTES
from ..store import DEFAULT_PATH

TOKEN_ENV = "PRESSLENS_TOKEN"


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "serve", help="web UI and HTTP API over the store (article view, search, entities, dashboard)",
        description="Serve the store over HTTP. Binds 127.0.0.1 by default; on any other address write "
                    "endpoints need an access token (--token, or $PRESSLENS_TOKEN; one is generated and "
                    "printed if neither is given).")
    p.add_argument("--db", default=DEFAULT_PATH, metavar="PATH", help=f"SQLite store (default ./{DEFAULT_PATH})")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--token", metavar="TOKEN", default=None,
                   help=f"access token for write endpoints (default ${TOKEN_ENV}); required beyond loopback")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                   help=f"largest upload accepted (default {DEFAULT_MAX_BYTES:,})")
    p.set_defaults(func=cmd_serve)


def resolve_token(host: str, given: str | None, env: dict[str, str]) -> tuple[str | None, bool]:
    """(token to require, whether it was generated here)."""
    from ..web.security import is_loopback, new_token

    token = given or env.get(TOKEN_ENV) or None
    if token is None and not is_loopback(host):
        return new_token(), True
    return token, False


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from ..web import create_app
    except ImportError as e:
        raise PresslensError(f"serve needs the web extra ({e.name} is missing): pip install 'presslens[web]'") from None
    if not 0 < args.port < 65536:
        raise PresslensError(f"--port {args.port}: not a TCP port")
    token, generated = resolve_token(args.host, args.token, dict(os.environ))
    if generated:
        print(f"presslens: bound to {args.host}, so writes need this token: {token}", file=sys.stderr)
    from ..web.security import allowed_hosts_for

    app = create_app(args.db, token=token, max_bytes=args.max_bytes, allowed_hosts=allowed_hosts_for(args.host),
                     prestart_workers=True)
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"presslens: serving {args.db} on http://{shown}:{args.port}/", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", server_header=False)
    return 0
