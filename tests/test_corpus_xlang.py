"""Story merging and cross-language quote grouping in the corpus layer (hand-written records)."""
from __future__ import annotations

from presslens.corpus import stories
from presslens.store import Store

from .test_corpus import BODY, fake_embed, record, save


def test_should_merge_stories_that_share_their_heaviest_anchors_only():
    brexit_a = {"brks": 3.0, "lndn": 1.0, "trs": 1.0, "mrkl": 0.2}
    brexit_b = {"brks": 2.0, "brsl": 1.0, "trs": 0.8}
    floods = {"vrn": 2.0, "kmc": 1.5, "dmv": 1.0, "lndn": 0.1}
    assert stories.should_merge(brexit_a, brexit_b)
    assert not stories.should_merge(brexit_a, floods)
    assert not stories.should_merge({}, brexit_a)


def test_story_merge_keeps_the_older_story_and_moves_every_article(tmp_path):
    s = Store(tmp_path / "m.db")
    s.corpus_embedder = fake_embed
    old = record(1, "Floods force evacuation in Varna", BODY, "2024-03-05")
    other = record(2, "Chess olympiad opens in Ljubljana",
                   ["Grandmasters from Norway, India and Peru arrived in Ljubljana for the olympiad.",
                    "Magnus Carlsen will lead the Norwegian team in the opening round on Friday."], "2024-03-09")
    for r in (old, other):
        save(s, r)
    a, b = s.story_of(old["id"]), s.story_of(other["id"])
    assert a != b
    with s.corpus_transaction():
        kept = s.story_merge(b, a, stories.STORY_KEYS)
    assert kept == a
    assert s.story_of(other["id"]) == a
    rows = s.stories()
    assert len(rows) == 1 and rows[0]["articles"] == 2 and rows[0]["title"] == old["title"]
    anchors, _, n = s.story_vector(a)
    assert n == 2 and {"vrn", "lbln"} & set(anchors)
    assert s.story_vector(b)[0] == {}
    s.close()


EN_PARAS = ["Gazprom chief Alexei Miller spoke about Nord Stream in Berlin on Monday.",
            "\"Russia will deliver 55 billion cubic metres through Nord Stream to Germany,\" he said.",
            "Uniper and Wintershall welcomed the Berlin agreement on the pipeline."]
RU_PARAS = ["Глава Газпрома Алексей Миллер рассказал о Nord Stream в Берлине в понедельник.",
            "«Россия поставит 55 миллиардов кубометров по Nord Stream в Германию», — заявил он.",
            "Uniper и Wintershall приветствовали берлинское соглашение о трубопроводе."]
EN_Q = "\"Russia will deliver 55 billion cubic metres through Nord Stream to Germany,\""
RU_Q = "«Россия поставит 55 миллиардов кубометров по Nord Stream в Германию»"


def _group(store, rec):
    return store.get(rec["id"])["quotes"][0]["group"]


def test_translation_joins_when_one_pipeline_names_the_speaker_and_the_other_describes_him(tmp_path):
    s = Store(tmp_path / "q.db")
    s.corpus_embedder = fake_embed
    ru = record(1, "Миллер о Nord Stream", RU_PARAS, "2018-04-02", language="ru",
                quotes=[(RU_Q, "Алексей Миллер", "direct", "Aleksey Miller")])
    en = record(2, "Miller on Nord Stream", EN_PARAS, "2018-04-02", quotes=[(EN_Q, "the Gazprom chief", "direct", None)])
    for r in (ru, en):
        save(s, r)
    assert s.story_of(ru["id"]) == s.story_of(en["id"])
    assert _group(s, ru) == _group(s, en)
    s.close()


