"""Channels read from the cue's sentence."""
import pytest

from presslens.attribution.channel import channel_in, standing_channel


@pytest.mark.parametrize("sentence,channel", [
    ("The minister shared her view on her Telegram channel.", "Telegram"),
    ("He wrote on Facebook that the vote was rigged.", "Facebook"),
    ("The company said in a statement that it would appeal.", "statement"),
    ("She told reporters the talks had failed.", "reporters"),
    ("He said in an interview with The Guardian that he would run.", "The Guardian"),
    ("The senator tweeted that the bill was dead.", "Twitter"),
    ("He said on Tuesday that he would run.", None),
])
def test_channel_in(sentence, channel):
    assert channel_in(sentence) == channel


def test_standing_channel_needs_a_platform():
    assert standing_channel("The governor posted a video on his YouTube channel.") == "YouTube"
    assert standing_channel("The governor spoke at length.") is None


# invented sentences in the style of translated wire copy: the outlet or platform where one is
# named, else the kind of occasion
@pytest.mark.parametrize("sentence,channel", [
    ("Speaking on Radio Piemonte, the mayor of Asti, Carla Moretti, said the bridge would reopen.", "Radio Piemonte"),
    ("The appeal was rejected, lawyer Dana Serikova told Vlast.kz.", "Vlast.kz"),
    ("In an interview with the BBC, the former envoy said that talks had stalled.", "BBC"),
    ("He said in an interview with Khabar 24 TV channel that the dam was safe.", "Khabar 24"),
    ("On the air of the Rossiya 1 TV channel, the deputy said that the fines would rise.", "Rossiya 1"),
    ("The senator said in a post on X that the bill was dead.", "X"),
    ("The minister wrote on X, formerly Twitter, that she was resigning.", "X"),
    ("At a press conference on Monday, the governor said the road would be repaired.", "press conference"),
    ("The blogger wrote in his Telegram channel that prices had doubled.", "Telegram"),
    ("On the sidelines of the Astana International Forum, the minister said the deal was close.",
     "Astana International Forum"),
    ("On the sidelines of the forum, the minister said the deal was close.", "forum"),
    ("Tariffs will rise in May, the head of the committee said, quoted by RIA Novosti.", "RIA Novosti"),
    ("Two houses were damaged, the akim of the district told TASS.", "TASS"),
    ("The plant will be sold by spring, writes Kommersant, citing sources.", "Kommersant"),
    ("According to Interfax, the bank will keep its rate.", "Interfax"),
    ("She told the newspaper Izvestia that the plan had failed.", "Izvestia"),
    ("He said in a comment to RBC that the plan had failed.", "RBC"),
    ("He said in his address to the nation that taxes would fall.", "address"),
    ("He said in an interview that the plan had failed.", "interview"),
    ("He told Ivanov that the plan had failed.", None),
    ("According to Interior Minister Ivanov, the plan had failed.", None),
    ("Speaking on Tuesday, he said the plan had failed.", None),
    ("X said the plan had failed.", None),
])
def test_channel_names_the_outlet(sentence, channel):
    assert channel_in(sentence) == channel
