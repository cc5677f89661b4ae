"""Small word lists for entity resolution (general, not tied to any article)."""
from __future__ import annotations

from ..attribution.lexicon import PLATFORMS

TITLES = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen", "sen.", "rep", "rep.", "gov", "gov.",
          "president", "prof", "prof.", "sir", "madam", "lord", "lady", "gen", "gen.", "senator", "governor",
          "secretary", "minister", "judge", "justice", "mayor", "speaker", "rev", "rev.", "st", "st."}
TITLE_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
                "madam": "f", "lady": "f"}

# relation nouns: "X's mother" is a person of its own; gender where the noun gives it
RELATIONS = {
    "mother": "f", "father": "m", "wife": "f", "husband": "m", "son": "m", "daughter": "f", "brother": "m",
    "sister": "f", "widow": "f", "widower": "m", "grandmother": "f", "grandfather": "m", "aunt": "f",
    "uncle": "m", "niece": "f", "nephew": "m", "mom": "f", "dad": "m", "girlfriend": "f", "boyfriend": "m",
    "fiancee": "f", "fiance": "m", "parent": None, "spouse": None, "partner": None, "lawyer": None,
    "attorney": None, "spokesman": "m", "spokeswoman": "f", "spokesperson": None, "aide": None,
    "adviser": None, "advisor": None, "friend": None, "colleague": None, "cousin": None, "child": None,
}

# nouns that describe a person by role; a definite description headed by one can be a speaker
ROLE_NOUNS = {
    "politician", "leader", "president", "minister", "chairman", "chairwoman", "chair", "head", "senator",
    "governor", "mayor", "candidate", "nominee", "official", "spokesman", "spokeswoman", "spokesperson",
    "lawmaker", "deputy", "congressman", "congresswoman", "representative", "secretary", "director", "chief",
    "founder", "ambassador", "diplomat", "lawyer", "attorney", "judge", "prosecutor", "general", "commander",
    "premier", "chancellor", "king", "queen", "prince", "princess", "businessman", "businesswoman",
    "billionaire", "activist", "journalist", "reporter", "author", "writer", "expert", "analyst", "economist",
    "professor", "scientist", "doctor", "actor", "actress", "singer", "star", "player", "coach", "ceo",
    "executive", "manager", "owner", "politican", "opposition", "parliamentarian", "mp", "speaker",
    "defendant", "victim", "suspect", "witness", "blogger", "historian", "researcher", "pollster",
    "strategist", "adviser", "advisor", "aide", "official", "officer", "commissioner", "economist",
    "woman", "man", "incumbent", "challenger", "frontrunner", "front-runner", "billionaire", "mogul",
    "governor", "envoy", "negotiator", "host", "anchor", "columnist", "editor", "politician", "ex-president",
    "vice-president", "chairperson", "partner", "associate", "colleague", "ally", "rival", "opponent", "deputy", "head", "leader", "premier", "mother", "father", "wife", "husband",
}
FEMALE_ROLES = {"chairwoman", "spokeswoman", "congresswoman", "businesswoman", "queen", "princess", "actress",
                "woman", "mother", "wife", "daughter", "sister"}
MALE_ROLES = {"chairman", "spokesman", "congressman", "businessman", "king", "prince", "man", "father",
              "husband", "son", "brother"}

# organisation heads in "the X party" patterns
ORG_HEADS = ("party", "movement", "union", "coalition", "bloc", "front", "alliance")

# platforms and media that NER often calls PRODUCT/WORK_OF_ART/PERSON: they are organisations
MEDIA = {
    "reuters", "associated press", "ap", "afp", "bloomberg", "cnn", "bbc", "fox news", "msnbc", "nbc", "abc",
    "cbs", "npr", "politico", "breitbart", "the new york times", "new york times", "the washington post",
    "washington post", "the guardian", "guardian", "the wall street journal", "wall street journal", "tass",
    "ria novosti", "interfax", "rt", "sputnik", "kommersant", "izvestia", "al jazeera", "axios", "the hill",
    "buzzfeed", "huffington post", "the huffington post", "vice", "vox", "usa today", "los angeles times",
}
PLATFORM_NAMES = set(PLATFORMS) - {"x", "medium", "signal", "threads"}  # too ambiguous as plain words