def test_translation_never_joins_a_different_named_speaker(tmp_path):
    s = Store(tmp_path / "q.db")
    s.corpus_embedder = fake_embed
    ru = record(1, "Миллер о Nord Stream", RU_PARAS, "2018-04-02", language="ru",
                quotes=[(RU_Q, "Алексей Миллер", "direct", "Aleksey Miller")])
    en = record(2, "Scholz on Nord Stream", EN_PARAS, "2018-04-02", quotes=[(EN_Q, "Olaf Scholz", "direct", None)])
    for r in (ru, en):
        save(s, r)
    assert _group(s, ru) != _group(s, en)
    s.close()


def test_numbers_that_disagree_rule_a_translation_out_but_written_thousands_agree():
    from presslens.corpus.quotes import quote_keys, translation_score

    ru = quote_keys("в России всего 130 тыс. доноров костного мозга", {"name": "Oleg Tinkov"})
    en = quote_keys("there were only 130,000 bone marrow donors in Russia", {"name": "Oleg Tinkov"})
    other = quote_keys("there were only 450 bone marrow donors in Russia", {"name": "Oleg Tinkov"})
    assert translation_score(ru, 0.3, en, 0.3) > translation_score(ru, 0.3, other, 0.3) == 0.0


def test_an_article_joins_its_quotes_best_first_not_in_reading_order(tmp_path):
    """Two statements by one speaker: the translation's first quote matches both originals a little,
    the second only one well; best-first joining gives each its own original."""
    s = Store(tmp_path / "q.db")
    s.corpus_embedder = fake_embed
    q1_ru = "«Газпром и Uniper подпишут соглашение в Берлине»"
    q2_ru = "«Россия поставит 55 миллиардов кубометров по Nord Stream в Германию»"
    ru = record(1, "Миллер о Nord Stream", [RU_PARAS[0], f"{q1_ru}, — сказал Миллер.", RU_PARAS[1], RU_PARAS[2]],
                "2018-04-02", language="ru",
                quotes=[(q1_ru, "Алексей Миллер", "direct", "Aleksey Miller"),
                        (q2_ru, "Алексей Миллер", "direct", "Aleksey Miller")])
    q1_en = "\"Gazprom and Uniper will sign the agreement in Berlin,\""
    en = record(2, "Miller on Nord Stream", [EN_PARAS[0], f"{q1_en} Miller said.", EN_PARAS[1], EN_PARAS[2]],
                "2018-04-02", quotes=[(q1_en, "Alexei Miller", "direct", None), (EN_Q, "Alexei Miller", "direct", None)])
    for r in (ru, en):
        save(s, r)
    ru_groups = [q["group"] for q in s.get(ru["id"])["quotes"]]
    en_groups = [q["group"] for q in s.get(en["id"])["quotes"]]
    assert ru_groups == en_groups and len(set(ru_groups)) == 2
    s.close()


def test_place_in_article_counts_only_between_an_article_and_its_translation():
    from presslens.corpus.quotes import article_keys, parallel

    ru = article_keys(" ".join(RU_PARAS))
    en = article_keys(" ".join(EN_PARAS))
    other = article_keys("Mikhail Degtyarev met protesters in Khabarovsk on Saturday; 3000 people came to the "
                         "square in front of the regional government building.")
    assert parallel(ru, en)
    assert not parallel(ru, other)
    assert not parallel(frozenset(), en)


def test_a_described_speaker_stands_for_the_name_in_apposition_only():
    from presslens.corpus.quotes import apposed_name, speaker_key

    text = ("Rates will fall further, says the senior economist for Otkritie Bank Maxim Petronevich. "
            "Olga Ivanova disagreed.")
    sp_start = text.index("the senior economist")
    speaker = {"name": "the senior economist", "start": sp_start, "end": sp_start + len("the senior economist")}
    ents = [{"type": "PERSON", "name": n, "latin": None,
             "mentions": [{"start": text.index(n), "end": text.index(n) + len(n)}]}
            for n in ("Maxim Petronevich", "Olga Ivanova")]
    rec = {"text": text, "entities": ents}
    assert apposed_name(rec, speaker) == speaker_key({"name": "Максим Петроневич"}) != ""
    # a name past the end of the sentence, or a speaker already named, stands for nothing else
    end = text.index("Maxim") + len("Maxim Petronevich")
    later = {"name": "the economist", "start": end - 5, "end": end}
    assert apposed_name(rec, later) == ""
    assert apposed_name(rec, {"name": "Maxim Petronevich", "start": speaker["start"], "end": speaker["end"]}) == ""


