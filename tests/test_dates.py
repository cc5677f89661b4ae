"""Date normalisation, durations, money and head counts (presslens.events.dates / quantities)."""
from datetime import date

import pytest

from presslens.events.dates import find_dates, parse_published
from presslens.events.quantities import find_durations, find_money, find_people_counts

FRIDAY = date(2016, 3, 11)  # a Friday


def values(text, anchor=None, future=False):
    return [d.value for d in find_dates(text, anchor, future)]


@pytest.mark.parametrize("text,expected", [
    ("It happened yesterday.", "2016-03-10"),
    ("It happens today.", "2016-03-11"),
    ("The vote was on Tuesday.", "2016-03-08"),
    ("They met on Friday.", "2016-03-11"),
    ("He resigned last week.", "2016-W09"),
    ("Prices rose last month.", "2016-02"),
    ("Sales fell last year.", "2015"),
    ("Over the past year 20 people were convicted.", "2015-03-11/2016-03-11"),
    ("Prices rose in the past month.", "2016-02-11/2016-03-11"),
    ("He was seen twice in the past week.", "2016-03-04/2016-03-11"),
])
def test_relative_dates_resolve_against_publication(text, expected):
    assert values(text, FRIDAY) == [expected]


def test_past_month_from_a_month_end_stays_a_real_date():
    assert values("in the past month", date(2024, 3, 31)) == ["2024-02-29/2024-03-31"]


def test_relative_dates_without_publication_stay_unresolved():
    assert values("He left yesterday and came back on Tuesday.") == [None, None]


def test_future_weekday_looks_ahead():
    assert values("They will meet on Tuesday.", FRIDAY, future=True) == ["2016-03-15"]


def test_day_month_without_year_is_partial_never_invented():
    assert values("On November 19, the court ruled.") == ["--11-19"]
    assert values("on 22 May the shelling began") == ["--05-22"]


def test_day_month_takes_the_publication_year_or_the_one_before():
    assert values("On March 2, the court ruled.", FRIDAY) == ["2016-03-02"]
    assert values("On November 19, the court ruled.", FRIDAY) == ["2015-11-19"]


@pytest.mark.parametrize("text,expected", [
    ("Signed on March 15, 2014.", "2014-03-15"),
    ("signed on 15 March 2014", "2014-03-15"),
    ("RIA Novosti, 18.07.2022", "2022-07-18"),
    ("posted 2021-02-03", "2021-02-03"),
    ("in May 2014", "2014-05"),
    ("elected in 2012", "2012"),
])
def test_explicit_dates(text, expected):
    assert values(text) == [expected]


def test_modal_may_and_impossible_days_are_not_dates():
    assert values("They may 5 times refuse.") == []
    assert values("on February 31 nothing") == []


def test_weekday_next_to_explicit_date_is_not_a_second_date():
    assert values("Sunday, August 21, 2022") == ["2022-08-21"]


def test_parse_published():
    assert parse_published("2016-03-11") == FRIDAY
    assert parse_published("2016-03-11T10:00:00Z") == FRIDAY
    assert parse_published("March 2016") is None
    assert parse_published(None) is None


@pytest.mark.parametrize("text,months", [
    ("sentenced to 4 years and 8 months in prison", 56),
    ("a six-month suspended term", 6),
    ("eight years in a penal colony", 96),
    ("a year and a half", 18),
    ("two years, six months", 30),
])
def test_durations_in_months(text, months):
    got = find_durations(text)
    assert [d.value for d in got] == [months]


def test_durations_are_not_dates():
    assert values("He got 4 years and 8 months.") == []


@pytest.mark.parametrize("text,amount,currency", [
    ("a fine of $15.6 million", 15_600_000, "USD"),
    ("about 2.12 billion rubles", 2_120_000_000, "RUB"),
    ("fined 500,000 tenge", 500_000, "KZT"),
    ("€300", 300, "EUR"),
    ("10 billion euros", 10_000_000_000, "EUR"),
])
def test_money(text, amount, currency):
    got = find_money(text)
    assert [(m.value, m.unit) for m in got] == [(amount, currency)]


def test_people_counts():
    assert [c.value for c in find_people_counts("Two people were killed.")] == [2]
    assert [c.value for c in find_people_counts("about 300 protesters gathered")] == [300]
    assert [c.unit for c in find_people_counts("thousands of demonstrators")] == ["people~"]
    assert find_people_counts("In 2016 voters chose.") == []


def test_month_of_year_after_a_preposition():
    from presslens.events.dates import find_dates, parse_published
    anchor = parse_published("2023-04-12")
    assert [d.value for d in find_dates("searched in August", anchor)] == ["2022-08"]
    assert [d.value for d in find_dates("since early March", anchor)] == ["2023-03"]
    assert [d.value for d in find_dates("will vote in August", anchor, future=True)] == ["2023-08"]
    assert [d.value for d in find_dates("in August 2021", anchor)] == ["2021-08"]
    assert find_dates("they may go in may", anchor) == []
    assert [d.value for d in find_dates("in August")] == [None]
