"""Landing in the reader's language, in Chromium: /go/ links, the root page, the switcher,
search in every language, and the onboarding path's progress."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from handbook import onboarding, quizzes
from handbook.catalog import Catalog, load_strings
from handbook.locales import LOCALES
from tests.browser.search import search
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
CATALOG = Catalog.load(ROOT / "docs", ROOT)


@pytest.fixture
def context_for(browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A fresh browser context with the given options (a locale, JavaScript off), closed afterwards."""
    contexts = []

    def make(**options: object):  # type: ignore[no-untyped-def]
        context = browser.new_context(**options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize(
    ("browser_locale", "landing"),
    [("hu-HU", "hu/"), ("pt-PT", "pt/"), ("es-MX", "es/"), ("en-GB", ""), ("de-DE", "")],
)
def test_a_go_link_lands_in_the_browsers_language(
    context_for, site_url: str, browser_locale: str, landing: str
) -> None:  # type: ignore[no-untyped-def]
    page = context_for(locale=browser_locale)
    page.goto(f"{site_url}/go/honesty/")
    page.wait_for_url(f"{site_url}/{landing}principles/honesty/")
    assert page.locator("h1").inner_text() == CATALOG.principle("honesty", landing.rstrip("/") or "en").meta["title"]


def test_the_first_supported_language_in_the_preferences_wins(context_for, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page = context_for(locale="de-DE", extra_http_headers={})
    page.add_init_script("Object.defineProperty(navigator, 'languages', {get: () => ['de-DE', 'pt-BR', 'hu']});")
    page.goto(f"{site_url}/go/onboarding/")
    page.wait_for_url(f"{site_url}/pt/onboarding/")


def test_the_switcher_keeps_the_section_and_its_choice_rules_go_links(context_for, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page = context_for(locale="hu-HU")
    page.goto(f"{site_url}/hu/principles/empathy/#scenario")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link", has_text="Español").click()
    page.wait_for_url(f"{site_url}/es/principles/empathy/#scenario")
    assert page.evaluate("localStorage.getItem('handbook:language')") == "es"
    # the choice beats the browser's Hungarian, and the anchor survives the /go/ link
    page.goto(f"{site_url}/go/honesty/#scenario")
    page.wait_for_url(f"{site_url}/es/principles/honesty/#scenario")
    assert page.locator("h1").inner_text() == "Honestidad"
    page.goto(f"{site_url}/go/answering-the-phone/#steps")
    page.wait_for_url(f"{site_url}/es/protocols/answering-the-phone/#steps")


def test_the_root_page_suggests_the_browsers_language_once(context_for, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page = context_for(locale="hu-HU")
    page.goto(f"{site_url}/")
    page.wait_for_url(f"{site_url}/hu/")
    page.goto(f"{site_url}/")  # the second visit stays in English
    page.wait_for_load_state("load")
    assert page.url == f"{site_url}/"
    assert page.evaluate("document.documentElement.lang") == "en"


def test_the_root_page_never_overrides_a_choice(context_for, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page = context_for(locale="pt-BR")
    page.goto(f"{site_url}/pt/principles/honesty/")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link", has_text="English").click()
    page.wait_for_url(f"{site_url}/principles/honesty/")
    page.goto(f"{site_url}/")
    page.wait_for_load_state("load")
    assert page.url == f"{site_url}/"


def test_without_javascript_a_go_link_reaches_the_english_page(context_for, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page = context_for(locale="hu-HU", java_script_enabled=False)
    page.goto(f"{site_url}/go/keeping-commitments/")
    page.wait_for_url(f"{site_url}/principles/keeping-commitments/")
    assert page.locator("h1").inner_text() == "Keeping commitments"


def test_without_javascript_the_go_page_offers_every_language(context_for, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page = context_for(java_script_enabled=False)
    response = page.request.get(f"{site_url}/go/honesty/")
    page.set_content(response.text().replace('http-equiv="refresh"', 'http-equiv="x-no-refresh"'))
    assert page.locator("main a[hreflang]").all_inner_texts() == [
        "Honesty — English",
        "Honestidad — Español",
        "Őszinteség — Magyar",
        "Honestidade — Português (Brasil)",
    ]


# A word of the principle's title in each language: the page must come first, and every
# result must be in the reader's language (each index has its own stemmer; see the site tests).
SEARCHES = {
    "en": ("commitments", "principles/keeping-commitments/"),
    "es": ("compromisos", "es/principles/keeping-commitments/"),
    "hu": ("vállalások", "hu/principles/keeping-commitments/"),
    "pt": ("compromissos", "pt/principles/keeping-commitments/"),
}


@pytest.mark.parametrize("code", list(SEARCHES))
def test_search_answers_in_the_readers_language(page, site_url: str, code: str) -> None:  # type: ignore[no-untyped-def]
    query, expected = SEARCHES[code]
    prefix = "" if code == "en" else f"{code}/"
    with page.expect_response(lambda r: r.url.endswith("search_index.json")):  # the index is loaded
        page.goto(f"{site_url}/{prefix}")
    pages = [href.split("?")[0].split("#")[0] for href in search(page, query)]
    assert pages[0] == f"{site_url}/{expected}", pages
    others = [loc.url_prefix for loc in LOCALES if loc.url_prefix and loc.code != code]
    assert all(p.startswith(f"{site_url}/{prefix}") for p in pages), pages
    assert not any(p.startswith(f"{site_url}/{other}") for p in pages for other in others), pages


def path_ids() -> list[str]:
    english = CATALOG.page("onboarding/index.md", "en")
    assert english is not None
    return [entry.id for entry in onboarding.parse_page(english).entries]


def test_the_onboarding_path_shows_progress_from_quizzes_checklists_and_the_assessment(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    words = load_strings()["hu"]["path"]
    total = len(path_ids())
    # pass a real quiz: every question of the honesty quiz answered right
    page.goto(f"{site_url}/hu/principles/honesty/")
    honesty = CATALOG.principle("honesty", "hu")
    for question in quizzes.parse_page(honesty).quizzes[0].questions:
        box = page.locator(f"#{question.id}")
        for index, answer in enumerate(question.answers):
            if answer.correct:
                box.locator("input").nth(index).check()
        box.locator(".handbook-quiz__check").click()
    # complete a real checklist
    page.goto(f"{site_url}/hu/protocols/welcoming-a-customer/")
    for box in page.locator(".handbook-checklist__box").all():
        box.check()
    # and a passed assessment, as quiz.js stores it
    page.evaluate(
        "localStorage.setItem('handbook:quiz:assessment', JSON.stringify({result: {score: 25, total: 25, passed: true}}))"
    )
    page.goto(f"{site_url}/hu/onboarding/")
    progress = page.locator(".handbook-path__progress")
    assert progress.inner_text() == words["progress"].format(done=3, total=total)
    done = page.locator(".handbook-path__item--done").evaluate_all("items => items.map(i => i.dataset.id)")
    assert sorted(done) == ["assessment", "honesty", "welcoming-a-customer"]
    assert page.locator('[data-id="honesty"] .handbook-path__status').inner_text() == words["done"]
    assert page.locator('[data-id="empathy"] .handbook-path__status').inner_text() == words["not_done"]
    # the reset forgets it all, and says so
    page.locator(".handbook-path__reset").click()
    assert progress.inner_text() == f"{words['reset_done']} " + words["progress"].format(done=0, total=total)
    assert page.locator(".handbook-path__item--done").count() == 0
    stored = page.evaluate(
        "Object.keys(localStorage).filter(k => k.startsWith('handbook:quiz:') || k.startsWith('handbook:checklist:'))"
    )
    assert stored == []


def test_the_onboarding_path_works_without_storage_or_javascript(context_for, site_url: str) -> None:  # type: ignore[no-untyped-def]
    blocked = context_for()
    blocked.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});"
    )
    blocked.goto(f"{site_url}/onboarding/")
    assert blocked.locator(".handbook-path__item a").count() == len(path_ids())
    assert blocked.locator(".handbook-path__controls").is_hidden()
    plain = context_for(java_script_enabled=False)
    plain.goto(f"{site_url}/es/onboarding/")
    links = plain.locator(".handbook-path__item a")
    assert links.count() == len(path_ids())
    assert plain.locator(".handbook-path__controls").is_hidden()
    assert plain.locator(".handbook-path__status").first.is_hidden()
    links.first.click()
    plain.wait_for_url(f"{site_url}/es/principles/{path_ids()[0]}/")


def test_a_chosen_language_leads_every_go_link_to_a_real_page(site_url: str, page) -> None:  # type: ignore[no-untyped-def]
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(f"{site_url}/sources/")
    for locale in LOCALES:
        page.evaluate("code => localStorage.setItem('handbook:language', code)", locale.code)
        page.goto(f"{site_url}/go/assessment/")
        page.wait_for_url(f"{site_url}/{locale.url_prefix}onboarding/assessment/")
    assert [url for url in failed if not url.endswith("sitemap.xml")] == []


def test_hreflang_links_cost_no_failed_requests_and_stay_in_the_head(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """Material looks for a sitemap.xml next to each hreflang link; language.js spares those 404s."""
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(f"{site_url}/hu/principles/empathy/")
    page.wait_for_load_state("networkidle")
    assert failed == []
    hreflangs = page.locator("head link[rel=alternate]").evaluate_all("links => links.map(l => l.hreflang)")
    assert hreflangs == [locale.html_lang for locale in LOCALES]
