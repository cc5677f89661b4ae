"""Paragraph ranges of the shared parse (presslens.nlp)."""
from presslens.nlp import paragraph_ranges, wrap_width


def pieces(text: str) -> list[str]:
    return [text[s:e] for s, e in paragraph_ranges(text)]


ONE_PER_LINE = (
    "Regional council rejected the budget of the harbour authority for the third time in a row this year\n"
    "The regional council of Varna voted against the harbour budget on Monday, the third such vote since spring.\n"
    "Councillors said the authority had not explained why its repair costs had doubled since the last inspection.\n"
)

WRAPPED = (
    "The regional council of Varna voted against the harbour budget on\n"
    "Monday, the third such vote since spring. Councillors said the\n"
    "authority had not explained why its repair costs had doubled.\n"
    "\n"
    "The authority will present a new plan in May.\n"
)


def test_a_headline_line_without_a_full_stop_is_its_own_paragraph() -> None:
    assert wrap_width(ONE_PER_LINE) is None
    assert pieces(ONE_PER_LINE)[0] == ONE_PER_LINE.split("\n")[0]
    assert len(pieces(ONE_PER_LINE)) == 3


def test_hard_wrapped_prose_stays_one_paragraph() -> None:
    assert wrap_width(WRAPPED) is not None
    first = pieces(WRAPPED)[0]
    assert "voted against the harbour budget on\nMonday" in first and first.endswith("doubled.")
    assert len(pieces(WRAPPED)) == 2


def test_one_long_headline_over_wrapped_prose_keeps_the_wrapping() -> None:
    text = ONE_PER_LINE.split("\n")[0] + "\n\n" + WRAPPED
    assert wrap_width(text) is not None
    assert any("on\nMonday" in p for p in pieces(text))
