"""Given names of the former Soviet space in their usual English transliterations, with gender.

Written by hand (not mined): the corpora behind given_names.py / first_names.py are mostly
American news and miss the names that matter most in machine-translated Russian, Ukrainian,
Belarusian, Kazakh, Georgian, Armenian and Azerbaijani news. Several spellings of one name
are listed because translators disagree (Pyotr / Petr, Yevgeny / Evgeny / Evgeniy).
Names that are also common English words (`Marine`, `Ulan`) are left out.
"""
from __future__ import annotations


def _names(gender: str, spaced: str) -> dict[str, str]:
    return {w: gender for w in spaced.split()}


REGIONAL_NAMES: dict[str, str] = {
    # Russian and Belarusian, male
    **_names("m", """
        aleksandr alexandr alexander aleksey alexey alexei aleksei anatoly anatoliy anatoli andrei andrey
        anton arkady arkadiy artem artyom arseny arseniy boris bogdan dmitry dmitri dmitriy denis daniil
        danila eduard edward evgeny evgeniy evgeni yevgeny yevgeniy yevgeni fyodor fedor feodor gennady
        gennadiy georgy georgiy grigory grigoriy gleb igor ilya ivan kirill konstantin lev leonid maksim
        maxim mikhail matvei matvey nikita nikolai nikolay oleg pavel petr pyotr pyotor roman ruslan
        semyon semen sergei sergey stanislav stepan svyatoslav timofey timur vadim valery valeriy valentin
        vasily vasiliy vasili viktor victor vitaly vitaliy vitali vladimir vladislav vyacheslav yaroslav
        yegor egor yury yuriy yuri zakhar mikalai mikola uladzimir siarhei syarhei aliaksandr aliaksei
        ales andrei viachaslau valiantsin ihar dzmitry yauhen pavel raman
        """),
    # Russian and Belarusian, female
    **_names("f", """
        alla alina alyona alena anastasia anastasiya anna antonina daria darya dina ekaterina yekaterina
        elena yelena elizaveta yelizaveta evgenia yevgenia galina inna irina kira ksenia kseniya larisa
        lidia lyudmila ludmila lyubov margarita maria mariya marina nadezhda natalia natalya nataliya nina
        oksana olga polina raisa svetlana sofia sofya tamara tatiana tatyana valentina valeria varvara
        veronika viktoria victoria yana yulia yuliya zoya zinaida sviatlana maryia volha
        """),
    # Ukrainian
    **_names("m", """
        oleksandr oleksiy oleksii volodymyr mykola mykhailo mykhaylo taras petro pavlo andriy andrii serhiy
        serhii vasyl yuriy yurii ihor vitaliy vitalii dmytro denys kyrylo bohdan ostap roman anatoliy
        valeriy vadym arsen rostyslav yaroslav stepan hryhoriy fedir ivan oleh maksym illia ruslan
        """),
    **_names("f", """
        olena oleksandra yuliia iryna nataliia tetiana kateryna liudmyla halyna hanna mariia solomiia
        viktoriia oksana ulyana uliana larysa svitlana khrystyna yevheniia
        """),
    # Kazakh, Kyrgyz, Uzbek, Tajik
    **_names("m", """
        aidos dauren nurlan yerlan erlan askar asylbek bakytzhan bakyt beibut berik bolat bulat daniyar
        darkhan dias kairat kanat kassym kasym marat maksat mukhtar murat nurbek nursultan olzhas
        rustam sagyndyk sanzhar serik timur yerbol yerzhan yermek ermek zhanbolat zhaslan arman almas
        amangeldy azamat baurzhan bauyrzhan galymzhan kuanysh madi mazhit nurzhan rakhat talgat
        zhandos abai abay aslan akylbek sadyr almazbek kamchybek shavkat jamshid rustam emomali
        shyngys yerkebulan nurbol abylai abylay temirlan dulat zhomart
        """),
    **_names("f", """
        zhanna aigerim aliya aliia ainur aizhan akmaral asel assel botagoz dana dariga dinara gulnara
        gulmira gulzhan karlygash laura madina saule saltanat togzhan zarina zhanar aida aisulu aruzhan
        dilnaz gaukhar kamila meruert nazgul shynar tomiris umit zhuldyz aigul gulnar gulnur raushan
        zhansaya zarema bibigul ainash
        """),
    # Georgian
    **_names("m", """
        giorgi georgi levan irakli zurab nika mikheil davit david gia lasha tornike vakhtang bidzina
        kakha shalva otar revaz tengiz zviad nugzar mamuka ilia grigol badri koba gela temur archil
        """),
    **_names("f", """
        nino tamar tamari ketevan eka salome tea natia mariam maia lela khatia tinatin nana manana
        """),
    # Armenian
    **_names("m", """
        tigran armen aram ashot gagik hovhannes hayk levon nikol robert serzh vazgen samvel artur
        arayik karen ruben suren vahagn vardan gevorg aghasi arsen edmon
        """),
    **_names("f", """
        anahit lusine gayane armine hasmik shushan siranush narine ani zaruhi
        """),
    # Azerbaijani
    **_names("m", """
        ilham heydar elmar mammad ramiz ali rauf elchin anar vugar ramil rashad farid hikmat
        jeyhun eldar rovshan tofig tural elnur kamran mubariz
        """),
    **_names("f", """
        mehriban leyla aysel gunel sevinj khadija aynur nigar
        """),
}
