"""The learned antecedent ranker: the trainer's fit, the trace it learns from, and the shipped weights."""
import json

import numpy as np

from presslens.coref.ranker import TRACE, WEIGHTS_PATH, weights
from presslens.train.coref_ranker import accuracy, fit, informative, matrices


def _ranking(doc, feats, right):
    return (doc, {"kind": "pronoun", "features": dict(enumerate(feats))}, set(right))


def test_fit_learns_that_the_nearer_candidate_is_meant():
    rows = [_ranking("d", [{"sentence_distance": 0, "prominence": 1}, {"sentence_distance": 2, "prominence": 2}], {0}),
            _ranking("d", [{"sentence_distance": 3, "prominence": 2}, {"sentence_distance": 1, "prominence": 2}], {1}),
            _ranking("e", [{"sentence_distance": 1, "prominence": 1}, {"sentence_distance": 4, "prominence": 1}], {0})]
    names = ["sentence_distance", "prominence"]
    w = fit(matrices(rows, names), 2)
    assert w[0] < 0
    assert accuracy(matrices(rows, names), w) == 1.0


def test_a_fixed_feature_enters_as_an_offset_not_a_learned_weight():
    rows = [_ranking("d", [{"sentence_distance": 1, "gender_unknown": 1}, {"sentence_distance": 1}], {1})]
    data = matrices(rows, ["sentence_distance"], {"gender_unknown": -5.0})
    assert accuracy(data, np.zeros(1)) == 1.0  # the offset alone ranks the known-gender one first


def test_informative_rankings_need_a_right_and_a_wrong_candidate():
    rows = [_ranking("d", [{"sentence_distance": 0}], {0}),
            _ranking("d", [{"sentence_distance": 0}, {"sentence_distance": 1}], {5}),
            _ranking("d", [{"sentence_distance": 0}, {"sentence_distance": 1}], {0})]
    assert len(informative(rows, "pronoun")) == 1


def test_trace_reads_a_repeated_name_as_a_pronoun_of_its_person():
    from tests.unseen_helpers import run

    trace: list = []
    token = TRACE.set(trace)
    try:
        run("Mary Hollis opened the bakery in 2004. Tom Reyes joined her a year later.\n\n"
            "Hollis said the ovens were old.\n")
    finally:
        TRACE.reset(token)
    names = next(r["names"] for r in trace if r["kind"] == "persons")
    probes = [r for r in trace if r["kind"] == "probe"]
    assert probes and names[probes[-1]["truth"]] == "mary hollis"
    assert probes[-1]["truth"] in probes[-1]["features"]
    assert TRACE.get() is None  # off again: run time pays nothing


def test_shipped_weights_say_what_was_learned_and_what_was_kept():
    w = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert "learned" in w["trained"]["pronoun"] and "gender_unknown" in w["trained"]["pronoun"]["fixed"]
    assert weights()["pronoun"]["sentence_distance"] < 0 < weights()["pronoun"]["prominence"]


def _real(doc, feats, right):
    return (doc, {"kind": "pronoun", "features": dict(enumerate(feats)), "real": True}, set(right))


def test_gender_weights_are_fitted_on_real_pronouns_and_kept_only_when_they_beat_the_hand_set_ones():
    from presslens.train.coref_ranker import MIN_REAL, fit_gender

    # real pronouns whose person no name list knows: a penalty for an unknown gender is wrong here
    rows = [_real(f"d{i % 10}", [{"sentence_distance": 1, "gender_unknown": 1},
                                 {"sentence_distance": 1, "gender_known_match_subject": 1}], {0})
            for i in range(MIN_REAL)]
    hand = {"pronoun": {"sentence_distance": -0.5, "prominence": 0.5, "position": 0.0,
                        "gender_known_match_subject": 0.3, "gender_known_match_other": 1.0, "gender_unknown": -0.2}}
    model = {"pronoun": dict(hand["pronoun"])}
    report = fit_gender(rows, model, hand)
    assert report["kept"] == "learned"
    assert model["pronoun"]["gender_unknown"] > model["pronoun"]["gender_known_match_subject"]
    # name-as-pronoun probes are no evidence for these weights
    probes = [(d, {**r, "real": False}, right) for d, r, right in rows]
    model = {"pronoun": dict(hand["pronoun"])}
    assert fit_gender(probes, model, hand)["kept"].startswith("hand-set")
    assert model["pronoun"] == hand["pronoun"]


def test_a_role_probe_carries_the_nationality_the_person_was_introduced_with():
    from tests.unseen_helpers import run

    trace: list = []
    token = TRACE.set(trace)
    try:
        run("Turkish President David Arslan met Greek Prime Minister Maria Doukas in Athens on Monday. "
            "Doukas said the talks were useful.\n\nArslan said the border would stay open.\n")
    finally:
        TRACE.reset(token)
    probes = [r for r in trace if r["kind"] == "probe_description"]
    assert any(f.get("modifier_match") for r in probes for f in r["features"].values())


def test_a_person_last_seen_before_a_section_break_carries_other_section():
    from presslens.coref.pronouns import Salience

    sal = Salience({0: "m", 1: "m"})
    sal.see(0, 1, 2.0, 10)
    sal.section += 1  # "5:45 p.m." on a line of its own
    sal.see(1, 2, 0.3, 50)
    trace: list = []
    token = TRACE.set(trace)
    try:
        sal.pronoun("m", 3, 80)
    finally:
        TRACE.reset(token)
    feats = trace[-1]["features"]
    assert feats[0]["other_section"] == 1.0 and feats[1]["other_section"] == 0.0


def test_a_time_stamp_line_opens_a_section_and_a_sentence_does_not():
    from presslens.coref.people import _heading
    from tests.unseen_helpers import run

    a, _, _ = run("Dana Holt said the vote was close.\n\n5:45 p.m.\n\nThe count went on into the night.\n")
    text = a.document.text
    heads = [s.text for c, s in a.get("parsed").sentences() if _heading(text, c.offset, s)]
    assert heads == ["5:45 p.m."]
