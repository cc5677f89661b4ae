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
    "vice-president", "chairperson", "justice", "akim", "investigator", "inspector", "ombudsman", "partner", "associate", "colleague", "ally", "rival", "opponent", "deputy", "head", "leader", "premier", "mother", "father", "wife", "husband",
    "counsellor", "counselor",
}
FEMALE_ROLES = {"chairwoman", "spokeswoman", "congresswoman", "businesswoman", "queen", "princess", "actress",
                "woman", "mother", "wife", "daughter", "sister"}
MALE_ROLES = {"chairman", "spokesman", "congressman", "businessman", "king", "prince", "man", "father",
              "husband", "son", "brother"}

# abbreviated titles before a name that give a role ("Republican Sen. NAME" -> "Republican senator")
ROLE_TITLES = {"sen.": "senator", "sen": "senator", "gov.": "governor", "gov": "governor", "rep.": "representative",
               "gen.": "general", "lt.": "lieutenant", "col.": "colonel", "sgt.": "sergeant", "adm.": "admiral",
               "atty.": "attorney", "supt.": "superintendent", "insp.": "inspector"}

# organisation heads in "the X party" patterns
ORG_HEADS = ("party", "movement", "union", "coalition", "bloc", "front", "alliance")

# platforms and media that NER often calls PRODUCT/WORK_OF_ART/PERSON: they are organisations
MEDIA = {
    "reuters", "associated press", "ap", "afp", "bloomberg", "cnn", "bbc", "fox news", "msnbc", "nbc", "abc",
    "cbs", "npr", "politico", "breitbart", "the new york times", "new york times", "the washington post",
    "washington post", "the guardian", "guardian", "the wall street journal", "wall street journal", "tass",
    "ria novosti", "interfax", "rt", "sputnik", "kommersant", "izvestia", "al jazeera", "axios", "the hill",
    "buzzfeed", "huffington post", "the huffington post", "vice", "vox", "usa today", "los angeles times",
    # Russian, Kazakh and other post-Soviet outlets that translated news cites by name
    "ria", "ria novosti", "tass", "interfax-kazakhstan", "rbc", "vedomosti", "meduza", "novaya gazeta", "fontanka",
    "lenta.ru", "gazeta.ru", "kazinform", "tengrinews", "tengrinews.kz", "vlast.kz", "orda.kz", "khabar",
    "khabar 24", "azattyq", "radio azattyq", "radio liberty", "radio free europe", "current time", "ekho moskvy",
    "echo of moscow", "dozhd", "tv rain", "rossiya 1", "rossiya 24", "channel one", "ntv", "ren tv", "zvezda",
    "kommersant fm", "rossiyskaya gazeta", "komsomolskaya pravda", "moskovsky komsomolets",
    "argumenty i fakty", "ukrainska pravda", "ukrinform", "unian", "belta", "kun.uz", "24.kg", "akipress",
    "kazakhstanskaya pravda", "the insider", "the bell", "financial times", "the economist",
    "the telegraph", "le monde", "der spiegel", "dw", "deutsche welle",
    "euronews", "cnbc", "the new yorker", "newsweek", "abc news", "cbs news",
    "nbc news", "the associated press", "yahoo news", "mediazona", "sputnik kazakhstan",
}
PLATFORM_NAMES = set(PLATFORMS) - {"x", "medium", "signal", "threads"}  # too ambiguous as plain words

# outlets recognisable by the shape of their name ("Radio Piemonte", "Khabar TV", "Fox News",
# "Channel One"): NER often calls them persons, and a role apposition after them
# ("Speaking on Radio X, the mayor of Y, NAME, said") then sticks to the outlet
MEDIA_FIRST = {"radio", "channel", "telekanal"}
MEDIA_LAST = {"tv", "television", "news", "channel", "radio", "broadcasting", "network", "times", "post",
              "gazette", "herald", "tribune", "daily", "journal", "press", "24"}


def is_outlet_name(text: str) -> bool:
    words = text.lower().removeprefix("the ").split()
    if len(words) < 2:
        return False
    return words[0] in MEDIA_FIRST or words[-1] in MEDIA_LAST


