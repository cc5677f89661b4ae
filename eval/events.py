"""Events evaluation: our hand-labelled paragraphs from ../shared/data (see eval/data/events/README.md).

    python eval/events.py            # score, print, write the "events" section of eval/RESULTS.md
    python eval/events.py --build    # (re)build labels.jsonl from labels.txt + the corpus (offsets)
    python eval/events.py --errors dev   # list misses and false alarms on one split (for rule work)

A predicted event matches a gold one when the types are equal and the trigger
spans overlap (one-to-one, greedy in text order). On matched events, actor and
target count as right when both are absent or their spans overlap, and the date
when the ISO strings are equal. Rules were iterated only against the dev split;
test is reported as held out.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _results import markdown_table, shared_path, write_section  # noqa: E402

DATA = HERE / "data" / "events"
LABELS_TXT = DATA / "labels.txt"
LABELS = DATA / "labels.jsonl"


# ---------------------------------------------------------------- corpus access
def paragraph_text(ref: dict) -> str:
    path = shared_path("data", *ref["file"].split("/"))
    if "line" in ref:
        line = path.read_text(encoding="utf-8").splitlines()[ref["line"]]
        return line.split("\t", 2)[2]
    return path.read_text(encoding="utf-8")[ref["start"]:ref["end"]]


def _nearest(text: str, needle: str, pos: int) -> tuple[int, int] | None:
    hits, i = [], text.find(needle)
    while i >= 0:
        hits.append(i)
        i = text.find(needle, i + 1)
    if not hits:
        return None
    i = min(hits, key=lambda h: abs(h - pos))
    return i, i + len(needle)


def build() -> None:
    from events_lib import choose  # how the paragraphs were drawn

    paras = {p["id"]: p for p in choose.sample()}
    events: dict[str, list[dict]] = {k: [] for k in paras}
    for n, line in enumerate(LABELS_TXT.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        pid, etype, trig, actor, target, dt = [x.strip() for x in line.split("|")]
        text = paras[pid]["text"]
        word, _, occ = trig.partition("#")
        i, k = -1, int(occ or 0)
        for _ in range(k + 1):
            i = text.find(word, i + 1)
            while i >= 0 and not _word_bounded(text, i, i + len(word)):
                i = text.find(word, i + 1)
        if i < 0:
            sys.exit(f"labels.txt:{n}: trigger {trig!r} not in {pid}")
        ev = {"type": etype, "trigger": {"start": i, "end": i + len(word), "text": word}}
        for role, val in (("actor", actor), ("target", target)):
            if val == "-":
                ev[role] = None
                continue
            sp = _nearest(text, val, i)
            if sp is None:
                sys.exit(f"labels.txt:{n}: {role} {val!r} not in {pid}")
            ev[role] = {"start": sp[0], "end": sp[1], "text": val}
        ev["date"] = None if dt == "-" else dt
        events[pid].append(ev)
    with open(LABELS, "w", encoding="utf-8") as out:
        for pid, p in paras.items():
            ref = {k: v for k, v in p.items() if k not in ("text", "id")}
            split = "test" if int(pid[1:]) % 3 == 2 else "dev"
            out.write(json.dumps({"id": pid, "split": split, **ref, "chars": len(p["text"]),
                                  "events": events[pid]}, ensure_ascii=False) + "\n")
    print(f"wrote {LABELS} ({len(paras)} paragraphs, {sum(map(len, events.values()))} events)")


def _word_bounded(text: str, s: int, e: int) -> bool:
    return (s == 0 or not text[s - 1].isalnum()) and (e == len(text) or not text[e].isalnum())


# ---------------------------------------------------------------- scoring
def _overlap(a: dict | None, b: dict | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a["start"] < b["end"] and b["start"] < a["end"]


def match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    used: set[int] = set()
    pairs = []
    for g in gold:
        for j, p in enumerate(pred):
            if j not in used and p["type"] == g["type"] and _overlap(p["trigger"], g["trigger"]):
                used.add(j)
                pairs.append((g, p))
                break
    return pairs


def baseline(text: str, published: str | None) -> list[dict]:
    """Keyword lookup: every word in the trigger tables, typed by its first rule, and the
    paragraph's first date on every event; no parse, no conditions, no arguments."""
    import re

    from presslens.events.dates import find_dates, parse_published
    from presslens.events.lexicon import NOUN_LEMMA, RULES_BY_KEY, VERB_LEMMA

    dates = find_dates(text, parse_published(published))
    first = dates[0].value if dates else None
    out = []
    for m in re.finditer(r"[A-Za-z][A-Za-z-]*", text):
        w = m.group().lower()
        for table, pos in ((VERB_LEMMA, "V"), (NOUN_LEMMA, "N")):
            rules = RULES_BY_KEY.get((table.get(w, ""), pos))
            if rules:
                out.append({"type": rules[0].type, "trigger": {"start": m.start(), "end": m.end()},
                            "actor": None, "target": None, "date": first})
                break
    return out


