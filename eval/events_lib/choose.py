"""How the evaluation paragraphs were chosen (run once; the choice is committed in paragraphs.jsonl).

Paragraphs of 120-650 characters that contain at least one word from a broad
list of legal/political happenings (wider than, and written before, the
trigger lexicon), sampled at random with a fixed seed: 34 from the semeval
Russian->English translations, 34 from PolNeAR (train) with its publication
date; then 12 more among paragraphs naming a legal step. Usage: python eval/events_lib/choose.py > /tmp/paragraphs.jsonl (for reading; not committed,
the corpus text stays in ../shared)
"""
from __future__ import annotations

import csv
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _results import shared_path  # noqa: E402

CUES = re.compile(
    r"\b(arrest\w*|detain\w*|court|trial|sentenc\w*|convict\w*|charg\w*|prosecut\w*|jail\w*|prison|"
    r"releas\w*|acquit\w*|appeal\w*|protest\w*|rall(?:y|ies|ied)|demonstrat\w*|met|meet\w*|talks|summit|"
    r"agreement|treaty|signed|attack\w*|kill\w*|shell\w*|sanction\w*|elect\w*|vote[ds]?|primar(?:y|ies)|"
    r"appoint\w*|nominat\w*|resign\w*|step(?:ped)? down|investigat\w*|accus\w*|demand\w*|urg\w*)\b", re.I)


def semeval() -> list[dict]:
    path = shared_path("data", "semeval2023-task3", "data_translated", "ru", "train_st3_translated.txt")
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        parts = line.split("\t")
        if len(parts) == 3 and 120 <= len(parts[2]) <= 650 and CUES.search(parts[2]):
            out.append({"corpus": "semeval-ru-translated", "file": "semeval2023-task3/data_translated/ru/train_st3_translated.txt",
                        "article": parts[0], "paragraph": int(parts[1]), "line": n, "published": None, "text": parts[2]})
    return out


def polnear() -> list[dict]:
    root = shared_path("data", "polnear")
    dates = {}
    with open(root / "metadata.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            dates[row["filename"]] = row["publication_date"]
    out = []
    for p in sorted((root / "train" / "text").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        for m in re.finditer(r"[^\n]+", text):
            para = m.group()
            if 120 <= len(para) <= 650 and CUES.search(para):
                out.append({"corpus": "polnear", "file": f"polnear/train/text/{p.name}", "start": m.start(),
                            "end": m.end(), "published": dates.get(p.stem), "text": para})
    return out


# The broad sample above holds almost no legal chain, so a second, smaller sample
# is drawn among paragraphs naming a legal step.
LEGAL = re.compile(r"\b(arrest\w*|detain\w*|sentenc\w*|convict\w*|acquit\w*|prison|jail\w*|indict\w*|"
                   r"charged with|released from|custody)\b", re.I)


def sample() -> list[dict]:
    rng = random.Random(5)
    sem, pol = semeval(), polnear()
    picked = rng.sample(sem, 34) + rng.sample(pol, 34)
    rest = [p for p in sem + pol if p not in picked and LEGAL.search(p["text"])]
    picked += rng.sample(rest, 12)
    for i, p in enumerate(picked):
        p["id"] = f"p{i:02d}"
    return picked


def main() -> None:
    for p in sample():
        print(json.dumps(p, ensure_ascii=False))


if __name__ == "__main__":
    main()
