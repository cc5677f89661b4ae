"""Who speaks when wire copy in translation stacks sources (attribution/sources.py), the
attributions carried by an opening or closing side clause (attribution/openers.py), and the
shapes of trailing cues and headlines; invented sentences only."""
from .unseen_helpers import covering, quotes_of as run


def one(text, fragment):
    q = covering(text, run(text), fragment)
    assert q, f"no attribution covering {fragment!r}"
    return q[0]


def test_outlet_citing_a_person_relays_that_person():
    text = ("About 900 residents of Lipovka were evacuated because of a wartime shell, Volga Wire reported, citing "
            "Irina Saltykova, a spokeswoman for the town council.\n")
    q = one(text, "About 900 residents of Lipovka were evacuated")
    assert q.speaker.name == "Irina Saltykova"
    assert q.channel == "Volga Wire"


def test_outlet_citing_sources_stays_the_speaker():
    text = "The factory in Berezino will close in May, Interfax reported, citing sources.\n"
    q = one(text, "The factory in Berezino will close in May")
    assert q.speaker.name == "Interfax"


def test_with_reference_to_the_department_is_the_body_quoted_before():
    text = ("A warehouse caught fire in the town of Orlovka, the Ministry of Emergency Situations said. "
            "As TASS writes, with reference to the department, the fire covers two thousand square meters.\n")
    q = one(text, "the fire covers two thousand square meters")
    assert q.speaker.name == "Ministry of Emergency Situations"
    assert q.channel == "TASS"
    assert "reference" not in text[q.start:q.end]


def test_press_service_of_a_person_speaks_for_that_person():
    text = "Governor Pavel Dronov's press service said that the new bridge will open in September.\n"
    q = one(text, "the new bridge will open in September")
    assert q.speaker.name == "Pavel Dronov"
    assert q.speaker.entity is not None


def test_unnamed_information_is_a_document_not_speech():
    text = ("A barn burned down near Kurgan. According to preliminary information, no one was hurt. "
            "According to police information, the owner was away. According to police, the fire started at night.\n")
    assert one(text, "no one was hurt").act != "speech"
    assert one(text, "the owner was away").act != "speech"
    police = one(text, "the fire started at night")
    assert police.act == "speech"


def test_journalists_information_is_the_outlet_named_before():
    text = ("Night patrols are being set up in Tartu, The Baltic Ledger reports. According to the journalists' "
            "information, the patrols are linked to budget cuts.\n")
    q = one(text, "the patrols are linked to budget cuts")
    assert "Baltic Ledger" in q.speaker.name


def test_publication_before_punctuation_is_the_outlet_named_before():
    text = ("A bus overturned in Ninh Province. The accident was reported in the Song Viet newspaper. "
            "According to the publication, the driver fell asleep.\n")
    q = one(text, "the driver fell asleep")
    assert "Song Viet" in q.speaker.name


def test_opening_phrase_in_his_words():
    text = ("Governor Oleg Vyatkin met the protesters on Sunday. In his words, the region needs a leader before "
            "the winter.\n")
    q = one(text, "the region needs a leader before the winter")
    assert q.act == "speech"
    assert q.speaker.name == "Oleg Vyatkin"


def test_as_clause_opens_or_closes_what_was_said():
    text = ("The plant stopped in March. As the press service told Interfax, the plant will restart in May. "
            "The bridge will stay closed until June, as the mayor Alla Goreva noted.\n")
    plant = one(text, "the plant will restart in May")
    assert plant.act == "speech" and plant.channel == "Interfax"
    bridge = one(text, "The bridge will stay closed until June")
    assert bridge.speaker.name == "Alla Goreva"


def test_side_clauses_that_attribute_nothing():
    text = ("In the morning, the ferry left the port. As a child growing up in Omsk, I knew every street. "
            "Mr. Tarasov made the remark on Monday as he discussed his plan for the port.\n")
    quotes = run(text)
    assert not covering(text, quotes, "the ferry left the port")
    assert not covering(text, quotes, "I knew every street")


