"""Plain-text titles: a headline is taken, a byline or a lead sentence is not (invented fixtures)."""
import pytest

from presslens.ingest.text import guess_title


@pytest.mark.parametrize("text", [
    "Greg Beacham, The Associated Press\n\nLOS ANGELES — The club won its third game in a row on Sunday.\n",
    "CTV Vancouver\n\nA man was taken to hospital after a crash on Highway 1, police said.\n",
    "Jane Roe, CBC News\n\nThe ferry was cancelled.\n",
    "The Canadian Press\n\nOttawa said on Monday it would raise the carbon price.\n",
    "Police say a cyclist was hurt in a crash on Main Street.\n\nThe driver stayed at the scene.\n",
    "Fire crews were called at 3 a.m. Nobody was hurt.\n\nMore text.\n",
    "By Staff Reporter\n\nThe school board met on Tuesday.\n",
])
def test_bylines_and_lead_sentences_are_not_titles(text):
    assert guess_title(text) is None


@pytest.mark.parametrize("text,title", [
    ("Council approves new tram line after heated debate\n\nThe council voted.\n",
     "Council approves new tram line after heated debate"),
    ("CTV Vancouver\n\nTransit strike ends after three weeks\n\nBuses ran again.\n", "Transit strike ends after three weeks"),
    ("By Jane Doe\n\nWildfire forces evacuations near Kelowna\n\nText.\n", "Wildfire forces evacuations near Kelowna"),
    ("Posted: Nov 15, 2025 10:32 AM\n\nOttawa to raise carbon price\n\nText.\n", "Ottawa to raise carbon price"),
    ("Is this the end of cheap flights?\n\nText.\n", "Is this the end of cheap flights?"),
    ("Tariffs hit exports to the U.S.\n\nText.\n", "Tariffs hit exports to the U.S."),
])
def test_headlines_are_titles_even_after_a_byline(text, title):
    assert guess_title(text) == title
