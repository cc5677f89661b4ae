"""The presslens command line: a thin shell over the library.

stdout carries results only (JSON Lines with --format json); progress,
warnings and errors go to stderr, one line per failed input.
"""
from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
from typing import Any, Callable, Sequence

from . import __version__
from .errors import ArticleFailed, InputError, PresslensError, one_line
from .ingest import DEFAULT_MAX_BYTES, read_inputs
from .ingest.text import DECODING_NOTE
from .model import Document
from .assembly import DEFAULT_STAGES
from .pipeline import Pipeline, get_stage
from .store import DEFAULT_PATH, Store
from .lang.routing import routed_version

Handler = Callable[[argparse.Namespace], int]


def _err(msg: str) -> None:
    print(f"presslens: {msg}", file=sys.stderr)


# -- analyze ----------------------------------------------------------------
class _Stored:
    """Marker for an input already analysed by this pipeline (resume), with the version its
    analysis is stored under (a Russian article's names the routed stages)."""

    def __init__(self, doc, version: str) -> None:
        self.doc = doc
        self.version = version


def cmd_analyze(args: argparse.Namespace) -> int:
    from .render import console, plural, summary_table

    stages = tuple(s.strip() for s in args.stages.split(",")) if args.stages else DEFAULT_STAGES
    version = "+".join(f"{s.name}@{s.version}" for s in (get_stage(n) for n in stages))
    Pipeline([get_stage(n) for n in stages])  # order check before any work
    if args.out_parquet:
        return _analyze_to_parquet(args, stages, version)
    store = None if args.no_store else Store(args.db)

    def items():
        for item in read_inputs(args.paths, max_bytes=args.max_bytes):
            if isinstance(item, Document) and item.metadata.get(DECODING_NOTE):
                _err(f"warning: {one_line(item.source)}: {item.metadata[DECODING_NOTE]}")
            # a Russian or unanalysed-language article is stored under its routed stages' version
            if isinstance(item, Document) and store is not None:
                routed = routed_version(stages, item)
                if store.has_analysis(item.id, routed):
                    yield _Stored(item, routed)
                    continue
            yield item

    ok = failed = skipped = 0
    summary: list[dict[str, Any]] = []
    progress = _progress(args)
    task = progress.add_task("analysing", total=None) if progress else None
    try:
        for result in _results(args, stages, version, store, items):
            if not isinstance(result, (InputError, _Stored)) and store is not None:
                result = _save(store, result)
            if isinstance(result, InputError):
                failed += 1
                _err(f"error: {result}")
                if store is not None:
                    _record_failure(store, result, version)
                continue
            if isinstance(result, _Stored):
                skipped += 1
                record = store.get(result.doc.id, result.version) if store else None
                if record is not None:
                    store.add_to_corpus(record)  # a store filled before the corpus layer catches up
                    record = store.with_groups(record)
            else:
                record = result.to_dict()
                if store is not None:
                    record = store.with_groups(record)
            ok += 1
            if record is None:
                continue
            if args.format == "json":
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
                sys.stdout.flush()
            elif args.format == "table":
                summary.append(record)
                if len(summary) >= _TABLE_ROWS:  # summarise as it goes: memory stays flat on big batches
                    console().print(summary_table(summary))
                    summary.clear()
            if progress:
                progress.advance(task)
    finally:
        if progress:
            progress.stop()
        if store is not None:
            store.close()
    if args.format == "table" and summary:
        console().print(summary_table(summary))
    note = f" ({skipped} already in the store)" if skipped else ""
    if failed:
        _err(f"{failed} of {plural(ok + failed, 'input')} failed; {ok} analysed{note}")
        return 1
    if ok == 0:
        _err("no articles found in the given paths")
        return 1
    _err(f"{plural(ok, 'article')} analysed{note}" + ("" if args.no_store else f" into {args.db}"))
    return 0


_TABLE_ROWS = 50