def test_an_organisation_named_by_different_acronyms_is_one_speaker_but_stays_apart_from_others():
    from presslens.corpus.quotes import speaker_key

    assert speaker_key({"name": "МВФ", "latin": "MVF"}) == speaker_key({"name": "the International Monetary Fund"})
    assert speaker_key({"name": "ООН"}) == speaker_key({"name": "UN"})
    assert speaker_key({"name": "МВФ"}) != speaker_key({"name": "WHO"})
    assert speaker_key({"name": "Алексей Миллер"}) == speaker_key({"name": "Alexei Miller"})


def _described_then_named(n: int, name: str) -> dict:
    """An English translation whose pipeline gave the quote to "the chief executive", with `name` after it."""
    paras = [EN_PARAS[0], EN_Q + f" said the chief executive of Gazprom {name}.", EN_PARAS[2]]
    rec = record(n, "Nord Stream", paras, "2018-04-02", quotes=[(EN_Q, "the chief executive", "direct", None)])
    i = rec["text"].index("the chief executive")
    rec["quotes"][0]["speaker"].update(start=i, end=i + len("the chief executive"))
    j = rec["text"].index(name, i)
    rec["entities"] = [{"id": "e1", "type": "PERSON", "name": name, "latin": None, "roles": [],
                        "mentions": [{"start": j, "end": j + len(name), "text": name}]}]
    return rec


def test_a_described_speaker_with_a_name_in_apposition_joins_that_name_across_languages(tmp_path):
    ru = record(1, "Миллер о Nord Stream", RU_PARAS, "2018-04-02", language="ru",
                quotes=[(RU_Q, "Алексей Миллер", "direct", "Aleksey Miller")])
    for n, name, joins in ((2, "Alexei Miller", True), (3, "Olaf Scholz", False)):
        s = Store(tmp_path / f"q{n}.db")
        s.corpus_embedder = fake_embed
        en = _described_then_named(n, name)
        for r in (ru, en):
            save(s, r)
        assert (_group(s, ru) == _group(s, en)) is joins, name
        s.close()


RU_HEAD = "Алексей Миллер ответил на обвинения в «шантаже Европы газом»"
RU_BODY = "Главу Газпрома, которого обвинили в «шантаже Европы газом», спросили о претензиях в Берлине."
EN_HEAD = "Alexei Miller responded to \"blackmailing Europe with gas\" accusations"
EN_BODY = "The Gazprom chief, who was accused of \"blackmailing Europe with gas\", was asked about the claims in Berlin."


def _repeated(n: int, language: str, paras: list[str], phrase: str, nth: int, speaker: str, latin: str | None) -> dict:
    """An article whose headline and body both carry `phrase`; its one quote is the nth occurrence."""
    rec = record(n, paras[0], paras, "2018-04-02", language=language, quotes=[(phrase, speaker, "mixed", latin)])
    start = -1
    for _ in range(nth + 1):
        start = rec["text"].index(phrase, start + 1)
    rec["quotes"][0].update(start=start, end=start + len(phrase))
    return rec


