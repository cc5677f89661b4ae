"""What the reported content makes of a speech verb: a thing praised or defended is a stance, a
withheld or yes/no answer and a quoted question are questions, a directive is an intention;
a description with an apposition names its speaker."""
from pathlib import Path

import pytest

from presslens.attribution.acts import READER_ACTS, lexicon
from tests.unseen_helpers import run

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "attribution" / "acts_court.txt"


@pytest.fixture(scope="module")
def court():
    a, ents, quotes = run(FIXTURE.read_text(encoding="utf-8"))
    return a.document.text, quotes


def _act(text, quotes, part):
    got = [q for q in quotes if part in text[q.start:q.end]]
    return got[0].act if got else None


def test_stance_is_a_known_act_outside_the_reader_listing():
    assert "stance" in lexicon().acts and "stance" not in READER_ACTS


def test_a_thing_defended_praised_or_welcomed_is_no_claim(court):
    text, quotes = court
    for part in ("the contract in a hearing", "the city's engineers", "the ruling"):
        assert _act(text, quotes, part) in (None, "stance"), part
    assert not [q for q in quotes if q.act in READER_ACTS and "engineers" in text[q.start:q.end]]


def test_a_withheld_answer_and_a_quoted_question_are_questions(court):
    text, quotes = court
    assert _act(text, quotes, "whether the city would appeal") in (None, "question")
    assert _act(text, quotes, "Why did nobody read the tender") == "question"


def test_called_on_someone_to_act_is_an_intention(court):
    text, quotes = court
    assert _act(text, quotes, "to pay for the review") in (None, "intention")


def test_claims_stay_speech(court):
    text, quotes = court
    assert _act(text, quotes, "the harbour would stay open all summer") == "speech"
    assert _act(text, quotes, "We cannot get out past the breakwater") == "speech"


def test_an_apposition_names_the_speaker_of_a_description(court):
    text, quotes = court
    q = next(q for q in quotes if "had never been so low" in text[q.start:q.end])
    assert q.speaker.name == "Samuel Okoro"


def test_a_title_case_role_is_a_description(court):
    text, quotes = court
    q = next(q for q in quotes if "dredging would resume" in text[q.start:q.end])
    assert q.act == "speech" and q.speaker.name != "unknown"
