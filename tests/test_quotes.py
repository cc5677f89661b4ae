"""The quotes stage on invented articles: every form of attribution, speakers, cues, channels, junk."""
import pytest

import presslens
from presslens.ingest.text import document_from_text
from presslens.model import Analysis, Boilerplate
from presslens.pipeline import Pipeline, get_stage

PIPE = Pipeline.from_names(("repair", "parse", "entities", "quotes"))


def run(text):
    a = presslens.analyze(document_from_text(text, source="t.txt"), PIPE)
    return a, a.get("quotes")


def covering(text, quotes, fragment):
    """The quotes whose content covers at least half of `fragment`."""
    s = text.index(fragment)
    e = s + len(fragment)
    return [q for q in quotes if min(q.end, e) - max(q.start, s) >= (e - s) / 2]


def one(text, fragment):
    _, quotes = run(text)
    found = covering(text, quotes, fragment)
    assert found, f"nothing covers {fragment!r}: {[text[q.start:q.end] for q in quotes]}"
    return found[0]


def test_direct_quote_with_pronoun_speaker_and_standing_channel():
    text = ("Maria Lindqvist, the leader of the Green Alliance party, criticised the budget. "
            "The politician shared her opinion on her Telegram channel.\n\n"
            "“The budget ignores every warning from the experts,” she wrote.")
    q = one(text, "The budget ignores every warning from the experts")
    assert q.kind == "direct"
    assert q.speaker.name == "Maria Lindqvist"
    assert text[q.speaker.start:q.speaker.end] == "she"
    assert q.cue.text == "wrote"
    assert q.channel == "Telegram"


def test_dash_introduced_quote_with_description_speaker():
    text = ("Senator Paul Okafor spoke on Monday. He was angry about the ruling. "
            "“Nobody asked the people who live there what they wanted. Nobody.” – wrote the politician.")
    q = one(text, "Nobody asked the people who live there what they wanted")
    assert q.speaker.name == "Paul Okafor"
    assert q.cue.text == "wrote"


def test_colon_quote():
    text = "Helena Brandt, the mayor, was blunt. Brandt said: “We will not close a single school this year.”"
    q = one(text, "We will not close a single school this year")
    assert q.speaker.name == "Helena Brandt"


def test_mixed_quote_after_that():
    text = "Tomas Weber spoke at the congress. He added that “a fair process is underway in the region.”"
    q = one(text, "a fair process is underway in the region")
    assert q.kind == "mixed"
    assert q.speaker.name == "Tomas Weber"


@pytest.mark.parametrize("sentence,content,cue", [
    ("Tomas Weber believes that the reform will fail within a year.", "the reform will fail within a year", "believes"),
    ("Tomas Weber recalled that the last reform had failed too.", "the last reform had failed too", "recalled"),
    ("Tomas Weber pointed out that nobody had read the report.", "nobody had read the report", "pointed out"),
    ("Tomas Weber called on the government to withdraw the bill.", "the government to withdraw the bill", "called on"),
])
def test_reported_speech(sentence, content, cue):
    q = one(sentence, content)
    assert q.kind == "indirect"
    assert q.speaker.name == "Tomas Weber"
    assert q.cue.text == cue


def test_according_to_relation_person():
    text = ("Ivan Sokolov was sentenced on Friday. According to Sokolov's mother, the trial was unfair from the start. "
            "She pointed out that the judge refused to hear two witnesses.")
    first = one(text, "the trial was unfair from the start")
    assert first.speaker.name == "Sokolov's mother"
    second = one(text, "the judge refused to hear two witnesses")
    assert second.speaker.name == "Sokolov's mother"


def test_quote_chain_is_one_attribution():
    text = "Anna Berg was asked about the strike. “It was a mistake,” Berg said. “We should have talked first.”"
    _, quotes = run(text)
    q = covering(text, quotes, "“It was a mistake,” Berg said. “We should have talked first.”")
    assert len(q) == 1 and q[0].speaker.name == "Anna Berg"