def test_trailing_agency_cue_reports_the_whole_clause():
    text = ("Storm warning in two provinces\n\nThe National Weather Service of Norland declared an orange alert in "
            "two coastal provinces, Vetra and Lund, because of the approaching storm Hilde, TASS reported. The storm "
            "will bring heavy rain.\n")
    q = one(text, "declared an orange alert in two coastal provinces")
    assert q.speaker.name == "TASS"
    assert "TASS" not in text[q.start:q.end]


def test_inverted_body_after_a_trailing_cue_is_the_speaker():
    text = ("Hearings will be held in every district of Novogorsk. Architects and residents will take part in the "
            "hearings, reported the administration of the regional capital.\n")
    q = one(text, "Architects and residents will take part in the hearings")
    assert "administration" in q.speaker.name
    assert q.act == "speech"


def test_publication_name_reported_on_a_date():
    text = ("Two climbers died on the Dent Blanche in the canton of Valais, the publication Alpina reported on "
            "Saturday, July 25. The accident occurred at noon.\n")
    q = one(text, "Two climbers died on the Dent Blanche")
    assert "Alpina" in q.speaker.name


def test_agency_named_like_an_outlet_and_described_later():
    text = ("The regional cabinet published a decree according to which open-air concerts may resume from July 27 "
            "in parks and on embankments, writes Kama-inform. Indoor concert halls will stay closed until the third "
            "stage, the agency reminds.\n")
    first = one(text, "open-air concerts may resume from July 27")
    assert first.speaker.name == "Kama-inform"
    second = one(text, "Indoor concert halls will stay closed until the third stage")
    assert second.speaker.name == "Kama-inform"
    published = [q for q in run(text) if q.cue is not None and q.cue.text == "published"]
    assert all(q.act not in ("speech", "writing") for q in published)


def test_statement_that_reads_is_writing():
    text = ('"According to preliminary information, nobody was hurt", reads the statement from the Ministry of '
            "Emergency Situations.\n")
    q = one(text, "nobody was hurt")
    assert q.act == "writing"


def test_headline_holds_no_attribution():
    text = ("Minister Ivanov says the ferry line will reopen\n\nThe ferry line between Vyborg and Kotka will "
            "reopen in June, Minister Sergei Ivanov said on Tuesday.\n")
    quotes = run(text)
    assert all(q.start > text.index("\n\n") for q in quotes)
    assert covering(text, quotes, "The ferry line between Vyborg and Kotka will reopen in June")


def test_site_named_at_length_quotes_someone():
    text = ('Forward Ilya Brodov said the team was ready. "We are all rested now and nobody is injured. The '
            'mood in the dressing room before big games cannot be described," the Russian-language version of the '
            "official league site quotes Brodov as saying.\n")
    q = one(text, "We are all rested now and nobody is injured")
    assert q.speaker.name == "Ilya Brodov"


def test_site_name_cut_at_its_dot_still_reports():
    text = ("The ring road will be closed for two weeks, Gazeta.Ru reported. The student passed four exams: "
            "Russian, mathematics, physics and chemistry, Tomsk.Today reported. The school was jubilant, the local "
            "publication reported.\n")
    road = one(text, "The ring road will be closed for two weeks")
    assert road.speaker.name == "Gazeta.Ru"
    exams = one(text, "The student passed four exams")
    assert exams.speaker.name == "Tomsk.Today" and exams.act == "speech"
    assert one(text, "The school was jubilant").speaker.name == "Tomsk.Today"


def test_owner_of_information_or_press_service_speaks():
    text = ("According to Delovoy Vestnik's information, the buyer is a state company. As reported by the press "
            "service of the governor of the Tver Region, the roads will be repaired by June.\n")
    buyer = one(text, "the buyer is a state company")
    assert buyer.act == "speech" and "Vestnik" in buyer.speaker.name and "information" not in buyer.speaker.name
    roads = one(text, "the roads will be repaired by June")
    assert roads.act == "speech"
    assert "governor" in roads.speaker.name and roads.speaker.name != "Tver Region"
