"""Damage kinds on invented fixtures, English and Russian, and the stage."""
from __future__ import annotations

import pytest

from presslens.model import Document
from presslens.pipeline import Pipeline
from presslens.repair import find_damage


def flags(text: str, bp=()) -> list[tuple[str, str]]:
    return [(d.kind, text[d.start:d.end]) for d in find_damage(text, list(bp))]


def test_fused_repeated_predicate() -> None:
    text = (
        "The head of the farmers' union was angered by the reports of the foreign press about the harvest "
        "in Moldova Ion Vatamanu was angered by the reports of the foreign press on the state of the farms."
    )
    (kind, span), = flags(text)
    assert kind == "fused" and "Moldova Ion Vatamanu" in span


def test_fused_headline_glued_to_body_en() -> None:
    text = "Council closes old bridge after years of delays The city council voted on Monday to close the bridge."
    (kind, span), = flags(text)
    assert kind == "fused" and "The" in span


def test_fused_ru() -> None:
    text = "Мэрия закрыла старый мост после многих лет споров Он был построен в прошлом веке и давно требовал ремонта."
    (kind, span), = flags(text)
    assert kind == "fused" and "Он" in span


def test_apposition_is_not_fused() -> None:
    text = "The union said in a statement on Monday that its leader Ion Vatamanu was angered by the reports."
    assert flags(text) == []


@pytest.mark.parametrize("text", [
    "Poland was the first to introduce a full embargo on coal, former Minister of Economy Jan Kowalski said in an interview.",
    "The bridge was a key supply route for the army, the former commander of allied forces in Europe General Jan Kowalski "
    "called it a target.",
])
def test_apposition_without_its_comma_is_not_fused(text: str) -> None:
    assert not [k for k, _ in flags(text) if k == "fused"]


def test_splice_lower_case_after_sentence() -> None:
    text = "The court heard the case on Monday. represented by two lawyers from the capital. The verdict came later."
    (kind, span), = flags(text)
    assert kind == "splice" and span == "represented by two lawyers from the capital."


@pytest.mark.parametrize("unit", ["thousand", "million", "see"])
def test_translated_russian_abbreviation_is_not_a_splice(unit: str) -> None:
    text = (f"The ministry says that in 2021 the agency received 106.2 {unit}. requests from citizens of the region. "
            "Most of them concerned heating.")
    assert not [k for k, _ in flags(text) if k == "splice"]


def test_splice_paragraph_start_ru() -> None:
    text = "Суд рассмотрел дело в понедельник.\n\nпредставленный двумя адвокатами из столицы, он не признал вину."
    (kind, span), = flags(text)
    assert kind == "splice" and span.startswith("представленный")


def test_splice_dangling_relative_ru() -> None:
    text = "Суд рассмотрел дело в понедельник. Которое было возбуждено в прошлом году по жалобе соседей."
    (kind, _), = flags(text)
    assert kind == "splice"


def test_lower_case_after_abbreviation_or_link_is_fine() -> None:
    text = "He arrived at 9 a.m. and left. See the post at pic.twitter.com/abc for details. eBay shares rose on Monday."
    assert flags(text) == []


def test_truncated_en_and_ru() -> None:
    en = "The mayor opened the bridge. Residents welcomed it. Critics, however, said that the cost of the"
    assert [k for k, _ in flags(en)] == ["truncated"]
    ru = "Мэр открыл мост. Жители были довольны. Однако критики заявили, что стоимость работ оказалась"
    assert [k for k, _ in flags(ru)] == ["truncated"]


def test_complete_text_is_not_truncated() -> None:
    text = "Council closes old bridge\n\nThe mayor opened the new bridge. “It is a good day,” he said"
    assert flags(text) == []


def test_duplicated_paragraph() -> None:
    p = "The mayor opened the new bridge on Monday after three years of work on it."
    text = f"{p}\n\nResidents welcomed it.\n\n{p}"
    (kind, span), = flags(text)
    assert kind == "duplicated" and span == p
    ru = "Мэр открыл новый мост в понедельник после трёх лет работы над ним и ремонта."
    assert [k for k, _ in flags(f"{ru}\n\n{ru}")] == ["duplicated"]


def test_mojibake_en_and_ru() -> None:
    en = "The mayor said it’s a good day for the café.".encode("utf-8").decode("cp1252")
    assert [k for k, _ in flags(en)] == ["mojibake"]
    ru = "Мэр открыл новый мост.".encode("utf-8").decode("cp1251")
    assert [k for k, _ in flags(ru)] == ["mojibake"]
    assert flags("Мэр открыл новый мост. Café naïve – “fine”.") == []


