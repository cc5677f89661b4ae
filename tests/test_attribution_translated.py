"""Reporting patterns of Russian news in English translation, on invented sentences: the wire
agency as source, the outlet that only relays a quote, the press service speaking for its body,
titles glued to names."""
from .unseen_helpers import covering, quotes_of as run


def test_agency_that_reports_a_claim_is_its_source():
    text = ("The old bridge over the Volga was closed to traffic on Monday. Repairs on the bridge will "
            "last until the end of October and cost about two billion roubles, Interfax reports.\n")
    q = covering(text, run(text), "Repairs on the bridge will last until the end of October")
    assert q and q[0].act == "speech"
    assert q[0].speaker.name == "Interfax"


def test_outlet_that_quotes_someone_is_not_the_speaker():
    text = ("Goalkeeper Pavel Orlov spoke about the new season. \"We have missed the game, and all the "
            "guys are ready to play again,\" the club website cites Orlov as saying.\n")
    q = covering(text, run(text), "We have missed the game, and all the guys are ready")
    assert q and q[0].speaker.name == "Pavel Orlov"


def test_press_service_speaks_for_its_body():
    text = ("A bus overturned on the highway near Tambov on Friday. \"Three passengers were injured in "
            "the accident\", said the press service of the regional Ministry of Emergency Situations.\n")
    q = covering(text, run(text), "Three passengers were injured in the accident")
    assert q
    assert "Ministry of Emergency Situations" in q[0].speaker.name
    assert "press service" not in q[0].speaker.name


def test_title_glued_to_an_unknown_name_is_a_person():
    text = ("Deputy Chairman of the Harbour Union Tiit Saar spoke about the strike in an interview. "
            "According to him, the dockers will return to work next week.\n")
    q = covering(text, run(text), "the dockers will return to work next week")
    assert q and q[0].speaker.name == "Tiit Saar"


def test_capitalised_adjective_after_a_description_is_no_name():
    text = ("President Boris Lentov opened the shipyard on Sunday. According to the head of state, "
            "Russian shipyards will build ten new ferries this year.\n")
    q = covering(text, run(text), "shipyards will build ten new ferries this year")
    assert q and q[0].speaker.name == "Boris Lentov"


def test_the_publication_is_the_outlet_named_before():
    text = ("The Nordic Wire portal reported that a new ferry line will open on Monday. The ferries will "
            "sail twice a day from June, the publication notes.\n")
    q = covering(text, run(text), "The ferries will sail twice a day from June")
    assert q and "Nordic Wire" in q[0].speaker.name


def test_pronoun_standing_for_the_sentence_before_is_no_content():
    text = ("A driver hit a parking attendant in Vladivostok. The local news portal reported this, "
            "citing the city police.\n")
    assert not [q for q in run(text) if q.cue is not None and q.cue.text == "reported"]
