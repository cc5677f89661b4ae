"""Lexicons of web debris, English and Russian, as compiled patterns.

Each pattern describes a *whole line* of debris (anchored, with a word
limit applied by the caller), because the cost of a false alarm is high:
flagging a real paragraph hides the analyst's evidence. Phrases were chosen
by reading what trafilatura keeps but the article-extraction benchmark's
ground truth drops (tune half only, see eval/repair.py), plus the usual
Russian equivalents.
"""
from __future__ import annotations

import re

I = re.IGNORECASE

# Headers that open a related-links / teaser widget. "More from", "Also on"
# and "Popular on" need a capitalised site or section name after them: "More
# from the hearing" is a subheading of the story.
_RELATED_HEAD = (
    r"related(?:\s+(?:articles?|stories|materials?|posts?|content|coverage|news|reading|links|topics|videos?|items|reports?))?"
    r"|(?:you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in|have\s+missed))"
    r"|(?:(?:the\s+)?most\s+(?:read|popular|viewed|shared|watched)(?:\s+(?:in|on|from)\s+[\w .'-]{1,40}|\s+(?:stories|articles|news))?)"
    r"|popular\s+(?:on|in|at)\s+(?-i:[A-Z0-9])[\w .'-]{0,30}|popular\s+(?:stories|articles|now)"
    r"|don'?t\s+miss|trending(?:\s+(?:now|stories|news|topics))?|recommended(?:\s+(?:for\s+you|stories|articles|reading))?"
    r"|top\s+stories|latest\s+(?:news|stories|headlines|videos?)|more\s+(?:stories|news|headlines|videos?)"
    r"|more\s+(?:from|in|on)\s+(?:the\s+)?(?-i:[A-Z0-9])[\w .&'-]{0,40}|explore\s+further|further\s+reading|editor'?s\s+picks?"
    r"|what\s+to\s+read\s+next|read\s+next|also\s+on\s+(?-i:[A-Z0-9])[\w .'-]{0,30}|in\s+case\s+you\s+missed\s+it"
    r"|(?:читайте|смотрите)\s+(?:также|ещ[её])|см\.\s+также|материалы\s+по\s+теме|по\s+теме|ещ[её]\s+по\s+теме"
    r"|похожие\s+(?:материалы|новости|статьи|публикации)|другие\s+(?:новости|материалы)|популярное|самое\s+(?:читаемое|популярное|интересное|обсуждаемое)"
    r"|выбор\s+редакции|новости\s+партн[её]ров|лента\s+новостей|главные\s+новости|последние\s+новости|читать\s+(?:также|ещ[её])"
)
RELATED_HEADER = re.compile(rf"^(?:{_RELATED_HEAD})\s*[:.…»>|-]*$", I)

# "Read more: <headline>" lines: a cue then a teaser on the same line.
_READ_CUE = (
    r"read\s+(?:more|also|next|further)|see\s+(?:more|also)|also\s+read|related(?:\s+(?:post|article|story|content|link|coverage|reading))?"
    r"|more\s+on\s+this(?:\s+story)?|more\s+on\s+this\s+topic|watch|listen|video|pictured|live"
    r"|(?:читайте|смотрите)\s+(?:также|ещ[её])|см\.\s+также|по\s+теме|читать\s+также|подробнее|смотрите\s+видео|видео"
)
READ_MORE_LINE = re.compile(rf"^(?:{_READ_CUE})\s*[:|»>—–]\s*\S.*$", I)
# ...and the bare "Read more" / "Подробнее" link text.
READ_MORE_BARE = re.compile(r"^(?:read\s+(?:more|the\s+full\s+(?:story|article))|continue\s+reading|подробнее|читать\s+(?:далее|дальше|полностью))\s*(?:[:.…»>→]+)?$", I)