def test_reversed_quotes_en_and_ru() -> None:
    (kind, span), = flags("The mayor called it ”a good day“ for the city.")
    assert kind == "reversed-quotes" and span == "”a good day“"
    (kind, span), = flags("Мэр назвал это »хорошим днём« для города.")
    assert kind == "reversed-quotes"
    assert flags("He asked: “Why? ” – wrote the mayor.") == []
    assert flags("Er sagte »gut« und ging.") == []  # German guillemets are fine


def test_no_damage_inside_boilerplate() -> None:
    text = "The court met. represented by two lawyers from the capital, he stayed."
    start = text.index("represented")
    assert flags(text, [(start, len(text))]) == []


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "a", "“" * 500, "word " * 30000, "Ã©" * 1000, ". a b c d e" * 100])
def test_never_crashes(text: str) -> None:
    for d in find_damage(text):
        assert 0 <= d.start < d.end <= len(text) and d.note


def test_stage_output() -> None:
    text = (
        "The court heard the case on Monday.\n\nRead also: Bridge closed for repairs\n\n"
        "The judge spoke. represented by two lawyers, the defendant said nothing."
    )
    doc = Document(id="x", source="t.txt", text=text)
    a = Pipeline.from_names(["repair"]).run(doc)
    bp = a.get("boilerplate")
    dmg = a.get("damage")
    assert [b.kind for b in bp] == ["read-more"]
    assert [d.kind for d in dmg] == ["splice"]
    assert all(not (d.start < b.end and b.start < d.end) for d in dmg for b in bp)
    out = a.to_dict()
    assert out["damage"][0]["note"]


def test_capitalised_common_word_after_a_name_is_not_fused() -> None:
    # inside a name of an organisation a capitalised common word is no restart
    text = "The report by the Union of Concerned Experts says the bridge cannot be repaired, officials said."
    assert flags(text) == []


# --- learned junctions (fused_model.py): a headline glued to the first sentence ---

@pytest.mark.parametrize("text, junction", [
    ("Small Town Library Reopens After Long Flood Repairs Former librarian Ann Kerr said on Friday that the "
     "shelves were finally dry.", "Repairs Former"),
    ("Small Town Library Reopens After Long Flood Repairs If the weather holds, the reading room will open "
     "again next week.", "Repairs If"),
    ("Rail strike ends after three days of talks The union and the operator agreed on a new wage deal late "
     "on Sunday.", "talks The"),
    ("Городская библиотека вновь открылась после ремонта В понедельник читатели смогли впервые за год взять "
     "книги.", "ремонта В"),
])
def test_headline_glued_to_first_sentence_is_fused(text: str, junction: str) -> None:
    (kind, span), = flags(text)
    assert kind == "fused" and span.startswith(junction)


@pytest.mark.parametrize("text", [
    "The mayor met the head of the union, Peter Lamb, on Monday and discussed the wage deal with him.",
    "Union leader Peter Lamb said the wage deal was fair and the strike would end on Monday.",
    "Shares of Northern Rail Holdings rose sharply on Monday after the company reported better results.",
    "The panel included Mary Stone, Peter Lamb, Ann Kerr and John Bell, who all spoke about the plan.",
    "Small Town Library Reopens After Long Flood Repairs",
    "Акции компании Северные Железные Дороги выросли в понедельник после публикации отчета.",
    "В состав комиссии вошли Иван Петров, Анна Смирнова и Олег Кузнецов, сообщил глава района.",
    "Мэр встретился с главой профсоюза Петром Ивановым и обсудил с ним новый договор.",
])
def test_names_and_titles_in_a_sentence_are_not_fused(text: str) -> None:
    assert flags(text) == []


def test_learned_junctions_only_open_a_paragraph() -> None:
    # mid-paragraph the model is not asked: a glued headline starts a paragraph
    text = ("The library was closed for a year. Small Town Library Reopens After Long Flood Repairs Former "
            "librarian Ann Kerr said on Friday that the shelves were finally dry.")
    assert [k for k, _ in flags(text)] == []
    assert [k for k, _ in flags(text.split(". ", 1)[1])] == ["fused"]


def _lines_run(fn, *args) -> int:
    """Python lines executed by fn(*args): a count, not a clock, so a loaded
    machine cannot fail the test and a quadratic loop cannot pass it."""
    import sys

    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        fn(*args)
    finally:
        sys.settrace(previous)
    return count


def test_junction_scan_is_linear() -> None:
    def glued(n: int) -> str:
        return " ".join(["Rail Strike Ends After Talks The union agreed"] * n) + "."

    small, large = _lines_run(find_damage, glued(150)), _lines_run(find_damage, glued(600))
    assert large < 4.6 * small  # four times the text: linear work is ~4x, quadratic ~16x