def test_quoted_core_and_where_an_article_repeats_it():
    from presslens.corpus.quotes import core_places, own_occurrences, quoted_core

    assert quoted_core('to "blackmailing Europe with gas" accusations') == "blackmailing Europe with gas"
    assert quoted_core("«шантаже Европы газом»,") == "шантаже Европы газом"
    assert quoted_core("Rates will fall.") == "Rates will fall"
    text = "\n\n".join([RU_HEAD, RU_BODY, *RU_PARAS])
    body = text.index("«шантаже", len(RU_HEAD))
    own, others = core_places(text, "«шантаже Европы газом»", body)
    assert own == text.index("шантаже", len(RU_HEAD)) / len(text) and others == [text.index("шантаже") / len(text)]
    # the other side's quote stands where this article's headline repeats the words: not this quote's translation
    assert not own_occurrences((own, others), (0.01, []))
    assert own_occurrences((own, others), (own + 0.01, []))
    assert own_occurrences((None, []), (0.5, []))


def test_a_translation_joins_the_occurrence_of_a_repeated_phrase_at_its_own_place(tmp_path):
    """Headline and body repeat one quoted phrase; each pipeline quoted it once. The English headline's
    quote is no translation of the Russian body's; the English body's is."""
    ru = _repeated(1, "ru", [RU_HEAD, RU_BODY, *RU_PARAS], "«шантаже Европы газом»", 1, "Алексей Миллер", "Aleksey Miller")
    for n, paras, nth, joins in ((2, [EN_HEAD, EN_BODY, *EN_PARAS], 0, False), (3, [EN_HEAD, EN_BODY, *EN_PARAS], 1, True)):
        s = Store(tmp_path / f"r{n}.db")
        s.corpus_embedder = fake_embed
        en = _repeated(n, "en", paras, "\"blackmailing Europe with gas\"", nth, "Alexei Miller", None)
        for r in (ru, en):
            save(s, r)
        assert s.story_of(ru["id"]) == s.story_of(en["id"])
        assert (_group(s, ru) == _group(s, en)) is joins, nth
        s.close()


def test_a_short_or_partial_repetition_is_no_other_copy():
    from presslens.corpus.quotes import core_places

    # "Да" inside longer words, and a one-word quote repeated by chance, mark no other copy
    text = "«Да», — сказал он. Давно Дания Далее Да. Потом снова да."
    own, others = core_places(text, "«Да»", 0)
    assert own is not None and others == []
    # a repeated phrase of three words or more is another copy, found as whole words only
    text = "Министр говорил о налоговой реформе регионов. Вчера он повторил: «налоговой реформе регионов»."
    start = text.index("«")
    own, others = core_places(text, "«налоговой реформе регионов»", start)
    assert own is not None and len(others) == 1


def test_a_short_quote_joins_a_long_translation_only_as_a_part_inside_its_span():
    """One pipeline quotes a sentence whole, the other its two clauses apart: a clause joins the whole
    sentence when its place lies within the sentence's and its content is found there."""
    from presslens.corpus.quotes import quote_keys, translation_score

    whole = quote_keys("Врач пояснил, что сахар сам по себе не опасен для здоровья Москвы, а конфета на ночь, "
                       "по его словам, не самый худший перекус для жителей Москвы и Санкт-Петербурга", {"name": "X"})
    part = quote_keys("that sugar is not dangerous to health in Moscow", {"name": "X"})
    inside, outside = (0.70, 0.74), (0.40, 0.44)
    assert translation_score(whole, (0.68, 0.80), part, inside) >= 0.6
    assert translation_score(whole, (0.68, 0.80), part, outside) == 0.0
    # by start alone (no spans) a length this far out of proportion still rules it out
    assert translation_score(whole, 0.68, part, 0.70) == 0.0


def test_spans_that_overlap_agree_fully_on_place():
    from presslens.corpus.quotes import span_gap, within

    assert span_gap((0.1, 0.3), (0.25, 0.4)) == 0.0
    assert abs(span_gap((0.1, 0.2), (0.3, 0.4)) - 0.1) < 1e-9
    assert within((0.72, 0.75), (0.7, 0.8)) and not within((0.5, 0.55), (0.7, 0.8))


