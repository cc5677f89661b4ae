"""Entities and speakers on invented articles unlike the seed or PolNeAR: names NER mistypes,
relation persons, appositions, shared surnames, verdict verbs that are not speech."""
from tests.unseen_helpers import by_name, run, speaker_of

COURT = ("Blogger jailed after exposing land deals\n\n"
         "The journalist Sorin Munteanu was sentenced on Monday to three years in prison. "
         "The Rascani district court found Munteanu guilty of extortion.\n\n"
         "The defendant's lawyer, Doina Rusu, said the defense would appeal the verdict.\n\n"
         "According to Munteanu's wife, the investigation ignored the testimony of two witnesses. "
         "She pointed out that the case was opened only after her husband wrote about the mayor.\n")

WIRE = ("Police detained opposition leader Levan Gelashvili on Saturday, hours before a rally.\n\n"
        "Gelashvili was charged with organising an unauthorised gathering, his lawyer Tamar Kvaratskhelia "
        "told reporters. She said her client would plead not guilty.\n")

MINISTRY = ("Health Minister Katarzyna Nowak resigned on Friday.\n\n"
            "\"I take full responsibility,\" Nowak told reporters in Warsaw. Her deputy, Tomasz Wojcik, "
            "said he would lead the ministry until a successor is named.\n\n"
            "The ministry said in a statement that the audit would be published in full.\n")


def test_court_names_typed_from_context():
    a, ents, _ = run(COURT)
    assert by_name(ents, "Sorin Munteanu").type == "PERSON"
    assert "journalist" in by_name(ents, "Sorin Munteanu").roles
    assert by_name(ents, "Doina Rusu").type == "PERSON"
    assert not any(e.type == "PERSON" and e.name == "Rascani" for e in ents)  # a place before "district court"


def test_relation_person_and_she():
    a, ents, quotes = run(COURT)
    wife = by_name(ents, "Munteanu's wife")
    assert wife.type == "PERSON" and "wife of Munteanu" in wife.roles
    spk = speaker_of(a, quotes, "the case was opened")
    assert spk is not None and spk.name == "Munteanu's wife"


def test_apposition_gives_the_speaker_and_role():
    a, ents, quotes = run(COURT)
    spk = speaker_of(a, quotes, "would appeal the verdict")
    assert spk.name == "Doina Rusu"
    assert "lawyer of the defendant" in by_name(ents, "Doina Rusu").roles


def test_verdicts_are_not_speech():
    a, _, quotes = run(COURT)
    cues = {q.cue.text for q in quotes if q.cue}
    assert not cues & {"found", "sentenced", "ignored"}, cues
    assert not any("guilty of extortion" == a.document.text[q.start:q.end] for q in quotes)


def test_possessive_role_before_name_is_the_speaker():
    a, ents, quotes = run(WIRE)
    lawyer = by_name(ents, "Tamar Kvaratskhelia")
    assert lawyer.type == "PERSON"
    assert speaker_of(a, quotes, "charged with organising").name == "Tamar Kvaratskhelia"
    assert speaker_of(a, quotes, "plead not guilty").name == "Tamar Kvaratskhelia"


def test_deputy_apposition():
    a, ents, quotes = run(MINISTRY)
    assert speaker_of(a, quotes, "lead the ministry").name == "Tomasz Wojcik"
    assert speaker_of(a, quotes, "I take full responsibility").name == "Katarzyna Nowak"


COMPANIES = ("ALMATY. Zhetysu Neft reported a 12 percent drop in profit on Friday. The company said lower "
             "export prices were to blame.\n\n"
             "The oil company Ordabassy announced that it would pay record dividends. Ordabassy said that the "
             "payment would be made in June.\n\n"
             "Kaspi said that its net income grew by 15 percent. The company noted that the number of users rose.\n")


def test_untagged_subject_of_a_business_verb_is_an_organisation():
    a, ents, quotes = run(COMPANIES)
    org = [e for e in ents if e.name == "Zhetysu Neft"]
    assert org and org[0].type == "ORG"
    q = [q for q in quotes if "export prices" in a.document.text[q.start:q.end]][0]
    assert q.speaker.name == "Zhetysu Neft" and q.speaker.entity == org[0].id


def test_repeat_of_a_one_word_company_name_joins_it():
    a, ents, quotes = run(COMPANIES)
    q = [q for q in quotes if "made in June" in a.document.text[q.start:q.end]][0]
    org = [e for e in ents if e.name == "Ordabassy"][0]
    assert q.speaker.entity == org.id


def test_the_company_is_the_last_company_that_spoke_not_the_one_called_so():
    a, ents, quotes = run(COMPANIES)
    q = [q for q in quotes if "number of users rose" in a.document.text[q.start:q.end]][0]
    assert q.speaker.name == "Kaspi"


def test_a_person_subject_of_a_business_verb_stays_unnamed_as_an_org():
    a, ents, quotes = run("Nurlan Abenov reported a loss of two million tenge. Ivanov sold his stake in May.\n")
    assert not [e for e in ents if e.type == "ORG" and e.name in ("Ivanov", "Nurlan Abenov")]


def test_a_place_opening_the_sentence_is_no_person_before_the_clause_subject():
    text = ("In Tirlen, a customs officer was detained for taking a bribe from a trucker. "
            "The official promised \"full protection\" to the trucking company.")
    a, ents, quotes = run(text)
    assert not [e for e in ents if e.type == "PERSON" and "Tirlen" in e.name]
    got = [q for q in quotes if "full protection" in text[q.start:q.end]]
    assert got and "Tirlen" not in got[0].speaker.name


