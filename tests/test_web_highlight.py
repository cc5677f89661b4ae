"""The article highlighter, snippet marking, charts and list downloads, without a server."""
from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "browser"))

from webfixtures import article_record  # noqa: E402

from presslens.web.charts import bar_chart, line_chart  # noqa: E402
from presslens.web.highlight import Layer, article_html, mark_up  # noqa: E402
from presslens.web.listing import to_csv, to_jsonl  # noqa: E402
from presslens.web.queries import snippet_html  # noqa: E402


def _visible_text(html: str) -> str:
    """The text a reader sees, minus inserted badges, with entities decoded."""
    import html as h

    html = re.sub(r'<span class="badge[^"]*"[^>]*>.*?</span>', "", html)
    return h.unescape(re.sub(r"<[^>]+>", "", html))


def test_overlapping_spans_keep_the_text_exact_and_flat():
    text = "abcdefghij"
    layers = [Layer(0, 6, "a"), Layer(3, 9, "b"), Layer(4, 5, "c", title="t")]
    html = str(mark_up(text, layers).html)
    assert _visible_text(html) == text
    # flat: no span inside another span
    assert "<span" not in re.sub(r"<span[^>]*>[^<]*</span>", "", html)
    assert '<span class="a b c" title="t">e</span>' in html
    assert '<span class="b">ghi</span>' in html and html.endswith("j")


def test_every_piece_is_escaped_and_bad_spans_are_skipped():
    text = "<b>x</b> & \"y\""
    marked = mark_up(text, [Layer(0, 3, "k", title='"><script>'), Layer(5, 99, "bad"), Layer(-1, 2, "neg")])
    html = str(marked.html)
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert len(marked.skipped) == 2 and marked.layers == 1
    assert _visible_text(html) == text


def test_article_layers_mark_quotes_speakers_entities_and_badges():
    r = article_record()
    html = str(article_html(r).html)
    assert _visible_text(html) == r["text"]
    assert html.count('class="badge spk-label"') == 3
    assert 'id="quote-0">Maria Lindqvist</span>' in html
    assert re.search(r'class="[^"]*\bq q-direct\b[^"]*"[^>]*>We will not sell', html)
    assert re.search(r'class="[^"]*\bspk\b[^"]*"[^>]*>Lindqvist</span>', html)
    assert "councillor" in html  # entity roles in the hover title
    assert 'class="badge tech-label">Loaded_Language' in html
    assert re.search(r'class="bp"[^>]*>Subscribe', html)
    assert re.search(r'class="[^"]*dmg[^"]*"[^>]*title="damage: splice', html)


def test_speaker_badge_sits_before_the_quote_and_technique_badge_after_it():
    html = str(mark_up("say hi now", [Layer(4, 6, "q", before='<span class="badge">S</span>'),
                                      Layer(0, 3, "t", after='<span class="badge">L</span>')]).html)
    assert _visible_text(html) == "say hi now"
    assert html.index(">L<") < html.index(">S<") < html.index(">hi<")


def test_snippet_marks_only_balanced_brackets_after_escaping():
    out = str(snippet_html("a [match] <i>x</i> stray ] and [ open"))
    assert "<mark>match</mark>" in out
    assert "&lt;i&gt;" in out and "<i>" not in out
    assert "stray ]" in out and "[ open" in out


def test_charts_are_svg_with_escaped_labels():
    svg = str(bar_chart({"2024-01": 2, "2024-02": 5}, "arts"))
    assert svg.startswith("<svg") and svg.count("<rect") == 2 and "2024-02: 5" in svg
    lines = str(line_chart({"<b>L</b>": {"2024-01": 1}}, ["2024-01", "2024-02"], "x"))
    assert "<b>" not in lines and "&lt;b&gt;L&lt;/b&gt;" in lines and "<polyline" in lines
    assert "Nothing dated" in str(bar_chart({}, "x"))


def test_csv_neutralises_formulas_and_flattens_lists():
    text = to_csv([{"a": "=HYPERLINK(\"x\")", "b": [1, 2]}, {"a": "plain", "c": 3}])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["a"].startswith("'=") and rows[0]["b"] == "[1, 2]"
    assert rows[1]["c"] == "3"
    assert to_jsonl([{"a": 1}, {"b": "é"}]) == '{"a": 1}\n{"b": "é"}\n'
