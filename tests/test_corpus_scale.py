"""What keeps the corpus layer's cost and stories sane as the corpus grows.

- A word capitalised at sentence starts that the article also writes in lower case ("Officials
  said ... officials") is no anchor.
- An anchor in a large share of the articles so far carries no story information: articles
  sharing only it stay in their own stories.
- A quote lookup reads its selective keys only; a key carried by many quotes is left unread
  unless the quote has almost nothing else, and migration 10 counts the keys of old stores.
"""
from __future__ import annotations

import sqlite3

import pytest

from presslens.corpus import stories
from presslens.corpus.text import skeleton
from presslens.model import SCHEMA, Analysis
from presslens.store import Store
from presslens.store.corpus import (COMMON_FANOUT, COMMON_QUOTE_KEY, OLD_QUOTE_KEYS, QUOTE_CANDIDATES,
                                    RECENT_QUOTES)
from presslens.store.migrations import MIGRATIONS


def test_a_common_word_capitalised_at_sentence_starts_is_no_anchor():
    counts = stories.anchor_counts(
        "Officials say Dimova ordered the evacuation",
        "Officials said the Kamchia rose. \"Report: families left,\" Dimova said. Dimova left.\n\n"
        "Government crews came from Burgas, the government said. UNICEF sent boats. Report: the report "
        "was late, officials said.")
    assert skeleton("Officials") not in counts
    assert skeleton("Report") not in counts
    assert skeleton("Government") not in counts
    assert counts[skeleton("Dimova")] == 2 + 2  # twice in the body (once at a sentence start), once in the title
    assert skeleton("UNICEF") in counts  # all capitals: not capitalised by position
    assert skeleton("Kamchia") in counts and skeleton("Burgas") in counts


def test_a_sentence_initial_word_the_article_never_writes_in_lower_case_stays_an_anchor():
    counts = stories.anchor_counts("", "Merkel arrived. Later Merkel spoke. Merkel left. Zhukov wrote a song.")
    assert counts[skeleton("Merkel")] == 3
    assert counts[skeleton("Zhukov")] == 1  # only at a sentence start, but never a lower-case word here


def test_an_anchor_in_a_large_share_of_articles_is_left_out_of_the_article_vector():
    counts = stories.anchor_counts("", "Reports by Xinhua say Dimova met Petrov in Varna.")
    n = stories.COMMON_MIN_DOCS
    common = {skeleton("Xinhua"): int(stories.COMMON_SHARE * n) + 1}
    keys = stories.article_keys(counts, common | {skeleton("Varna"): 3}, n)
    assert skeleton("Xinhua") not in keys.vector and skeleton("Xinhua") not in keys.query
    assert skeleton("Varna") in keys.query
    # in a small corpus of a few stories the same share is a story's own name: it stays
    small = stories.article_keys(counts, {skeleton("Xinhua"): 40}, 100)
    assert skeleton("Xinhua") in small.vector


def _record(n: int, text: str, day: int) -> dict:
    return {"schema": SCHEMA, "id": f"sha256:{n:064x}", "source": f"o{n}", "url": f"https://x.test/{n}",
            "title": None, "published": f"2024-03-{day:02d}", "language": "en", "text": text,
            "boilerplate": [], "damage": [], "entities": [], "quotes": [], "events": [], "genre": None,
            "frames": [], "techniques": [], "meta": {"pipeline": "test", "format": "txt"}}


NAMES = [("Kaloten", "Miradan", "Vosbis"), ("Perguli", "Zorsha", "Tenlo"), ("Danurel", "Bisno", "Guzor"),
         ("Shaper", "Lomiten", "Ravos"), ("Elbisur", "Nosha", "Kaper"), ("Gulira", "Tendan", "Zormi")]


TOPICS = ["the harbour dredging contract and its delayed payments", "a strike by tram drivers over night shifts",
          "flooded cellars along the old canal after heavy rain", "the museum's missing bronze statue and its insurers",
          "a school lunch tender won by a bakery cooperative", "wolves seen near sheep farms in the upper valley"]


