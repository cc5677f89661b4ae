"""Russian source resolution (presslens.ru.speakers), on invented fixtures."""
from __future__ import annotations

import pytest

from presslens.ingest.text import document_from_text
from presslens.pipeline import Pipeline, get_stage

TEXT = """Совет директоров собрался в пятницу

Министр транспорта Иван Горелов и депутат Анна Смирнова встретились в Самаре в пятницу вечером. Она заявила, что переговоры прошли успешно и без споров.

Председатель комитета «Чистый город» Олег Варнавин дал оценку работе советника Карла Мюллера и заявил, что он мешал реформе транспорта.

«Мы не отступим от плана и закончим ремонт дорог к осени этого года», — подчеркнула депутат.

Пресс-служба министерства финансов Самарской области сообщила, что бюджет утвердят в декабре. В ведомстве указали, что расходы на дороги вырастут вдвое.

По словам Горелова, новые автобусы выйдут на линии весной следующего года.

Глава региона Пётр Лазарев написал в своём Telegram-канале, что ремонт моста начнётся в мае.

— Мы обязательно закончим работы вовремя, — сказал он.
"""

STAGES = ("repair", "parse", "entities", "quotes", "events", "framing")


@pytest.fixture(scope="module")
def out() -> dict:
    return Pipeline([get_stage(n) for n in STAGES]).run(document_from_text(TEXT, source="speakers.txt")).to_dict()


def _quote(out: dict, starts: str) -> dict:
    return next(q for q in out["quotes"] if TEXT[q["start"]:q["end"]].startswith(starts))


def test_pronoun_agrees_in_gender(out):
    q = _quote(out, "переговоры прошли успешно")
    assert q["speaker"]["name"] == "Анна Смирнова"
    assert TEXT[q["speaker"]["start"]:q["speaker"]["end"]] == "Она"


def test_conjoined_cue_shares_the_subject_not_a_genitive_in_it(out):
    q = _quote(out, "он мешал реформе")
    assert q["speaker"]["name"] == "Олег Варнавин"


def test_role_description_and_verb_gender_find_the_woman(out):
    q = _quote(out, "Мы не отступим")
    assert q["speaker"]["name"] == "Анна Смирнова" and q["source_kind"] == "person"


def test_organisation_noun_in_a_place_phrase(out):
    q = _quote(out, "расходы на дороги")
    assert q["speaker"] is not None and q["source_kind"] == "organisation"
    assert "министерств" in q["speaker"]["name"].lower() or q["speaker"]["entity"] is not None


def test_po_slovam_genitive_resolves_to_the_nominative_name(out):
    q = _quote(out, "новые автобусы")
    assert q["speaker"]["name"] == "Иван Горелов" and q["speaker"]["latin"] == "Ivan Gorelov"


def test_channel_holder_and_dialogue_dash(out):
    tg = _quote(out, "ремонт моста")
    assert tg["speaker"]["name"] == "Пётр Лазарев" and tg["channel"] == "Telegram"
    dash = _quote(out, "Мы обязательно закончим")
    assert dash["speaker"]["name"] == "Пётр Лазарев"
    assert not any(e["name"].lower().startswith("telegram") for e in out["entities"])


def test_headline_line_is_never_a_quote_or_joined_to_the_body(out):
    first_body = TEXT.index("Министр")
    assert all(q["start"] >= first_body for q in out["quotes"])


def test_no_english_model_stage_or_entity_on_russian(out):
    stages = [s.split("@")[0] for s in out["meta"]["pipeline"].split("+") if "@" in s]
    assert stages and all(s == "repair" or s.endswith("_ru") for s in stages)
    # an English model on Russian text makes entities of lower-case function words ("под", "чтобы")
    for e in out["entities"]:
        assert e["name"][:1].isupper() or e["name"][:1].isdigit(), e["name"]
        assert all(TEXT[m["start"]:m["end"]] == m["text"] for m in e["mentions"])


def test_lexicon_lookup_skips_only_words_that_cannot_match():
    from presslens.ru.events import event_data
    from presslens.ru.lexicon import cue_verbs
    from presslens.ru.morph import lemma_in

    verbs, triggers = cue_verbs(), event_data()["triggers"]
    assert lemma_in("заявила", {}, verbs) == "заявить"
    assert lemma_in("подчеркнули", {}, verbs) == "подчеркнуть"
    assert lemma_in("ушла", {}, triggers) == "уйти"  # a suppletive form is still found
    assert lemma_in("арестован", {}, triggers) == "арестовать"
    assert lemma_in("автобусы", {}, verbs) is None


def test_lexicon_lookups_hold_no_memory_per_article():
    # lemma_in keeps the spellings of each lexicon it meets; a lexicon built afresh per call (as
    # role_nouns() was) must not leave one entry per call behind in a long batch
    from presslens.ru import morph
    from presslens.ru.lexicon import organisation_words, role_nouns

    assert role_nouns() is role_nouns() and organisation_words() is organisation_words()
    for i in range(100):
        morph.lemma_in("министр", None, frozenset({"министр", f"слово{i}"}))
    assert morph.lemma_in("министра", None, frozenset({"министр"})) == "министр"
    assert len(morph._by_lexicon) <= morph.LEXICONS_HELD
