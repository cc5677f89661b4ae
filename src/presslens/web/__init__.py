"""The web UI and HTTP API (`presslens serve`); needs the `web` extra."""
from .app import create_app

__all__ = ["create_app"]