def _analyze_to_parquet(args: argparse.Namespace, stages, version: str) -> int:
    """The run goes to Parquet parts (engines/parquet_run.py); `presslens import` loads it."""
    from .engines.parquet_run import run
    from .render import plural

    if args.format == "json":
        raise PresslensError("--out-parquet writes the records into DIR; read them there (or `presslens import DIR`), "
                             "not with --format json")
    ok, skipped, failed = run(args.paths, args.out_parquet, stages, version, engine=args.engine, jobs=args.jobs,
                              max_bytes=args.max_bytes)
    note = f" ({skipped} already in {args.out_parquet})" if skipped else ""
    if failed:
        _err(f"{failed} of {plural(ok + skipped + failed, 'input')} failed; {ok} analysed{note}")
        return 1
    if ok + skipped == 0:
        _err("no articles found in the given paths")
        return 1
    _err(f"{plural(ok, 'article')} analysed into {args.out_parquet}{note}")
    return 0


def _results(args, stages, version: str, store: Store | None, items: Callable[[], Any]):
    """The local engine reads here; the Ray engine reads and extracts on its workers and
    gets only paths and JSON lines from this process."""
    if args.engine != "ray":
        from .engines import analyze_stream

        yield from analyze_stream(items(), jobs=args.jobs, stage_names=stages)
        return
    from .engines.ray import Stored, analyze_units, units

    stored = (lambda doc_id: store.has_analysis(doc_id, version)) if store is not None else None
    for result in analyze_units(units(args.paths, args.max_bytes, stored), jobs=args.jobs, stage_names=stages):
        if isinstance(result, Stored):
            yield _Stored(result, version)
            continue
        if store is not None and hasattr(result, "document"):
            routed = result.pipeline_version  # the version routing gave this article's language
            if store.has_analysis(result.document.id, routed):
                yield _Stored(result.document, routed)
                continue
        yield result


def _save(store: Store, analysis):
    """The analysis, or its article's failure when the store refuses it."""
    try:
        store.save(analysis)
    except Exception as e:  # noqa: BLE001 - one unstorable article must not end the batch
        doc = analysis.document
        return ArticleFailed(doc.source, f"could not be stored ({type(e).__name__}: {e})",
                             document_id=doc.id, kind="store")
    return analysis


def _record_failure(store: Store, e: InputError, version: str) -> None:
    try:
        store.record_failure(e.where, e.reason, kind=getattr(e, "kind", "input"), document_id=getattr(e, "document_id", None),
                             stage=getattr(e, "stage", None), pipeline_version=version)
    except Exception as exc:  # noqa: BLE001 - the stderr line already reports the failure
        _err(f"warning: could not record the failure of {e.where} ({type(exc).__name__})")


def _progress(args: argparse.Namespace):
    """A progress bar on stderr for interactive runs only; pipes and CI stay clean."""
    if args.quiet or not sys.stderr.isatty():
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .render import console

    p = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                 TimeElapsedColumn(), console=console(stderr=True), transient=True)
    p.start()
    return p


# -- reading the store --------------------------------------------------------
def _open(args: argparse.Namespace) -> Store:
    return Store(args.db, readonly=True)