# Teaser headlines carrying a section tag in brackets (tabloid widgets).
TAGGED_TEASER = re.compile(
    r"\[(?:INSIGHT|VIDEO|PICS|PICTURES|PHOTOS|REACTION|REVEALED|WARNING|NEWS|LATEST|ANALYSIS|POLL|MAP|LIVE|GRAPHIC|"
    r"EXPLAINED|UPDATE|COMMENT|REPORT|INTERVIEW|OPINION|EXCLUSIVE|ВИДЕО|ФОТО)\]\s*\|?$"
)

SHARE_WORD = re.compile(
    r"(?:share(?:\s+(?:this|on|via)(?:\s+(?:article|story|page|post))?)?|tweet|click\s+to\s+tweet|e-?mail|print|facebook|twitter|"
    r"whatsapp|linkedin|pinterest|reddit|telegram|messenger|flipboard|pocket|copy\s+link|copy|link|save|x|"
    r"vk|вконтакте|одноклассники|поделиться|твитнуть|отправить|сохранить|скопировать\s+ссылку|распечатать|ok)",
    I,
)
SHARE_LINE = re.compile(rf"^(?:[\s|,•·/-]*{SHARE_WORD.pattern})(?:[\s|,•·/:-]+{SHARE_WORD.pattern})*[\s|,•·/:-]*$", I)
SHARE_HEAD = re.compile(r"^(?:share(?:\s+this(?:\s+(?:article|story|page|post))?)?|поделиться|share\s+on\s+\w+)\s*:?$", I)

SUBSCRIBE = re.compile(
    r"^(?:sign\s+up|subscribe|follow\s+us|like\s+us\s+on|join\s+(?:us|our\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:on|in)|stay\s+(?:up\s+to\s+date|informed|in\s+the\s+know)|never\s+miss|"
    r"подпис(?:ывайтесь|аться|ывайся)|подпишитесь|следите\s+за\s+(?:нами|новостями)|присоединяйтесь|будьте\s+в\s+курсе|читайте\s+нас|мы\s+в)\b"
    r".*\b(?:newsletters?|inbox|e-?mail\s+(?:alerts|updates)|alerts|channel|telegram|twitter|facebook|instagram|youtube|podcast|"
    r"канал\w*|рассылк\w*|соцсет\w*|дзен\w*|вконтакте|vk)\b",
    I,
)
SUBSCRIBE_ANYWHERE = re.compile(
    r"\b(?:sign\s+up|subscribe|подпис(?:ывайтесь|аться)|подпишитесь)\b.*\b(?:newsletters?|inbox|рассылк\w*)\b"
    r"|\bdelivered\s+(?:to|through|straight\s+to)\s+your\s+(?:letterbox|door|doorstep|inbox|mailbox)\b"
    r"|\b\d+\s+issues\s+for\s+[£$€]",
    I,
)
# A discount offer: a named kind of code, or "use the code" + the code itself
# ("Use the code \"GETPRO\""); a bare "use code" is prose ("hackers use code").
OFFER = re.compile(
    r"\b(?i:(?:promo|discount|coupon|voucher)\s+code|промокод\w*)\b"
    r"|\b(?i:use\s+(?:the\s+)?code)\s*[:\"“'‘]?\s*[A-Z0-9]{4,}\b"
)
SUBSCRIBE_FIXED = re.compile(
    r"^(?:thanks?\s+(?:you\s+)?for\s+(?:signing\s+up|subscribing)!?|keep\s+an\s+eye\s+on\s+your\s+inbox.*|"
    r"there\s+was\s+an\s+error\s+processing\s+your\s+subscription\.?|newsletters?|sign\s+up|subscribe(?:\s+now)?|"
    r"(?:get|sign\s+up\s+for)\s+(?:our|the)\s+[\w .'’-]{0,40}newsletter.*|спасибо\s+за\s+подписку!?|подписаться)$",
    I,
)

