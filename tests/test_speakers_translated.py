"""Speakers in invented Russian news read in English translation: one person under two
transliterations or in a Russian case form, a ministry called `the department` once named, an
outlet or body named right after its kind, a title before a name after an outlet's comma."""
from presslens.coref.names import same_surname, spelling_key
from tests.unseen_helpers import by_name, run, speaker_of


def test_transliterations_share_one_spelling_key():
    assert spelling_key("Yuri") == spelling_key("Yury") == spelling_key("Yuriy") == spelling_key("Iurii")
    assert spelling_key("Sergei") == spelling_key("Sergey")
    assert spelling_key("Yevgeny") == spelling_key("Evgeniy")
    assert spelling_key("Aleksandr") == spelling_key("Alexander")
    assert spelling_key("Vasilyev") == spelling_key("Vasilev")
    assert spelling_key("Anna") != spelling_key("Anya")


def test_case_forms_of_a_surname_but_not_the_reverse():
    assert same_surname("peskova", "peskov")
    assert same_surname("zelenskogo", "zelensky")
    assert not same_surname("lavrov", "lavrova")  # the base is no case form of the feminine
    assert not same_surname("ivanovich", "ivanov")


SPLIT = ("Yuri Ushakov, an aide to the president, said the meeting would take place in Geneva. "
         "Yury Ushakov also noted that the agenda had not yet been agreed.\n\n"
         "Dmitry Peskov told journalists that the Kremlin would respond. According to Peskova, "
         "the decision of Washington does not help relations. He added that Moscow would study the text.\n")


def test_one_person_under_two_spellings_and_a_case_form():
    a, ents, quotes = run(SPLIT)
    assert not [e for e in ents if e.name in ("Yury Ushakov", "Peskova")]
    assert speaker_of(a, quotes, "agenda had not yet").name == "Yuri Ushakov"
    assert speaker_of(a, quotes, "does not help relations").name == "Dmitry Peskov"
    assert speaker_of(a, quotes, "would study the text").name == "Dmitry Peskov"


MINISTRY = ("The Ministry of Emergency Situations warned residents about thunderstorms. According to the "
            "department, strong winds are expected in the region on Tuesday.\n\n"
            "The Ministry of Health has registered a new vaccine. The ministry's press service said that "
            "the first batches would reach the regions in December.\n")


def test_a_named_ministry_is_the_department_and_owns_its_press_service():
    a, _, quotes = run(MINISTRY)
    assert speaker_of(a, quotes, "strong winds").name == "Ministry of Emergency Situations"
    assert speaker_of(a, quotes, "first batches").name == "Ministry of Health"


BODIES = ("The Moscow Coronavirus Control and Monitoring Center reports that 683 new cases have been "
          "confirmed in the capital.\n\n"
          "The British newspaper The Guardian reports that the match may be played in Manchester.\n\n"
          "In an interview with Kommersant, the head of the Central Election Commission Ella Pamfilova "
          "said that the vote would be fair.\n")


def test_long_body_names_kinds_before_names_and_titles_after_an_outlet():
    a, ents, quotes = run(BODIES)
    assert by_name(ents, "Moscow Coronavirus Control and Monitoring Center").type == "ORG"
    assert speaker_of(a, quotes, "683 new cases").name == "Moscow Coronavirus Control and Monitoring Center"
    assert speaker_of(a, quotes, "played in Manchester").name == "Guardian"
    assert speaker_of(a, quotes, "vote would be fair").name == "Ella Pamfilova"
    assert "the head of the Central Election Commission" in by_name(ents, "Ella Pamfilova").aliases


def test_a_given_name_alone_is_the_one_person_with_it():
    text = ("Russian singer Sergey Lazarev admitted that he had gained weight. "
            "Sergey also noted that he really loves running.\n")
    a, _, quotes = run(text)
    assert speaker_of(a, quotes, "loves running").name == "Sergey Lazarev"


def test_russian_surname_endings_give_the_pronoun_its_person():
    text = ("Deputy Yarovaya criticised the draft budget at the meeting on Tuesday. Minister Siluanov "
            "defended the document. She said that the spending on schools was too low. He replied that "
            "the budget was balanced.\n")
    a, _, quotes = run(text)
    assert speaker_of(a, quotes, "spending on schools").name == "Yarovaya"
    assert speaker_of(a, quotes, "budget was balanced").name == "Siluanov"


def test_surname_gender_leaves_given_names_and_unmarked_endings_alone():
    from presslens.coref.gender import surname_gender
    assert surname_gender("Yarovaya") == surname_gender("Ivanova") == "f"
    assert surname_gender("Siluanov") == surname_gender("Zelensky") == surname_gender("Dyumin") == "m"
    assert surname_gender("Martin") is None and surname_gender("Villanueva") is None
    assert surname_gender("Kovalenko") is None


def test_a_nationality_in_a_description_prefers_the_person_introduced_with_it():
    text = ("Russian President Vladimir Putin held talks with Turkish President Recep Tayyip Erdogan in "
            "Sochi. The Turkish leader said that the sides had agreed on gas supplies.\n\n"
            "Kremlin spokesman Dmitry Peskov commented on the statement of Ukrainian President Volodymyr "
            "Zelensky. He said that the words were not constructive. The Ukrainian leader earlier said "
            "that Russia was escalating.\n")
    a, _, quotes = run(text)
    assert speaker_of(a, quotes, "agreed on gas supplies").name == "Recep Tayyip Erdogan"
    assert speaker_of(a, quotes, "were not constructive").name == "Dmitry Peskov"
    assert speaker_of(a, quotes, "Russia was escalating").name == "Volodymyr Zelensky"
