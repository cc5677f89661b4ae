"""Mixed-language articles read paragraph by paragraph (lang/mixed.py), on invented fixtures."""
from __future__ import annotations

from presslens.assembly import default_pipeline
from presslens.ingest.text import document_from_text
from presslens.lang.mixed import read_paragraphs
from presslens.model import Analysis, Entity, Mention, Quote, Speaker

RU_WITH_EN = """Лидер партии «Зелёный берег» Марат Искаков заявил, что выборы в городе прошли честно и без нарушений.

«Мы будем работать со всеми фракциями парламента», — сказал Искаков журналистам в Самаре.

Marat Iskakov, the leader of the Green Shore party, told reporters in Samara that the vote had been fair. "We will work with every faction," Iskakov said on Tuesday.
"""

EN_WITH_RU = """Opposition leader Marat Iskakov said on Tuesday that the election in Samara had been fair and transparent.

"We will work with every faction in parliament," Iskakov told reporters after the vote.

Лидер партии «Зелёный берег» Марат Искаков заявил, что под давлением властей оппозиция не отступит.
"""


def _run(text: str) -> dict:
    return default_pipeline().run(document_from_text(text, source="mixed.txt")).to_dict()


def _quote(out: dict, text: str, starts: str) -> dict:
    return next(q for q in out["quotes"] if text[q["start"]:q["end"]].lstrip('"').startswith(starts))


def test_english_paragraph_of_a_russian_article_is_read_in_english():
    out = _run(RU_WITH_EN)
    assert out["language"] == "ru" and out["meta"]["pipeline"].endswith("paragraphs_mixed@2")
    para = out["meta"]["metadata"]["language"]["paragraphs"]
    assert [p["language"] for p in para] == ["en"]
    q = _quote(out, RU_WITH_EN, "We will work")
    ru = _quote(out, RU_WITH_EN, "Мы будем работать")
    assert q["speaker"]["entity"] == ru["speaker"]["entity"]  # one person across the two languages
    person = next(e for e in out["entities"] if e["id"] == ru["speaker"]["entity"])
    assert {"Марат Искаков", "Marat Iskakov"} <= {m["text"] for m in person["mentions"]}


def test_russian_paragraph_of_an_english_article_is_read_in_russian():
    out = _run(EN_WITH_RU)
    assert out["language"] == "en"
    start = EN_WITH_RU.index("Лидер")
    q = _quote(out, EN_WITH_RU, "под давлением")
    en = _quote(out, EN_WITH_RU, "We will work")
    assert q["speaker"]["entity"] == en["speaker"]["entity"] and q["speaker"]["latin"] == "Marat Iskakov"
    # what the English models made of Russian words is gone: every mention there is a Russian name
    inside = [m["text"] for e in out["entities"] for m in e["mentions"] if m["start"] >= start]
    assert inside and all(t[:1].isupper() for t in inside)


def test_merge_drops_renumbers_and_joins_by_latin():
    text = "Марат Искаков заявил что-то важное.\nMarat Iskakov and John Smith met in Samara.\n"
    en_start = text.index("Marat")
    doc = document_from_text(text, source="t.txt")
    main = Analysis(document=doc)
    main.annotations["entities"] = [
        Entity("E1", "Марат Искаков", "PERSON", mentions=(Mention(0, 13, "Марат Искаков"),), latin="Marat Iskakov"),
        Entity("E2", "Smith", "PERSON", mentions=(Mention(text.index("Smith"), text.index("Smith") + 5),)),
    ]
    main.annotations["quotes"] = [Quote("direct", en_start, en_start + 10, Speaker("E2", "Smith", 0, 1))]

    def run(sub: Analysis, lang: str) -> Analysis:
        assert lang == "en" and sub.document.text[:13].strip() == ""  # the Russian paragraph is blanked
        sub.annotations["entities"] = [
            Entity("E1", "Marat Iskakov", "PERSON", mentions=(Mention(en_start, en_start + len("Marat Iskakov")),)),
            Entity("E2", "John Smith", "PERSON", mentions=(Mention(text.index("John"), text.index("Smith") + 5),)),
        ]
        sub.annotations["quotes"] = []
        sub.annotations["events"] = []
        return sub

    out = read_paragraphs(main, [{"start": en_start, "end": len(text) - 1, "language": "en"}], run)
    names = {e.name: e for e in out["entities"]}
    assert "Smith" not in names and out["quotes"] == []  # the Russian stage's guess in English text is dropped
    assert [m.text for m in names["Марат Искаков"].mentions] == ["Марат Искаков", "Marat Iskakov"]
    assert names["John Smith"].id == "E2" and len({e.id for e in out["entities"]}) == len(out["entities"])


def test_mixed_article_gets_only_the_fields_its_stages_make():
    # `analyze --stages repair,parse,entities` on a mixed article: the other-language paragraphs
    # must not bring quotes and events the pipeline was never asked for
    from presslens.pipeline import Pipeline

    out = Pipeline.from_names(("repair", "parse", "entities")).run(
        document_from_text(RU_WITH_EN, source="mixed.txt")).to_dict()
    assert out["meta"]["pipeline"].endswith("paragraphs_mixed@2")
    assert out["entities"] and out["quotes"] == [] and out["events"] == []


EN_WITH_UK = """Finance minister Oleg Kravtsov told reporters in Kazan that the budget would be met in full. "We will not cut teachers' pay," Kravtsov said on Monday.

Міністр фінансів Олег Кравцов заявив, що бюджет міста буде виконано повністю, а зарплати вчителям не скоротять.
"""


def test_a_paragraph_in_a_language_presslens_does_not_analyse_gets_no_english_reading():
    out = _run(EN_WITH_UK)
    start = EN_WITH_UK.index("Міністр")
    assert out["language"] == "en"
    assert [p["language"] for p in out["meta"]["metadata"]["language"]["paragraphs"]] == ["uk"]
    assert out["meta"]["pipeline"].endswith("paragraphs_mixed@2")
    assert not [m for e in out["entities"] for m in e["mentions"] if m["start"] >= start]
    assert not [q for q in out["quotes"] if q["start"] >= start]
    assert any(e["name"] == "Oleg Kravtsov" for e in out["entities"])  # the English paragraph keeps its reading