def evaluate(rows: list[dict], system) -> dict:
    tp = fp = fn = 0
    right = Counter()
    by_type: dict[str, Counter] = {}
    errors = []
    for r in rows:
        pred = system(r)
        pairs = match(r["events"], pred)
        tp += len(pairs)
        fp += len(pred) - len(pairs)
        fn += len(r["events"]) - len(pairs)
        for g, p in pairs:
            right["actor"] += _overlap(g["actor"], p.get("actor"))
            right["target"] += _overlap(g["target"], p.get("target"))
            right["date"] += g["date"] == p.get("date")
            if g["date"] != p.get("date"):
                errors.append((r["id"], "date", g["type"], g["trigger"]["text"], g["date"], p.get("date")))
        got = {id(p) for _, p in pairs}
        found = {id(g) for g, _ in pairs}
        for g in r["events"]:
            by_type.setdefault(g["type"], Counter())["gold"] += 1
            if id(g) in found:
                by_type[g["type"]]["tp"] += 1
            else:
                errors.append((r["id"], "miss", g["type"], g["trigger"]["text"], None, None))
        for p in pred:
            by_type.setdefault(p["type"], Counter())["pred"] += 1
            if id(p) not in got:
                t = r["_text"][p["trigger"]["start"]:p["trigger"]["end"]]
                errors.append((r["id"], "false", p["type"], t, None, None))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    acc = {k: (right[k] / tp if tp else 0.0) for k in ("actor", "target", "date")}
    return {"p": prec, "r": rec, "f1": f1, "tp": tp, "fp": fp, "fn": fn, **acc, "by_type": by_type,
            "errors": errors}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", action="store_true")
    ap.add_argument("--errors", choices=["dev", "test", "all"])
    a = ap.parse_args()
    if a.build:
        build()
        return
    import presslens

    rows = [json.loads(x) for x in LABELS.read_text(encoding="utf-8").splitlines() if x.strip()]
    for r in rows:
        r["_text"] = paragraph_text(r)
        if len(r["_text"]) != r["chars"]:
            sys.exit(f"{r['id']}: corpus text changed ({len(r['_text'])} chars, labelled {r['chars']})")
    pipe = presslens.default_pipeline()
    cache: dict[str, list[dict]] = {}
    t0 = time.perf_counter()

    def system(r: dict) -> list[dict]:
        if r["id"] not in cache:
            an = presslens.analyze_text(r["_text"], source=r["file"], published=r.get("published"))
            cache[r["id"]] = an.to_dict()["events"]
        return cache[r["id"]]

    def base(r: dict) -> list[dict]:
        return baseline(r["_text"], r.get("published"))

    splits = {"dev": [r for r in rows if r["split"] == "dev"], "test (held out)": [r for r in rows if r["split"] == "test"],
              "all": rows}
    results = {name: (evaluate(rs, system), evaluate(rs, base)) for name, rs in splits.items()}
    wall = time.perf_counter() - t0
    share = pipe.timings.get("events", 0.0) / max(1e-9, sum(pipe.timings.values()))

    if a.errors:
        key = {"dev": "dev", "test": "test (held out)", "all": "all"}[a.errors]
        for e in results[key][0]["errors"]:
            print(*e, sep="\t")
        return

    header = ["split", "paragraphs", "gold events", "system", "P", "R", "F1", "actor acc", "target acc", "date acc"]
    table = []
    for name, (s, b) in results.items():
        n = len(splits[name])
        g = s["tp"] + s["fn"]
        table.append([name, n, g, "presslens events", s["p"], s["r"], s["f1"], s["actor"], s["target"], s["date"]])
        table.append([name, n, g, "baseline: keyword lookup", b["p"], b["r"], b["f1"], "-", "-", b["date"]])
    per_type = []
    for t, c in sorted(results["all"][0]["by_type"].items()):
        p = c["tp"] / c["pred"] if c["pred"] else 0.0
        r = c["tp"] / c["gold"] if c["gold"] else 0.0
        per_type.append([t, c["gold"], c["pred"], c["tp"], p, r])
    body = (
        "Type + trigger precision/recall/F1 on our hand-labelled paragraphs (eval/data/events/README.md: 80 "
        "paragraphs, 34 semeval ru->en translations, 34 PolNeAR, 12 more naming a legal step; labelled before "
        "the rules were run on them). A match needs the same type and overlapping trigger spans; actor, target "
        "and date accuracy are over matched events. Rules were adjusted only on dev errors.\n\n"
        + markdown_table(header, table)
        + "\n\nPer type (all paragraphs):\n\n"
        + markdown_table(["type", "gold", "predicted", "matched", "P", "R"], per_type)
        + f"\n\nCost: the events stage took {share:.1%} of the pipeline's stage time over these paragraphs "
          f"(whole run {wall:.1f}s, including the baseline).\n"
    )
    print(body)
    write_section("events", "Events: type + trigger, actor, target, date", body)


if __name__ == "__main__":
    main()