# organisation nouns in an apposition before a name: "the company X", "the party X", "the agency X"
ORG_NOUNS = {
    "company", "party", "agency", "group", "firm", "bank", "corporation", "concern", "holding", "organisation",
    "organization", "movement", "foundation", "fund", "union", "association", "coalition", "network",
    "channel", "broadcaster", "newspaper", "outlet", "website", "publication", "operator", "carrier",
    "airline", "manufacturer", "producer", "retailer", "giant", "startup", "charity", "watchdog", "regulator",
    "ministry", "club", "institute", "university", "bloc", "alliance", "conglomerate", "lender", "insurer",
    "automaker", "carmaker", "broadcaster", "daily", "magazine", "tabloid", "portal",
}

# Role nouns whose bearer is a specific office or trade: a definite description headed by one
# ("the judge", "the prosecutor") refers only to a person the article gave that role or a
# compatible one; without one it stays its own mention. Keys are heads, values the role words
# that count as compatible (besides the head itself).
COMPATIBLE_ROLES: dict[str, set[str]] = {
    "judge": {"justice"},
    "prosecutor": {"prosecutor-general", "attorney-general"},
    "investigator": {"detective", "inspector"},
    "lawyer": {"attorney", "counsel", "advocate", "defender", "barrister", "solicitor"},
    "attorney": {"lawyer", "counsel", "advocate", "defender", "attorney-general"},
    "spokesman": {"spokeswoman", "spokesperson", "representative", "press secretary", "secretary"},
    "spokeswoman": {"spokesman", "spokesperson", "representative", "press secretary", "secretary"},
    "spokesperson": {"spokesman", "spokeswoman", "representative", "secretary"},
    "president": {"ex-president", "pres.", "pres", "potus"},
    "governor": {"gov.", "gov", "akim", "governor-general"},
    "mayor": {"akim"},
    "akim": {"governor", "mayor"},
    "minister": {"premier", "secretary", "ministry"},
    "justice": {"judge"},
    "premier": {"prime", "chancellor"},
    "chancellor": {"premier", "prime"},
    "senator": {"sen.", "sen", "lawmaker"},
    "congressman": {"rep.", "rep", "representative", "lawmaker"},
    "congresswoman": {"rep.", "rep", "representative", "lawmaker"},
    "lawmaker": {"senator", "sen.", "congressman", "congresswoman", "rep.", "representative", "mp", "deputy",
                 "parliamentarian", "legislator", "assemblyman", "assemblywoman"},
    "mp": {"deputy", "parliamentarian", "lawmaker", "legislator"},
    "ambassador": {"envoy", "diplomat"},
    "envoy": {"ambassador", "diplomat"},
    "diplomat": {"ambassador", "envoy", "foreign", "diplomat", "consul"},
    "general": {"gen.", "gen", "commander", "army", "military"},
    "commander": {"general", "gen.", "commanding", "military"},
    "doctor": {"dr.", "dr", "physician", "surgeon", "medic", "health"},
    "coach": {"manager", "trainer"},
    "defendant": {"accused", "suspect", "defendant"},
    "suspect": {"accused", "defendant", "detained"},
    "victim": {"injured"},
    "witness": {"eyewitness"},
    "journalist": {"reporter", "correspondent", "editor", "columnist", "blogger", "anchor", "host"},
    "reporter": {"journalist", "correspondent"},
    "editor": {"editor-in-chief", "journalist"},
    "ceo": {"chief", "executive", "head", "director", "president", "founder"},
    "founder": {"co-founder", "owner", "ceo"},
    "businessman": {"businesswoman", "billionaire", "mogul", "tycoon", "entrepreneur", "executive", "ceo",
                    "developer", "magnate", "owner", "founder"},
    "billionaire": {"businessman", "mogul", "tycoon", "magnate"},
    "mogul": {"businessman", "billionaire", "tycoon", "magnate", "developer"},
    "chairman": {"chairwoman", "chairperson", "chair", "head", "leader"},
    "chairwoman": {"chairman", "chairperson", "chair", "head", "leader"},
    "economist": {"economics"},
    "professor": {"prof.", "prof", "lecturer", "scholar"},
    "candidate": {"nominee", "contender", "challenger", "frontrunner", "front-runner", "incumbent"},
    "nominee": {"candidate", "contender", "frontrunner", "front-runner"},
    "officer": {"policeman", "policewoman", "officer", "police", "trooper", "agent"},
    "activist": {"campaigner", "protester"},
    # a deputy of a parliament in translated news; "her deputy" is a relation handled apart
    "deputy": {"mp", "lawmaker", "parliamentarian", "legislator", "mazhilis", "duma", "rada", "parliament",
               "vice", "vice-premier", "first"},
}
# a vice-premier is a deputy prime minister (role words of "Deputy Prime Minister": deputy-prime, ...)
COMPATIBLE_ROLES["vice-premier"] = {"deputy-prime", "deputy-premier", "vice-premier", "vice-prime"}
COMPATIBLE_ROLES["deputy-premier"] = COMPATIBLE_ROLES["vice-premier"]
# "the head of state" is the president or monarch; "the head of the department" heads a ministry
# or agency (translated news calls a minister "the head of the department")
COMPATIBLE_ROLES["head-of-state"] = {"president", "king", "queen", "monarch", "emir", "sultan", "head-of-state"}
# ("head" itself is no evidence: the head of state is a head too)
COMPATIBLE_ROLES["head-of-department"] = {"minister", "director", "chairman", "chairwoman", "ministry",
                                          "department", "agency", "commissioner", "secretary"}
