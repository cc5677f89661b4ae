"""Content span boundaries of parse cues, on invented sentences: parentheticals, raised
subjects of passives, and the act of a passive that names no speaker."""
from .unseen_helpers import covering, quotes_of as quotes


def _spans(text, found):
    return [text[q.start:q.end] for q in found]


def test_parenthetical_cue_with_its_own_modifiers_takes_the_whole_sentence():
    text = ("Helena Brandt runs the transit agency of Kessel. "
            "The new tram line, Brandt said at a briefing on Monday, would open in May.")
    found = covering(text, quotes(text), "The new tram line, Brandt said at a briefing on Monday, would open in May")
    assert found, _spans(text, quotes(text))
    assert "The new tram line" in text[found[0].start:found[0].end]
    assert found[0].speaker.name.endswith("Brandt")


def test_parenthetical_as_cue_takes_the_whole_sentence():
    text = ("Mirko Tallis advises the council of Lemberg on floods. "
            "The bridge, as Tallis pointed out, was built in 1910 and has never been repaired.")
    found = covering(text, quotes(text), "The bridge, as Tallis pointed out, was built in 1910 and has never been repaired")
    assert found, _spans(text, quotes(text))


def test_parenthetical_cue_joined_to_a_second_clause_keeps_both():
    text = ("The statistics office of Norland published its yearly report. "
            "Exports rose 4 percent, the office said in its report, and imports fell 2 percent.")
    found = covering(text, quotes(text), "Exports rose 4 percent, the office said in its report, and imports fell 2 percent")
    assert found, _spans(text, quotes(text))


def test_cue_before_a_quotation_is_no_parenthetical():
    text = 'Asked about the ruling, Helena Brandt said, "We will appeal it next week."'
    found = quotes(text)
    got = covering(text, found, '"We will appeal it next week."')
    assert got, _spans(text, found)
    # the quotation is what was said, not the question put to her
    assert all("Asked about" not in text[q.start:q.end] for q in got)


def test_passive_subject_belongs_to_the_content_and_the_agent_speaks():
    text = ("The opposition criticised the budget on Tuesday. "
            "Minister Aron Feld was called a liar by opposition deputies during the debate.")
    found = covering(text, quotes(text), "Minister Aron Feld was called a liar")
    assert found, _spans(text, quotes(text))
    assert "Aron Feld" not in found[0].speaker.name


def test_agentless_passive_report_is_not_who_said_what():
    text = ("A winter storm hit the coast on Sunday. "
            "Delays were reported at several airports across the region.")
    for q in quotes(text):
        if q.cue is not None and q.cue.text.startswith("reported"):
            assert q.act not in ("speech", "writing"), q


def test_statement_saying_is_one_attribution():
    text = ("The port authority of Kessel issued a statement on Friday saying that the new terminal "
            "would open in May.")
    found = covering(text, quotes(text), "that the new terminal would open in May")
    assert len(found) == 1, _spans(text, found)


def test_saying_after_an_act_that_is_no_speech_stays_speech():
    text = ("Helena Brandt, the mayor of Kessel, reacted angrily to the court ruling on Friday, "
            "saying that the city would appeal it.")
    found = covering(text, quotes(text), "that the city would appeal it")
    assert found, _spans(text, quotes(text))
    assert any(q.act in ("speech", "writing") for q in found), [(q.act, text[q.start:q.end]) for q in found]
