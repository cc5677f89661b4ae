"""The events stage on invented sentences: each type, arguments, dates, attributes, boilerplate."""
import pytest

import presslens
from presslens.ingest.text import document_from_text
from presslens.model import Analysis, Boilerplate, Document, Entity, Mention
from presslens.pipeline import Pipeline, get_stage

# Only the stages events needs, so these tests exercise this stage and nothing downstream.
PIPE = Pipeline.from_names(("repair", "parse", "entities", "events"))


def events(text, published=None):
    return presslens.analyze(document_from_text(text, source="t.txt", published=published), PIPE).get("events")


def one(text, etype, published=None):
    found = [e for e in events(text, published) if e.type == etype]
    assert found, f"no {etype} in {[(e.type, text[e.trigger.start:e.trigger.end]) for e in events(text, published)]}"
    return text, found[0]


def trig(text, ev):
    return text[ev.trigger.start:ev.trigger.end]


@pytest.mark.parametrize("text,etype,trigger", [
    ("The minister said that the plan would fail.", "statement", "said"),
    ("The mayor shared his opinion on his website.", "statement", "shared"),
    ("The opposition accused the governor of fraud.", "accuse", "accused"),
    ("The union called on the government to raise wages.", "demand", "called"),
    ("Police arrested the mayor of Springfield on Monday.", "arrest", "arrested"),
    ("The banker was charged with embezzlement.", "charge", "charged"),
    ("The jury convicted the former governor.", "convict", "convicted"),
    ("The court acquitted the journalist.", "acquit", "acquitted"),
    ("A judge sentenced the blogger to three years in prison.", "sentence", "sentenced"),
    ("The authorities released the activist after a week.", "release", "released"),
    ("The defence appealed the verdict.", "appeal", "appealed"),
    ("Thousands of people joined the protest in the capital.", "protest", "protest"),
    ("The president met the prime minister in Geneva.", "meet", "met"),
    ("The two countries signed an agreement on gas transit.", "agree", "signed"),
    ("Rebels attacked a convoy near the border.", "attack", "attacked"),
    ("The European Union imposed sanctions against the company.", "sanction", "sanctions"),
    ("Voters elected a new parliament.", "elect", "elected"),
    ("The president appointed a new defence minister.", "appoint", "appointed"),
    ("The health minister resigned after the scandal.", "resign", "resigned"),
    ("The minister stepped down after the scandal.", "resign", "stepped"),
])
def test_each_type(text, etype, trigger):
    text, ev = one(text, etype)
    assert trig(text, ev) == trigger


def test_conviction_and_sentence_share_date_and_court_but_not_the_term():
    text = ("On March 3, the court found the driver partially guilty of negligence and "
            "sentenced him to 2 years and 6 months in a penal colony.")
    _, conv = one(text, "convict")
    _, sent = one(text, "sentence")
    assert trig(text, conv) == "found" and trig(text, sent) == "sentenced"
    assert conv.actor.text == "the court" and sent.actor.text == "the court"
    assert conv.target.text == "the driver"
    assert conv.attributes["verdict"] == "partially guilty"
    assert conv.attributes["charge"] == "negligence"
    assert "duration_months" not in conv.attributes
    assert sent.attributes["duration_months"] == 30
    assert sent.attributes["penalty"] == "penal colony"
    assert conv.date == sent.date == "--03-03"


def test_not_guilty_is_an_acquittal():
    text, ev = one("The court found the editor not guilty of libel.", "acquit")
    assert ev.attributes["verdict"] == "not guilty"


def test_pronoun_target_without_antecedent_stays_text():
    text, ev = one("Last spring the court sentenced him to a fine.", "sentence")
    assert ev.target.text == "him" and ev.target.entity is None


def test_passive_agent_is_actor_and_subject_is_target():
    text, ev = one("The activist was detained by police in Minsk.", "arrest")
    assert ev.actor.text == "police"
    assert ev.target.text == "The activist"
    assert ev.location == "Minsk"


def test_arguments_resolve_to_entities():
    text, ev = one("Angela Merkel met Emmanuel Macron in Berlin on Tuesday.", "meet", published="2019-05-10")
    assert ev.actor.entity is not None and ev.actor.name == "Angela Merkel"
    assert ev.target.name == "Emmanuel Macron"
    assert ev.date == "2019-05-07"


def test_relative_date_needs_publication_date():
    text = "The senator resigned yesterday."
    assert one(text, "resign", published="2020-01-10")[1].date == "2020-01-09"
    assert one(text, "resign")[1].date is None


def test_date_from_another_clause_is_not_taken():
    text = "He said on Friday that the company had signed a deal with the city."
    evs = {e.type: e for e in events(text, published="2016-03-14")}
    assert evs["statement"].date == "2016-03-11"
    assert evs["agree"].date is None


def test_money_and_counts():
    _, fine = one("A court fined the company $2 million for pollution.", "sentence")
    assert fine.attributes["money"] == {"amount": 2_000_000, "currency": "USD"}
    _, attack = one("Gunmen killed 12 people in the market.", "attack")
    assert attack.attributes["people"] == 12


@pytest.mark.parametrize("text", [
    "The court did not convict the mayor.",
    "The government could impose sanctions.",
    "He refused to prosecute the case.",
    "Supporters cheered at a campaign rally in Ohio.",
    "The company released a report on Monday.",
    "He was an elected member of the council.",
    "She met the requirements.",
    "The farmer was killing himself with work.",
])
def test_no_event(text):
    assert not [e for e in events(text) if e.type != "statement"], text


def test_verbal_attack_on_a_person_is_an_accusation():
    text = "Donald Trump attacked Hillary Clinton over her emails."
    assert [e.type for e in events(text)] == ["accuse"]


def test_nothing_inside_boilerplate():
    text = "Related: Police arrested ten people on October 3. Read more\n\nThe court acquitted the editor on May 5."
    end = text.index("\n\n")
    doc = Document(id="x", source="t.txt", text=text)
    an = Analysis(document=doc)
    an.annotations["boilerplate"] = [Boilerplate(0, end, "widget")]
    an.annotations["damage"] = []
    for name in ("parse", "entities", "events"):
        for k, v in get_stage(name)(an).items():
            (an.annotations if k in ("entities", "events") else an.scratch)[k] = v
    evs = an.get("events")
    assert [e.type for e in evs] == ["acquit"]
    assert all(e.trigger.start > end for e in evs)
    assert all(e.date != "--10-03" for e in evs)


@pytest.mark.parametrize("text", ["", "   \n\n ", "“unbalanced quote", "a" * 30000, "and and and. . ."])
def test_never_crashes(text):
    assert isinstance(events(text), list)


def test_entity_index_survives_missing_entities():
    doc = Document(id="x", source="t.txt", text="Police arrested Ivan Petrov.")
    an = Analysis(document=doc)
    an.scratch["parsed"] = get_stage("parse")(an)["parsed"]
    an.annotations["entities"] = [Entity("E1", "Ivan Petrov", "PERSON", mentions=(Mention(16, 27, "Ivan Petrov"),))]
    ev = get_stage("events")(an)["events"][0]
    assert ev.target.entity == "E1" and ev.target.name == "Ivan Petrov"
