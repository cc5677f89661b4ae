"""Speaker resolution accuracy on the hand-labelled PolNeAR dev set (eval/data/speakers/).

    python eval/speakers.py

For each labelled pronoun/description speaker, presslens's answer is the
canonical speaker name of the attribution whose speaker mention overlaps it,
or else the entity with a mention there; none counts as wrong. Names match
with the project's rule (../shared/eval/seed_score.py `name_ok`: same name,
or surname alone). Baseline: the nearest PERSON named by spaCy before the
mention (what a reader gets without coreference).
"""
from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import markdown_table, shared_path, write_section  # noqa: E402

import presslens  # noqa: E402
from presslens.attribution.speaker import SpeakerIndex  # noqa: E402
from presslens.ingest.text import document_from_text  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "speakers" / "polnear_dev.jsonl"
STAGES = ("repair", "parse", "entities", "quotes")


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def presslens_name(analysis, out: dict, span: tuple[int, int], possessive: bool = False) -> str | None:
    """The speaker name presslens shows for an attribution there, else what its resolver
    (the one the quotes stage uses) makes of the mention. A possessive (`his` in `his aides
    said`) is labelled with the person it means, not with the speaker (the aides), so it is
    asked of the resolver directly."""
    index = SpeakerIndex(list(analysis.get("entities")), dict(analysis.scratch.get("coref") or {}))
    if possessive:
        sp = index.resolve(out["text"], span)
        return sp.name if sp else None
    for q in out["quotes"]:
        sp = q.get("speaker") or {}
        if sp and overlaps((sp["start"], sp["end"]), span):
            return sp.get("name")
    sp = index.resolve(out["text"], span)
    return sp.name if sp else None


def nearest_person(out: dict, span: tuple[int, int]) -> str | None:
    best = None
    for e in out["entities"]:
        if e["type"] != "PERSON":
            continue
        for m in e["mentions"]:
            text = out["text"][m["start"]:m["end"]]
            if m["end"] <= span[0] and text[:1].isupper() and text.lower() not in ("he", "she", "who"):
                if best is None or m["start"] > best[0]:
                    best = (m["start"], text)
    return best[1] if best else None


def main() -> None:
    sys.path.insert(0, str(shared_path("eval")))
    from seed_score import name_ok  # the project's name rule, not re-implemented

    texts = shared_path("data", "polnear", "dev", "text")
    items = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    pipe = presslens.Pipeline.from_names(STAGES)
    outs: dict[str, dict] = {}
    analyses: dict[str, object] = {}
    right: dict[str, collections.Counter] = {"presslens": collections.Counter(), "nearest name": collections.Counter()}
    total: collections.Counter = collections.Counter()
    misses = []
    for it in items:
        doc = it["doc"]
        if doc not in outs:
            path = texts / f"{doc}.txt"
            analyses[doc] = pipe.run(document_from_text(path.read_text(encoding="utf-8"), source=str(path)))
            outs[doc] = analyses[doc].to_dict()
        out = outs[doc]
        span = (it["start"], it["end"])
        kind = it["kind"] if it["kind"] in ("he", "she", "who", "desc") else "his/her"
        total[kind] += 1
        total["all"] += 1
        pred = presslens_name(analyses[doc], out, span, kind == "his/her")
        ok = name_ok(pred, it["label"])
        right["presslens"][kind] += ok
        right["presslens"]["all"] += ok
        if not ok:
            misses.append((it["mention"], it["label"], pred))
        base = nearest_person(out, span)
        ok_b = name_ok(base, it["label"])
        right["nearest name"][kind] += ok_b
        right["nearest name"]["all"] += ok_b
    kinds = ["all", "he", "she", "who", "desc", "his/her"]
    rows = [[system] + [right[system][k] / total[k] if total[k] else 0.0 for k in kinds] for system in right]
    header = ["system"] + [f"{k} (n={total[k]})" for k in kinds]
    table = markdown_table(header, rows)
    print(table)
    if "-v" in sys.argv:
        for m in misses:
            print("miss:", m)
    write_section("speakers", "Speaker resolution on PolNeAR dev (pronouns and descriptions)",
                  f"{total['all']} hand-labelled items (eval/data/speakers/); accuracy = the canonical speaker "
                  f"name is the person meant (surname alone allowed); a possessive (`his` in `his aides said`) "
                  f"is asked of the resolver, since the speaker there is the aides.\n\n{table}")


if __name__ == "__main__":
    main()
