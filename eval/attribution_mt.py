"""Who said what in Russian news read in English translation: a tune set and a held-out check.

    python eval/attribution_mt.py [--set tune|held-out] [--keep DIR] [--dump DIR]

Two disjoint sets of documents: `tune` (eval/data/attribution_mt_ru_tune/), whose
errors rules and weights may be worked out from, and `held-out`
(eval/data/attribution_mt_ru/), only ever scored. Without `--set` both are scored.

The articles are WMT21 news test documents from Russian outlets
(../shared/data/wmt21-ru-en/newstest2021.ru-en.all.xml), read in their human
reference translation A: English as a translator renders Russian reporting
("noted", "stressed", "according to him"), the nearest stand-in on this
machine for machine-translated Russian reports. The repository holds no text:
eval/data/attribution_mt_ru/documents.json lists the document ids, gold.jsonl
holds each document's quotes as offsets into the text `presslens analyze`
makes of it, with that text's sha256 (a changed extractor stops the script
rather than score shifted offsets). The gold follows
eval/data/attribution_news/GUIDELINES.md (speech and writing only) and was
labelled before presslens's output for these documents was read; the rules
were never tuned on the held-out set.

Scored by ../shared/eval/attribution_score.py with `--acts speech,writing`.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import HERE, markdown_table, shared_path, write_section  # noqa: E402
from attribution_news import analyze, load_jsonl, score, write_gold  # noqa: E402

SETS = {"tune": HERE / "data" / "attribution_mt_ru_tune", "held-out": HERE / "data" / "attribution_mt_ru"}
TRANSLATOR = "A"


def documents(ids: list[str], data: Path) -> dict[str, str]:
    """{doc id: English text}: the headline (first segment) as its own paragraph, then each
    paragraph of the reference translation with its segments joined by spaces."""
    root = ET.parse(shared_path("data", "wmt21-ru-en", "newstest2021.ru-en.all.xml")).getroot()
    want, out = set(ids), {}
    for doc in root.iter("doc"):
        if doc.get("id") not in want:
            continue
        ref = next(r for r in doc.findall("ref") if r.get("translator") == TRANSLATOR)
        segs = [[(s.text or "").strip() for s in p.findall("seg")] for p in ref.findall("p")]
        paras = [segs[0][0]] + [" ".join(p[1:] if i == 0 else p) for i, p in enumerate(segs)]
        out[doc.get("id")] = "\n\n".join(p for p in paras if p) + "\n"
    missing = want - out.keys()
    if missing:
        sys.exit(f"{data / 'documents.json'}: not in the WMT21 file: {', '.join(sorted(missing))}")
    return out


def run_set(name: str, work: Path, dump: Path | None) -> list[object] | None:
    """Analyse one set's documents under `work`; its scored row, or None after a --dump."""
    data = SETS[name]
    ids = json.loads((data / "documents.json").read_text(encoding="utf-8"))
    pages = work / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    files = []
    for doc, text in documents(ids, data).items():
        path = pages / f"{doc}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    arts = analyze(files, work / "presslens.jsonl")
    if dump:
        dump.mkdir(parents=True, exist_ok=True)
        for doc, art in arts.items():
            (dump / f"{doc}.txt").write_text(art["text"], encoding="utf-8", newline="")
        print(f"{len(arts)} texts in {dump}")
        return None
    gold = load_jsonl(data / "gold.jsonl")
    gold_path = write_gold(gold, arts, work)
    row = score(gold_path, work / "presslens.jsonl", f"presslens {name}", "speech,writing")
    atts = [at for g in gold for at in g["attributions"]]
    return [f"{name} ({data.relative_to(HERE.parent)})", len(gold), len(atts),
            sum(bool(at["speaker"]) for at in atts), *row]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=tuple(SETS), help="only this set (default: both)")
    ap.add_argument("--keep", type=Path, help="keep texts, outputs and gold in this folder")
    ap.add_argument("--dump", type=Path, help="only write each analysed text to DIR/DOC.txt (for labelling)")
    a = ap.parse_args()
    names = [a.set] if a.set else list(SETS)
    if a.dump and len(names) != 1:
        sys.exit("--dump needs --set")
    root = a.keep or Path(tempfile.mkdtemp(prefix="presslens-attrmt-"))
    rows = [r for n in names if (r := run_set(n, root / n, a.dump)) is not None]
    if not rows:
        return
    table = markdown_table(["set", "articles", "gold quotes", "with a named speaker", "content P", "content R",
                            "content F1", "speaker acc", "F1 with speaker"], rows)
    print(table)
    if len(rows) != len(SETS):
        return  # RESULTS.md keeps the table of both sets, from one run
    intro = (
        "WMT21 news-test documents from Russian outlets (../shared/data/wmt21-ru-en, reference "
        f"translation {TRANSLATOR}), presslens's speech and writing quotes, gold labelled by "
        "eval/data/attribution_news/GUIDELINES.md before presslens's output on each set was read; offsets only. "
        "Two disjoint sets: `tune` (eval/data/attribution_mt_ru_tune/), whose errors rules and weights were "
        "worked out from, and `held-out` (eval/data/attribution_mt_ru/), only scored. Human translation "
        "stands in for the issue's machine-translated reports. The tune set grew from 26 to 62 documents "
        "(61 to 115 quotes) with every remaining WMT21 document from a Russian outlet that reports "
        "anyone (eval/data/attribution_mt_ru_tune/README.md); on it, before the speaker fixes worked out "
        "from its third batch and from invented probes (transliterations and case forms of one name, "
        "`the department` for a named ministry, long body names, kinds before names, he/she from Russian "
        "surname endings, the nationality in a description): content F1 0.837, speaker acc 0.822, F1 with "
        "speaker 0.652. The held-out set's numbers did not move with those fixes. Next pass, from the tune "
        "set's errors only (stacked sources: `citing NAME`, `with reference to the department`, a person's press "
        "service, `the journalists' information`; `according to preliminary information` as a document; "
        "`As X noted, ...`, `In his words, ...`; trailing outlet cues the parse hung inside the clause; no "
        "attribution in the headline): tune 0.839 / 0.696 -> 0.907 / 0.793 (content F1 / F1 with speaker), "
        "held-out 0.835 / 0.612 -> 0.865 / 0.635. Third speaker pass, from the tune set's last errors, "
        "its documents in translation B, and machine-translated Russian articles of SemEval-2023 Task 3's "
        "training split read by eye (no gold): a body's portfolio and country stay in its name (`the "
        "Ministry of Emergency Situations` written twice was cut into a body and a person), a title's "
        "own name is its speaker (`said ambassador to X NAME`, a long apposition), speakers after the "
        "verb, passive agents and those quoted `as saying` are salient, a bare title after its verb "
        "(`said former Minister of X`) is a description, the pronoun fallback respects the name's "
        "gender: tune speaker acc 0.928 -> 0.959 (F1 with speaker 0.793 -> 0.819), held-out speaker acc "
        "0.759 -> 0.770 (F1 with speaker 0.635 -> 0.644); the issue's 0.75 is not reached."
    )
    write_section("attribution-mt-ru", "Who said what in Russian news in English translation (tune and held out)",
                  intro + "\n\n" + table)


if __name__ == "__main__":
    main()