def cmd_show(args: argparse.Namespace) -> int:
    from .render import article_view, console

    with _open(args) as store:
        doc_id = store.resolve_id(args.id)
        record = store.get(doc_id)
    if record is None:
        raise PresslensError(f"{args.id}: article has no analysis")
    if args.json:
        print(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        console().print(article_view(record, full_text=not args.no_text))
    return 0


def _label_filters(args: argparse.Namespace, store: Store) -> dict[str, str | None]:
    """--frame/--technique as typed ("political") resolved to the stored label, or a clear error."""
    from .labels import known_labels, resolve_label, table_of

    out: dict[str, str | None] = {}
    for kind in ("frame", "technique"):
        typed = getattr(args, kind)
        out[kind] = resolve_label(kind, typed, known_labels(kind, store.labels(table_of(kind)))) if typed else None
    return out


def cmd_search(args: argparse.Namespace) -> int:
    from .render import console, search_table

    from .cli_commands.corpus import collapse, semantic_hits

    filters = {k: getattr(args, k) for k in ("source", "entity", "speaker", "language")}
    filters.update(date_from=args.date_from, date_to=args.date_to, all_acts=args.all)
    with _open(args) as store:
        filters.update(_label_filters(args, store))
        wide = args.limit if args.expand else args.limit * 4
        hits = semantic_hits(store, args.query, wide, filters) if args.semantic else \
            store.search(args.query, limit=wide, **filters)
        folded = collapse(store, hits, lambda h: h.id, args.expand, args.limit)
    if args.json:
        for h, n in folded:
            print(json.dumps(h.__dict__ | ({"reprints": n} if n else {}), ensure_ascii=False))
        return 0
    if folded:
        console().print(search_table([h for h, _ in folded], args.query, reprints=[n for _, n in folded]))
    else:
        _err("no matches")
    return 0


def _with_article(row: dict[str, Any]) -> dict[str, Any]:
    """Store rows name the article `document_id`; every output calls it `article` (docs/schema.md)."""
    return {("article" if k == "document_id" else k): v for k, v in row.items()}


def cmd_quotes(args: argparse.Namespace) -> int:
    from .render import console, quotes_table

    from .cli_commands.corpus import fold_quotes

    with _open(args) as store:
        rows = [_with_article(r) for r in store.quotes(args.query, speaker=args.speaker, channel=args.channel,
                                                       limit=args.limit if args.expand else args.limit * 4,
                                                       all_acts=args.all)]
        folded = fold_quotes(store, rows, args.expand, args.limit)
    if args.json:
        for r, n in folded:
            print(json.dumps(r | ({"reprints": n} if n else {}), ensure_ascii=False))
        return 0
    if folded:
        console().print(quotes_table([r for r, _ in folded], reprints=[n for _, n in folded]))
    else:
        _err("no quotes match" if args.query or args.speaker or args.channel else "no quotes in the store")
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from .render import console, timeline_table

    with _open(args) as store:
        rows = [_with_article(r) for r in store.events(entity=args.entity, type=args.type, limit=args.limit)]
    if args.json:
        for r in rows:
            print(json.dumps({k: v for k, v in r.items() if k != "record"} | {"event": json.loads(r["record"])},
                             ensure_ascii=False))
        return 0
    if rows:
        console().print(timeline_table(rows))
    else:
        _err("no events match" if args.entity or args.type else "no events in the store")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from . import export
    from .render import plural

    with _open(args) as store:
        if args.format == "parquet":
            if not args.output:
                raise PresslensError("export --format parquet needs --output FILE")
            n = export.write_parquet(store, args.table, args.output)
        else:
            writer = export.write_jsonl if args.format == "jsonl" else export.write_csv
            if args.output:
                with open(args.output, "w", encoding="utf-8", newline="") as out:
                    n = writer(store, args.table, out)
            else:
                n = writer(store, args.table, sys.stdout)
    _err(f"exported {plural(n, 'row')} of {args.table}" + (f" to {args.output}" if args.output else ""))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from .render import console, stats_tables

    with _open(args) as store:
        stats = store.stats()
        top = store.entities(limit=10)
        speakers = store.speakers(limit=10)
    if args.json:
        print(json.dumps(stats | {"top_entities": top, "top_speakers": speakers}, ensure_ascii=False))
        return 0
    for tab in stats_tables(stats, top, args.db, speakers=speakers):
        console().print(tab)
    return 0


# -- parser -------------------------------------------------------------------
def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=DEFAULT_PATH, metavar="PATH", help=f"SQLite store (default ./{DEFAULT_PATH})")