PHOTO_CREDIT = re.compile(
    r"^(?:\(?\s*(?:photo(?:graph)?s?|image|picture|pictured|credit|photo\s+credit|image\s+credit|image\s+copyright|image\s+caption|"
    r"illustration|source\s+image|getty\s+images|фото(?:графия)?|иллюстрация|кадр|источник\s+фото|фото\s+на\s+обложке|изображение)"
    r"\s*(?:by|:|—|–|-|©|/)\s*\S.*"
    r")",
    I,
)
# A credit standing apart at the end of a caption: in brackets, after a slash,
# "via" or a sentence end ("... October 4, 2017. REUTERS/Chris Wattie",
# "Jane Roe via Getty Images"). An agency named inside a sentence ("..., the
# RIA Novosti correspondent reported.") is no credit.
PHOTO_CREDIT_END = re.compile(
    r"\((?:photo|image|picture|фото|credit)s?\s*(?:by|:|©)[^()]{2,80}\)\s*\.?$"
    r"|(?:^|[/|]\s*|\bvia\s+|[.!?]\s+)(?:getty\s+images|ap\s+photo|afp\s+photo|reuters/[\w ]+|shutterstock|istock(?:photo)?)\s*\)?\.?$"
    r"|(?:^|\s)[\w.'’ -]{2,40}/(?:afp|ap|reuters|getty\s+images|epa|shutterstock)(?:/[\w ]+)?\s*\.?$",
    I,
)
# A site's notice: "Copyright ...", a bare "All rights reserved." line, a
# Russian reprint notice. Not "© <agency>" (provenance, see classify_line).
# Searched, not anchored: each match starts where the notice starts, so the
# prose guard (boilerplate._prose_ok) can tell a notice from a sentence.
COPYRIGHT = re.compile(
    r"^(?:\(c\)|copyright\b)|^all\s+rights\s+reserved\.?$|^все\s+права\s+защищены\.?$"
    r"|(?:использование|перепечатка|копирование)\s+материалов.*?(?:разрешен|запрещен|только\s+с|без\s+(?:письменного|согласия))",
    I,
)
COOKIE = re.compile(
    r"\b(?:we\s+use\s+cookies|(?:this|our)\s+(?:site|website)\s+uses\s+cookies|cookie\s+(?:policy|settings|preferences)|"
    r"accept\s+(?:all\s+)?cookies|by\s+(?:continuing|using)\s+(?:to\s+(?:use|browse)\s+)?(?:this|our)\s+(?:site|website)|"
    r"мы\s+используем\s+(?:файлы\s+)?cookie|файлы\s+cookie|используем\s+куки)",
    I,
)
PAYWALL = re.compile(
    r"\b(?:subscribe\s+(?:now\s+)?to\s+(?:continue|keep)\s+reading|to\s+continue\s+reading|already\s+a\s+(?:subscriber|member)|"
    r"this\s+(?:article|content|story)\s+is\s+(?:available\s+)?(?:only\s+)?(?:for|to)\s+(?:paid\s+)?(?:subscribers|members)|"
    r"you\s+have\s+reached\s+(?:your|the)\s+(?:limit|maximum)|free\s+articles?\s+(?:left|remaining)|(?:log|sign)\s+in\s+to\s+(?:continue|read)|"
    r"subscribers?\s+only|become\s+a\s+(?:subscriber|member)\s+to|"
    r"доступ\w*\s+(?:только\s+)?(?:для\s+)?подписчик\w*|оформите\s+подписку|продолжение\s+(?:доступно|читайте))",
    I,
)
_BIO_CI = (
    r"(?:may|can)\s+be\s+reached\s+at|follow\s+(?:him|her|them|me)\s+(?:on\s+(?:twitter|facebook|instagram|x)|@\w+)"
    r"|(?:email|e-mail|contact|reach|write\s+to)\s+(?:the\s+)?(?:author|reporters?|writers?|him|her|them)\s+(?:at|on|via)\s+\S+"
    r"|have\s+a\s+(?:news\s+)?tip\?|on\s+twitter\s+at\s+@?\w+"
    r"|is\s+an?\s+(?:staff\s+|senior\s+|contributing\s+|freelance\s+|political\s+|business\s+)?(?:writer|reporter|correspondent|"
    r"editor|journalist|columnist|contributor)\s+(?:for|at|with|based|covering|who)\b"
    r"|автор\s+(?:—|-)\s+(?:журналист|корреспондент|обозреватель|редактор)|^об\s+авторе\b"
)
# "Follow Jane Roe on Twitter", "Follow City Gazette on Facebook": only at the
# start of a line, where it is a follow bar; mid-sentence it is reporting
# ("fans follow the singer on ...").
FOLLOW_BAR = re.compile(
    r"^(?i:follow|следите\s+за)\s+[A-ZА-ЯЁ][\w'’-]+(?:\s+[A-ZА-ЯЁ][\w'’-]+){0,2}\s+"
    r"(?i:on|в)\s+(?i:twitter|x|facebook|instagram|telegram|linkedin|threads|bluesky|телеграме?|telegram-канале)\b"
)
AUTHOR_BIO = re.compile(
    rf"(?i:{_BIO_CI})|\b(?i:email|e-mail|contact|reach)\s+[A-Z]\w+(?:\s+[A-Z]\w+)?\s+(?i:at|on|via)\s+\S+@\S+"
)
CREDITS = re.compile(
    r"^\(?\s*(?:(?:additional\s+)?reporting|writing|editing|edited|compiled|translated|research|graphics)\s+by\b.*"
    r"|^[^.]{0,120}\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\.?\)?$",
    I,
)
# "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Автор: Иван Петров".
_NAME = r"[A-ZА-ЯЁ][\w.'’-]+(?:\s+(?:de|van|von|der|la|le|al|bin)?\s*[A-ZА-ЯЁ][\w.'’-]+){0,3}"
BYLINE = re.compile(
    rf"^(?:[Bb]y|BY|[Аа]втор(?:ы)?\s*:|[Тт]екст\s*:|[Пп]одготовил[аи]?\s*:|[Рр]едактор\s*:)\s+{_NAME}"
    rf"(?:\s*(?:,|and|&|и)\s*{_NAME})*(?:\s*[,|–—-]\s*[A-ZА-ЯЁ0-9][\w .'’-]{{0,40}})?\s*$"
)

