"""PolNeAR attribution: presslens quotes vs spaCy + textacy direct_quotations, side by side.

    python eval/attribution.py [--split dev] [--limit N] [--keep DIR]

Runs presslens on every text of the split, writes JSON Lines (the output
contract), builds the gold with ../shared/eval/gold_polnear.py and scores
both systems with ../shared/eval/attribution_score.py (not re-implemented
here). The baseline parses with the same spaCy model and takes textacy's
direct quotations; a textacy crash on a document (it raises on unbalanced
quotation marks) counts as no quotes for that document.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import markdown_table, shared_path, write_section  # noqa: E402

import presslens  # noqa: E402
from presslens.nlp import MODEL  # noqa: E402

LINE = re.compile(r"docs (\d+) \(missing (\d+)\)\s+content P ([\d.]+) R ([\d.]+) F1 ([\d.]+)\s+"
                  r"speaker acc ([\d.]+)\s+F1 with speaker ([\d.]+)")


def texts(split: Path, limit: int | None) -> list[Path]:
    files = sorted((split / "text").glob("*.txt"))
    files = [f for f in files if any((split / "attributions").glob(f.stem + "_*.ann"))]
    return files[:limit] if limit else files


# only the stages attribution depends on: later stages (events, framing) change nothing here
STAGES = ("repair", "parse", "entities", "quotes")


def run_presslens(files: list[Path], out: Path) -> float:
    from presslens.ingest.text import document_from_text

    pipe = presslens.Pipeline.from_names(STAGES)
    t0 = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        for f in files:
            a = pipe.run(document_from_text(f.read_text(encoding="utf-8"), source=str(f)))
            fh.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
    return time.perf_counter() - t0


def run_textacy(files: list[Path], out: Path) -> tuple[float, int]:
    from textacy.extract.triples import direct_quotations

    import spacy

    # textacy needs lemmas to recognise reporting verbs: the full pipeline, lemmatizer included
    nlp = spacy.load(MODEL)
    nlp.max_length = 2_000_000
    crashes = 0
    t0 = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        for f in files:
            text = f.read_text(encoding="utf-8").replace("\r\n", "\n")
            doc = nlp(text)
            quotes = []
            try:
                for speaker, cue, content in direct_quotations(doc):
                    sp = {"entity": None, "name": " ".join(t.text for t in speaker),
                          "start": speaker[0].idx, "end": speaker[-1].idx + len(speaker[-1].text)} if speaker else None
                    quotes.append({"kind": "direct", "start": content.start_char, "end": content.end_char,
                                   "speaker": sp, "cue": None, "channel": None})
            except Exception:  # noqa: BLE001 — textacy raises on unbalanced marks: no quotes for this doc
                crashes += 1
                quotes = []
            fh.write(json.dumps({"source": str(f), "text": text, "quotes": quotes}) + "\n")
    return time.perf_counter() - t0, crashes


def score(gold: Path, pred: Path, label: str, acts: str | None = None) -> list[str]:
    scorer = shared_path("eval", "attribution_score.py")
    res = subprocess.run([sys.executable, str(scorer), str(gold), str(pred), "--label", label]
                         + (["--acts", acts] if acts else []),
                         capture_output=True, text=True, check=True)
    line = res.stdout.strip().splitlines()[-1]
    print(line)
    m = LINE.search(line)
    return list(m.groups()) if m else [line]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", help="PolNeAR split under ../shared/data/polnear (default dev)")
    ap.add_argument("--limit", type=int, help="only the first N texts (quick checks; not written to RESULTS.md)")
    ap.add_argument("--keep", type=Path, help="keep the JSONL outputs in this folder")
    ap.add_argument("--no-baseline", action="store_true", help="skip spaCy + textacy")
    a = ap.parse_args()
    split = shared_path("data", "polnear", a.split)
    files = texts(split, a.limit)
    work = a.keep or Path(tempfile.mkdtemp(prefix="presslens-attr-"))
    work.mkdir(parents=True, exist_ok=True)
    gold = work / "gold.jsonl"
    gold_lines = subprocess.run([sys.executable, str(shared_path("eval", "gold_polnear.py")), str(split)],
                                capture_output=True, text=True, check=True).stdout.splitlines()
    keep = {f.stem for f in files}
    gold.write_text("\n".join(l for l in gold_lines if json.loads(l)["doc"] in keep) + "\n", encoding="utf-8")
    rows = []
    secs = run_presslens(files, work / "presslens.jsonl")
    rows.append(["presslens", *score(gold, work / "presslens.jsonl", "presslens"), f"{secs:.1f}"])
    # PolNeAR annotates every act; this row shows what the reader's listing (speech + writing)
    # keeps of it, scored against the same all-acts gold (so recall is bound to fall)
    rows.append(["presslens, speech + writing only", *score(gold, work / "presslens.jsonl", "speech+writing",
                                                            "speech,writing"), ""])
    if not a.no_baseline:
        secs, crashes = run_textacy(files, work / "textacy.jsonl")
        rows.append([f"spaCy + textacy direct_quotations ({crashes} docs crashed)",
                     *score(gold, work / "textacy.jsonl", "textacy"), f"{secs:.1f}"])
    header = ["system", "docs", "missing", "content P", "content R", "content F1", "speaker acc",
              "F1 with speaker", "seconds"]
    table = markdown_table(header, rows)
    print(table)
    if not a.limit:
        write_section(f"attribution-{a.split}", f"Attribution on PolNeAR {a.split}",
                      f"{len(files)} texts; a predicted content matches a gold one when it covers at least half "
                      f"of it (../shared/eval/attribution_score.py; PolNeAR counts every act: thoughts, "
                      f"perceptions and intentions too).\n\n{table}")


if __name__ == "__main__":
    main()
