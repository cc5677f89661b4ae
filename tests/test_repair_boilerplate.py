"""Boilerplate kinds on invented fixtures, English and Russian."""
from __future__ import annotations

import pytest

from presslens.repair import find_boilerplate
from presslens.repair.boilerplate import classify_line, is_timestamp


def kinds(text: str) -> list[tuple[str, str]]:
    return [(h.kind, text[h.start:h.end]) for h in find_boilerplate(text)]


@pytest.mark.parametrize(
    "line,kind",
    [
        ("Related articles", "related-links"),
        ("You may also like:", "related-links"),
        ("Читайте также", "related-links"),
        ("Материалы по теме", "related-links"),
        ("READ MORE: Council votes to close the old bridge", "read-more"),
        ("Читайте также: Мэрия закрыла старый мост", "read-more"),
        ("Share | Tweet | Email", "share-bar"),
        ("Поделиться", "share-bar"),
        ("Sign up for our daily newsletter", "subscribe"),
        ("Подписывайтесь на наш канал в Telegram", "subscribe"),
        ("Подпишитесь на рассылку", "subscribe"),
        ("Follow Jane Roe on Twitter @janeroe", "subscribe"),
        ("Следите за Иваном Петровым в Telegram", "subscribe"),
        ("Об авторе: Иван Петров, журналист городской газеты", "author-bio"),
        ("Автор: Иван Петров", "byline"),
        ("Download our app for iPhone and Android", "app-promo"),
        ("Скачайте наше приложение для iPhone и Android", "app-promo"),
        ("Photo: Jane Roe / City Gazette", "photo-credit"),
        ("Фото: Иван Петров", "photo-credit"),
        ("We use cookies to improve your experience on our website.", "cookie-notice"),
        ("Мы используем файлы cookie для улучшения работы сайта.", "cookie-notice"),
        ("Subscribe to continue reading this story.", "paywall"),
        ("Материал доступен только для подписчиков.", "paywall"),
        ("Have a tip? Jane Roe may be reached at jroe@example.org.", "author-bio"),
        ("Tags: bridges, city council, traffic", "tags"),
        ("Теги: мосты, мэрия", "tags"),
        ("12 comments", "comments"),
        ("Комментарии (5)", "comments"),
        ("Home > News > City", "navigation"),
        ("Главная / Новости / Город", "navigation"),
        ("ADVERTISEMENT", "advertisement"),
        ("Реклама", "advertisement"),
        ("Updated 12:30 GMT, 3 May 2019", "timestamp"),
        ("Обновлено 14:05, 3 мая 2019", "timestamp"),
        ("5 min read", "timestamp"),
        ("Reading time: 3 minutes", "timestamp"),
        ("Время чтения: 4 минуты", "timestamp"),
        ("3 мин. чтения", "timestamp"),
        ("(Reporting by Jane Roe; Editing by John Doe)", "byline"),
        ("By Jane Roe", "byline"),
        ("Copyright © 2019 City Gazette. All rights reserved.", "copyright"),
        ("Все права защищены.", "copyright"),
        ("Views: 1 245", "counter"),
        ("Просмотров: 3 402", "counter"),
        ("If you find an error, select it and press Ctrl+Enter", "site-notice"),
        ("Если вы нашли ошибку, выделите ее и нажмите Ctrl+Enter", "site-notice"),
        ("Join us on Telegram: t.me/city_gazette", "subscribe"),
    ],
)
def test_debris_lines(line: str, kind: str) -> None:
    assert classify_line(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "The council said it would read more reports before deciding on the bridge.",
        "Related groups met on Tuesday to discuss the plan, officials said.",
        "By the end of the day, the bridge had been closed to all traffic.",
        "Subscribers to the water service will pay more from January, the utility said.",
        "Читайте также сами решения суда, сказал адвокат, они опубликованы полностью.",
        "The photo shows the mayor at the opening of the bridge in 2019.",
        "Fans follow the singer Jane Roe on Instagram.",
        "Views differ: 1 245 people signed the petition, the organisers said.",
        "Join us in welcoming the new director of the city museum, the mayor said.",
        "Reading time for pupils rose to 40 minutes a day, the ministry said.",
        "Many voters follow Jane Roe on Twitter, where she posts every morning about the budget.",
        "Жители следят за мэром в Telegram, где он каждый день пишет о ремонте моста.",
        "March 3, 2019",
        "Мэр заявил, что мост закроют 3 мая 2019 года в 12:00 по местному времени.",
    ],
)
def test_real_text_is_not_debris(line: str) -> None:
    assert classify_line(line) is None
    assert find_boilerplate(line) == []