TAGS = re.compile(
    r"^(?:tags?|topics?|keywords|filed\s+under|categor(?:y|ies)|sections?|теги|метки|ключевые\s+слова|рубрик[аи]|темы?)\s*(?::|：|$)", I
)
# View and read counters ("Views: 1 245", "Просмотров: 3 402").
VIEWS = re.compile(r"^(?:views?|reads|просмотр(?:ов|ы)?|прочитали)\s*:?\s*\d[\d\s\u00a0,.]*[kкK]?$", I)
# Site functions, not content ("select it and press Ctrl+Enter" to report an error).
SITE_NOTICE = re.compile(
    r"^(?:if\s+you\s+(?:find|found|notice|see)\s+an?\s+(?:error|mistake|typo)|(?:если\s+вы\s+)?(?:нашли|заметили)\s+ошибку)\b"
    r".*\bctrl\s*\+\s*enter\b.*$",
    I,
)
COMMENTS = re.compile(
    r"^(?:\d+\s+)?(?:comments?|replies|комментари[йяи]\w*|обсуждение)\s*(?:\(\s*\d+\s*\)|:?\s*\d+)?\s*$"
    r"|^(?:leave|post|add|write|view|show|read|see)\s+(?:a\s+|all\s+|the\s+)?(?:\d+\s+)?(?:comments?|replies)\b.{0,40}$"
    r"|^tell\s+us\s+what\s+you\s+think.{0,30}$|^join\s+the\s+(?:discussion|conversation|debate).{0,40}$"
    r"|^comments\s+are\s+(?:closed|moderated|disabled).{0,80}$|^(?:оставьте|написать|добавить)\s+комментари\w*.{0,40}$"
    r"|^комментари\w*\s+(?:закрыты|отключены).{0,40}$|^\d+\s+(?:comments?|комментари\w*)$",
    I,
)
NAV_SEP = re.compile(r"\s*(?:›|»|>|/|\||→|·)\s*")
NAV_START = re.compile(r"^(?:home(?:page)?|news|главная|новости|home\s+page)\s*(?:›|»|>|/|\||→)", I)
ADVERT = re.compile(
    r"^(?:advertisement|advertising|sponsored(?:\s+content|\s+by\s+.{1,40})?|paid\s+(?:content|post|partnership)|ad|ads\s+by\s+\w+|"
    r"story\s+continues\s+below(?:\s+(?:this\s+)?advertisement)?|scroll\s+(?:down\s+)?to\s+continue(?:\s+with\s+content)?|"
    r"continue\s+reading\s+(?:the\s+main\s+story|below)|article\s+continues\s+(?:below|after\s+(?:this\s+)?advertisement)|"
    r"реклама|на\s+правах\s+рекламы|партн[её]рский\s+материал|спецпроект|продолжение\s+после\s+рекламы)\s*[:.]?$",
    I,
)
APP_PROMO = re.compile(
    r"^(?:click\s+here\s+to\s+(?:get|download)\s+(?:the|our)\b.{0,40}\bapp\b.*|download\s+(?:the|our)\s+.{0,40}\bapp\b.*|get\s+the\s+.{0,40}\bapp\b.*|"
    r"скачайте\s+(?:наше\s+)?приложение.*|установите\s+приложение.*)$",
    I,
)
URL = re.compile(r"https?://\S+|www\.\S+", I)
PROMO_WITH_URL = re.compile(
    r"^(?:(?:follow|reach|subscribe|download|click|подписывайтесь|читайте|смотрите)\b|more\s+[\w ]{1,30}:)", I
)

