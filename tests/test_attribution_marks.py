"""Quotation-mark pairing on invented text: every glyph, wrong glyphs, open paragraphs, junk."""
import pytest

from presslens.attribution.marks import find_quotes
from presslens.nlp import paragraph_ranges


def spans(text):
    return [text[q.start:q.end] for q in find_quotes(text, paragraph_ranges(text))]


@pytest.mark.parametrize("text,quoted", [
    ('She said "the vote was fair" and left.', '"the vote was fair"'),
    ("She said “the vote was fair” and left.", "“the vote was fair”"),
    ("She said «the vote was fair» and left.", "«the vote was fair»"),
    ("She said „the vote was fair“ and left.", "„the vote was fair“"),
    ("She said ‘the vote was quite fair’ and left.", "‘the vote was quite fair’"),
    ("She said ''the vote was fair'' and left.", "''the vote was fair''"),
    # reversed glyphs: ” opens, “ closes
    ("She said ” the vote was fair “ and left.", "” the vote was fair “"),
])
def test_each_convention_pairs(text, quoted):
    assert quoted in spans(text)


def test_apostrophes_are_not_quotes():
    assert spans("The mayor’s plan won’t pass, the council’s chair said.") == []


def test_multi_paragraph_quote_opens_without_closing():
    text = "“The first part of the speech goes on.\n\n“And the second part ends here,” he said."
    got = spans(text)
    assert len(got) == 1 and got[0].startswith("“The first") and got[0].endswith("here,”")


@pytest.mark.parametrize("text", ["", "“", "”“”“", "a “ b ” c “ d", "\"" * 101, "“unclosed\n\nnext para"])
def test_never_raises_on_unbalanced_marks(text):
    for q in find_quotes(text, paragraph_ranges(text)):
        assert 0 <= q.start < q.end <= len(text)