def test_teaser_list_after_header() -> None:
    text = (
        "The mayor opened the bridge on Monday after three years of work.\n"
        "Related stories\n"
        "Council Approves New Budget For Roads\n"
        "- Why The Old Bridge Had To Go\n"
        "Residents said the new bridge had cut their commute by half, and most welcomed the change.\n"
    )
    got = kinds(text)
    assert [k for k, _ in got] == ["related-links"]
    assert got[0][1].startswith("Related stories") and got[0][1].endswith("Had To Go")


def test_widget_pasted_inside_a_paragraph_en() -> None:
    text = (
        "The mayor spoke on Monday.\n\n"
        "Related materials10:15 – May 2 Bridge closed again. What went wrong with the repairs? "
        "11: 40 – April 9 Opinion. Traffic jams, fines and detours: how drivers cope with the closure? "
        "She said the repairs would take a month."
    )
    (kind, span), = kinds(text)
    assert kind == "related-links"
    assert span.startswith("Related materials10:15") and span.endswith("cope with the closure?")
    assert "She said" not in span


@pytest.mark.parametrize("text,widget", [
    ("The mayor spoke on Monday. READ ALSO: 14:05, 3 May \u201dBridge closed again\u201c "
     "She said the repairs would take a month.", "READ ALSO: 14:05, 3 May \u201dBridge closed again\u201c"),
    ("The mayor spoke on Monday.Related news 09:15 \u2013 3 May Bridge closed again 17:40 \u2013 1 May Fines for "
     "drivers rise She said the repairs would take a month.",
     "Related news 09:15 \u2013 3 May Bridge closed again 17:40 \u2013 1 May Fines for drivers rise"),
])
def test_widget_ends_where_the_story_resumes(text: str, widget: str) -> None:
    (kind, span), = kinds(text)
    assert kind == "related-links" and span == widget


def test_share_buttons_closing_a_paragraph() -> None:
    text = "The mayor spoke on Monday. Share on Facebook Share on Twitter Share on Telegram"
    assert kinds(text) == [("share-bar", "Share on Facebook Share on Twitter Share on Telegram")]


def test_glued_capitals_inside_an_abbreviation_are_no_widget() -> None:
    assert kinds("He said the U.S.Related agencies would help. The plan is new.") == []


def test_widget_pasted_inside_a_paragraph_ru() -> None:
    text = (
        "Мэр выступил в понедельник. Читайте также: 10:15 – 2 мая Мост снова закрыт. "
        "Жители пожаловались на пробки, сообщили в мэрии города."
    )
    (kind, span), = kinds(text)
    assert kind == "related-links"
    assert span.startswith("Читайте также") and span.endswith("Мост снова закрыт.")


def test_related_words_in_prose_are_not_a_widget() -> None:
    text = "The police said. Related materials were seized at the address, officers added."
    assert find_boilerplate(text) == []


def test_timestamp_needs_clock_or_label() -> None:
    assert is_timestamp("Posted 3 May 2019")
    assert is_timestamp("12.05.2019 10:45")
    assert not is_timestamp("3 May 2019")


@pytest.mark.parametrize("text", ["", "\n\n", "Related", "x" * 50000, "“" * 100, "Related materials" * 200])
def test_never_crashes(text: str) -> None:
    for h in find_boilerplate(text):
        assert 0 <= h.start < h.end <= len(text)


