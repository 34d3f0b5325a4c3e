"""The glossary and the first-use links, on the built site (parsed HTML), in every language;
and the facts from the sources that issue 11 restored, where the built pages can show them."""

from __future__ import annotations

import pytest

from handbook.locales import LOCALES
from tests.conftest import BuiltSite
from tests.site.test_site import CATALOG, built_path, resolve, soup

TERMBASE = CATALOG.termbase
LOCALE_CODES = [locale.code for locale in LOCALES]


def test_the_termbase_is_complete_and_valid() -> None:
    assert TERMBASE.problems == []
    assert len(TERMBASE.terms) >= 30
    wanted = {
        "principle",
        "protocol",
        "checklist",
        "quiz",
        "complaint",
        "customer",
        "agent",
        "commitment",
        "transfer",
        "hold",
        "data-protection",
    }
    assert wanted <= {term.id for term in TERMBASE.terms}
    # every principle has its own entry
    assert CATALOG.principle_ids == {term.principle for term in TERMBASE.terms if term.principle}


@pytest.mark.parametrize("locale", LOCALE_CODES)
def test_every_term_is_on_the_glossary_page_with_its_definition(built_site: BuiltSite, locale: str) -> None:
    page = soup(built_path(built_site.root, locale, "glossary/"))
    assert page.html is not None and page.html["lang"].startswith(locale)
    terms = {dt["id"]: dt for dt in page.select("dl dt[id]")}
    for term in TERMBASE.terms:
        entry = term.entries[locale]
        dt = terms.get(term.anchor())
        assert dt is not None, f"{term.id} missing from the {locale} glossary"
        assert dt.get_text(strip=True).casefold() == entry.term.casefold()
        definition = dt.find_next_sibling("dd")
        assert definition is not None and entry.definition in definition.get_text(" ", strip=True)
        if term.principle:  # a principle's entry links to its page, in the same language
            hrefs = [resolve(f"{_prefix(locale)}glossary/", a["href"]) for a in definition.select("a[href]")]
            assert f"/{_prefix(locale)}principles/{term.principle}/" in hrefs


def _prefix(locale: str) -> str:
    return next(item.url_prefix for item in LOCALES if item.code == locale)


@pytest.mark.parametrize("locale", LOCALE_CODES)
def test_the_first_use_of_a_term_links_to_its_definition(built_site: BuiltSite, locale: str) -> None:
    """On every principle page: each glossary link leads to an entry of that language's
    glossary, carries the definition as its tooltip, and each term is linked once at most."""
    glossary_url = f"/{_prefix(locale)}glossary/"
    glossary = soup(built_path(built_site.root, locale, "glossary/"))
    anchors = {dt["id"] for dt in glossary.select("dt[id]")}
    by_anchor = {term.anchor(): term for term in TERMBASE.terms}
    linked_pages = 0
    for english in CATALOG.principles():
        url = english.url
        page = soup(built_path(built_site.root, locale, url))
        links = page.select("article a.handbook-term")
        seen = [link["href"].split("#")[1] for link in links]
        assert len(seen) == len(set(seen)), f"{locale} {url}: a term linked twice"
        for link in links:
            target = resolve(f"{_prefix(locale)}{url}", link["href"])
            anchor = link["href"].split("#")[1]
            assert target == glossary_url and anchor in anchors, link
            term = by_anchor[anchor]
            assert link["title"] == term.entries[locale].definition
            assert term.principle != english.stem, f"{url} links its own name"
            assert link.find_parent(["h1", "h2", "h3", "code", "form", "fieldset"]) is None
        linked_pages += bool(links)
    assert linked_pages == len(CATALOG.principles())  # every principle page uses at least one term


@pytest.mark.parametrize(
    ("principle", "source"),
    [
        ("shared-responsibility", "002"),  # the warm transfer
        ("personalised-service", "002"),  # adapt to the customer, not the customer to you
        ("transparency", "002"),  # service to the public needs full transparency
        ("service-ethics", "003"),  # a healthy, respectful workplace
        ("keeping-commitments", "001"),  # commitment shapes opinions and buying habits
    ],
)
@pytest.mark.parametrize("locale", LOCALE_CODES)
def test_each_page_cites_the_source_its_ideas_come_from(
    built_site: BuiltSite, locale: str, principle: str, source: str
) -> None:
    page = soup(built_path(built_site.root, locale, f"principles/{principle}/"))
    heading = page.select_one("h2#sources")
    assert heading is not None
    cited = [
        resolve(f"{_prefix(locale)}principles/{principle}/", a["href"]) for a in heading.find_next("ul").select("a")
    ]
    assert any(href.endswith("/sources/") for href in cited)
    fragments = [a["href"].split("#")[-1] for a in heading.find_next("ul").select("a")]
    assert f"source-{source}" in fragments
    # the section says which advice is the handbook's own
    assert heading.find_next("p") is not None and heading.find_next("p").find_next("ul") is heading.find_next("ul")


def test_priority_makes_never_waiting_the_rule() -> None:
    """004: never keep a customer waiting; 001's polite request to wait is the exception."""
    page = CATALOG.principle("priority", "en")
    assert page is not None
    assert "never" in str(page.meta["summary"]).split(";")[0]
    assert "four minutes" not in page.body
