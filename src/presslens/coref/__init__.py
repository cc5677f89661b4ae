"""Within-article entity resolution on top of spaCy NER.

  lexicon       role nouns, relation nouns, titles, platforms/media that NER mislabels
  names         group name mentions: full names, surnames, first names (kept apart when shared)
  descriptions  appositions, role premodifiers, "X's mother", "the X party", definite descriptions
  pronouns      he/she (and descriptions) acting as speakers -> the person meant
"""
