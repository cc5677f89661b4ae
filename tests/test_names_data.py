"""Given-name lists are data files under models/names/, read once, looked up in one place."""
import json

from presslens.model_files import model_path


def _names(name):
    return json.loads(model_path("names", name).read_text(encoding="utf-8"))


def test_name_lists_load_from_their_data_files():
    from presslens.coref.first_names import FIRST_NAMES
    from presslens.coref.given_names import GIVEN_NAMES
    from presslens.coref.regional_names import REGIONAL_NAMES

    assert GIVEN_NAMES == _names("mined_given_names.json")["names"]
    assert FIRST_NAMES == _names("first_name_genders.json")["names"]
    hand = {w: g["gender"] for g in _names("regional_given_names.json")["groups"] for w in g["names"]}
    assert hand.items() <= REGIONAL_NAMES.items()


def test_every_regional_group_names_its_region_and_a_gender():
    for group in _names("regional_given_names.json")["groups"]:
        assert group["region"] and group["gender"] in ("m", "f") and group["names"]
        assert all(w == w.lower() and w.isalpha() for w in group["names"])


def test_given_name_gender_reads_every_list():
    from presslens.coref.given_names import given_name_gender, is_given_name

    assert given_name_gender("Aigerim") == "f" and given_name_gender("NURLAN") == "m"
    assert given_name_gender("Barack") == "m"  # mined from PolNeAR
    assert given_name_gender("Parliament") is None and not is_given_name("parliament")
