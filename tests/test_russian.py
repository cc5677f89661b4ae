"""Russian reading and language routing, on invented fixtures."""
from __future__ import annotations

import pytest

from presslens.ingest.text import document_from_text
from presslens.lang import detect_language
from presslens.pipeline import Pipeline, get_stage
from presslens.ru.dates import find_dates_ru, find_durations_ru
from presslens.ru.morph import latin

RU = """Глава партии «Зелёный берег» Тимур Оразалиев заявил в своём Telegram-канале, что выборы в городе прошли с нарушениями.

«Мы не признаем эти итоги и будем добиваться пересчёта голосов», — написал Оразалиев.

— Нас не услышали, — сказал он журналистам.

По словам Оразалиева, жалоба уже направлена в избирательную комиссию. Журналисты позвонили Оразалиеву, но он не ответил.

Суд Костаная 19 ноября приговорил активиста Бориса Ермекова к 4 годам и 8 месяцам лишения свободы.
"""


@pytest.fixture(scope="module")
def ru_out() -> dict:
    pipe = Pipeline([get_stage(n) for n in ("repair", "parse", "entities", "quotes", "events", "framing")])
    return pipe.run(document_from_text(RU, source="ru.txt")).to_dict()


def _person(out: dict, surname: str) -> dict:
    return next(e for e in out["entities"] if e["type"] == "PERSON" and surname in e["name"])


def test_language_detected_and_russian_stages_run(ru_out):
    assert ru_out["language"] == "ru"
    assert "parse_ru@" in ru_out["meta"]["pipeline"] and "framing_ru@" in ru_out["meta"]["pipeline"]
    assert "framing@" not in ru_out["meta"]["pipeline"]


def test_case_forms_are_one_person_with_latin_and_role(ru_out):
    ent = _person(ru_out, "Оразалиев")
    assert ent["name"] == "Тимур Оразалиев"
    assert ent["latin"] == "Timur Orazaliyev"
    forms = {RU[m["start"]:m["end"]] for m in ent["mentions"]}
    assert {"Оразалиев", "Оразалиева", "Оразалиеву"} <= forms | {f.split()[-1] for f in forms}
    assert any("партии «Зелёный берег»" in r for r in ent["roles"])


def test_quotes_with_marks_dash_and_cue_phrase(ru_out):
    quotes = ru_out["quotes"]
    texts = {RU[q["start"]:q["end"]]: q for q in quotes}
    direct = texts["Мы не признаем эти итоги и будем добиваться пересчёта голосов"]
    assert direct["kind"] == "direct" and direct["act"] == "writing"
    assert direct["speaker"]["name"] == "Тимур Оразалиев" and direct["speaker"]["latin"] == "Timur Orazaliyev"
    dash = texts["Нас не услышали"]
    assert dash["cue"]["text"] == "сказал" and dash["speaker"]["name"] == "Тимур Оразалиев"
    assert RU[dash["speaker"]["start"]:dash["speaker"]["end"]] == "он"
    reported = next(q for t, q in texts.items() if t.startswith("выборы в городе"))
    assert reported["kind"] == "indirect" and reported["channel"] == "Telegram" and reported["act"] == "speech"
    assert any(t.startswith("жалоба уже направлена") and q["speaker"]["name"] == "Тимур Оразалиев"
               for t, q in texts.items())


def test_sentence_event_with_date_and_duration(ru_out):
    ev = next(e for e in ru_out["events"] if e["type"] == "sentence")
    assert ev["date"] == "--11-19"
    assert ev["attributes"]["duration_months"] == 56
    assert ev["target"]["name"] == "Борис Ермеков"


def test_no_english_entities_on_russian(ru_out):
    assert all(e["type"] in ("PERSON", "ORG", "LOC") for e in ru_out["entities"])
    assert all(any(ch.isalpha() and ch.isupper() for ch in e["name"]) for e in ru_out["entities"])


def test_unanalysed_language_keeps_text_and_notes_it(capsys):
    text = "Der Stadtrat hat gestern lange über den neuen Haushalt beraten und am Ende knapp abgestimmt.\n"
    pipe = Pipeline([get_stage(n) for n in ("repair", "parse", "entities", "quotes", "events", "framing")])
    out = pipe.run(document_from_text(text, source="de.txt")).to_dict()
    assert out["language"] == "de" and out["text"] == text
    assert out["entities"] == [] and out["quotes"] == [] and out["events"] == [] and out["genre"] is None
    assert "not analysed" in out["meta"]["metadata"]["language"]["note"]
    assert "de.txt" in capsys.readouterr().err


