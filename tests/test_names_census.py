"""English given-name genders from the 1990 US Census list (models/names/us_census_given_names.json)."""
from presslens.coref.gender import name_gender
from presslens.coref.given_names import is_given_name
from presslens.train.names_census import frequencies, genders


def test_census_list_gives_common_english_names_a_sex():
    assert name_gender("Emily") == "f"
    assert name_gender("Emily\u200b") == "f"  # an invisible character does not hide the name
    assert name_gender("Donald") == "m"


def test_a_name_both_sexes_bear_gets_no_sex():
    assert name_gender("Jordan") is None
    from presslens.model_files import load_json
    census = load_json("names", "us_census_given_names.json")["names"]
    assert "willie" not in census and census["emily"] == "f"


def test_census_list_does_not_make_words_given_names():
    assert not is_given_name("georgia") or name_gender("Georgia") is not None
    assert not is_given_name("june")


def test_share_rule_on_a_written_fixture():
    female = frequencies(b"ALEX           0.010  1.000    500\nEMILY          0.208 42.877     99\n")
    male = frequencies(b"ALEX           0.050  2.000    300\nJOHN           3.271  6.589      2\n")
    assert genders(female, male) == {"emily": "f", "john": "m"}  # alex: 83% male, under the 90% share
