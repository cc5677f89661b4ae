"""Rule-level "not speech" filters around the cue classifier, on invented sentences."""
from .unseen_helpers import covering, quotes_of as quotes


def test_agentless_expectation_names_no_speaker():
    text = ("The regional assembly approved a new bridge over the Varna river on Tuesday. "
            "Work on the bridge is expected to begin in April and to take two years.")
    found = covering(text, quotes(text), "to begin in April and to take two years")
    # PolNeAR annotates such a sentence (with no source), so it may stay, but never spoken by "Work"
    assert all(q.speaker.name == "unknown" and q.speaker.entity is None for q in found)


def test_expectation_with_an_agent_keeps_its_speaker():
    text = "Petra Holm, the finance minister, expected that the deficit would shrink next year."
    found = covering(text, quotes(text), "the deficit would shrink next year")
    assert found and found[0].speaker.name == "Petra Holm"


def test_money_intended_for_someone_is_no_quote():
    text = ("Investigators seized the cash in a parking lot. "
            "According to the prosecutors, the funds were intended for the deputy director of the port authority.")
    found = quotes(text)
    assert not [q for q in found if q.cue and q.cue.text.lower().startswith("intended")]
    # the according-to attribution around it is still there
    assert covering(text, found, "the funds were intended for the deputy director of the port authority")


def test_a_rally_someone_called_is_no_quote():
    text = ("Anton Vello was detained on Monday, hours before a protest he had called against the new tax code. "
            "His lawyer said the detention was illegal.")
    found = quotes(text)
    assert not covering(text, found, "against the new tax code")
    assert covering(text, found, "the detention was illegal")


def test_calling_for_something_is_still_speech():
    text = "The union leader Kari Lund called for a general strike against the pension reform."
    found = covering(text, quotes(text), "a general strike against the pension reform")
    assert found and found[0].speaker.name == "Kari Lund"


def test_sentence_final_reports_the_parse_reads_as_a_noun():
    text = ("Border guards seized forty kilograms of saffron at the Ruvna checkpoint on Sunday, "
            "after a truck driver tried to hide the bags under a load of melons, the regional customs service reports.")
    found = covering(text, quotes(text), "Border guards seized forty kilograms of saffron at the Ruvna checkpoint")
    assert found and found[0].speaker.name == "the regional customs service"
    assert found[0].cue.text == "reports"


def test_a_list_ending_in_plural_reports_is_no_cue():
    text = "The inspector compared the figures with two sources, police reports."
    assert not [q for q in quotes(text) if q.cue and q.cue.text == "reports"]
