"""Speakers in feature-style news (issue 14): a description whose phrase ends in the name, a role
given by a copula, a title NER glues to a name, a title used before a surname. Invented text."""
from tests.unseen_helpers import by_name, run, speaker_of


def test_a_name_closing_a_long_description_is_its_holder_and_takes_the_next_he():
    text = ("Omar Haddad, a former engineer, said the plant had made nerve agents for years. "
            '"I saw the barrels myself," he said.\n\n'
            "The former chief chemist for the regional authority in Basra, Graham Whitlock, told reporters "
            "he doubted the account. \"I have read many such stories,\" he said.\n")
    a, ents, quotes = run(text)
    assert speaker_of(a, quotes, "doubted the account").name == "Graham Whitlock"
    assert speaker_of(a, quotes, "I have read many such stories").name == "Graham Whitlock"
    assert speaker_of(a, quotes, "I saw the barrels myself").name == "Omar Haddad"


def test_a_copula_gives_the_subject_its_role_not_the_person_in_the_relative_clause():
    text = ("Police say Dean Carver planned the robbery alone. Yusuf Demir is the head of the Hillcrest "
            "chapel in Leeds, where 30-year-old Mr Carver had prayed. Mr Demir says Mr Carver was quiet. "
            "The chapel leader says Mr Carver was easily led.\n")
    a, ents, quotes = run(text)
    assert any(r.startswith("head") for r in by_name(ents, "Yusuf Demir").roles)
    assert not any(e.roles for e in ents if e.name.endswith("Carver"))
    assert speaker_of(a, quotes, "Mr Carver was easily led").name == "Yusuf Demir"


def test_a_title_and_given_name_before_a_surname_make_a_person_for_the_next_pronoun():
    text = ('"We will decide in the morning," Harbour Chief Robert Lane of the Port Authority said on Tuesday. '
            '"It looks calm," he said about the forecast.\n')
    a, ents, quotes = run(text)
    lane = next(e for e in ents if e.name.endswith("Robert Lane"))
    assert lane.type == "PERSON"
    assert speaker_of(a, quotes, "It looks calm").name.endswith("Robert Lane")


def test_a_title_before_a_known_surname_is_that_person_not_a_new_name():
    text = ("Peter Brolin, the skipper of Seawind, says the new course suits his crew. "
            "Skipper Brolin says his tactics at the start are simple.\n")
    a, ents, quotes = run(text)
    assert speaker_of(a, quotes, "his tactics at the start are simple").name == "Peter Brolin"
    assert not any(e.name == "Skipper Brolin" for e in ents)


def test_a_described_body_goes_to_the_latest_body_of_its_kind():
    text = ("The Provincial Ministry of Transport announced new tolls on Monday. The ministry said the money "
            "would go to bridges. Harbourline Security Ltd. was hired to guard the toll booths. The security firm "
            "said it had 40 guards ready. The department said it would pay for the guards.\n")
    a, ents, quotes = run(text)
    ministry = next(e for e in ents if "Ministry of Transport" in e.name)
    firm = next(e for e in ents if e.name.startswith("Harbourline"))
    assert speaker_of(a, quotes, "40 guards ready").entity == firm.id
    assert speaker_of(a, quotes, "would pay for the guards").entity == ministry.id


def test_a_lead_title_goes_to_the_person_then_elected_to_it():
    text = ("The new Fiji Prime Minister has told voters that hard times are ahead. "
            "Sir Robert Kaleo, the leader of the Unity Party, was elected Prime Minister on the first ballot.\n")
    a, ents, quotes = run(text)
    kaleo = next(e for e in ents if e.name.endswith("Kaleo"))
    assert "Prime Minister" in kaleo.roles
    assert speaker_of(a, quotes, "hard times are ahead").entity == kaleo.id


def test_a_wire_lead_description_is_the_person_named_next():
    text = ("A Norwegian ferryman has told an inquiry how he saw the wave hit the pier. "
            "Lars Hovland said he took a photograph of the water.\n")
    a, ents, quotes = run(text)
    assert speaker_of(a, quotes, "he saw the wave hit the pier").name == "Lars Hovland"


def test_a_lead_statement_is_no_person():
    text = ("A statement has told residents that the pier is closed. Lars Hovland said he took a photograph.\n")
    a, ents, quotes = run(text)
    got = [q for q in quotes if "the pier is closed" in a.document.text[q.start:q.end]]
    assert all(q.speaker is None or q.speaker.name != "Lars Hovland" for q in got)


def test_a_body_named_with_for_is_one_organisation():
    text = "At least 40 people were hurt, according to the Pacific Agency for the Protection of Refugees.\n"
    a, ents, quotes = run(text)
    names = [e.name for e in ents if e.type == "ORG"]
    assert any(n.endswith("Agency for the Protection of Refugees") for n in names), names
