"""Attribution: who said what, found on the shared spaCy parse.

Modules, one job each:
  marks     pair quotation marks (any glyph, wrong glyphs, open-only paragraphs)
  lexicon   cue words (mined from PolNeAR train), channels, platforms
  cues      reported speech from the dependency parse (X said that ..., according to X, ...)
  direct    attach quoted spans to a cue and a speaker
  channel   the medium a statement went through (Telegram channel, told reporters, ...)
  speaker   the speaker mention -> an entity of the article
"""
