"""Turn a labeller's notes (quoted substrings) into the offsets-only gold of eval/attribution_news.py.

    python eval/attribution_news_label.py NOTES [NOTES ...] TEXTS_DIR [--set NAME]

`--set attribution_mt_ru` writes eval/data/attribution_mt_ru/gold.jsonl (texts
from `attribution_mt.py --dump`) instead of the news set's.

NOTES lives outside the repository (it quotes the articles): a block per
article, `== DOC`, then one line per quote,

    ACT | SPEAKER | SPEAKER MENTION | CUE | CONTENT

ACT is S (speech) or W (writing); SPEAKER is the canonical name, `-` when the
text names nobody; the mention and cue are `-` when absent. CONTENT must
occur exactly once in the article's analysed text (TEXTS_DIR/DOC.txt, from
`attribution_news.py --pool --dump`); the mention and the cue are taken at
their occurrence nearest the content. A long CONTENT may be
given as `HEAD ... TAIL`: from the unique HEAD to the first TAIL after it; `N@HEAD` takes the N-th
occurrence of a HEAD too short to be unique (a one-word answer). A
CONTENT that starts right after an opening quotation mark may be a unique prefix: it is
extended to the end of that quotation. Articles listed in documents.json and
labelled in NOTES are written, in NOTES order, to gold.jsonl with the sha256
of the text the offsets point into.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from attribution_news import DATA, GOLD, text_sha256  # noqa: E402

ACTS = {"S": "speech", "W": "writing"}
OPENING, MARKS = "\"“", "\"“”"


def to_closing_mark(text: str, start: int, end: int) -> int:
    """A content that opens a quotation runs to the next quotation mark (a quote is a stretch
    opened by a mark), less the comma that stands for a full stop before the cue."""
    if start == 0 or text[start - 1] not in OPENING:
        return end
    hits = [i for i in (text.find(m, end) for m in MARKS) if i >= 0]
    stop = min(hits, default=end)
    if text.count("\n", end, stop):
        stop = end + len(text[end:stop].split("\n")[0])
    return len(text[:stop].rstrip().rstrip(",").rstrip())


def unique(text: str, s: str, where: str) -> tuple[int, int]:
    nth = re.match(r"(\d+)@", s)
    if nth:
        s = s[nth.end():]
    hits = [m.start() for m in re.finditer(re.escape(s), text)]
    if nth and len(hits) >= int(nth.group(1)):
        hits = [hits[int(nth.group(1)) - 1]]
    if len(hits) != 1:
        sys.exit(f"{where}: content {s!r} occurs {len(hits)} times; quote more of it")
    return hits[0], hits[0] + len(s)


def wraps(text: str, content: tuple[int, int], i: int, j: int) -> bool:
    """Whether text[i:j] inside the content is a cue the sentence wraps round, set off by commas
    ("This, he says, is…", "…one,” Prelogar said, “but…")."""
    before, after = text[content[0]:i], text[j:content[1]]
    if "," not in before or "," not in after:
        return False
    segment = before[before.rindex(",") + 1:] + text[i:j] + after[:after.index(",")]
    return len(segment) < 80 and not any(m in segment.strip(" \"“”") for m in MARKS)


def nearest(text: str, s: str, content: tuple[int, int], where: str) -> list[int] | None:
    """The whole-word occurrence of `s` nearest the content: outside it, or inside it only as a
    cue the sentence wraps round."""
    if s == "-":
        return None
    pattern = (r"\b" if s[0].isalnum() else "") + re.escape(s) + (r"\b" if s[-1].isalnum() else "")
    hits = [m.start() for m in re.finditer(pattern, text)
            if m.end() <= content[0] or m.start() >= content[1] or wraps(text, content, m.start(), m.end())]
    if not hits:
        sys.exit(f"{where}: {s!r} not in the text")

    def gap(i: int) -> int:
        return max(content[0] - (i + len(s)), i - content[1], 0)

    i = min(hits, key=gap)
    return [i, i + len(s)]


def parse(notes: str, texts: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    doc = text = None
    for n, line in enumerate(notes.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("== "):
            doc = line[3:].strip()
            text = (texts / f"{doc}.txt").read_text(encoding="utf-8")
            out[doc] = {"text_sha256": text_sha256(text), "attributions": []}
            continue
        where = f"line {n} ({doc})"
        parts = [p.strip() for p in line.split(" | ")]
        if doc is None or len(parts) != 5 or parts[0] not in ACTS:
            sys.exit(f"{where}: expected ACT | SPEAKER | MENTION | CUE | CONTENT")
        act, speaker, mention, cue, content = parts
        head, _, tail = content.partition(" ... ")
        c = unique(text, head, where)
        if tail:
            stop = text.find(tail, c[1])
            if stop < 0:
                sys.exit(f"{where}: {tail!r} not after {head!r}")
            c = (c[0], stop + len(tail))
        c = (c[0], to_closing_mark(text, *c))
        out[doc]["attributions"].append({
            "content": list(c), "speaker_mention": nearest(text, mention, c, where),
            "speaker": None if speaker == "-" else speaker, "cue": nearest(text, cue, c, where), "act": ACTS[act]})
    return out


def main() -> None:
    args = sys.argv[1:]
    data = DATA
    if "--set" in args:
        k = args.index("--set")
        data = DATA.parent / args[k + 1]
        del args[k:k + 2]
    gold = data / GOLD.name
    *notes, texts = map(Path, args)
    labelled = parse("\n".join(n.read_text(encoding="utf-8") for n in notes), texts)
    # a set's documents.json lists records (archive members) or bare document ids
    pool = {r["doc"] if isinstance(r, dict) else r: r if isinstance(r, dict) else {"doc": r}
            for r in json.loads((data / "documents.json").read_text(encoding="utf-8"))}
    unknown = labelled.keys() - pool.keys()
    if unknown:
        sys.exit(f"{data / 'documents.json'}: does not list {', '.join(sorted(unknown))}")
    with gold.open("w", encoding="utf-8") as fh:
        for doc, g in labelled.items():
            fh.write(json.dumps({**pool[doc], **g}, ensure_ascii=False) + "\n")
    print(f"{gold}: {len(labelled)} articles, {sum(len(g['attributions']) for g in labelled.values())} quotes")


if __name__ == "__main__":
    main()