COMPATIBLE_ROLES["head-of-region"] = {"governor", "gov.", "akim", "mayor", "region", "oblast"}
HEADED_BY_OF = {"head", "chief", "leader"}
# bodies whose president/chairman is no head of state or government ("the president of the club")
BODY_BOUND = {"club", "union", "company", "federation", "association", "university", "bank", "corporation",
              "board", "foundation", "team", "league", "academy", "fund", "institute", "firm", "group", "society",
              "chamber", "exchange", "holding", "concern", "football", "hockey", "olympic"}
HEAD_OF = {"state": "head-of-state", "department": "head-of-department", "ministry": "head-of-department",
           "agency": "head-of-department", "office": "head-of-department", "service": "head-of-department",
           "committee": "head-of-department", "region": "head-of-region", "oblast": "head-of-region"}
# "ex-premier" is a premier who is no longer one (the "ex" is kept among its words); a
# "vice-premier" is an office of its own
HYPHEN_KEYS = {"deputy-premier": "vice-premier", "former-premier": "premier"}

# words that make a person a politician, for "the politician"
_POLITICAL = {"president", "minister", "senator", "sen.", "governor", "gov.", "mayor", "candidate", "nominee",
              "lawmaker", "deputy", "congressman", "congresswoman", "rep.", "representative", "mp",
              "parliamentarian", "premier", "chancellor", "speaker", "leader", "chairman", "chairwoman",
              "politician", "akim", "republican", "democrat", "democratic", "gop", "party", "opposition",
              "secretary", "legislator", "councillor", "councilman", "councilwoman", "incumbent", "challenger"}
COMPATIBLE_ROLES["politician"] = _POLITICAL
COMPATIBLE_ROLES["opposition"] = {"opposition", "opposition leader", "dissident", "activist"}

# heads that are epithets more than offices: "the GOP nominee", "the New York businessman" name
# the salient person even when the article never gave them that role in so many words
SOFT_ROLES = {"candidate", "nominee", "businessman", "businesswoman", "billionaire", "mogul", "politician",
              "opposition"}
STRICT_ROLES = set(COMPATIBLE_ROLES) - SOFT_ROLES
# party words: "the Republican nominee" is not the person called "Libertarian presidential nominee"
PARTIES = {"republican": "R", "gop": "R", "republicans": "R", "democratic": "D", "democrat": "D",
           "democrats": "D", "libertarian": "L", "green": "G"}