def test_told_reporters_channel():
    q = one("Lars Holm told reporters that the talks had collapsed overnight.", "the talks had collapsed overnight")
    assert q.channel == "reporters"


def test_short_scare_quotes_are_not_attributions():
    _, quotes = run("The so-called “reform” was passed on Tuesday by the parliament.")
    assert quotes == []


def test_nothing_from_boilerplate():
    text = ("Peter Lund opened the plant. "
            "Related: “Ministers say the plant will never open” 12:00 – May 3. "
            "Lund said that the plant would hire 300 people.")
    doc = document_from_text(text, source="t.txt")
    a = Analysis(document=doc)
    s = text.index("Related:")
    e = text.index("May 3.") + len("May 3.")
    a.annotations["boilerplate"] = [Boilerplate(s, e, "widget")]
    a.annotations["damage"] = []
    for name in ("parse", "entities", "quotes"):
        out = get_stage(name)(a)
        for k, v in out.items():
            (a.annotations if k in ("entities", "quotes") else a.scratch)[k] = v
    quotes = a.get("quotes")
    assert quotes, "the real attribution is lost"
    assert all(not (q.start < e and s < q.end) for q in quotes)


def test_unresolvable_pronoun_gets_a_name_not_the_pronoun():
    text = "represented by two lawyers from the capital.\n\n“We will appeal the verdict next week,” he said."
    _, quotes = run(text)
    for q in quotes:
        if q.speaker:
            assert q.speaker.name.lower() not in ("he", "she")


@pytest.mark.parametrize("text", [
    "", " ", "“", "”“ ” “", "He said.", "“" * 50 + "text", "a " * 30000, "He said: “" + "word " * 3000,
    "\n\n\n“unclosed quote\n\n“another\n\n", "According to, .", "“Yes,” said.",
])
def test_never_crashes(text):
    a, quotes = run(text)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        if q.speaker:
            assert 0 <= q.speaker.start <= q.speaker.end <= len(text)


# "CLAUSE, NAME told OUTLET." / "CLAUSE, writes OUTLET, citing ..." / "CLAUSE, NAME said, quoted by
# OUTLET.": the parse hangs the cue on the clause; the clause is what was said, the outlet the channel
TRAILING = ("The district court in Taraz refused to hear the appeal of the farmer Berik Omarov, "
            "lawyer Saule Nurlanova told Vlast.kz.\n\n"
            "The flood damaged three bridges, the akim of the Zhambyl region Nurlan Kalmuratov told TASS.\n\n"
            "The refinery will be sold before the summer, writes Kommersant, citing sources in the ministry.\n\n"
            "Grain prices will fall by the autumn, Agriculture Minister Ruslan Dauletov said, quoted by RIA Novosti.\n")


def test_sentence_final_told_outlet_reports_the_clause():
    q = one(TRAILING, "refused to hear the appeal of the farmer")
    assert q.speaker.name == "Saule Nurlanova" and q.channel == "Vlast.kz"
    assert q.cue.text == "told"


def test_sentence_final_told_with_a_role_phrase_stops_the_content_before_it():
    q = one(TRAILING, "The flood damaged three bridges")
    assert "akim" not in TRAILING[q.start:q.end] and q.channel == "TASS"
    assert "Kalmuratov" in q.speaker.name


def test_inverted_writes_outlet_is_the_speaker():
    q = one(TRAILING, "The refinery will be sold before the summer")
    assert q.speaker.name == "Kommersant" and q.channel == "Kommersant"


def test_quoted_by_ends_no_parenthetical():
    q = one(TRAILING, "Grain prices will fall by the autumn")
    assert "Dauletov" not in TRAILING[q.start:q.end]
    assert q.speaker.name == "Ruslan Dauletov" and q.channel == "RIA Novosti"


def test_channel_in_the_content_is_not_the_speakers():
    q = one("The mayor said that the governor had spoken at a press conference in the capital.\n",
            "the governor had spoken")
    assert q.channel is None
