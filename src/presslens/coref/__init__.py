"""Within-article entity resolution on top of spaCy NER.

Entry point: resolve.resolve_entities(analysis) -> (entities, coref map).
  ner_mentions  NER's spans relabelled and re-cut (types.py retypes from context)
  lexicon       role nouns, relation nouns, titles, platforms/media that NER mislabels
  names         group name mentions: full names, surnames, first names (kept apart when shared)
  gender        a given name's gender (the given-name lists, or a names library when installed)
  descriptions  appositions, role premodifiers, "X's mother", "the X party", definite descriptions
  people        pronouns, relative pronouns, descriptions, epithets -> people (left-to-right pass)
  pronouns      the salience model: candidate antecedents and hard agreement
  ranker        the one place an antecedent is chosen: a linear score (models/coref_ranker/)
  org_speakers  `it`/`they`/`the company` speaking -> organisations
"""
