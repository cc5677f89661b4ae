"""Sentence openers learned by eval/repair_caps.py (generated; do not edit).

Capitalised words that real text capitalises only at a sentence start and
writes in lower case mid-sentence. Used by fused.py."""
OPENERS_LEARNED = frozenset(
    """
    Absent Across Activists Actress Add Additional Addressing Affiliation Afterward Ahead Aides Almost
    Along Alongside Already Although Amid Analysts Anybody Anything Apparently Appearing Approval Around
    Authorities Autonomy Average Band Banning Based Basically Believing Billionaire Breaking Bringing Buy
    Can't Citing Clearly Close Closing Comments Compare Concerning Congratulations Consider Considering Contributing
    Critics Current Date De Declared Depending Different Digital Dozens Each Earlier Economists
    Emails Encourage Enter Entering Especially Events Eventually Exactly Except Exit Experts Faced
    Facing Failure Few Following Footage Frankly Fundraising Growing Guns Half Having He'll
    He's He’ll Holding Honestly Hopefully However Image Immigrants Including Increasingly Incredibly Indeed
    Initially Interesting Investigators Investors Judging Later Leading Less Let's Longtime Looking Losing
    Mainstream Majorities Meanwhile Multiple Nationally Naturally Nearly Nevertheless Nonetheless Nor Nothing Noting
    Obviously Often Online Opponents Or Organizers Others Otherwise Outside Overall Parent Particularly
    Path Per Perhaps Phone Pointing Politicians Polling Pollsters Popular Possible Present Pressed
    Previously Prior Probably Proponents Prosecutors Protest Protests Questions Raise Raising Rather Reached
    Reading Recall Recalling Recent Recently Reflecting Regarding Regardless Related Remember Reporters Requiring
    Respondents Responding Retired Right-wing Rival Roughly Sad Several She's Shortly Similar Similarly
    Simply Six Slowly Someone Sometimes Soon Sooner Sound Sources Specifically Starting Step
    Such Suddenly Superdelegates Sure Taking Thanks That's Therefore They’re They’ve Though Thousands
    Through Throughout Thus Together Trailing Try Two-thirds Typically Ultimately Underdog Unemployment Unfortunately
    Unless Until Upon Using Usually Verdict Were What's Whatever Whether Which Whoever
    Wouldn't You've You’ll You’ve Автор Более Ведь Вместо Вот Все Вся Вы
    Глава Да Дело Для До Если Еще За Западные Здесь Из Или
    Именно Их Как Когда Конечно Кроме Может Мы На Нам Например Не
    Некоторые Нет Но Об Один Однако Он Она Они Особенно От Очень
    По Политолог После Потому Почему Поэтому Правительство При Про Ранее Речь Решение
    Российский Сегодня Сейчас Согласно Так Также Такие Таким Тем Теперь То Тогда
    Тот Украинские Утверждение Хотя Что Чтобы Эксперт Эта Эти Это
    """.split()
)
