"""Shared by the tests on invented unseen articles: run entities+quotes and look results up."""
import presslens
from presslens.ingest.text import document_from_text
from presslens.pipeline import Pipeline

PIPE = Pipeline.from_names(("repair", "parse", "entities", "quotes"))


def run(text):
    a = presslens.analyze(document_from_text(text, source="t.txt"), PIPE)
    return a, list(a.get("entities")), list(a.get("quotes"))


def by_name(entities, name):
    got = [e for e in entities if e.name == name]
    assert got, f"no entity {name!r} in {[(e.name, e.type) for e in entities]}"
    return got[0]


def speaker_of(a, quotes, content_part):
    text = a.document.text
    got = [q for q in quotes if content_part in text[q.start:q.end]]
    assert got, f"no attribution containing {content_part!r}: {[text[q.start:q.end] for q in quotes]}"
    return got[0].speaker


def quotes_of(text):
    return presslens.analyze(document_from_text(text, source="t.txt"), PIPE).get("quotes")


def covering(text, quotes, fragment):
    """The quotes whose content covers at least half of `fragment`."""
    s = text.index(fragment)
    e = s + len(fragment)
    return [q for q in quotes if min(q.end, e) - max(q.start, s) >= (e - s) / 2]
