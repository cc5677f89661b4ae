"""Speakers in invented Russian news read in English translation: bodies named with their
portfolio and country, titles written before a name with no comma, speakers placed after the
speech verb or after `by`, a bare title standing for a person named before."""
from tests.unseen_helpers import run, speaker_of

BODIES = ("A fire broke out in a warehouse in the Tula Region, the Ministry of Emergency Situations reported. "
          "Nobody was hurt, the Ministry of Emergency Situations added.\n\n"
          "According to the Ministry of Foreign Affairs of the Republic of Moldova, the consulate will stay "
          "closed until Friday.\n")


def test_a_body_keeps_its_portfolio_and_country():
    a, ents, quotes = run(BODIES)
    assert not [e for e in ents if e.type == "PERSON" and "Situations" in e.name]
    assert speaker_of(a, quotes, "Nobody was hurt").name == "Ministry of Emergency Situations"
    assert speaker_of(a, quotes, "consulate will stay").name == "Ministry of Foreign Affairs of the Republic of Moldova"


TITLES = ("Exports of grain will grow next year, said Ukrainian ambassador to Austria Pavel Dorosh. "
          "The tariffs hurt farmers, said the lawyer of Marta Kovalenko.\n\n"
          "A member of the supervisory board of the Volga Shipping Company, Ilya Zotov, said that the fleet "
          "would be renewed.\n")


def test_the_name_closing_a_title_is_the_speaker_but_not_the_one_it_is_about():
    a, _, quotes = run(TITLES)
    assert speaker_of(a, quotes, "Exports of grain").name == "Pavel Dorosh"
    assert speaker_of(a, quotes, "tariffs hurt farmers").name != "Marta Kovalenko"
    assert speaker_of(a, quotes, "fleet would be renewed").name == "Ilya Zotov"


AFTER = ("The sanctions will not work, said political scientist Oleg Barinov. A new bridge was "
         "opened by Governor Irina Lemeshko on Monday.\n\n"
         "According to the expert, the talks will resume in autumn.\n\n"
         "Exports of coal will fall, former Minister of Energy Tomas Kral said in an interview. "
         "\"Prices will rise for everyone,\" said former Czech Minister of Energy on Tuesday.\n")


def test_a_speaker_after_the_verb_is_salient_and_a_bare_title_is_a_description():
    a, _, quotes = run(AFTER)
    assert speaker_of(a, quotes, "talks will resume").name == "Oleg Barinov"
    assert speaker_of(a, quotes, "Prices will rise").name == "Tomas Kral"