def test_a_described_speaker_with_few_shared_words_needs_an_overlapping_place():
    """A neighbouring statement shares a word or two by chance; for a described speaker that is no
    translation unless the two quotes stand at the same place."""
    from presslens.corpus.quotes import MIN_CONTENT_UNNAMED, content_agreement, quote_keys, translation_score

    ru = quote_keys("против обоих вице-мэров имеются веские доказательства", {"name": "полиция"})
    en = quote_keys("that there was compelling evidence against both deputy mayors of Narva and Parnu, said",
                    {"name": "X"})
    c = content_agreement(ru, en)
    assert MIN_CONTENT_UNNAMED <= c < 0.2
    assert translation_score(ru, (0.50, 0.52), en, (0.51, 0.54), MIN_CONTENT_UNNAMED) >= 0.6
    assert translation_score(ru, (0.50, 0.52), en, (0.56, 0.58), MIN_CONTENT_UNNAMED) == 0.0
    # the same named speaker on both sides is found by place alone, near or overlapping
    assert translation_score(ru, (0.50, 0.52), en, (0.56, 0.58)) > 0.6


def test_a_translation_sharing_names_outranks_a_neighbour_joined_by_place(tmp_path):
    """The agency's sentence shares two names with its translation (an anchor overlap of 0.5); a
    neighbouring quote of a described source scores higher by place and words. Ranked on one scale,
    the translation keeps its group."""
    s = Store(tmp_path / "q.db")
    s.corpus_embedder = fake_embed
    ru_q = "Головной корабль этой серии \"Иван Грен\" уже служит на Северном флоте"
    ru_paras = ["На рейде Кронштадта впервые показали десантный корабль \"Петр Моргунов\" проекта 11711.",
                f"{ru_q}, передает ТАСС, а фрегат \"Адмирал Касатонов\" проекта 22350 построен на \"Северной верфи\"."]
    en_q = "The lead ship from this series, the Ivan Gren, already serves in the Northern Fleet"
    en_near = "at the Severnaya Verf shipyards"
    en_paras = ["The landing ship Pyotr Morgunov of Project 11711 was shown at the Kronstadt roadstead.",
                f"{en_q}, TASS reports, and the frigate Admiral Kasatonov of Project 22350 was built {en_near}."]
    ru_fill = ["В параде в Кронштадте участвовали 46 кораблей, 41 самолет и более 4000 военнослужащих ВМФ."] * 6
    en_fill = ["46 warships, 41 navy aircraft and more than 4000 military personnel took part at Kronstadt."] * 6
    ru_paras, en_paras = ru_fill + ru_paras + ru_fill, en_fill + en_paras + en_fill  # the quotes' places close
    ru = record(1, "Парад в Кронштадте", ru_paras, "2020-07-26", language="ru",
                quotes=[(ru_q, "ТАСС", "indirect", "TASS")])
    en = record(2, "Parade at Kronstadt", en_paras, "2020-07-26",
                quotes=[(en_near, "Project 22350", "indirect", None), (en_q, "TASS", "indirect", None)])
    for r in (ru, en):
        save(s, r)
    groups = {q["start"]: q["group"] for q in s.get(en["id"])["quotes"]}
    assert groups[en["text"].index(en_q)] == _group(s, ru)
    assert groups[en["text"].index(en_near)] != _group(s, ru)
    s.close()


def test_a_two_word_quote_and_its_wordier_translation_pass_the_length_gate():
    """English spends words on articles and auxiliaries: a two-word Russian quote may come out as six."""
    from presslens.corpus.quotes import quote_keys, translation_score

    ru = quote_keys("супруг пропал", {"name": "Мария Иванова"})
    en = quote_keys("that her spouse had gone missing", {"name": "Maria Ivanova"})
    longer = quote_keys("that her spouse had gone missing last week near the old bridge", {"name": "Maria Ivanova"})
    assert translation_score(ru, (0.5, 0.52), en, (0.5, 0.53)) >= 0.6
    assert translation_score(ru, 0.5, longer, 0.5) == 0.0
