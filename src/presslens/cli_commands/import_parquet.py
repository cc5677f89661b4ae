"""`presslens import PARQUET_DIR`: load a Parquet run (analyze --out-parquet) into the SQLite store.

Articles go through the store's one write path (Store.save) in the run's input order,
so documents, analyses, the annotation index and the corpus layer (reprints, stories,
quote groups) come out as a direct `presslens analyze` of the same inputs would leave
them. Each article is its own transaction and one already stored is skipped, so an
import is idempotent and a killed one resumes. A bad part gets one line naming it.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import PresslensError
from ..store import DEFAULT_PATH


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


def import_run(parquet_dir: str, db: str) -> tuple[int, int, int]:
    """(articles imported, already stored, bad parts or articles); one stderr line per bad one."""
    import json

    from ..model import Analysis
    from ..store import Store
    from ..store.parquet import BadPart, check_part, ordered_articles, parts

    root = Path(parquet_dir)
    if not root.is_dir():
        raise PresslensError(f"{parquet_dir}: no such directory")
    found = parts(root)
    if not found:
        raise PresslensError(f"{parquet_dir}: no Parquet run here (no articles/part-*.parquet)")
    good, bad = [], 0
    for p in found:
        try:
            check_part(p)
            good.append(p)
        except BadPart as e:
            bad += 1
            _err(f"error: {e}")
    imported = stored = 0
    columns = ["id", "source", "pipeline_version", "record", "raw"]
    with Store(db) as store:
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
        bad += _import_failures(store, root)
    return imported, stored, bad


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
