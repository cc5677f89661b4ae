"""How far reported content reaches when the parse cuts it short or runs it long
(attribution/cues.py, direct.py, extract.py); invented sentences only."""
from .unseen_helpers import covering, quotes_of as run


def spans(text):
    return [(q, text[q.start:q.end]) for q in run(text)]


def test_participle_after_a_comma_is_a_second_attribution():
    text = ("Several senators warned against drawing lessons from the vote in Ohio, saying unemployment "
            "was a bigger problem in Maine than anywhere else.\n")
    got = spans(text)
    outer = [s for q, s in got if s.startswith("against drawing lessons")]
    assert outer and "saying" not in outer[0], got
    assert any(s.startswith("unemployment was a bigger problem") for _, s in got), got


def test_according_to_vouches_for_the_whole_sentence():
    text = ("Governor Ellis received 37 percent, Mayor Dunn had 36 percent and Judge Varga took 13 percent, "
            "according to the results.\n")
    q = covering(text, run(text), "Governor Ellis received 37 percent, Mayor Dunn had 36 percent and Judge Varga "
                                  "took 13 percent")
    assert q and q[0].cue.text.startswith("according")


def test_quotation_opened_in_a_clause_runs_to_its_closing_mark():
    text = ('The mayor said that "the bridge will open in May. Nobody will pay a toll. We kept our promise." '
            "Then she left.\n")
    q = covering(text, run(text), '"the bridge will open in May. Nobody will pay a toll. We kept our promise."')
    assert q and q[0].kind == "mixed"
    assert "Then she left" not in text[q[0].start:q[0].end]


def test_second_conjunct_of_an_infinitive_belongs_to_the_content():
    text = ("The union urged members to share a single strike fund and rely on one another for legal help.\n")
    q = covering(text, run(text), "to share a single strike fund and rely on one another for legal help")
    assert q


def test_reason_clause_after_a_reported_clause_is_what_was_said():
    text = ("Senator Gowdy said the claim smacked of hypocrisy, because Democrats had long questioned the "
            "bureau's decisions on letters.\n")
    q = covering(text, run(text), "the claim smacked of hypocrisy, because Democrats had long questioned the "
                                  "bureau's decisions on letters")
    assert q and q[0].speaker.name.endswith("Gowdy")



def test_a_poll_named_in_an_opening_phrase_is_a_document_source():
    text = ("In a Riverside Tribune poll released Monday, 50 percent of respondents chose Mayor Dunn while 40 "
            "percent chose Judge Varga. Dunn is also ahead in the state polls.\n")
    quotes = run(text)
    first = covering(text, quotes, "50 percent of respondents chose Mayor Dunn while 40 percent chose Judge Varga")
    assert first and first[0].act == "perception" and first[0].source_kind == "document"
    assert "poll" in first[0].speaker.name
    assert not covering(text, quotes, "Dunn is also ahead")  # a standing, not a finding


def test_according_to_inside_a_reported_clause_stays_in_it():
    text = ("The doctor explained that sugar in itself is not a hazard, and a piece of candy before bed, "
            "according to him, is not the worst snack.\n")
    quotes = run(text)
    acc = [q for q in quotes if q.cue is not None and q.cue.text.lower().startswith("according")]
    assert all(not text[q.start:q.end].startswith("The doctor") for q in acc), [text[q.start:q.end] for q in acc]
    assert covering(text, quotes, "sugar in itself is not a hazard")


def test_short_quotation_without_a_cue_inside_a_paragraph_is_a_label():
    text = ('"We will rebuild the pier before the summer season starts," Mayor Ellen Dunn said on Monday.\n\n'
            'The harbour town of "honesty and straight talk" has two old piers and a ferry.\n')
    quotes = run(text)
    assert covering(text, quotes, "We will rebuild the pier before the summer season starts")
    assert not covering(text, quotes, "honesty and straight talk")


def test_long_quotation_continuing_a_speaker_still_counts():
    text = ('"We will rebuild the pier before the summer season starts," Mayor Ellen Dunn said on Monday.\n\n'
            '"The council has found the money, the builders are ready and the permits arrived last week."\n')
    q = covering(text, run(text), "The council has found the money, the builders are ready")
    assert q and q[0].speaker.name == "Ellen Dunn"
