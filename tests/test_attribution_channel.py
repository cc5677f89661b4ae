"""Channels read from the cue's sentence."""
import pytest

from presslens.attribution.channel import channel_in, standing_channel


@pytest.mark.parametrize("sentence,channel", [
    ("The minister shared her view on her Telegram channel.", "Telegram"),
    ("He wrote on Facebook that the vote was rigged.", "Facebook"),
    ("The company said in a statement that it would appeal.", "statement"),
    ("She told reporters the talks had failed.", "reporters"),
    ("He said in an interview with The Guardian that he would run.", "interview with The Guardian"),
    ("The senator tweeted that the bill was dead.", "Twitter"),
    ("He said on Tuesday that he would run.", None),
])
def test_channel_in(sentence, channel):
    assert channel_in(sentence) == channel


def test_standing_channel_needs_a_platform():
    assert standing_channel("The governor posted a video on his YouTube channel.") == "YouTube"
    assert standing_channel("The governor spoke at length.") is None
