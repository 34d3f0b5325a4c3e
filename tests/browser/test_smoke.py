"""Browser smoke tests: Debian's Chromium, driven by Playwright, on the built site."""

from __future__ import annotations

import pytest

from tests.browser.search import search

pytestmark = pytest.mark.browser


def _switch_language(page, name: str) -> None:  # type: ignore[no-untyped-def]
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link", has_text=name).click()


def test_hungarian_home_switches_to_the_portuguese_home(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/hu/")
    assert page.locator("html").get_attribute("lang") == "hu"
    assert "Ügyfélszolgálati etikai kézikönyv" in page.title()
    _switch_language(page, "Português (Brasil)")
    page.wait_for_url(f"{site_url}/pt/")
    assert page.locator("html").get_attribute("lang") == "pt-BR"


def test_language_switch_keeps_the_reader_on_the_same_principle(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/hu/principles/honesty/")
    assert page.locator("h1").inner_text() == "Őszinteség"
    _switch_language(page, "Português (Brasil)")
    page.wait_for_url(f"{site_url}/pt/principles/honesty/")
    assert page.locator("h1").inner_text() == "Honestidade"


def test_search_finds_pages_in_the_readers_language(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/es/")
    hrefs = search(page, "honestidad")
    assert hrefs[0].split("?")[0] == f"{site_url}/es/principles/honesty/"
    results = page.locator(".md-search-result").inner_text()
    assert "Confianza y honestidad" in results  # tags in the reader's language, not ids
    assert "Honesty" not in results and "Őszinteség" not in results  # only Spanish pages


def test_a_glossary_term_shows_its_definition_on_focus_and_leads_to_the_glossary(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """Keyboard readers get the tooltip too: Material's content.tooltips shows the link's title on focus."""
    page.goto(f"{site_url}/hu/principles/priority/")
    term = page.locator("article a.handbook-term").first
    definition = term.get_attribute("data-md-tooltip-title") or term.get_attribute("title")
    assert definition
    term.focus()
    tooltip = page.locator(".md-tooltip2--active").first
    tooltip.wait_for(state="visible")
    assert definition in tooltip.inner_text()
    term.click()
    page.wait_for_url(f"{site_url}/hu/glossary/#term-*")
    anchor = page.url.split("#")[1]
    assert page.locator(f"dt#{anchor}").is_visible()