def test_mixed_paragraphs_are_reported():
    text = ("The council met on Monday and agreed the new budget after a long and heated debate.\n\n"
            "Городской совет в понедельник утвердил новый бюджет после долгих и жарких споров.\n")
    reading = detect_language(text)
    assert set(reading.mixed) == {"en", "ru"}


def test_dates_and_durations():
    text = "Его задержали 3 марта 2021 года, а 19 ноября суд назначил два года и шесть месяцев."
    assert [d.value for d in find_dates_ru(text)] == ["2021-03-03", "--11-19"]
    assert [q.value for q in find_durations_ru(text)] == [30]


def test_latin_is_bgn_pcgn_search_key():
    assert latin("Марат Искаков") == "Marat Iskakov"
    assert latin("Соловьёв") == "Solovyev"
    assert latin("Marat Iskakov") is None


def test_russian_widgets_are_boilerplate_and_yield_nothing():
    text = ("Суд вынес приговор журналисту из Костаная в четверг вечером, сообщили в пресс-службе суда.\n\n"
            "Читайте также: Министр заявил, что налоги вырастут уже в следующем году\n\n"
            "14:20, 3 марта 2024\n\n"
            "Поделиться: ВКонтакте Одноклассники Telegram\n\n"
            "Адвокат Анна Лебедева заявила, что защита подаст апелляцию в ближайшие дни.\n")
    pipe = Pipeline([get_stage(n) for n in ("repair", "parse", "entities", "quotes")])
    out = pipe.run(document_from_text(text, source="ru2.txt")).to_dict()
    kinds = {b["kind"] for b in out["boilerplate"]}
    assert {"read-more", "timestamp", "share-bar"} <= kinds
    widget = text.index("Читайте")
    assert all(not (widget <= q["start"] < widget + 80) for q in out["quotes"])
    assert any(q["speaker"] and q["speaker"]["name"] == "Анна Лебедева" for q in out["quotes"])


def test_a_short_cyrillic_text_is_not_read_by_the_english_models():
    # under 20 letters the classifier is not asked, but the script still tells Cyrillic from Latin:
    # a one-word Russian headline from a .txt (whose default language is "en") is Russian
    from presslens.lang.routing import read_language

    assert read_language(document_from_text("Москва\n", source="t.txt")).language == "ru"
    assert read_language(document_from_text("Paris\n", source="t.txt", language="ru")).language == "en"
    assert read_language(document_from_text("Новости дня", source="t.txt", language="uk")).language == "uk"
    assert read_language(document_from_text("2024", source="t.txt", language="ru")).language == "ru"
def test_cue_phrase_inside_a_sentence_keeps_the_clause_on_both_sides():
    from presslens.ru.entities import resolve
    from presslens.ru.parse import parse_ru
    from presslens.ru.quotes import find_quotes

    text = ("Центральный банк снизил ключевую ставку.\n\n"
            "Восстановление экономики, по словам Набиуллиной, займет более полутора лет.")
    parsed = parse_ru(text, [])
    quotes = find_quotes(parsed, resolve(parsed))
    content = {text[q.start:q.end]: q for q in quotes}
    q = content["Восстановление экономики, по словам Набиуллиной, займет более полутора лет"]
    assert q.kind == "indirect" and q.speaker is not None and "Набиуллин" in q.speaker.name


def test_a_name_in_the_genitive_of_a_role_is_not_the_source_but_its_apposition_is():
    from presslens.ru.entities import resolve
    from presslens.ru.parse import parse_ru
    from presslens.ru.quotes import find_quotes

    for text, content, speaker in (
            ("Кремль ответил.\n\nПо словам пресс-секретаря Путина Дмитрия Пескова, переговоры продолжатся.",
             "переговоры продолжатся", "Песков"),
            ("Суд закрыл дело.\n\nПо словам защитника Семиларски, присяжного адвоката Оливера Няэса, его клиент "
             "два года необоснованно находился под подозрением.",
             "его клиент два года необоснованно находился под подозрением", "Няэс")):
        parsed = parse_ru(text, [])
        quotes = {text[q.start:q.end]: q for q in find_quotes(parsed, resolve(parsed))}
        assert content in quotes, quotes
        assert speaker in quotes[content].speaker.name


def test_an_unresolved_role_is_named_in_the_nominative_with_its_complement_as_written():
    from presslens.ru.entities import resolve
    from presslens.ru.parse import parse_ru
    from presslens.ru.quotes import find_quotes

    text = "Кремль ответил.\n\nПо словам пресс-секретаря Путина, переговоры продолжатся."
    parsed = parse_ru(text, [])
    (q,) = find_quotes(parsed, resolve(parsed))
    assert q.speaker.entity is None and q.speaker.name == "пресс-секретарь Путина"