# Timestamps and dateline crumbs: a line made only of these tokens.
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья]"
)
_DAYS = (
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|"
    r"понедельник|вторник|среда|четверг|пятница|суббота|воскресенье"
)
DATE_TOKEN = re.compile(
    rf"(?:\d{{1,2}}\s?:\s?\d{{2}}(?::\d{{2}})?(?:\s*[ap]\.?\s?m\.?)?|\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}|(?:{_MONTHS})\.?|(?:{_DAYS})|\d{{1,4}}(?:st|nd|rd|th)?)",
    I,
)
DATE_FILLER = re.compile(
    r"(?:updated|last\s+updated|published|first\s+published|posted|modified|created|edited|on|at|in|ago|today|yesterday|"
    r"hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|gmt|utc|bst|cet|cest|msk|et|est|edt|pt|pst|pdt|ist|amt|a\.?m\.?|p\.?m\.?|"
    r"обновлено|опубликовано|обновлен[оа]?|сегодня|вчера|в|назад|час\w*|минут\w*|дн\w*|г|гг|года?|мск)\.?",
    I,
)
TIME = re.compile(r"\b\d{1,2}\s?:\s?\d{2}\b")
# Reading-time crumbs ("5 min read", "Reading time: 3 minutes", "Время чтения: 4 минуты").
READING_TIME = re.compile(
    r"^(?:(?:estimated\s+)?reading\s+time|read\s+time|время\s+(?:на\s+)?чтени[яе])\s*:?\s*(?:about\s+|около\s+)?"
    r"(?:\d+|less\s+than\s+(?:a|one)|менее)\s*(?:min(?:ute)?s?|мин(?:ут[аы]?)?)\.?$"
    r"|^\d+\s*(?:-\s*)?(?:min(?:ute)?s?)\.?\s+read$|^\d+\s*мин(?:ут[аы]?)?\.?\s+(?:на\s+)?чтени[яе]$",
    I,
)