@pytest.mark.parametrize(
    "line",
    [
        # debris phrases inside real prose (the prose guard)
        "Subscribe to the newsletters of websites you enjoy. Don't count on seeing their work on social media, "
        "where the algorithms decide what you will read next week.",
        "The singer, whose fans follow him on Twitter in their millions, was arrested on Tuesday after the concert in Leeds.",
        "Khashoggi, who is a columnist for a large American newspaper, disappeared after he entered the consulate.",
        # an agency named inside a sentence is no photo credit
        "Украинские войска вновь обстреляли город в понедельник, передает корреспондент РИА Новости.",
        # a bare clock time heads a live-blog entry: content
        "9:05 p.m.",
        "12:50 p.m.:",
        # "use code" in prose is no discount offer
        "Attackers use code hidden in images to steal card numbers from online shops, researchers found.",
    ],
)
def test_debris_phrases_in_prose_are_not_flagged(line: str) -> None:
    assert classify_line(line) is None


@pytest.mark.parametrize(
    "line,kind",
    [
        ("Have a tip? Jane Roe may be reached at jroe@example.org. Follow her on Twitter @janeroe.", "author-bio"),
        ("Jane Roe is a staff writer at the City Gazette, where she covers transport and city hall politics.", "author-bio"),
        ("There's plenty more where that came from. Sign up for the Morning Brief today to get the free daily "
         "newsletter delivered to your inbox.", "subscribe"),
        ("Copyright 2019 City Gazette. All Rights Reserved. This material may not be published or broadcast.",
         "copyright"),
        ("A man crosses the new bridge in Leeds, Britain, May 3, 2019. REUTERS/Jane Roe", "photo-credit"),
        ("Jane Roe/AFP/Getty Images", "photo-credit"),
        ("Мост через реку в центре города / ©Иван Петров", "photo-credit"),
        ("Photo © Jane Roe", "photo-credit"),
        ('Get a year of the Gazette for half price. Use the code "BRIDGE50".', "advertisement"),
        ("More City Gazette sport: https://example.org/sport", "read-more"),
        ("Обновлено 14:05, 3 мая 2019", "timestamp"),
        ("5 min read", "timestamp"),
        ("Reading time: 3 minutes", "timestamp"),
        ("Время чтения: 4 минуты", "timestamp"),
        ("3 мин. чтения", "timestamp"),
        ("1:33 pm on June 6, 2018", "timestamp"),
    ],
)
def test_terse_debris_still_flagged(line: str, kind: str) -> None:
    assert classify_line(line) == kind


_STORY = "The council voted on Monday to close the old bridge for repairs, officials said after the meeting.\n"


def test_closing_teaser_list_without_header() -> None:
    text = (
        _STORY
        + "- Ten Bridges That Changed the Way We Travel\n"
        "- Why the Old Bridge Had to Go: A Short History\n"
        "- Photos: The Longest Bridges in Europe\n"
        "Originally published on City Gazette.\n"
    )
    got = kinds(text)
    assert [k for k, _ in got] == ["related-links"]
    assert got[0][1].startswith("- Ten Bridges") and got[0][1].endswith("in Europe")


@pytest.mark.parametrize(
    "tail",
    [
        # announced by the story: a list of content
        "These members voted against the plan:\n- Councillor Jane Roe, Leeds North\n"
        "- Councillor John Doe, Leeds South\n- Councillor Anna Smith, Leeds East\n",
        # not in headline case: a list of facts
        "- the bridge will close for six months\n- buses will take a detour\n- the ferry will run every hour\n",
        # mid-article: the story goes on after it
        "- Ten Bridges That Changed the Way We Travel\n- Why the Old Bridge Had to Go: A Short History\n"
        "- Photos: The Longest Bridges in Europe\n" + _STORY + _STORY + _STORY,
    ],
)
def test_body_lists_are_not_closing_teasers(tail: str) -> None:
    assert find_boilerplate(_STORY + tail) == []


@pytest.mark.parametrize(
    "line",
    ["© Reuters", "© 2019 Wire Agency. All Rights Reserved.", "©2018 City Gazette, Distributed by Wire Content Agency, LLC."],
)
def test_wire_service_credit_is_provenance_not_debris(line: str) -> None:
    # "© <agency>" names where the story came from; the benchmark's truth keeps it
    assert classify_line(line) is None
