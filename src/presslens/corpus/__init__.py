"""The corpus layer: reprints, stories, quote provenance, who-quotes-whom and semantic search.

`add_article(store, record)` is the incremental step run after an article is
stored; `views` holds the read side (the JSON interfaces of docs/schema.md).
"""
from .ingest import Added, add_article, default_embedder

__all__ = ["Added", "add_article", "default_embedder"]
