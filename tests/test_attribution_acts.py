"""Typed attributions (act, source_kind) and speakers on invented Canadian feature-style news:
documents perceive, decisions are intentions, questions and fragments are no speech, carriers
are channels, epithets and organisation descriptions resolve, pronouns agree in gender."""
from pathlib import Path

import pytest

from presslens.attribution.acts import READER_ACTS, cue_act, for_reader, lexicon
from tests.unseen_helpers import by_name, run

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "attribution"


def _quotes(name):
    a, ents, quotes = run((FIXTURES / name).read_text(encoding="utf-8"))
    text = a.document.text
    return text, ents, quotes


def _one(text, quotes, part):
    got = [q for q in quotes if part in text[q.start:q.end]]
    assert got, f"no attribution containing {part!r}: {[text[q.start:q.end] for q in quotes]}"
    return got[0]


def _none(text, quotes, part):
    assert not [q for q in quotes if part in text[q.start:q.end]], part


@pytest.fixture(scope="module")
def city():
    return _quotes("acts_city.txt")


@pytest.fixture(scope="module")
def feature():
    return _quotes("speakers_feature.txt")


def test_lexicon_maps_every_cue_to_a_known_act():
    lex = lexicon()
    assert set(lex.lemmas.values()) | set(lex.phrases.values()) <= set(lex.acts)
    assert lex.lemmas["say"] == "speech" and lex.lemmas["write"] == "writing"
    assert cue_act(None) == "speech"  # a direct quote with no cue is speech


def test_every_quote_is_typed(city):
    text, _, quotes = city
    lex = lexicon()
    for q in quotes:
        assert q.act in lex.acts, text[q.start:q.end]
        assert q.source_kind in ("person", "organisation", "group", "document", "unnamed")


def test_speech_and_writing_by_named_people(city):
    text, _, quotes = city
    q = _one(text, quotes, "the extension would open in the spring")
    assert (q.act, q.source_kind, q.speaker.name) == ("speech", "person", "Helena Brandt")
    q = _one(text, quotes, "a win for every neighbourhood")
    assert q.act == "writing" and q.speaker.name == "Helena Brandt"


def test_documents_and_charts_perceive_never_speak(city):
    text, _, quotes = city
    for part in ("ridership rose 12 per cent", "most new riders live east", "the cost will reach"):
        q = _one(text, quotes, part)
        assert q.act == "perception" and q.source_kind == "document", part
    q = _one(text, quotes, "most residents support the plan")  # "a survey by OUTLET found"
    assert q.act not in READER_ACTS


def test_decisions_are_intentions(city):
    text, _, quotes = city
    for part in ("to extend the east-end bus line", "to support the motion", "to review the budget"):
        assert _one(text, quotes, part).act == "intention", part


def test_questions_put_to_someone_are_no_speech(city):
    text, _, quotes = city
    assert _one(text, quotes, "whether the fares would rise").act == "question"


def test_content_that_states_nothing_is_dropped(city):
    text, _, quotes = city
    _none(text, quotes, "about the budget")
    assert not [q for q in quotes if text[q.start:q.end].strip() == "they are"]


def test_a_campaign_slogan_is_no_quote(city):
    text, _, quotes = city
    _none(text, quotes, "Buses for everyone")


def test_a_carrier_is_writing_by_its_issuer(city):
    text, _, quotes = city
    q = _one(text, quotes, "new buses would arrive in March")
    assert q.act == "writing"
    assert q.source_kind == "organisation" and q.speaker.entity is not None


def test_invisible_characters_do_not_split_a_name(feature):
    text, ents, quotes = feature
    assert "\u200b" in text
    traeger = by_name(ents, "Priya Traeger")
    assert not [e for e in ents if e.id != traeger.id and "traeger" in e.name.lower()]
    assert _one(text, quotes, "I thought we were finished").speaker.name == "Priya Traeger"


def test_epithets_go_to_the_person_named_before(feature):
    text, _, quotes = feature
    assert _one(text, quotes, "kept the place alive").speaker.name == "Priya Traeger"
    assert _one(text, quotes, "business has doubled").speaker.name == "Priya Traeger"


def test_she_goes_to_the_woman_and_he_to_the_man(feature):
    text, _, quotes = feature
    assert _one(text, quotes, "We ate a lot of soup").speaker.name == "Daniel Okafor"
    assert _one(text, quotes, "This is home").speaker.name == "Priya Traeger"


def test_representatives_of_a_family_are_not_the_person(feature):
    text, _, quotes = feature
    q = _one(text, quotes, "expand to a second location")
    assert q.speaker.name != "Daniel Okafor" and q.source_kind == "group"


def test_an_organisation_description_resolves_to_the_organisation(feature):
    text, _, quotes = feature
    q = _one(text, quotes, "met every standard")
    assert q.speaker.name == "Waterloo Region Health Agency" and q.source_kind == "organisation"


def test_he_skips_a_woman_named_just_before():
    a, _, quotes = run("John Mercer founded the co-op in 1998. He hired Sarah Whitlock as manager last year.\n\n"
                       "\"We never expected this kind of growth,\" he said.\n")
    q = _one(a.document.text, quotes, "We never expected")
    assert q.speaker.name == "John Mercer"


def test_reader_listing_keeps_speech_and_writing_by_people_and_organisations():
    assert for_reader("speech", "person") and for_reader("writing", "organisation")
    assert not for_reader("perception", "document") and not for_reader("intention", "person")
    assert not for_reader("speech", "document")
    assert for_reader(None, None)  # stored before acts existed


class _Tok:
    """The few token attributes cue_act reads, for cues the parse is not needed to show."""

    def __init__(self, text, children=(), pos="VERB", tag="VBD", dep="ROOT"):
        self.text, self.lower_, self.lemma_ = text, text.lower(), ""
        self.children, self.pos_, self.tag_, self.dep_ = list(children), pos, tag, dep
        self.head = self


def test_a_verb_the_lexicon_lacks_is_speech_only_before_quotation_marks():
    assert cue_act(_Tok("fumed"), '"This is a disgrace,"', quoted=True) == "speech"
    assert cue_act(_Tok("unveiled"), "a new logo", quoted=False) == "intention"
    assert cue_act(_Tok("said"), "the plan would pass", quoted=False) == "speech"
    assert cue_act(_Tok("wrote"), "the plan would pass", quoted=False) == "writing"
    assert cue_act(_Tok("believes"), "the plan would pass", quoted=False) == "thought"


def test_asked_whether_is_a_question():
    assert cue_act(_Tok("asked"), "whether the fares would rise", quoted=False) == "question"
    assert cue_act(_Tok("asked"), "the council to wait", quoted=False) != "question"


def test_a_council_is_an_organisation(city):
    text, _, quotes = city
    assert _one(text, quotes, "to extend the east-end bus line").source_kind == "organisation"