def _listing(p: argparse.ArgumentParser, limit: int) -> None:
    p.add_argument("--limit", type=int, default=limit, help=f"rows to show (default {limit})")
    p.add_argument("--json", action="store_true", help="JSON Lines instead of a table")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="presslens",
        description="Evidence-linked reading of news articles: repair, entities, quotes, events, framing.",
    )
    parser.add_argument("--version", action="version", version=f"presslens {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("analyze", help="analyse articles into the store and print the results",
                       description="Analyse .txt, .html, .jsonl, RSS/Atom, WARC (optionally .gz) files, directories, or - for stdin.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (recursive) or - for stdin")
    p.add_argument("--format", choices=("json", "table", "none"), default="table",
                   help="json: one output-contract object per article on stdout (JSON Lines); table: a summary")
    _db(p)
    p.add_argument("--no-store", action="store_true", help="analyse without writing to the store")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes, or Ray actors (default 1)")
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="local processes (default) or a Ray cluster (needs the ray extra; RAY_ADDRESS picks the cluster)")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                   help=f"skip articles larger than N bytes (a JSON line, a WARC record, a feed entry; a file of any other format) (default {DEFAULT_MAX_BYTES:,})")
    p.add_argument("--stages", metavar="A,B", help=f"stages to run (default {','.join(DEFAULT_STAGES)})")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--out-parquet", metavar="DIR", help="write the results as Parquet parts into DIR instead of the "
                   "store (Ray actors write their own parts; a rerun resumes); load them with `presslens import DIR`")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("show", help="readable view of one stored article with its annotations")
    p.add_argument("id", metavar="ID", help="article id or a unique prefix of it")
    _db(p)
    p.add_argument("--json", action="store_true", help="print the stored output-contract JSON")
    p.add_argument("--no-text", action="store_true", help="tables only, without the article text")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("search", help="full-text search over the store (FTS5, BM25 ranking, snippets)")
    p.add_argument("query", metavar="QUERY", help="words or FTS5 syntax (\"exact phrase\", a OR b, court*)")
    _db(p)
    filter_help = {
        "source": "only articles from this outlet: site name, input path or URL (\"Wall Street Journal\", wsj.com)",
        "entity": "only articles naming this entity (\"US\" also finds \"United States\")",
        "speaker": "only articles quoting this speaker",
        "technique": "only articles with this persuasion technique, as you would type it (\"loaded language\")",
        "frame": "only articles with this frame, in any case (\"political\"); an unknown one lists the valid ones",
        "language": "only articles in this language (en, ru)",
    }
    for f, text in filter_help.items():
        p.add_argument(f"--{f}", metavar=f.upper(), help=text)
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="published on or after")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="published on or before")
    p.add_argument("--all", action="store_true",
                   help="--speaker matches every attribution, not only speech and writing by people and organisations")
    _listing(p, 20)
    p.add_argument("--semantic", action="store_true", help="rank by meaning (paragraph embeddings) fused with BM25")
    p.add_argument("--expand", action="store_true", help="list reprints separately instead of folding them")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("quotes", help="who said what across the store")
    p.add_argument("query", nargs="?", metavar="QUERY", help="words the quote contains")
    _db(p)
    p.add_argument("--speaker", metavar="NAME", help="only quotes by this speaker")
    p.add_argument("--channel", metavar="NAME", help="only quotes through this channel (Telegram, statement, …)")
    p.add_argument("--all", action="store_true", help="every attribution (thoughts, perceptions, documents, unnamed "
                   "sources), not only speech and writing by people and organisations")
    _listing(p, 100)
    p.add_argument("--expand", action="store_true", help="list quotes in reprints separately instead of folding them")
    p.set_defaults(func=cmd_quotes)

    p = sub.add_parser("timeline", help="events across the store in date order")
    _db(p)
    p.add_argument("--entity", metavar="NAME", help="only events with this actor or target")
    p.add_argument("--type", metavar="T", help="only events of this type (convict, sentence, statement, …)")
    _listing(p, 500)
    p.set_defaults(func=cmd_timeline)

    p = sub.add_parser("export", help="export the store as JSON Lines, CSV or Parquet")
    _db(p)
    p.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl", help="file format (default jsonl)")
    p.add_argument("--table", choices=("articles", "quotes", "entities", "events"), default="articles",
                   help="what to export (default articles: the full output contract in jsonl)")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout (required for parquet)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("stats", help="counts of what the store holds")
    _db(p)
    p.add_argument("--json", action="store_true", help="JSON instead of a table")
    p.set_defaults(func=cmd_stats)

    _load_plugins(sub)
    return parser


def _load_plugins(sub) -> None:
    """Commands that live in their own modules (serve, …) register themselves here."""
    from . import cli_commands

    for info in pkgutil.iter_modules(cli_commands.__path__):
        module = importlib.import_module(f"{cli_commands.__name__}.{info.name}")
        module.register(sub)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except PresslensError as e:
        _err(f"error: {e}")
        return 1
    except KeyboardInterrupt:
        _err("interrupted; every finished article is in the store, run again to resume")
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
