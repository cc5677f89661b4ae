"""The corpus step: one stored article added to reprints, stories, quote groups and the vector index.

Runs after the article's own transaction, in one transaction of its own, and
is idempotent (an article already in the corpus is skipped), so a run killed
between the two is finished by the next `analyze`. Every lookup is bounded,
so the cost per article does not grow with the corpus.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from . import dedup, quotes, semantic, stories
from .text import body_text, date_day, paragraphs, shingles, words

Embedder = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class Added:
    document_id: str
    story_id: str
    canonical_id: str
    similarity: float | None
    new_story: bool


def default_embedder(texts: list[str]) -> np.ndarray:
    from ..encoder import get_encoder

    return get_encoder().embed(texts)


def _story_id(doc_id: str) -> str:
    return "s" + hashlib.blake2b(doc_id.encode(), digest_size=6).hexdigest()


def _order(doc: dict[str, Any]) -> tuple[float, int]:
    return (doc["day"] if doc.get("day") is not None else float("inf"), doc["seq"])


def add_article(store, record: dict[str, Any], embed: Embedder | None = default_embedder) -> Added | None:
    """Add one analysed article (an output-contract record already in the store)."""
    doc_id = record["id"]
    if store.corpus_has(doc_id):
        return None
    title = record.get("title") or ""
    body = body_text(record)
    shing = shingles(words(body))
    sig = dedup.signature(shing)
    bands = dedup.band_keys(sig)
    day = date_day(record.get("published"))
    paras = paragraphs(body)
    emb, para_vecs = _embed(embed, record, title, body, paras)

    with store.corpus_transaction():
        seq = store.corpus_count() + 1
        me = {"document_id": doc_id, "day": day, "seq": seq, "signature": sig, "shingles": len(shing), "bands": bands}
        canonical, sim = _find_copy(store, me)
        counts = stories.anchor_counts(title, body)
        n_docs = seq - 1
        keys = stories.article_keys(counts, store.anchor_df(list(counts)), n_docs)
        if canonical is not None:
            story = store.story_of(canonical["document_id"]) or _story_id(doc_id)
            new_story = False
        else:
            story, new_story = _choose_story(store, keys, emb, day, record)
        if new_story:
            store.story_new(story, title or None, day, seq)
        anchors, centroid, cn = store.story_vector(story)
        centroid, cn = stories.merge_centroid(centroid, cn, emb)
        store.story_update(story, day, stories.merge_anchors(anchors, keys.vector), centroid, cn, stories.STORY_KEYS)
        story = _merge_neighbours(store, story, keys, day)
        store.anchor_df_add(set(counts))
        store.corpus_add_doc(doc_id, seq, day, len(shing), sig, story, emb, bands)
        canonical_id = doc_id
        if canonical is not None:
            canonical_id = _link(store, me, canonical, sim)
        _group_quotes(store, record, story)
        if para_vecs is not None:
            store.paragraphs_add(doc_id, [(s, e, semantic.bucket(v), semantic.quantise(v))
                                          for (s, e), v in zip(paras, para_vecs)])
    return Added(doc_id, story, canonical_id, sim, new_story)


def _embed(embed: Embedder | None, record, title: str, body: str, paras):
    lang = (record.get("language") or "en")[:2]
    if embed is None or lang not in stories.ENCODER_LANGUAGES:
        return None, None  # the shipped encoder reads English only; its vectors of other text mislead
    lead = " ".join(body[s:e] for s, e in paras[:2])[:1200] or body[:1200]
    texts = [f"{title}. {lead}" if title else lead] + [body[s:e] for s, e in paras]
    vecs = np.asarray(embed(texts), dtype=np.float32)
    return vecs[0], vecs[1:]


def _find_copy(store, me: dict[str, Any]) -> tuple[dict[str, Any] | None, float | None]:
    """The canonical article of the best-matching earlier copy, with the similarity to it."""
    best, best_sim = None, 0.0
    for cand in store.dup_candidates(me.get("bands") or dedup.band_keys(me["signature"])):
        ok, sim = dedup.copy_score(me["signature"], me["shingles"], cand["signature"], cand["shingles"])
        if ok and sim > best_sim:
            best, best_sim = cand, sim
    if best is None:
        return None, None
    canonical = store.corpus_doc(store.canonical_of(best["document_id"])) or best
    _, sim = dedup.copy_score(me["signature"], me["shingles"], canonical["signature"], canonical["shingles"])
    return canonical, max(sim, best_sim) if canonical is best else sim


def _link(store, me: dict[str, Any], canonical: dict[str, Any], sim: float | None) -> str:
    """Link the new copy to the group's earliest article; if the new one is earlier, it becomes canonical."""
    if _order(me) >= _order(canonical):
        store.link_copy(me["document_id"], canonical["document_id"], sim or 0.0)
        return canonical["document_id"]
    for other in [canonical["document_id"], *store.copies_of(canonical["document_id"])]:
        o = store.corpus_doc(other)
        _, s = dedup.copy_score(me["signature"], me["shingles"], o["signature"], o["shingles"])
        store.link_copy(other, me["document_id"], s)
    return me["document_id"]


def _choose_story(store, keys: stories.ArticleKeys, emb, day, record) -> tuple[str, bool]:
    best, best_score = None, 0.0
    for sid in store.story_candidates(keys.query, day, stories.WINDOW_DAYS):
        anchors, centroid, _ = store.story_vector(sid)
        score = stories.join_score(stories.anchor_cosine(keys.vector, anchors), stories.text_signal(emb, centroid))
        if score > best_score:
            best, best_score = sid, score
    if best is not None and best_score >= stories.THRESHOLD:
        return best, False
    return _story_id(record["id"]), True


def _merge_neighbours(store, story: str, keys: stories.ArticleKeys, day) -> str:
    """Fold into one the story just updated and any of the article's candidate stories that now agree
    with it; the older story's id survives. Returns the surviving id."""
    mine = None
    for other in store.story_candidates(keys.query, day, stories.WINDOW_DAYS):
        if other == story:
            continue
        if mine is None:
            mine, _, _ = store.story_vector(story)
        theirs, _, _ = store.story_vector(other)
        if stories.should_merge(mine, theirs):
            story = store.story_merge(story, other, stories.STORY_KEYS)
            mine = None  # the merged story's anchors changed
    return story


def _group_quotes(store, record: dict[str, Any], story: str) -> None:
    quotes.group_article_quotes(store, record, story)
