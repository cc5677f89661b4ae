"""The news who-said-what dev set: the labelling helper's offsets and the committed gold's shape.

The articles themselves are fetched by eval/attribution_news.py and are not
needed here: the helper runs on a text written in the test.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

import attribution_news  # noqa: E402
import attribution_news_label as label  # noqa: E402

TEXT = ('The mayor, Ana Ruiz, said the bridge would reopen in May. "It is safe," she said, '
        '"and it will stay open." "We checked every bolt, twice. Nothing moved," she added.\n'
        'Ruiz said "no". Officials said no more.\n')


def notes(*lines: str) -> str:
    return "\n".join(["== doc1", *lines]) + "\n"


def parse(tmp_path: Path, *lines: str) -> list[dict]:
    (tmp_path / "doc1.txt").write_text(TEXT, encoding="utf-8")
    return label.parse(notes(*lines), tmp_path)["doc1"]["attributions"]


def spans(tmp_path: Path, *lines: str) -> list[str]:
    return [TEXT[a["content"][0]:a["content"][1]] for a in parse(tmp_path, *lines)]


def test_indirect_content_is_taken_as_written_with_the_nearest_mention_and_cue(tmp_path):
    [a] = parse(tmp_path, "S | Ana Ruiz | The mayor | said | the bridge would reopen in May")
    assert TEXT[a["content"][0]:a["content"][1]] == "the bridge would reopen in May"
    assert TEXT[a["cue"][0]:a["cue"][1]] == "said" and a["cue"][0] == TEXT.index("said")
    assert a["speaker"] == "Ana Ruiz" and a["act"] == "speech"


def test_a_quotation_prefix_runs_to_the_closing_mark_without_the_comma(tmp_path):
    assert spans(tmp_path, "S | Ana Ruiz | she | added | We checked every bolt") == \
        ["We checked every bolt, twice. Nothing moved"]


def test_head_tail_spans_an_interrupted_quotation(tmp_path):
    assert spans(tmp_path, "S | Ana Ruiz | she | said | It is safe ... stay open") == \
        ['It is safe," she said, "and it will stay open.']


def test_the_cue_a_quotation_wraps_round_is_found_inside_it_and_whole_words_only(tmp_path):
    [a] = parse(tmp_path, "S | Ana Ruiz | she | said | It is safe ... stay open")
    assert TEXT[a["cue"][0] - 4:a["cue"][1]] == "she said" and TEXT[a["speaker_mention"][0]:][:8] == "she said"
    [b] = parse(tmp_path, "S | Ana Ruiz | she | added | We checked every bolt")
    assert TEXT[b["speaker_mention"][0]:b["speaker_mention"][1] + 6] == "she added"


def test_nth_occurrence_picks_a_short_answer(tmp_path):
    got = parse(tmp_path, "S | Ana Ruiz | Ruiz | said | 1@no")
    start = got[0]["content"][0]
    assert TEXT[start:start + 2] == "no" and TEXT[start - 1] == '"'


def test_ambiguous_content_is_refused(tmp_path):
    with pytest.raises(SystemExit, match="occurs 2 times"):
        parse(tmp_path, "S | - | Officials | said | no")


def test_null_speaker_and_missing_cue(tmp_path):
    [a] = parse(tmp_path, "W | - | - | - | Nothing moved")
    assert a["speaker"] is None and a["cue"] is None and a["speaker_mention"] is None and a["act"] == "writing"


def test_committed_gold_is_offsets_only_and_pinned():
    gold = attribution_news.load_jsonl(attribution_news.GOLD)
    pins = json.loads((attribution_news.DATA / "archives.json").read_text(encoding="utf-8"))
    pool = {r["doc"] for r in json.loads((attribution_news.DATA / "documents.json").read_text(encoding="utf-8"))}
    docs = [g["doc"] for g in gold]
    assert len(docs) == len(set(docs)) >= 40
    assert sum(len(g["attributions"]) for g in gold) >= 250
    for g in gold:
        assert g["doc"] in pool and g["archive"] in pins
        assert re.fullmatch(r"[0-9a-f]{64}", g["text_sha256"])
        for at in g["attributions"]:
            assert at["act"] in ("speech", "writing")
            for key in ("content", "speaker_mention", "cue"):
                span = at[key]
                assert span is None and key != "content" or \
                    len(span) == 2 and all(isinstance(x, int) for x in span) and 0 <= span[0] < span[1]
            assert at["speaker"] is None or at["speaker"].strip() == at["speaker"] != ""
    raw = attribution_news.GOLD.read_text(encoding="utf-8")
    assert '"text"' not in raw, "the gold must not carry article text"


def test_null_acts_are_left_out_for_the_act_filter_and_typed_ones_kept(tmp_path):
    pred = tmp_path / "p.jsonl"
    quotes = [{"start": 0, "end": 5, "act": None}, {"start": 6, "end": 9, "act": "thought"}]
    pred.write_text(json.dumps({"source": "a.txt", "quotes": quotes}) + "\n", encoding="utf-8")
    [out] = attribution_news.load_jsonl(attribution_news.without_null_acts(pred))
    assert out["quotes"] == [{"start": 0, "end": 5}, {"start": 6, "end": 9, "act": "thought"}]


def test_the_set_splits_by_outlet_into_a_fixed_tune_and_held_out_half():
    gold = attribution_news.load_jsonl(attribution_news.GOLD)
    halves = {attribution_news.half(g["doc"]) for g in gold}
    assert halves == {"tune", "held-out"}
    assert attribution_news.outlet("lee_041") == "abc" and attribution_news.half("lee_041") == "tune"
    assert attribution_news.outlet("n4k_cnn_002") == "cnn" and attribution_news.half("n4k_ap_meta_refresh") == "held-out"
    assert attribution_news.outlet("traf_vancouversun_com_microsoft") == "vancouversun.com"
    # no outlet has articles on both sides
    by_outlet: dict[str, set[str]] = {}
    for g in gold:
        by_outlet.setdefault(attribution_news.outlet(g["doc"]), set()).add(attribution_news.half(g["doc"]))
    assert all(len(v) == 1 for v in by_outlet.values())
    assert sum(attribution_news.half(g["doc"]) == "held-out" for g in gold) >= 15


def test_translated_russian_gold_is_offsets_only_over_listed_documents():
    data = EVAL / "data" / "attribution_mt_ru"
    ids = json.loads((data / "documents.json").read_text(encoding="utf-8"))
    gold = attribution_news.load_jsonl(data / "gold.jsonl")
    assert len(gold) >= 20 and {g["doc"] for g in gold} <= set(ids)
    for g in gold:
        assert set(g) == {"doc", "text_sha256", "attributions"}
        for at in g["attributions"]:
            assert at["act"] in ("speech", "writing")
            assert all(isinstance(x, int) for x in at["content"]) and at["content"][0] < at["content"][1]


def test_translated_russian_tune_set_is_offsets_only_and_disjoint_from_the_held_out_set():
    tune = EVAL / "data" / "attribution_mt_ru_tune"
    held = EVAL / "data" / "attribution_mt_ru"
    ids = json.loads((tune / "documents.json").read_text(encoding="utf-8"))
    held_ids = json.loads((held / "documents.json").read_text(encoding="utf-8"))
    assert len(ids) >= 15 and not set(ids) & set(held_ids)
    gold = attribution_news.load_jsonl(tune / "gold.jsonl")
    assert {g["doc"] for g in gold} == set(ids)
    for g in gold:
        assert set(g) == {"doc", "text_sha256", "attributions"}
        for at in g["attributions"]:
            assert at["act"] in ("speech", "writing")
            assert all(isinstance(x, int) for x in at["content"]) and at["content"][0] < at["content"][1]
