"""`presslens import PARQUET_DIR`: load a Parquet run (analyze --out-parquet) into the SQLite store.

Articles go through the store's one write path (Store.save) in the run's input order,
so documents, analyses, the annotation index and the corpus layer (reprints, stories,
quote groups) come out as a direct `presslens analyze` of the same inputs would leave
them. Each article is its own transaction and one already stored is skipped, so an
import is idempotent and a killed one resumes. A bad part gets one line naming it.

Stories come from the run (DIR/stories/, engines/parquet_stories.py) when it has them for
exactly the articles imported and the store holds nothing else: each article's story
operations are applied as recorded, then the run's reprint links and story anchors are
loaded. Otherwise (a run from before stories were written, a store with other articles)
the corpus step assigns them here, article by article, as `analyze` does.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import PresslensError
from ..store import DEFAULT_PATH, Store


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "import", help="load a Parquet run (analyze --out-parquet DIR) into the store",
        description="Load the articles of a Parquet run into the SQLite store, in input order, through the normal "
                    "save path (annotation index, reprints, stories). Idempotent: stored articles are skipped.")
    p.add_argument("parquet_dir", metavar="PARQUET_DIR", help="the directory given to analyze --out-parquet")
    p.add_argument("--db", default=DEFAULT_PATH, metavar="PATH", help=f"SQLite store (default ./{DEFAULT_PATH})")
    p.set_defaults(func=cmd_import)


def _err(msg: str) -> None:
    print(f"presslens: {msg}", file=sys.stderr)


def cmd_import(args: argparse.Namespace) -> int:
    from ..render import plural

    imported, stored, failed = import_run(args.parquet_dir, args.db)
    note = f" ({stored} already in the store)" if stored else ""
    if failed:
        _err(f"{failed} bad {'part' if failed == 1 else 'parts or articles'}; {plural(imported, 'article')} imported{note}")
        return 1
    _err(f"{plural(imported, 'article')} imported into {args.db}{note}")
    return 0


def import_run(parquet_dir: str, db: str, corpus_embedder: object = "default") -> tuple[int, int, int]:
    """(articles imported, already stored, bad parts or articles); one stderr line per bad one.
    `corpus_embedder` as Store.corpus_embedder (None: no encoder)."""
    import json

    from ..model import Analysis
    from ..store.parquet import BadPart, check_part, ordered_articles, parts

    root = Path(parquet_dir)
    if not root.is_dir():
        raise PresslensError(f"{parquet_dir}: no such directory")
    found = parts(root)
    if not found:
        raise PresslensError(f"{parquet_dir}: no Parquet run here (no articles/part-*.parquet)")
    good, bad = [], 0
    ids: set[str] = set()
    for p in found:
        try:
            ids.update(check_part(p).column("id").to_pylist())
            good.append(p)
        except BadPart as e:
            bad += 1
            _err(f"error: {e}")
    imported = stored = 0
    columns = ["id", "source", "pipeline_version", "record", "raw"]
    with _RunStore(db) as store:
        store.corpus_embedder = corpus_embedder
        store.plan = _story_plan(root, ids, store)
        for row in ordered_articles(good, columns):
            if store.has_analysis(row["id"], row["pipeline_version"]):
                stored += 1
                record = store.get(row["id"], row["pipeline_version"])
                if record is not None:
                    store.add_to_corpus(record)  # a killed import may have stopped between the two steps
                continue
            try:
                analysis = Analysis.from_dict(json.loads(row["record"]), raw=row["raw"] or b"")
                if analysis.document.id != row["id"]:
                    raise ValueError("its record names another article")
            except (ValueError, KeyError, TypeError) as e:
                bad += 1
                _err(f"error: {row['source']}: bad record in the Parquet run ({type(e).__name__}: {e})")
                continue
            analysis.pipeline_version = row["pipeline_version"]
            store.save(analysis)
            imported += 1
        if store.plan is not None:
            _load_run_corpus(store, root)
        bad += _import_failures(store, root)
    return imported, stored, bad


class _RunStore(Store):
    """The store, with the corpus step taking a run's assigned stories when it has a plan."""
    plan: dict[str, dict] | None = None

    def add_to_corpus(self, record: dict) -> None:
        if self.plan is None:
            return super().add_to_corpus(record)
        from ..corpus import default_embedder
        from ..corpus.assigned import OutOfOrder, add_assigned

        embed = default_embedder if self.corpus_embedder == "default" else self.corpus_embedder
        try:
            add_assigned(self, record, self.plan[record["id"]], embed)
        except OutOfOrder as e:
            raise PresslensError(f"cannot import the run's stories: {e}") from None


def _story_plan(root: Path, ids: set[str], store) -> dict[str, dict] | None:
    """article id -> its member row, when the run's stories can be used as they are."""
    import pyarrow.parquet as pq

    from ..store.corpus_load import corpus_order
    from ..store.parquet import MEMBERS, REPRINTS, STORIES

    members_path, reprints_path = root / STORIES / f"{MEMBERS}.parquet", root / REPRINTS / f"{REPRINTS}.parquet"
    if not members_path.exists() or not reprints_path.exists():
        return None  # a run from before stories were written there
    try:
        plan = {r["article"]: r for r in pq.read_table(members_path).to_pylist()}
    except Exception as e:  # noqa: BLE001
        _err(f"note: {members_path}: unreadable ({type(e).__name__}); stories are assigned here")
        return None
    if set(plan) != ids:
        _err(f"note: {members_path} does not cover the run's articles; stories are assigned here")
        return None
    if any(plan.get(d, {}).get("seq") != seq for d, seq in corpus_order(store)):
        _err(f"note: {store.path} holds other articles; the run's stories are assigned again here")
        return None
    return plan


def _load_run_corpus(store, root: Path) -> None:
    """The run's story anchors, anchor frequencies and reprint links, after its articles."""
    import pyarrow.parquet as pq

    from ..store.corpus_load import load_story_state
    from ..store.parquet import ANCHOR_DF, REPRINTS, STORIES

    load_story_state(store, pq.read_table(root / STORIES / f"{STORIES}.parquet").to_pylist(),
                     pq.read_table(root / STORIES / f"{ANCHOR_DF}.parquet").to_pylist())
    links = pq.read_table(root / REPRINTS / f"{REPRINTS}.parquet").to_pylist()
    with store.corpus_transaction():
        for r in links:  # in link order, as the local engine's INSERT OR REPLACE left them
            store.link_copy(r["article"], r["canonical"], r["similarity"])


def _import_failures(store, root: Path) -> int:
    """The run's failures, each (input, reason, stages) recorded once however often it is imported."""
    import pyarrow.parquet as pq

    from ..store.parquet import FAILURES, parts

    bad = 0
    for p in parts(root, FAILURES):
        try:
            rows = pq.read_table(p, columns=["source", "document_id", "kind", "stage", "reason", "run_version"]).to_pylist()
        except Exception as e:  # noqa: BLE001
            bad += 1
            _err(f"error: {p}: not a readable failures part ({type(e).__name__})")
            continue
        for r in rows:
            if not store.has_failure(r["source"], r["reason"], r["run_version"]):
                store.record_failure(r["source"], r["reason"], kind=r["kind"], document_id=r["document_id"],
                                     stage=r["stage"], pipeline_version=r["run_version"])
    return bad
