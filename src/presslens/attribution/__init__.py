"""Attribution: who said what, found on the shared spaCy parse.

Entry point: extract.extract_quotes(analysis). Modules, one job each:
  marks       pair quotation marks (any glyph, wrong glyphs, open-only paragraphs)
  lexicon     cue words (counts mined from PolNeAR train: models/cue_forms/), channels, platforms
  cues        reported speech from the dependency parse (X said that ..., according to X, ...)
  classifier  which parse candidates are attributions (weights: cue_model)
  direct      attach quoted spans to a cue and a speaker
  channel     the medium a statement went through (Telegram channel, told reporters, ...)
  speaker     the speaker mention -> an entity of the article
  acts        act (speech, writing, thought, ...) and source kind of each attribution (models/acts/)
  extract     the whole path, in order
"""
