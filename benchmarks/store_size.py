"""Store bytes per article with raw input and analysis JSON as read vs zstd-compressed, from one filled store.

usage: python benchmarks/store_size.py STORE.db [--write]

Both figures come from the same analyses: the store is copied twice, its raw
input and analysis JSON rewritten uncompressed (the layout before) in one copy
and compressed in the other, and each copy VACUUMed before it is measured, so
the difference is those two columns' encoding alone. Fill the store first, e.g.
    presslens analyze examples ../shared/data/article-extraction-benchmark/html --db STORE.db --format none
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import write_section  # noqa: E402

from presslens.store import Store, rawcodec

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- store-size:start -->", "<!-- store-size:end -->"


def _rewritten(src: str, compress: bool, workdir: str) -> tuple[int, int, int]:
    """(file bytes after VACUUM, raw column bytes, documents) of a copy of `src` with its raw re-encoded."""
    path = os.path.join(workdir, "compressed.db" if compress else "plain.db")
    Store(src).close()  # brings an old store up to the current schema
    with sqlite3.connect(src) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(src, path)
    with sqlite3.connect(path, isolation_level=None) as c:
        rows = c.execute("SELECT id, raw, raw_codec FROM documents").fetchall()
        c.execute("BEGIN")
        for doc_id, stored, codec in rows:
            raw = rawcodec.unpack(bytes(stored), codec)
            packed, new_codec = rawcodec.pack(raw) if compress else (raw, None)
            c.execute("UPDATE documents SET raw=?, raw_codec=? WHERE id=?", (packed, new_codec, doc_id))
        for a_id, result in c.execute("SELECT id, result FROM analyses").fetchall():
            data = rawcodec.unpack_json(result)
            c.execute("UPDATE analyses SET result=? WHERE id=?",
                      (rawcodec.pack_json(data) if compress else json.dumps(data, ensure_ascii=False), a_id))
        c.execute("COMMIT")
        c.execute("VACUUM")
        raw_bytes = c.execute("SELECT sum(length(raw)) FROM documents").fetchone()[0]
    return os.path.getsize(path), raw_bytes, len(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store")
    ap.add_argument("--write", action="store_true", help="rewrite the store-size section of benchmarks/RESULTS.md")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        plain, plain_raw, n = _rewritten(a.store, False, tmp)
        packed, packed_raw, _ = _rewritten(a.store, True, tmp)
    lines = [f"{n} articles ({a.store})", "",
             "| raw input and analyses | store bytes | per article | raw column | share of before |", "|---|---|---|---|---|",
             f"| as read (before) | {plain:,} | {plain / n / 1024:,.1f} KB | {plain_raw:,} | 100% |",
             f"| zstd level 9 (now) | {packed:,} | {packed / n / 1024:,.1f} KB | {packed_raw:,} | {packed / plain:.0%} |"]
    report = "\n".join(lines)
    print(report)
    if a.write:
        command = "python benchmarks/store_size.py " + " ".join(sys.argv[1:])
        section = (f"{START}\n## Store size per article\n\nCommand: `{command.strip()}` ({time.strftime('%Y-%m-%d')})\n\n"
                   f"{report}\n{END}\n")
        write_section(START, END, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
