"""Word lists for attribution: cue forms (mined + a general core), channels, platforms.

The mined table (cue_lexicon.CUES) says how often a word form was a cue in
PolNeAR train; `cue_score` turns it into a smoothed probability. The core
list covers speech verbs any news text uses, so text far from US politics
(translations, other outlets) still gets its obvious cues.
"""
from __future__ import annotations

from .cue_lexicon import CUES

# base verbs of saying/believing that are cues in any register
_CORE = (
    "say tell write add claim believe recall note stress emphasize emphasise state announce declare "
    "argue insist warn urge explain suggest report tweet post comment reply respond answer ask admit "
    "acknowledge confirm deny complain predict promise vow pledge accuse criticize criticise praise "
    "compare describe call think feel fear hope expect estimate conclude reveal testify mention "
    "assert maintain contend point remark observe underline reiterate repeat concede agree disagree "
    "remind specify clarify inform quote cite"
).split()
_IRREGULAR = {"say": "said", "tell": "told", "write": "wrote written", "think": "thought", "feel": "felt",
              "hope": "hoped", "fear": "feared"}


def _forms(verb: str) -> set[str]:
    stem = verb[:-1] if verb.endswith("e") else verb
    forms = {verb, verb + "s", stem + "ing", stem + "ed" if verb.endswith("e") else verb + "ed"}
    if verb.endswith("y") and verb[-2] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if verb.endswith(("s", "sh", "ch")):
        forms.add(verb + "es")
    forms |= set(_IRREGULAR.get(verb, "").split())
    return forms


CORE_FORMS: frozenset[str] = frozenset(f for v in _CORE for f in _forms(v))

# forms the parse makes verbs but that are almost never cues on their own
_NEVER = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
          "'s", "’s", "am", "'re", "’re", "'m", "’m", "get", "got", "go", "went", "made", "make", "let"}


def cue_score(form: str, with_complement: bool) -> float:
    """P(the form is a cue) from PolNeAR train, smoothed; core speech verbs get a floor."""
    form = form.lower()
    if form in _NEVER:
        return 0.0
    n, hit, n_c, hit_c = CUES.get(form, (0, 0, 0, 0))
    p = (hit_c + 0.5) / (n_c + 2) if with_complement else (hit + 0.5) / (n + 2)
    if form in CORE_FORMS and (n_c if with_complement else n) < 30:  # too rare in train to trust
        p = max(p, 0.6 if with_complement else 0.4)
    return p


# what a channel preposition phrase is about -> the channel label
PLATFORMS = {
    "telegram": "Telegram", "twitter": "Twitter", "x": "X", "facebook": "Facebook", "instagram": "Instagram",
    "youtube": "YouTube", "tiktok": "TikTok", "whatsapp": "WhatsApp", "vkontakte": "VKontakte", "vk": "VKontakte",
    "linkedin": "LinkedIn", "reddit": "Reddit", "snapchat": "Snapchat", "weibo": "Weibo", "wechat": "WeChat",
    "truth social": "Truth Social", "threads": "Threads", "odnoklassniki": "Odnoklassniki",
    "rutube": "Rutube", "substack": "Substack", "medium": "Medium", "viber": "Viber", "signal": "Signal",
}
# nouns that make a prepositional phrase a channel ("in a statement", "at a press conference")
CHANNEL_NOUNS = {
    "statement": "statement", "interview": "interview", "press conference": "press conference",
    "news conference": "press conference", "briefing": "briefing", "speech": "speech", "tweet": "Twitter",
    "post": "post", "blog": "blog", "op-ed": "op-ed", "letter": "letter", "email": "email", "e-mail": "email",
    "press release": "press release", "video": "video", "podcast": "podcast", "radio": "radio",
    "television": "television", "broadcast": "broadcast", "debate": "debate", "rally": "rally",
    "address": "address", "video address": "video address", "meeting": "meeting", "session": "session",
    "hearing": "hearing", "forum": "forum", "summit": "summit", "message": "message", "appeal": "appeal",
    "column": "column", "article": "article",
}
AUDIENCE = {"reporters", "journalists", "the press", "the media", "correspondents", "press"}

SPEAKER_PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "i": "1", "we": "1", "you": "2",
                    "him": "m", "her": "f", "them": "p", "his": "m", "their": "p", "its": "n"}
RELATIVE = {"who", "which", "that", "whom"}
