"""The attribute table gives every token the values spaCy's own attribute ruler gives it."""
import pytest

spacy = pytest.importorskip("spacy")

from presslens.nlp import load_nlp, load_stock_nlp  # noqa: E402
from presslens.spacy_attributes import AttributeTable, compile_rules  # noqa: E402

# pronouns, auxiliaries, "n't", "ai n't", a subordinating "that", determiners, whitespace
# tokens and a DEP-conditioned "but": the rule kinds the model's ruler holds
TEXTS = [
    "She said that he wasn't there, but I ain't sure they'd agree.",
    "The minister, who has been in office since 2019, told reporters:  \"We will not resign.\"",
    "Nothing was decided; everyone  left.\n\nThose who stayed had   coffee with themselves and us.",
    "But the court, which did not hear a single argument, convicted him anyway — nothin' else.",
]


def values(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_the_table_matches_the_stock_ruler_on_every_token() -> None:
    stock, fast = load_stock_nlp(), load_nlp()
    assert isinstance(fast.get_pipe("attribute_ruler"), AttributeTable)
    assert fast.pipe_names == stock.pipe_names
    for a, b in zip(stock.pipe(TEXTS), fast.pipe(TEXTS)):
        assert values(a) == values(b)
    # the rules really set something: pronoun and negation lemmas come from them (no lemmatizer)
    doc = fast("I don't know.")
    assert (doc[0].lemma_, doc[2].lemma_, doc[2].pos_) == ("I", "not", "PART")


def test_a_pattern_the_table_cannot_hold_keeps_the_stock_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"ORTH": "Mr.", "OP": "?"}]], {"LEMMA": "mister"})
    assert compile_rules(ruler) is None
