"""The first views a newcomer sees: tables readable at 80 columns (a tmux pane, a pipe),
filters that match what a person types, the timeline in a sensible order, one name
per country, unresolved speakers not counted as people. Fixtures are invented here."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
from rich.console import Console

from presslens.coref.places import canonical_place
from presslens.ingest.text import document_from_text
from presslens.model import Analysis, Argument, Cue, Entity, Event, Frame, Mention, Quote, Speaker, Span, Technique
from presslens.render import (article_view, clip, plural, quotes_table, search_table, stats_tables, summary_table,
                              timeline_table)
from presslens.store import SearchHit, Store

LONG_QUOTE = ("the regional water authority had ignored three separate warnings from its own engineers about the "
              "state of the pumping station before the flood reached the lower town")
TEXT = (
    "Flood inquiry opens in Riverton\n\n"
    f"Engineer Marta Solberg said {LONG_QUOTE}. "
    "The U.S. embassy and officials in the United States offered help, and the US navy sent a ship. "
    "Solberg was questioned on 15 November. It is expected to last a year.\n"
)


def _render(renderable, width: int = 80) -> str:
    buf = io.StringIO()
    Console(file=buf, width=width, color_system=None, highlight=False, markup=False, soft_wrap=False).print(renderable)
    return buf.getvalue()


def _lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.strip()]


def _cells_of(out: str, col: int) -> list[str]:
    """The text of column `col` (0-based) of a rendered table, line by line."""
    return [p[col + 1].strip() for line in out.splitlines() if (p := line.split("│")) and len(p) > col + 2]


def _analysis(text: str = TEXT, *, source: str = "riverton.txt", published: str | None = "2025-11-20",
              site: str | None = None, title: str | None = None, events=(), speaker_entity: str | None = "E1",
              speaker_name: str = "Marta Solberg") -> Analysis:
    doc = document_from_text(text, source=source, published=published, site=site,
                             **({"title": title} if title else {}))
    qs = text.index(LONG_QUOTE)
    us = [text.index("U.S."), text.index("United States"), text.index("US navy")]
    ents = [
        Entity("E1", "Marta Solberg", "PERSON", ("Solberg",), ("engineer",),
               (Mention(text.index("Marta"), text.index("Marta") + 13, "Marta Solberg"),)),
        Entity("E2", "U.S.", "GPE", (), (), (Mention(us[0], us[0] + 4, "U.S."),)),
        Entity("E3", "United States", "GPE", (), (), (Mention(us[1], us[1] + 13, "United States"),)),
        Entity("E4", "US", "GPE", (), (), (Mention(us[2], us[2] + 2, "US"),)),
    ]
    said = text.index("said")
    quote = Quote("indirect", qs, qs + len(LONG_QUOTE), Speaker(speaker_entity, speaker_name, 0, 5),
                  Cue("said", said, said + 4), "statement")
    return Analysis(doc, annotations={
        "entities": ents, "quotes": [quote], "events": list(events),
        "frames": [Frame("Political", 0.8)], "techniques": [Technique("Loaded_Language", qs, qs + 20, 0.6)],
    }, pipeline_version="test")


def _event(text: str, type_: str, word: str, date: str | None) -> Event:
    at = text.index(word)
    return Event(type_, Span(at, at + len(word)), actor=Argument("Solberg", 0, 7, "E1", "Marta Solberg"), date=date)


# -- tables at 80 columns -------------------------------------------------------------------------
@pytest.mark.parametrize("width", [80, 100, 160])
def test_quotes_read_as_lines_of_text_at_any_width(width):
    row = {"article": "sha256:" + "ab" * 32, "speaker": "Marta Solberg", "kind": "indirect", "cue": "said",
           "channel": "statement", "content": LONG_QUOTE}
    out = _render(quotes_table([row], width=width), width)
    assert all(len(line) <= width for line in out.splitlines())
    said = " ".join(_cells_of(out, 1)) if width < 110 else " ".join(_cells_of(out, 4))
    assert " ".join(said.split()) == LONG_QUOTE  # nothing cut, in reading order
    first = next(line for line in out.splitlines() if "the regional" in line)
    assert len(first.split("the regional", 1)[1].split()) >= 6  # a line of text, not a word a line
    assert "Marta Solberg" in out and "abababababab" in out and "statement" in out and "said" in out
    assert "…" not in out


def _header(out: str) -> str:
    return next(line for line in out.splitlines() if line.startswith("┃"))


def test_no_header_is_cut_and_nothing_spills_over_80_columns():
    rec = _analysis(title="A very long headline " * 8).to_dict()
    hit = SearchHit(rec["id"], rec["title"], rec["source"], "2025-11-20", "the [flood] reached the lower town", 3.2)
    ev = {"article": rec["id"], "title": rec["title"], "date": "2025-11-15", "type": "question", "actor": "Solberg",
          "trigger": "questioned", "target": None}
    tables = [summary_table([rec], width=80), search_table([hit], "flood", width=80), timeline_table([ev], width=80)]
    for tab in tables:
        out = _render(tab)
        assert all(len(line) <= 80 for line in out.splitlines()), out
        assert "…" not in _header(out), out  # "boile…", "entit…" were the complaint
        for col in tab.columns:
            assert str(col.header) in _header(out)
    summary = _render(tables[0])
    assert "abababab" not in summary and rec["id"][7:19] in summary  # 12-character ids, never 5
    assert "1 quote" in summary or " quotes " in _header(summary)
    assert "…" in summary  # the over-long title is cut, and says so


def test_article_view_fits_80_columns_and_keeps_quotes_readable():
    out = _render(article_view(_analysis().to_dict(), width=80))
    assert all(len(line) <= 80 for line in out.splitlines())
    first = next(line for line in out.splitlines() if "the regional" in line and "│" in line)
    assert len(first.split("the regional", 1)[1].split()) >= 6


def test_unresolved_speaker_reads_as_unknown_not_as_a_name():
    row = {"article": "sha256:" + "cd" * 32, "speaker": "unknown", "kind": "indirect", "cue": "expected",
           "channel": None, "content": "to last a year"}
    assert "(unknown)" in _render(quotes_table([row], width=80))


def test_clip_always_marks_a_cut_and_plural_reads_right():
    assert clip("one two three four", 9) == "one two…" and clip("short", 9) == "short"
    assert plural(1, "article") == "1 article" and plural(2, "article") == "2 articles"
    assert plural(3, "entity") == "3 entities" and plural(1, "entity") == "1 entity" and plural(2, "day") == "2 days"


def test_stats_tables_at_80_columns():
    out = "".join(_render(t) for t in stats_tables({"documents": 1, "by_format": {"txt": 1}},
                                                   [{"name": "United States", "type": "GPE", "articles": 1,
                                                     "mentions": 3}], "x.db"))
    assert "United States" in out and all(len(line) <= 80 for line in out.splitlines())


# -- the store as a person queries it ------------------------------------------------------------------
@pytest.fixture
def store(tmp_path):
    text_a = TEXT
    text_b = TEXT.replace("Riverton", "Lakeside") + "Markets fell on 10 March.\n"
    text_c = TEXT.replace("Riverton", "Hillbury")
    with Store(tmp_path / "v.db") as s:
        s.save(_analysis(text_a, source="feeds/item-1.html", site="Wall Street Journal", published="2025-11-20",
                         events=[_event(text_a, "question", "questioned", "--11-15")]))
        s.save(_analysis(text_b, source="b.txt", published=None,
                         events=[_event(text_b, "question", "questioned", "--11-15"),
                                 _event(text_b, "fall", "fell", "--03-10")]))
        s.save(_analysis(text_c, source="c.txt", published="2024-06-01", speaker_entity=None, speaker_name="unknown",
                         events=[_event(text_c, "question", "questioned", "2024-05-30"),
                                 _event(text_c, "expect", "expected", None)]))
        yield s


def test_timeline_puts_yearless_partial_dates_after_dated_events_in_month_day_order(store):
    got = [(e["date"], e["published"]) for e in store.events()]
    assert got == [("2024-05-30", "2024-06-01"),  # dated
                   ("--11-15", "2025-11-20"),     # partial, placed in its article's year
                   ("--03-10", None), ("--11-15", None),  # no year anywhere: after, month-day order
                   (None, "2024-06-01")]          # undated last


def test_source_matches_the_outlet_not_only_the_path(store):
    for typed in ("Wall Street Journal", "the wall street journal", "item-1"):
        assert len(store.search("flood", source=typed)) == 1, typed


def test_entity_aggregates_name_one_country_once(store):
    names = [e["name"] for e in store.entities(limit=20)]
    assert names.count("United States") == 1 and "U.S." not in names and "US" not in names
    us = next(e for e in store.entities(limit=20) if e["name"] == "United States")
    assert us["articles"] == 3 and us["mentions"] == 9
    assert [e["name"] for e in store.entities(name="U.S.")] == ["United States"]
    assert len(store.search("flood", entity="USA")) == 3


def test_place_names():
    for v in ("U.S.", "US", "USA", "the United States", "United States of America", "America"):
        assert canonical_place(v) == "United States"
    assert canonical_place("Britain") == "United Kingdom" and canonical_place("Russian Federation") == "Russia"
    assert canonical_place("Cote d’Ivoire", "LOC") == "Ivory Coast"
    assert canonical_place("Chad", "PERSON") == "Chad" and canonical_place("Riverton") == "Riverton"


def test_dashboard_top_speakers_leave_out_unresolved_speakers(store):
    from presslens.web.queries import dashboard_data

    d = dashboard_data(store)
    assert [s["name"] for s in d["top_speakers"]] == ["Marta Solberg"]
    assert d["top_speakers"][0]["quotes"] == 2 and d["unresolved_quotes"] == 1
    assert [e["name"] for e in d["top_entities"]].count("United States") == 1
    assert [s["name"] for s in store.speakers()] == ["Marta Solberg"] and store.unresolved_quotes() == 1


def test_entity_page_of_a_country_answers_to_any_of_its_names(store):
    from presslens.web.queries import entity_profile

    for typed in ("US", "U.S.", "united states"):
        profile = entity_profile(store, typed)
        assert profile is not None and profile["name"] == "United States" and profile["articles_count"] == 3


# -- the command line, piped --------------------------------------------------------------------------
def _cli(*args: str):
    env = {**os.environ, "COLUMNS": "80", "PYTHONUNBUFFERED": "1"}
    return subprocess.run([sys.executable, "-m", "presslens", *args], capture_output=True, env=env, timeout=300)


@pytest.fixture
def db(store):
    return store.path


def test_frame_and_technique_labels_as_typed_and_unknown_ones_named(db):
    # the fixture's three flood articles are near-copies: --expand lists each (search folds reprints)
    r = _cli("search", "flood", "--db", db, "--frame", "political", "--json", "--expand")
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 3
    r = _cli("search", "flood", "--db", db, "--technique", "loaded language", "--json", "--expand")
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 3
    r = _cli("search", "flood", "--db", db, "--frame", "politcal")
    err = r.stderr.decode()
    assert r.returncode != 0 and "unknown frame 'politcal'" in err and "Political" in err and "Economic" in err
    assert r.stdout == b""


def test_quotes_json_and_exports_say_article(db):
    row = json.loads(_cli("quotes", "--db", db, "--json").stdout.splitlines()[0])
    assert row["article"].startswith("sha256:") and "document_id" not in row
    ev = json.loads(_cli("timeline", "--db", db, "--json").stdout.splitlines()[0])
    assert ev["article"].startswith("sha256:") and "document_id" not in ev
    exp = json.loads(_cli("export", "--db", db, "--table", "quotes").stdout.splitlines()[0])
    assert set(exp) <= set(row) and "article" in exp


def test_piped_views_fit_80_columns(db):
    for args in (("quotes",), ("timeline",), ("stats",), ("search", "flood")):
        r = _cli(*args, "--db", db)
        assert r.returncode == 0, r.stderr
        out = r.stdout.decode()
        assert out.strip() and all(len(line) <= 80 for line in out.splitlines()), out
        assert "…┃" not in out and "… ┃" not in out


def test_one_article_is_one_article(tmp_path):
    (tmp_path / "a.txt").write_text("Rain fell on Paris all day.\n")
    r = _cli("analyze", str(tmp_path / "a.txt"), "--no-store", "--format", "none", "--stages", "repair")
    assert r.returncode == 0 and "1 article analysed" in r.stderr.decode()


def test_dashboard_page_lists_no_unknown_speaker_and_counts_read_right(store):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from presslens.web import create_app

    store.close()
    with TestClient(create_app(store.path)) as client:
        html = client.get("/dashboard").text
    speakers = html.split('id="top-speakers"', 1)[1].split("</section>", 1)[0]
    assert "Marta Solberg" in speakers and ">unknown<" not in speakers and "not counted" in speakers
    assert "<strong>1</strong> pipeline<" in html and "<strong>3</strong> documents<" in html
