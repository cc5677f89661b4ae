"""Russian-English word translations in quote grouping (corpus/xling.py, corpus/quotes.py), invented sentences."""
from __future__ import annotations

from presslens.corpus.quotes import content_agreement, quote_keys, word_agreement
from presslens.corpus.xling import en_stem, ru_content
from presslens.store import Store

from .test_corpus import fake_embed, record, save

RU_MISSING = "муж пропал неделю назад, его машину нашли у реки"
EN_MISSING = "her husband had disappeared a week ago and his car was found by the river"
EN_PRICES = "prices for apartments in the city rose again this spring"


def test_english_stems_fold_inflections_and_irregular_forms():
    assert en_stem("prices") == en_stem("priced") == en_stem("price")
    assert en_stem("president") == en_stem("presidential")
    assert en_stem("women") == en_stem("woman")
    assert en_stem("found") == en_stem("find")
    assert en_stem("business") != en_stem("busy")


def test_russian_content_words_are_lemmas_without_reporting_verbs_or_function_words():
    lemmas = ru_content("Он заявил, что полиция нашла машины в этом городе")
    assert "полиция" in lemmas and "машина" in lemmas and "найти" in lemmas
    assert not {"заявить", "он", "что", "в", "этот"} & set(lemmas)


def test_a_translation_without_names_or_numbers_agrees_with_its_original_and_not_with_other_words():
    ru, en, other = quote_keys(RU_MISSING, None), quote_keys(EN_MISSING, None), quote_keys(EN_PRICES, None)
    assert not (ru.anchors | ru.cognates) & (en.anchors | en.cognates)  # nothing but the table can join them
    assert content_agreement(ru, en) >= 0.4
    assert content_agreement(ru, other) == 0.0
    assert content_agreement(en, ru) == content_agreement(ru, en)


def test_word_agreement_applies_only_between_russian_and_english():
    en, other = quote_keys(EN_MISSING, None), quote_keys(EN_PRICES, None)
    assert word_agreement(en, other) == (0, 0)
    ru = quote_keys(RU_MISSING, None)
    assert word_agreement(ru, ru) == (0, 0)


def test_a_translation_shares_lookup_keys_with_its_original_through_translated_words():
    ru, en, other = quote_keys(RU_MISSING, None), quote_keys(EN_MISSING, None), quote_keys(EN_PRICES, None)
    assert set(ru.lookup) & set(en.lookup)
    assert not set(ru.lookup) & set(other.lookup)


RU_PARAS = ["В Хабаровске продолжаются поиски жителя Николаевки Ивана Соколова, сообщает ГТРК Дальневосточная.",
            "Его жена обратилась в полицию в понедельник.",
            f"По словам женщины, {RU_MISSING}.",
            "Волонтёры из Хабаровска и Комсомольска присоединились к поискам."]
EN_PARAS = ["In Khabarovsk, the search continues for Ivan Sokolov, a resident of Nikolaevka, GTRK Dalnevostochnaya reports.",
            "His wife went to the police on Monday.",
            f"According to the woman, {EN_MISSING}.",
            "Volunteers from Khabarovsk and Komsomolsk joined the search."]


def _groups(tmp_path, ru_speaker: tuple[str, str | None], en_quote: str, en_speaker: str):
    """Groups of the one Russian and the one English quote, stored original first."""
    paras = [p.replace(EN_MISSING, en_quote) for p in EN_PARAS]
    s = Store(tmp_path / "q.db")
    s.corpus_embedder = fake_embed
    ru = record(1, "Поиски в Хабаровске", RU_PARAS, "2020-07-20", language="ru",
                quotes=[(RU_MISSING, ru_speaker[0], "indirect", ru_speaker[1])])
    en = record(2, "Search in Khabarovsk", paras, "2020-07-20", quotes=[(en_quote, en_speaker, "indirect", None)])
    for r in (ru, en):
        save(s, r)
    assert s.story_of(ru["id"]) == s.story_of(en["id"])
    out = s.get(ru["id"])["quotes"][0]["group"], s.get(en["id"])["quotes"][0]["group"]
    s.close()
    return out


def test_described_speakers_on_both_sides_join_by_translated_words(tmp_path):
    g_ru, g_en = _groups(tmp_path, ("женщина", None), EN_MISSING, "the woman")
    assert g_ru == g_en


def test_described_speakers_with_unrelated_words_stay_apart(tmp_path):
    g_ru, g_en = _groups(tmp_path, ("женщина", None), EN_PRICES, "the woman")
    assert g_ru != g_en


def test_a_translation_never_joins_a_different_named_speaker_however_well_the_words_agree(tmp_path):
    g_ru, g_en = _groups(tmp_path, ("Анна Соколова", "Anna Sokolova"), EN_MISSING, "Olga Petrova")
    assert g_ru != g_en
    (tmp_path / "q.db").unlink()
    g_ru, g_en = _groups(tmp_path, ("Анна Соколова", "Anna Sokolova"), EN_MISSING, "Anna Sokolova")
    assert g_ru == g_en
