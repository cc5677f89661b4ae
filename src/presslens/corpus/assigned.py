"""The corpus step for an article whose story was already assigned (a Parquet run's stories).

It is corpus/ingest.py's add_article with the story decisions taken from the run instead
of made here: the story the article joined or opened and the merges that followed are
applied through the same store calls, so story rows, centroids and every article's story
at each moment (which quote grouping reads) come out as the local engine leaves them.
Reprint links and story anchors are loaded for the whole run afterwards
(cli_commands/import_parquet.py).
"""
from __future__ import annotations

from typing import Any

from . import dedup, ingest, semantic, stories
from .text import body_text, date_day, paragraphs, shingles, words


class OutOfOrder(Exception):
    """The store's corpus is not where the run's order expects it."""


def add_assigned(store, record: dict[str, Any], member: dict[str, Any], embed: ingest.Embedder | None) -> None:
    doc_id = record["id"]
    if store.corpus_has(doc_id):
        return
    title = record.get("title") or ""
    body = body_text(record)
    shing = shingles(words(body))
    sig = dedup.signature(shing)
    day = date_day(record.get("published"))
    paras = paragraphs(body)
    emb, para_vecs = ingest._embed(embed, record, title, body, paras)

    with store.corpus_transaction():
        seq = store.corpus_count() + 1
        if seq != member["seq"]:
            raise OutOfOrder(f"{doc_id}: the run places it at {member['seq']}, the store at {seq}")
        story = member["joined"]
        if member["new"]:
            store.story_new(story, title or None, day, seq)
        _anchors, centroid, n = store.story_vector(story)
        centroid, n = stories.merge_centroid(centroid, n, emb)
        store.story_update(story, day, {}, centroid, n, stories.STORY_KEYS)  # anchors: loaded after the run
        for a, b in member["merges"] or []:
            story = store.story_merge(a, b, stories.STORY_KEYS)
        store.corpus_add_doc(doc_id, seq, day, len(shing), sig, story, emb, dedup.band_keys(sig))
        ingest._group_quotes(store, record, story)
        if para_vecs is not None:
            store.paragraphs_add(doc_id, [(s, e, semantic.bucket(v), semantic.quantise(v))
                                          for (s, e), v in zip(paras, para_vecs)])
