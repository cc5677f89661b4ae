"""Story merging and cross-language quote grouping in the corpus layer (hand-written records)."""
from __future__ import annotations

from presslens.corpus import stories
from presslens.store import Store

from .test_corpus import BODY, fake_embed, record, save


def test_should_merge_stories_that_share_their_heaviest_anchors_only():
    brexit_a = {"brks": 3.0, "lndn": 1.0, "trs": 1.0, "mrkl": 0.2}
    brexit_b = {"brks": 2.0, "brsl": 1.0, "trs": 0.8}
    floods = {"vrn": 2.0, "kmc": 1.5, "dmv": 1.0, "lndn": 0.1}
    assert stories.should_merge(brexit_a, brexit_b)
    assert not stories.should_merge(brexit_a, floods)
    assert not stories.should_merge({}, brexit_a)


def test_story_merge_keeps_the_older_story_and_moves_every_article(tmp_path):
    s = Store(tmp_path / "m.db")
    s.corpus_embedder = fake_embed
    old = record(1, "Floods force evacuation in Varna", BODY, "2024-03-05")
    other = record(2, "Chess olympiad opens in Ljubljana",
                   ["Grandmasters from Norway, India and Peru arrived in Ljubljana for the olympiad.",
                    "Magnus Carlsen will lead the Norwegian team in the opening round on Friday."], "2024-03-09")
    for r in (old, other):
        save(s, r)
    a, b = s.story_of(old["id"]), s.story_of(other["id"])
    assert a != b
    with s.corpus_transaction():
        kept = s.story_merge(b, a, stories.STORY_KEYS)
    assert kept == a
    assert s.story_of(other["id"]) == a
    rows = s.stories()
    assert len(rows) == 1 and rows[0]["articles"] == 2 and rows[0]["title"] == old["title"]
    anchors, _, n = s.story_vector(a)
    assert n == 2 and {"vrn", "lbln"} & set(anchors)
    assert s.story_vector(b)[0] == {}
    s.close()