# partisan labels that head a description of one person ("the Florida Republican", "the centrist")
PARTISANS = {"republican", "democrat", "centrist", "progressive", "conservative", "liberal", "moderate",
             "libertarian"}
# titles that are offices (unlike Mr., Dr.): before a name they are the person's role ("Chief Justice NAME")
OFFICE_TITLES = TITLES - {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "lord", "lady",
                          "st", "st.", "prof", "prof.", "rev", "rev."}
# "Vice President", "Deputy Prime Minister": the office words after these are not the office itself
OFFICE_PREFIXES = ("vice", "deputy")


def role_words(words: list[str]) -> set[str]:
    """Words of a role for matching descriptions; after `vice`/`deputy` a word is prefixed
    ("vice-president"), so a vice president is no "the president"."""
    out: set[str] = set()
    prefix = None
    for w in (x.lower() for x in words):
        if w in OFFICE_PREFIXES:
            prefix = w
            out.add(w)
        elif prefix:
            out.add(f"{prefix}-{w}")
        else:
            out.add(w)
    return out
# org nouns that describe any kind of organisation ("the company", "the regulator"): as a bare
# speaker they may go to the last organisation that spoke even when it was not named with them
DESCRIPTIVE_ORG_NOUNS = {"company", "firm", "group", "regulator", "watchdog", "giant", "organisation",
                         "organization", "corporation", "concern", "holding", "operator", "lender", "insurer",
                         "carrier", "airline", "manufacturer", "producer", "retailer", "broadcaster", "outlet",
                         "automaker", "carmaker", "conglomerate", "startup", "agency", "department", "city",
                         "board", "council", "authority", "utility", "ministry", "government", "municipality",
                         "township", "county", "province", "commission", "office", "service", "restaurant",
                         "cafe", "café", "store", "shop", "bakery", "business", "hospital", "school", "district"}
# what kind of body a descriptive noun stands for, and the name words that show a body's kind:
# "the security firm" is no ministry, "the city" no company (a body whose kind its name does not
# show may be any of them)
ORG_KIND_OF_NOUN = {**dict.fromkeys(("company", "firm", "corporation", "concern", "holding", "operator", "lender",
                                     "insurer", "carrier", "airline", "manufacturer", "producer", "retailer",
                                     "automaker", "carmaker", "conglomerate", "startup", "restaurant", "cafe", "café",
                                     "store", "shop", "bakery", "business", "giant", "utility"), "business"),
                    **dict.fromkeys(("ministry", "department", "agency", "regulator", "watchdog", "commission",
                                     "government", "authority"), "state"),
                    **dict.fromkeys(("city", "municipality", "township", "county", "province", "district"), "place")}
ORG_KIND_OF_NAME_WORD = {**dict.fromkeys(("ltd", "ltd.", "inc", "inc.", "corp", "corp.", "co.", "llc", "plc", "gmbh",
                                          "company", "corporation", "airlines", "airways", "cafe", "café",
                                          "restaurant", "bakery", "store", "motors", "holdings"), "business"),
                         **dict.fromkeys(("ministry", "department", "agency", "commission", "government",
                                          "directorate", "inspectorate", "police", "service"), "state"),
                         **dict.fromkeys(("city", "municipality", "township", "county", "province", "district"),
                                         "place")}
# words that open a PERSON span as a title, not a name ("Ombudsman NAME", "Deputy Prime Minister NAME")
NAME_TITLES = (ROLE_NOUNS | OFFICE_TITLES | set(ROLE_TITLES) | {"vice", "prime", "chief", "deputy", "acting"}) - {
    "man", "woman", "star", "host", "king", "queen", "prince", "princess", "partner", "associate", "rival", "ally",
    "mother", "father", "wife", "husband", "victim", "witness", "owner", "chair", "head", "general", "opposition"}


# legislatures NER takes for a person when named alone ("The Duma will consider the bill")
BODIES = {"duma", "mazhilis", "majilis", "rada", "senate", "parliament", "kurultai", "seimas", "sejm", "saeima",
          "riigikogu", "milli", "kenesh", "jogorku", "akimat", "kremlin"}
