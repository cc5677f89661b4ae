"""The web UI in a real browser: highlighting visible, search works, hostile content inert."""
from __future__ import annotations

import os
from pathlib import Path

from webfixtures import article_record, hostile_record

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshot-article.png"


def test_article_page_highlights_quotes_and_speakers(page, live_server, tmp_path):
    rid = article_record()["id"]
    page.goto(f"{live_server}/articles/{rid}")
    quote = page.locator(".article-text .q", has_text="We will not sell the waterfront").first
    assert quote.is_visible()
    background = quote.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    label = page.locator("#quote-0")
    assert label.is_visible() and label.inner_text() == "Maria Lindqvist"
    assert page.locator(".article-text .spk-label").count() == 3
    speaker = page.locator(".article-text .spk", has_text="Lindqvist").first
    assert speaker.is_visible()
    assert speaker.evaluate("el => getComputedStyle(el).fontWeight") in ("700", "bold")
    panel = page.locator("#who-said-what")
    assert panel.locator(".said").count() == 3
    assert panel.locator(".speaker-name", has_text="Jonas Ek").count() == 2
    # entity hover shows canonical name and roles
    ent = page.locator(".article-text .ent-PERSON", has_text="Maria Lindqvist").first
    assert "councillor" in (ent.get_attribute("title") or "")

    out = SCREENSHOT if os.environ.get("PRESSLENS_UPDATE_SCREENSHOT") else tmp_path / "article.png"
    page.screenshot(path=str(out), full_page=True)
    assert out.stat().st_size > 10_000

    # the clean view hides boilerplate, keeps the body
    boiler = page.locator(".article-text .bp", has_text="Subscribe").first
    assert boiler.is_visible()
    page.locator("label[for=clean-toggle]").click()
    assert not boiler.is_visible()
    assert quote.is_visible()


def test_search_finds_the_article(page, live_server):
    page.goto(f"{live_server}/search")
    page.fill("#search-q", "waterfront")
    page.press("#search-q", "Enter")
    page.wait_for_load_state()
    hit = page.locator(".result-title", has_text="Harbour council rejects port expansion plan")
    assert hit.is_visible()
    assert page.locator(".snippet mark", has_text="waterfront").count() >= 1
    hit.click()
    page.wait_for_load_state()
    assert page.locator("#article-title").inner_text() == "Harbour council rejects port expansion plan"


def test_hostile_article_renders_inert(page, live_server):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    rec = hostile_record()
    speaker = rec["quotes"][0]["speaker"]["name"]
    for path in (f"/articles/{rec['id']}", "/search?q=Breaking", "/dashboard", "/entities",
                 "/entities/" + speaker.replace("/", "%2F"), "/articles"):
        page.goto(live_server + path)
        page.wait_for_load_state()
        injected = page.evaluate(
            "() => document.querySelectorAll('script, iframe, img, object, embed, #injected-b, "
            "[onerror], [onload], [onclick], a[href^=\"javascript:\"]').length")
        assert injected == 0, path
        # svg is ours only (charts and legend swatches), never one from a payload
        assert page.evaluate("() => [...document.querySelectorAll('svg')].every("
                             "s => s.classList.contains('chart') || s.classList.contains('swatch'))"), path
    page.goto(f"{live_server}/articles/{rec['id']}")
    # the payloads are there, as text the reader can see
    assert "<script>alert('xss-script')</script>" in page.locator("#article-title").inner_text()
    assert "<img src=x onerror=alert('xss-img')>" in page.locator(".article-text").inner_text()
    assert page.locator("#quote-0").inner_text() == speaker
    page.wait_for_timeout(300)
    assert dialogs == []
    assert violations == []  # nothing even tried to run (CSP would have reported it)
