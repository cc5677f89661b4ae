"""Who said what in Russian news read in English translation (a held-out check, never tuned on).

    python eval/attribution_mt.py [--keep DIR] [--dump DIR]

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
were never tuned on it.

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

DATA = HERE / "data" / "attribution_mt_ru"
GOLD = DATA / "gold.jsonl"
TRANSLATOR = "A"


def documents(ids: list[str]) -> dict[str, str]:
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
        sys.exit(f"{DATA / 'documents.json'}: not in the WMT21 file: {', '.join(sorted(missing))}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, help="keep texts, outputs and gold in this folder")
    ap.add_argument("--dump", type=Path, help="only write each analysed text to DIR/DOC.txt (for labelling)")
    a = ap.parse_args()
    ids = json.loads((DATA / "documents.json").read_text(encoding="utf-8"))
    work = a.keep or Path(tempfile.mkdtemp(prefix="presslens-attrmt-"))
    pages = work / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    files = []
    for doc, text in documents(ids).items():
        path = pages / f"{doc}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    arts = analyze(files, work / "presslens.jsonl")
    if a.dump:
        a.dump.mkdir(parents=True, exist_ok=True)
        for doc, art in arts.items():
            (a.dump / f"{doc}.txt").write_text(art["text"], encoding="utf-8", newline="")
        print(f"{len(arts)} texts in {a.dump}")
        return
    gold = load_jsonl(GOLD)
    gold_path = write_gold(gold, arts, work)
    row = score(gold_path, work / "presslens.jsonl", "presslens speech+writing", "speech,writing")
    atts = [at for g in gold for at in g["attributions"]]
    table = markdown_table(["system", "articles", "gold quotes", "content P", "content R", "content F1",
                            "speaker acc", "F1 with speaker"],
                           [["presslens, speech and writing", len(gold), len(atts), *row]])
    print(table)
    intro = (
        f"{len(gold)} WMT21 news-test documents from Russian outlets (../shared/data/wmt21-ru-en, reference "
        f"translation {TRANSLATOR}), {len(atts)} gold quotes of speech or writing "
        f"({sum(bool(at['speaker']) for at in atts)} with a named speaker), labelled by "
        "eval/data/attribution_news/GUIDELINES.md before presslens's output was read; offsets only "
        "(eval/data/attribution_mt_ru/). A held-out check: no rule was tuned on it. Human translation "
        "stands in for the issue's machine-translated reports."
    )
    write_section("attribution-mt-ru", "Who said what in Russian news in English translation (held out)",
                  intro + "\n\n" + table)


if __name__ == "__main__":
    main()