@pytest.mark.parametrize("common_min_docs, expect_apart", [(1, True), (10_000, False)])
def test_articles_sharing_only_a_common_anchor_do_not_join(tmp_path, monkeypatch, common_min_docs, expect_apart):
    """Every article cites the same agency mid-sentence and on the same weekday; each story has names
    and a topic of its own. Once those count as common, each story keeps to itself (the second case
    shows that the agency alone joins stories: the test can fail)."""
    monkeypatch.setattr(stories, "COMMON_MIN_DOCS", common_min_docs)
    monkeypatch.setattr(stories, "COMMON_SHARE", 0.5)
    with Store(tmp_path / "s.db") as store:
        store.corpus_embedder = None
        n = 0
        for round_ in range(2):
            for i, ((a, b, c), topic) in enumerate(zip(NAMES, TOPICS)):
                n += 1
                text = (f"According to Xinhua, {a} met {b} on Monday to talk about {topic}. Officials said the "
                        f"talks went well. Later Xinhua added that {c} would join them, according to officials."
                        if round_ == 0 else
                        f"Xinhua wrote on Monday that {b} and {a} have agreed on {topic}. Report: little else is "
                        f"known. The deal names {c} as a mediator, Xinhua said in a report.")
                store.save(Analysis.from_dict(_record(n, text, 1 + i % 3)))
        assert store.db.execute("SELECT count(*) FROM dup_links").fetchone()[0] == 0
        by_story: dict[str, set[int]] = {}
        for doc, sid in store.db.execute("SELECT document_id, story_id FROM corpus_docs"):
            by_story.setdefault(sid, set()).add(int(doc.split(":")[1], 16))
        groups = sorted(map(sorted, by_story.values()))
        if expect_apart:
            assert groups == [[i + 1, i + 1 + len(NAMES)] for i in range(len(NAMES))]
        else:
            assert len(groups) < len(NAMES)


def _quote(store: Store, seq: int, keys: list[int]) -> None:
    doc = f"d{seq}"
    store.db.execute("INSERT INTO documents(id, source, text, raw, content_hash) VALUES (?,?,?,?,?)",
                     (doc, doc, "x", b"x", "h"))
    store.db.execute("INSERT INTO corpus_docs VALUES (?,?,?,?,?,?,?)", (doc, seq, 1, 10, b"", "s", None))
    store.quote_group_add(doc, 0, 5, f"g{seq}", "spk", 1.0, [], keys, 0.0)


def test_a_common_quote_key_is_not_read_when_the_quote_has_selective_keys(tmp_path):
    with Store(tmp_path / "s.db") as store:
        n = COMMON_QUOTE_KEY + 30
        for seq in range(1, n + 1):
            _quote(store, seq, [7, 8, 9, 10] if seq == 50 else [7])
        assert store.quote_key_df([7]) == {7: n}
        assert store._quote_ranking([7, 8, 9, 10]) == [("d50", 0, 5)]
        # nothing selective but one key: the common key's latest quotes are still candidates
        picked = store._quote_ranking([7, 8])
        assert picked[0] == ("d50", 0, 5)
        assert len(picked) == QUOTE_CANDIDATES <= COMMON_FANOUT
        assert [d for d, _, _ in picked[1:]] == [f"d{s}" for s in range(n, n - QUOTE_CANDIDATES + 1, -1)]


def test_a_quote_added_again_counts_its_keys_once(tmp_path):
    with Store(tmp_path / "s.db") as store:
        _quote(store, 1, [21, 22])
        store.quote_group_add("d1", 0, 5, "g1", "spk", 1.0, [], [21, 22, 21], 0.0)
        assert store.quote_key_df([21, 22, 23]) == {21: 1, 22: 1}


def test_migrations_10_and_11_count_the_quote_keys_of_an_old_store(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    for number, step in enumerate(MIGRATIONS[:9], start=1):
        db.executescript(f"BEGIN;\n{step()}\nPRAGMA user_version = {number};\nCOMMIT;")
    db.executemany("INSERT INTO quote_keys VALUES (?,?,0,5)", [(11, 1), (11, 2), (12, 2)])
    db.close()
    with Store(path) as store:
        assert store.quote_key_df([11, 12]) == {11: 2, 12: 1}
        assert store.db.execute("SELECT count(*) FROM sqlite_master WHERE name='quote_key_df'").fetchone()[0] == 0


def test_an_old_quote_must_share_several_keys_to_be_a_candidate(tmp_path):
    with Store(tmp_path / "s.db") as store:
        _quote(store, 1, [1, 2, 3, 4, 5])  # shares OLD_QUOTE_KEYS keys with the lookup below
        _quote(store, 2, [1])              # shares one
        filler = range(3, RECENT_QUOTES + 3)
        store.db.executemany("INSERT INTO documents(id, source, text, raw, content_hash) VALUES (?,?,?,?,?)",
                             [(f"d{s}", "x", "x", b"x", "h") for s in filler])
        store.db.executemany("INSERT INTO corpus_docs VALUES (?,?,?,?,?,?,?)",
                             [(f"d{s}", s, 1, 10, b"", "s", None) for s in filler])
        lookup = [1, 2, 3, 4, 99]
        assert OLD_QUOTE_KEYS == 4
        assert store._quote_ranking(lookup) == [("d1", 0, 5)]
        _quote(store, RECENT_QUOTES + 3, [1])  # a recent quote is found on one shared key
        assert store._quote_ranking(lookup) == [("d1", 0, 5), (f"d{RECENT_QUOTES + 3}", 0, 5)]
        # a lookup reading fewer keys than OLD_QUOTE_KEYS needs all of them
        assert ("d2", 0, 5) in store._quote_ranking([1])
