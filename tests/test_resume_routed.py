"""A rerun skips articles already analysed under their language's routed stages (invented fixtures)."""
from __future__ import annotations

import json

from presslens.ingest.text import document_from_text
from presslens.lang.routing import routed_version
from presslens.pipeline import Pipeline, get_stage

from .conftest import run_cli

RU = ("Глава партии «Зелёный берег» Тимур Оразалиев заявил журналистам, что выборы в городе прошли с "
      "нарушениями. По его словам, жалоба уже направлена в избирательную комиссию.\n")
DE = ("Der Bürgermeister der Stadt hat am Montag angekündigt, dass die neue Brücke über den Fluss im "
      "nächsten Frühjahr eröffnet werden soll. Die Bauarbeiten hatten sich wegen des Hochwassers verzögert.\n")
EN = "The mayor said on Monday that the new bridge over the river would open next spring, after the flood delays.\n"
STAGES = ("repair", "parse", "entities")


def test_routed_version_is_the_version_the_run_records():
    pipe = Pipeline([get_stage(n) for n in STAGES])
    for text in (RU, DE, EN):
        doc = document_from_text(text, source="x.txt")
        assert routed_version(STAGES, doc) == pipe.run(doc).pipeline_version
    assert "parse_ru@" in routed_version(STAGES, document_from_text(RU, source="r"))
    assert routed_version(STAGES, document_from_text(DE, source="d")).startswith("repair@")


def test_rerun_skips_russian_and_unanalysed_articles(tmp_path):
    for name, text in (("ru.txt", RU), ("de.txt", DE), ("en.txt", EN)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "s.db")
    args = ("analyze", str(tmp_path / "ru.txt"), str(tmp_path / "de.txt"), str(tmp_path / "en.txt"),
            "--db", db, "--stages", ",".join(STAGES), "--format", "json")
    first = run_cli(*args)
    assert first.returncode == 0, first.stderr.decode()
    again = run_cli(*args)
    assert again.returncode == 0, again.stderr.decode()
    assert "(3 already in the store)" in again.stderr.decode()
    # the stored records come back, with the routed stages named
    out = {json.loads(x)["language"]: json.loads(x) for x in again.stdout.decode().splitlines()}
    assert set(out) == {"ru", "de", "en"} and "parse_ru@" in out["ru"]["meta"]["pipeline"]


def test_web_intake_finds_a_stored_russian_analysis(tmp_path):
    from contextlib import contextmanager

    from presslens.store import Store
    from presslens.web.intake import _stored

    pipe = Pipeline([get_stage(n) for n in STAGES])
    doc = document_from_text(RU, source="ru.txt")
    db = str(tmp_path / "w.db")
    with Store(db) as store:
        store.save(pipe.run(doc))

    class Web:  # the one thing intake asks of the web state
        @contextmanager
        def db(self):
            with Store(db) as s:
                yield s

    found = _stored(Web(), doc, pipe.version)  # the web knows only the requested pipeline's version
    assert found is not None and found["id"] == doc.id and "parse_ru@" in found["meta"]["pipeline"]
