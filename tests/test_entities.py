"""The entities stage on invented articles: names, roles, relations, orgs, platforms, pronouns."""
import pytest

import presslens
from presslens.ingest.text import document_from_text
from presslens.pipeline import Pipeline

PIPE = Pipeline.from_names(("repair", "parse", "entities"))


def ents(text):
    return presslens.analyze(document_from_text(text, source="t.txt"), PIPE).get("entities")


def find(entities, name):
    got = [e for e in entities if e.name == name]
    assert got, f"no entity {name!r} in {[(e.name, e.type) for e in entities]}"
    return got[0]


def mention_texts(e):
    return {m.text for m in e.mentions}


TEXT = ("The leader of the Green Alliance party Maria Lindqvist was outraged by the report. "
        "The politician shared her opinion on her Telegram channel. "
        "Lindqvist said the report was wrong. "
        "Later the court heard Olaf Berg, who compared the reform with theft. "
        "According to Berg's mother, the case was fabricated. "
        "She said that local partner Erik Dahl and the first president of the republic, Erik Solberg, "
        "had put pressure on her son.")


def test_surname_joins_full_name_and_descriptions_are_mentions():
    e = find(ents(TEXT), "Maria Lindqvist")
    assert e.type == "PERSON"
    assert {"Lindqvist", "The politician"} <= mention_texts(e)
    assert any(m.startswith("The leader of the Green Alliance party") for m in mention_texts(e))


def test_org_from_party_pattern():
    e = find(ents(TEXT), "Green Alliance")
    assert e.type == "ORG"
    assert "the Green Alliance party" in e.aliases


def test_platform_is_an_org():
    assert find(ents(TEXT), "Telegram").type == "ORG"


def test_relation_person_with_pronoun():
    e = find(ents(TEXT), "Berg's mother")
    assert e.type == "PERSON"
    assert "She" in mention_texts(e)
    assert "mother of Berg" in e.roles


def test_people_sharing_a_first_name_stay_apart():
    entities = ents(TEXT)
    dahl, solberg = find(entities, "Erik Dahl"), find(entities, "Erik Solberg")
    assert dahl.id != solberg.id


def test_apposition_gives_a_role():
    assert any("first president of the republic" in r for r in find(ents(TEXT), "Erik Solberg").roles)


def test_pronoun_goes_to_the_gender_compatible_person():
    text = ("Anna Holt met Peter Brandt on Monday. Mr. Brandt later spoke to the press. "
            "Ms. Holt stayed silent. She said on Tuesday that the meeting had failed.")
    e = find(ents(text), "Anna Holt")
    assert "She" in mention_texts(e)


def test_every_entity_is_well_formed():
    for e in ents(TEXT):
        assert e.id and e.name and e.type
        assert e.mentions
        for m in e.mentions:
            assert TEXT[m.start:m.end] == m.text
        assert e.name not in e.aliases


@pytest.mark.parametrize("text", ["", "he said", "The the the party party.", "Mr. . Mrs. 's"])
def test_never_crashes(text):
    ents(text)


def test_a_person_description_or_pronoun_never_goes_to_a_place():
    from presslens.coref.pronouns import Salience

    sal = Salience({0: None, 1: None})
    sal.see(0, 1, 2.0, 0)  # a name that is a place ("Floods hit X") seen as a main-clause subject
    sal.see(1, 3, 0.0, 50)
    sal.places = {0}
    assert sal.description("official", 4) == 1
    assert sal.pronoun("m", 4, 60) == 1
    sal.places = {0, 1}
    assert sal.description("official", 4) is None and sal.pronoun(None, 4, 60) is None


def test_given_names_of_the_region_in_common_spellings():
    from presslens.coref.types import given_name_gender, is_given_name

    for w in ("Pyotr", "Petr", "Yevgeny", "Evgeny", "Aidos", "Dauren", "Nurlan", "Yerlan", "Askar", "Oleksandr",
              "Volodymyr", "Mykola", "Taras", "Giorgi", "Levan", "Tigran", "Ilham"):
        assert is_given_name(w), w
    for w in ("Zhanna", "Aigerim", "Nino"):
        assert given_name_gender(w) == "f", w


def test_a_one_word_person_that_ner_also_tags_as_a_place_is_the_place():
    from presslens.coref.names import Group
    from presslens.coref.resolve import _absorb_places

    town, person = Group("GPE", ("verkhnevolsk",), spans=[(30, 42)]), Group("PERSON", ("verkhnevolsk",), spans=[(0, 12)])
    full = Group("PERSON", ("anna", "petrova"), spans=[(50, 62)])
    same_as_surname = Group("PERSON", ("petrova",), spans=[(70, 77)])
    persons, others = [person, full, same_as_surname], [town, Group("GPE", ("petrova",), spans=[(80, 87)])]
    _absorb_places(persons, others)
    assert person not in persons and (0, 12) in town.spans
    assert same_as_surname in persons  # a surname of someone named in full stays a person