def test_a_name_with_a_role_apposition_is_still_a_person():
    text = "Oskar Vendl, the mayor, said the bridge would reopen in May."
    a, ents, quotes = run(text)
    assert any(e.type == "PERSON" and e.name == "Oskar Vendl" for e in ents)


# names from translated Russian/Ukrainian/Kazakh/Georgian news that the small English model glues
# to an organisation, mistypes or misses; all invented
DUMA = ("Deputy wants to ban crypto mining in winter\n\n"
        "A deputy of the State Duma Pyotr Gromoy proposed to ban cryptocurrency mining in the heating season. "
        "\"Miners must not freeze whole villages,\" Gromoy said. The Duma will consider the bill in spring.\n")

CLUB = ("Irtysh lost at home\n\n"
        "Irtysh lost to Ordabasy on Sunday. The head coach of Irtysh Sergei Kalmykin said the team lacked energy. "
        "Irtysh remain fourth in the table.\n")


def mention_texts(e):
    return {m.text for m in e.mentions}


def test_a_given_name_after_a_legislature_is_a_person_and_the_legislature_one_org():
    a, ents, quotes = run(DUMA)
    assert by_name(ents, "Pyotr Gromoy").type == "PERSON"
    assert speaker_of(a, quotes, "freeze whole villages").name == "Pyotr Gromoy"
    assert not [e for e in ents if e.type == "PERSON" and "Duma" in e.name]
    duma = [e for e in ents if e.type == "ORG" and "Duma" in e.name]
    assert len(duma) == 1 and "Duma" in mention_texts(duma[0])


def test_a_club_glued_before_its_coach_is_split_off_and_never_a_person():
    a, ents, _ = run(CLUB)
    coach = by_name(ents, "Sergei Kalmykin")
    assert coach.type == "PERSON" and "head coach of Irtysh" in coach.roles
    assert not [e for e in ents if e.type == "PERSON" and "Irtysh" in e.name]


def test_a_known_given_name_and_a_capitalised_surname_are_a_person_even_untagged():
    text = ("Aidar Zhunusbek said on Tuesday that the akimat ignored the complaints of residents. "
            "Ilya Varnavin and Taras Hlushko wrote that the smog was getting worse. Zhunusbek added that he would sue.\n")
    a, ents, quotes = run(text)
    for name in ("Aidar Zhunusbek", "Ilya Varnavin", "Taras Hlushko"):
        assert by_name(ents, name).type == "PERSON"
    assert speaker_of(a, quotes, "would sue").name == "Aidar Zhunusbek"


def test_a_nationality_or_faith_opening_with_a_given_name_stays_one():
    a, ents, _ = run("Roman Catholic priests met in Lviv on Sunday to pray for peace.\n")
    assert not [e for e in ents if e.type == "PERSON"]


def test_minister_of_a_portfolio_then_an_unknown_name_is_a_person():
    text = "Minister of Energy Almat Zhaksybek said that tariffs would rise by a tenth in March.\n"
    a, ents, quotes = run(text)
    minister = by_name(ents, "Almat Zhaksybek")
    assert minister.type == "PERSON" and "Minister of Energy" in minister.roles
    assert speaker_of(a, quotes, "tariffs would rise").name == "Almat Zhaksybek"


def test_a_role_before_a_name_is_that_name_not_the_last_holder_of_the_role():
    text = ("The blogger Yuri Dudkin said the fine was unfair. Earlier the lawyer Svetlana Petrenko said the case "
            "was political. The blogger Sasha Koval wrote that he would appeal.\n")
    a, ents, quotes = run(text)
    assert speaker_of(a, quotes, "would appeal").name == "Sasha Koval"
    assert speaker_of(a, quotes, "was political").name == "Svetlana Petrenko"


def test_a_word_before_a_given_name_and_surname_is_not_part_of_the_name():
    a, ents, _ = run("Goalkeeper Dmitry Lavrin saved a penalty in the last minute. Lavrin was named man of the match.\n")
    assert by_name(ents, "Dmitry Lavrin").type == "PERSON"
    assert not [e for e in ents if "Goalkeeper" in e.name]


def test_a_lone_role_word_as_subject_of_a_business_verb_neither_crashes_nor_becomes_an_org():
    a, ents, _ = run("Chairman announced that profit grew by a tenth. Mother said the plant was closed in May.\n")
    assert not [e for e in ents if e.type == "ORG" and e.name in ("Chairman", "Mother")]


def test_an_office_over_a_region_without_article_gives_the_role_and_later_the_description():
    text = ("Akim of Almaty region Bolat Kenzhebek visited Konaev. "
            "The akim said that three more schools would open in September.\n")
    a, ents, quotes = run(text)
    akim = by_name(ents, "Bolat Kenzhebek")
    assert "Akim of Almaty region" in akim.roles
    assert speaker_of(a, quotes, "three more schools").name == "Bolat Kenzhebek"


def test_the_opposition_alone_is_a_group_not_the_last_person_named():
    text = ("Irakli Dolidze said on Monday that the opposition had no support in the regions. "
            "Dolidze added that the vote was fair.\n")
    a, ents, _ = run(text)
    person = by_name(ents, "Irakli Dolidze")
    assert "the opposition" not in person.aliases


def test_a_portfolio_of_several_words_stays_in_the_role_when_ner_glues_it_to_the_name():
    text = "Minister of Digital Transformation Mykhailo Danylenko said that drone production grew.\n"
    a, ents, quotes = run(text)
    minister = by_name(ents, "Mykhailo Danylenko")
    assert "Minister of Digital Transformation" in minister.roles
    assert speaker_of(a, quotes, "drone production").name == "Mykhailo Danylenko"
