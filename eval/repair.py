"""Evaluate the repair stage; writes the `repair` section of eval/RESULTS.md.

1. Boilerplate precision/recall (line and character level) on the held-out
   half of the article-extraction benchmark (labels: repair_lib/data.py).
2. Extraction F1 with ../shared/eval/extraction_pred.py + extraction_f1.py,
   with and without --drop-boilerplate, on held-out pages and on all 181.
3. Damage precision/recall per kind on cut-and-glued real paragraphs
   (repair_lib/damage_set.py), test half.
4. The seed acceptance check (../shared/eval/seed_score.py --section repair).
5. Time: the repair stage's share of the whole pipeline on benchmark pages.

6. Boilerplate on fresh pages never used for tuning: the `repair_fresh` section
   (repair_lib/fresh.py).

usage: python eval/repair.py [all|main|fresh] [--no-timing]   (all: both sections, as `make eval` runs it)
       python eval/repair.py --show-errors tune                (tune errors of the main section)
       python eval/repair.py tune-errors [--substring] [--no-fn]
       python eval/repair.py damage-set                        (rewrites eval/data/repair/damage_set.jsonl)
       python eval/repair.py extractions [--refresh]           (rebuilds the cached benchmark extractions)
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import HERE, markdown_table, shared_path, write_section  # noqa: E402
from repair_lib.boilerplate import Tally, label_flips, score_split  # noqa: E402
from repair_lib.damage import score as damage_score  # noqa: E402
from repair_lib.data import benchmark_dir, extractions, split_of  # noqa: E402

OUT = HERE / "out" / "repair"


def _jsonl_for(pages: list[str]) -> Path:
    """presslens records (repair stage only) for the benchmark pages, as the CLI prints them."""
    from presslens.ingest.text import document_from_text
    from presslens.pipeline import Pipeline

    pipe = Pipeline.from_names(["repair"])
    ex = extractions()
    path = OUT / f"bench-{len(pages)}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for pid in pages:
            doc = document_from_text(ex[pid], source=f"{pid}.html.gz")
            f.write(json.dumps(pipe.run(doc).to_dict(), ensure_ascii=False) + "\n")
    return path


def _extraction_f1(pages: list[str], drop: bool) -> tuple[float, float, float, str]:
    ev = shared_path("eval")
    jsonl = _jsonl_for(pages)
    pred = OUT / f"pred-{len(pages)}-{int(drop)}.json"
    gold_all = json.loads((benchmark_dir() / "ground-truth.json").read_text(encoding="utf-8"))
    gold = OUT / f"gold-{len(pages)}.json"
    gold.write_text(json.dumps({k: gold_all[k] for k in pages}), encoding="utf-8")
    args = [sys.executable, str(ev / "extraction_pred.py"), str(jsonl)] + (["--drop-boilerplate"] if drop else [])
    pred.write_bytes(subprocess.run(args, check=True, capture_output=True).stdout)
    out = subprocess.run([sys.executable, str(ev / "extraction_f1.py"), str(gold), str(pred)],
                         check=True, capture_output=True, text=True).stdout.split()
    # "pages N  precision P  recall R  F1 F"; the same scorer in-process for an unrounded F1
    # (a bare pass at 0.965 must not hide a 0.9649)
    import importlib.util

    spec = importlib.util.spec_from_file_location("extraction_f1", ev / "extraction_f1.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    f_exact = mod.score(json.loads(gold.read_text(encoding="utf-8")), json.loads(pred.read_text(encoding="utf-8")))[0]
    return (float(out[out.index("precision") + 1]), float(out[out.index("recall") + 1]), float(out[out.index("F1") + 1]),
            f"{f_exact:.4f}")


def _seed() -> str:
    import presslens

    art = shared_path("seed", "article.txt")
    a = presslens.analyze_text(art.read_text(encoding="utf-8"), source=str(art))
    out = OUT / "seed.json"
    out.write_text(json.dumps(a.to_dict(), ensure_ascii=False), encoding="utf-8")
    res = subprocess.run([sys.executable, str(shared_path("eval", "seed_score.py")), str(shared_path("seed", "expected.json")),
                          str(out), "--section", "repair"], capture_output=True, text=True)
    return res.stdout.strip()


def _timing(pages: list[str]) -> tuple[float, float, int, list[str]]:
    """(repair seconds, whole-pipeline seconds, failed pages, stages timed).
    When a later stage crashes, it is dropped from the pipeline and the pages
    re-timed without it (a smaller pipeline makes repair's share look larger)."""
    from presslens.ingest.text import document_from_text
    from presslens.assembly import DEFAULT_STAGES
    from presslens.pipeline import Pipeline

    ex = extractions()
    names = list(DEFAULT_STAGES)
    while True:
        pipe = Pipeline.from_names(names)
        rep = total = 0.0
        failed = 0
        broken = None
        for pid in pages:
            pipe.timings.clear()
            t0 = time.perf_counter()
            try:
                pipe.run(document_from_text(ex[pid], source=pid))
            except Exception as e:  # another stage's bug must not hide the measurement
                failed += 1
                broken = [n for n in names if n not in pipe.timings][:1] or [names[-1]]
                print(f"{pid[:8]}: {type(e).__name__}: {e} (in {broken[0]})", file=sys.stderr)
                break
            total += time.perf_counter() - t0
            rep += pipe.timings.get("repair", 0.0)
        if not failed or len(names) <= 2:
            return rep, total, failed, names
        names.remove(broken[0])


def score_main() -> None:
    if "--show-errors" in sys.argv:
        split = sys.argv[sys.argv.index("--show-errors") + 1]
        if split != "tune":
            sys.exit("errors are listed for the tune split only: rules are changed reading tune errors, never held-out ones")
        for e in score_split(split, keep_errors=True).errors:
            print(*e)
        for e in damage_score(split, keep_errors=True)[2]:
            print(*e)
        return
    ex = extractions()
    held = sorted(k for k in ex if split_of(k) == "heldout")
    every = sorted(ex)
    parts = []

    rows = []
    for labelling in ("context", "substring"):
        for split in ("heldout", "tune"):
            t = score_split(split, labelling=labelling)
            lp, lr = Tally.pr(t.tp, t.fp, t.fn)
            cp, cr = Tally.pr(t.ctp, t.cfp, t.cfn)
            rows.append([split, labelling, t.tp + t.fn, t.tp + t.fp, lp, lr, cp, cr])
            if split == "heldout" and labelling == "context":
                kinds = ", ".join(f"{k} {n}" for k, n in t.kind_hits.most_common())
                fps = ", ".join(f"{k} {n}" for k, n in t.by_kind.most_common()) or "none"
                audited = (t.audit_right, t.audit_wrong, t.unaudited)
    flips = label_flips()
    parts.append(
        "### Boilerplate lines (article-extraction benchmark)\n\n"
        "Labels: a line of presslens's HTML text (trafilatura via `presslens.ingest.html`) is boilerplate when fewer "
        "than half of its word 4-shingles occur in the page's ground-truth body. A line of fewer than 4 words has no "
        "4-shingle: under the `context` labelling (used from now on) it is body when a 4-word window holding the whole "
        "line and reaching into the previous or next line occurs in the true body (the truth keeps it beside a "
        "neighbour); under the first, `substring` labelling it was body when its words occurred anywhere in the truth, "
        "so one-word debris lines (\"Advertisement\", \"Comments\") counted as body whenever the word appeared in the "
        f"story. Short lines whose label differs between the two: {flips}. Pages split by SHA-1 of the page id "
        "(odd: held out, 89 pages; even: tune, 92); rules are changed reading tune errors only "
        "(`python eval/repair.py tune-errors`). A line counts as flagged when half its characters are in boilerplate spans. "
        "Baseline (no repair): precision undefined, recall 0.\n\n"
        + markdown_table(["split", "labelling", "boilerplate lines", "flagged lines", "line P", "line R", "char P", "char R"], rows)
        + f"\n\nHeld-out flags by kind (context labels): {kinds}. Held-out false alarms by kind: {fps}."
        + "\n\n**Hand audit of the held-out flags** (eval/data/repair/boilerplate_audit.tsv; every flagged line judged "
        "against the debris kinds issue 3 names, whatever its automatic label): "
        f"{audited[0]} debris, {audited[1]} body, {audited[2]} not audited (counted by their label): audited precision "
        f"{audited[0] / max(1, audited[0] + audited[1]):.3f}. The automatic labels call two flags body: a copyright "
        "footer the truth keeps (audited: debris) and a promo-code line of a deals article (audited: body, a real "
        "false alarm of the `advertisement` rule, left in place because it was found on held-out pages). "
        "The held-out half had been measured three times before this audit (0.941 on labels, 34 flags). Rules that "
        "came in after it came from the issue's own list of debris kinds and from invented machine-translated probes "
        "(follow bars, reading-time crumbs, view counters, Ctrl+Enter notices, widget heads in capitals), not from "
        "these pages; only the follow-bar rule flags anything here (one line), audited the same way "
        "(eval/data/repair/boilerplate_audit.tsv says which). "
        "Fresh pages never used for tuning: section `repair_fresh`."
    )
    print(parts[-1], "\n")

    rows = []
    for name, pages in (("held-out (89)", held), ("all (181)", every)):
        base = _extraction_f1(pages, drop=False)
        drop = _extraction_f1(pages, drop=True)
        rows.append([name, "trafilatura text", *base])
        rows.append([name, "minus boilerplate", *drop])
    parts.append(
        "### Extraction F1 (../shared/eval/extraction_pred.py + extraction_f1.py)\n\n"
        + markdown_table(["pages", "text", "precision", "recall", "F1", "F1 (4 places)"], rows)
    )
    print(parts[-1], "\n")

    docs, drows, _ = damage_score("test")
    tdocs, trows, _ = damage_score("tune")
    table = [[k, g, tp, fp, p, r] for k, g, tp, fp, p, r in drows]
    parts.append(
        f"### Damage (cut-and-glued real paragraphs, test half: {docs} documents; tune half: {tdocs})\n\n"
        "Built by eval/repair_lib/damage_set.py from SemEval-2023 Task 3 paragraphs (English, Russian machine-translated "
        "to English, Russian): 3-paragraph documents, one operation each (title glued to the body without punctuation; "
        "first words of a sentence removed; last sentence cut; a paragraph repeated; UTF-8 read as cp1252/cp1251; a "
        "quotation's marks swapped) and untouched documents as negatives. Split by SHA-1 of the article id. "
        "A flag is right when it overlaps an injected span of its kind; everything else (also damage already present "
        "in the corpus) counts as a false alarm. Baseline (flag nothing): recall 0.\n\n"
        + markdown_table(["kind", "injected", "right flags", "false alarms", "precision", "recall"], table)
        + "\n\nTune half, all kinds: precision {:.3f}, recall {:.3f}.".format(trows[-1][4], trows[-1][5])
        + " Tried and removed: `fused` restarts at sentence openers learned from capitalisation counts (PolNeAR "
        "train + tune-side SemEval): tune fused recall 2 -> 4 of 19 with no false alarm, but on the test half 4 false "
        "alarms and no right flag (fused precision 0.333), so the rule was dropped. Shipped since: a logistic "
        "scorer of paragraph-initial junctions (src/presslens/repair/fused_model.py, trained on PolNeAR train titles "
        "glued to first paragraphs + tune-side SemEval, threshold from PolNeAR dev and the tune half; its first and "
        "only tuning-free run on the test half: fused 2 -> 5 of 17, no false alarm; docs/repair.md)."
    )
    print(parts[-1], "\n")

    parts.append("### Seed\n\n`" + _seed().replace("\n", "` `") + "`")
    print(parts[-1], "\n")

    if "--no-timing" not in sys.argv:
        sample = held[:20]
        rep, total, failed, names = _timing(sample)
        parts.append(
            f"### Time\n\nPipeline `{'+'.join(names)}` on {len(sample)} held-out benchmark pages: {total:.1f} s, "
            f"of which the repair stage {rep:.2f} s ({100 * rep / max(total, 1e-9):.1f}%)."
            + ("" if len(names) == 6 else " (Stages missing from the default order crashed on these pages and were left out.)")
        )
        print(parts[-1])
    write_section("repair", "Text repair (boilerplate and damage)", "\n\n".join(parts))


def main() -> None:
    command = next((a for a in sys.argv[1:] if not a.startswith("-") and a != "tune"), "all")
    if command in ("all", "main"):
        score_main()
    if command in ("all", "fresh") and "--show-errors" not in sys.argv:
        from repair_lib import fresh
        fresh.main()
    if command == "tune-errors":
        from repair_lib import tune_errors
        tune_errors.main()
    elif command == "damage-set":
        from repair_lib import damage_set
        damage_set.rewrite()
    elif command == "extractions":
        from repair_lib import data
        data.refresh()
    elif command not in ("all", "main", "fresh"):
        sys.exit(f"eval/repair.py: unknown command {command!r} (all, main, fresh, tune-errors, damage-set, extractions)")


if __name__ == "__main__":
    main()
