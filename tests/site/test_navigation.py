"""Finding your way, on the built site: /go/ links, the URL contract, the sitemap, themes,
backlinks, the onboarding path, each language's 404 page and search index, canonical links."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from handbook import golinks, onboarding, render, themes, urls
from handbook.catalog import load_strings
from handbook.locales import LOCALES, get_locale
from tests.conftest import PUBLISHED_URL, BuiltSite
from tests.site.test_site import CATALOG, NAV_LABEL, built_path, resolve, soup

CODES = [locale.code for locale in LOCALES]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def page_file(site: Path, url: str) -> Path:
    """The file a server sends for a site-root path like /hu/principles/honesty/."""
    return site / url.lstrip("/") / "index.html"


def test_every_go_link_exists_and_leads_to_the_page_in_each_language(built_site: BuiltSite) -> None:
    targets = golinks.targets(CATALOG)
    assert set(targets) == {*CATALOG.principle_ids, *CATALOG.protocol_ids, "onboarding", "assessment"}
    for go_id, source_rel in targets.items():
        html = soup(page_file(built_site.root, f"/go/{go_id}/"))
        destinations = json.loads(html.head.script["data-go"])
        assert set(destinations) == set(CODES)
        for code, href in destinations.items():
            target = resolve(f"go/{go_id}/", href)
            assert target == f"/{get_locale(code).url_prefix}{CATALOG.page(source_rel, code).url}"
            assert page_file(built_site.root, target).is_file(), target
        # without JavaScript: four links, and a refresh to English
        refresh = html.head.noscript.meta
        assert refresh["http-equiv"] == "refresh" and refresh["content"] == f"0; url={destinations['en']}"
        assert len(html.select("main a[hreflang]")) == len(LOCALES)
        script = resolve(f"go/{go_id}/", html.head.script["src"])
        assert (built_site.root / script.lstrip("/")).is_file()


def test_every_listed_address_resolves_to_a_page_or_a_redirect_that_does(built_site: BuiltSite) -> None:
    listed = urls.read_list(Path(CATALOG.project_root) / urls.URL_LIST_FILE)
    assert len(listed) > 200
    for line, url in listed:
        path = page_file(built_site.root, url)
        assert path.is_file(), f"published-urls.txt:{line}: {url} does not resolve"
        moved = soup(path).select_one("script[data-moved]")
        if moved is not None:
            target = resolve(url.lstrip("/"), moved["data-moved"])
            assert page_file(built_site.root, target).is_file(), f"{url} redirects to {target}, which is missing"


def test_without_a_site_address_no_sitemap_is_written_and_the_build_says_so(built_site: BuiltSite) -> None:
    assert not list(built_site.root.rglob("sitemap.xml*"))
    assert built_site.log.count("no sitemap written") == 1


def test_one_sitemap_lists_every_page_with_absolute_alternates_and_x_default(published_site: BuiltSite) -> None:
    site = published_site.root / "handbook"
    assert [p.relative_to(site).as_posix() for p in site.rglob("sitemap.xml*")] == ["sitemap.xml"]
    root = ET.parse(site / "sitemap.xml").getroot()
    entries = {entry.findtext(f"{SITEMAP}loc"): entry for entry in root.findall(f"{SITEMAP}url")}
    expected = {
        f"{PUBLISHED_URL}{locale.url_prefix}{page.url}" for locale in LOCALES for page in CATALOG.english_pages()
    }
    assert set(entries) == expected
    for loc, entry in entries.items():
        links = {link.get("hreflang"): link.get("href") for link in entry.findall(f"{XHTML}link")}
        assert set(links) == {"en", "es", "hu", "pt-BR", "x-default"}, loc
        assert loc in links.values()
        assert all(href.startswith(PUBLISHED_URL) for href in links.values())
        assert links["x-default"] == links["en"]
        assert page_file(site, urlsplit(loc).path.removeprefix("/handbook")).is_file(), loc


@pytest.mark.parametrize("locale", CODES)
def test_canonical_is_the_page_itself_and_hreflang_links_are_absolute(published_site: BuiltSite, locale: str) -> None:
    prefix = get_locale(locale).url_prefix
    html = soup(built_path(published_site.root / "handbook", locale, "principles/honesty/"))
    assert html.find("link", rel="canonical")["href"] == f"{PUBLISHED_URL}{prefix}principles/honesty/"
    alternates = {link["hreflang"]: link["href"] for link in html.head.find_all("link", rel="alternate")}
    assert alternates == {
        **{loc.html_lang: f"{PUBLISHED_URL}{loc.url_prefix}principles/honesty/" for loc in LOCALES},
        "x-default": f"{PUBLISHED_URL}principles/honesty/",
    }
    # the language switcher itself stays on the server it is served from
    switcher = [a["href"] for a in html.select(".md-select a[hreflang]")]
    assert switcher == [f"/handbook/{loc.url_prefix}principles/honesty/" for loc in LOCALES]


@pytest.mark.parametrize("locale", CODES)
def test_each_404_page_links_home_and_searches_in_its_own_language(built_site: BuiltSite, locale: str) -> None:
    prefix = get_locale(locale).url_prefix
    html = soup(built_site.root / prefix / "404.html")
    config = json.loads(html.find("script", id="__config").string)
    assert config["base"] == f"/{prefix}".rstrip("/") or config["base"] == f"/{prefix}"
    assert html.select_one("a.md-logo")["href"].startswith(f"/{prefix}")
    index = json.loads((built_site.root / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [locale]  # its own stemmer only


@pytest.mark.parametrize("locale", CODES)
def test_each_theme_page_lists_its_principles_by_title(built_site: BuiltSite, locale: str) -> None:
    shown_themes = []
    for theme in themes.theme_ids():
        url = f"themes/{theme}/"
        html = soup(built_path(built_site.root, locale, url))
        assert html.h1.get_text(strip=True) == load_strings()[locale]["groups"][theme]
        links = html.select("article ul li > a")
        expected = sorted(
            (CATALOG.principle(p.stem, locale).meta["title"] for p in themes.members(CATALOG, theme)),
            key=render.sort_key,
        )
        assert [a.get_text(strip=True) for a in links] == expected
        for link in links:
            target = resolve(get_locale(locale).url_prefix + url, link["href"])
            assert target.startswith(f"/{get_locale(locale).url_prefix}principles/")
        shown_themes.append(theme)
    assert len(shown_themes) == 6
    every = [p.stem for theme in shown_themes for p in themes.members(CATALOG, theme)]
    assert sorted(every) == sorted(CATALOG.principle_ids)  # each principle in exactly one theme


@pytest.mark.parametrize("locale", CODES)
def test_the_navigation_groups_principles_by_theme_and_next_follows_it(built_site: BuiltSite, locale: str) -> None:
    prefix = get_locale(locale).url_prefix
    html = soup(built_path(built_site.root, locale, "principles/honesty/"))
    words = load_strings()[locale]["groups"]
    sections = html.select("nav.md-nav--primary > ul > li.md-nav__item--nested")
    principles = next(s for s in sections if s.find(class_="md-ellipsis").get_text(strip=True) == NAV_LABEL[locale])
    theme_labels = [
        item.find(class_="md-ellipsis").get_text(strip=True)
        for item in principles.select(":scope > nav > ul > li.md-nav__item--nested")
    ]
    assert theme_labels == [words[theme] for theme in themes.theme_ids()]
    # the footer's "next" walks the same order: a theme page, then its first principle by title
    trust = soup(built_path(built_site.root, locale, "themes/trust/"))
    first = sorted(
        (CATALOG.principle(p.stem, locale) for p in themes.members(CATALOG, "trust")),
        key=lambda p: render.sort_key(p.meta["title"]),
    )[0]
    following = trust.select_one("a.md-footer__link--next")
    assert resolve(f"{prefix}themes/trust/", following["href"]) == f"/{prefix}{first.url}"


@pytest.mark.parametrize("locale", CODES)
def test_related_principles_are_shown_both_ways(built_site: BuiltSite, locale: str) -> None:
    prefix = get_locale(locale).url_prefix
    for english in CATALOG.principles():
        for other_id in english.meta["related"]:
            html = soup(built_path(built_site.root, locale, f"principles/{other_id}/"))
            related = html.find(id="related").find_next("ul").find_all("a")
            targets = {resolve(f"{prefix}principles/{other_id}/", a["href"]) for a in related}
            assert f"/{prefix}principles/{english.stem}/" in targets, (english.stem, other_id)


@pytest.mark.parametrize("locale", CODES)
def test_the_onboarding_path_links_every_page_in_reading_order(built_site: BuiltSite, locale: str) -> None:
    prefix = get_locale(locale).url_prefix
    html = soup(built_path(built_site.root, locale, "onboarding/"))
    items = html.select("li.handbook-path__item")
    english = CATALOG.page("onboarding/index.md", "en")
    assert [li["data-id"] for li in items] == [e.id for e in onboarding.parse_page(english).entries]
    for li in items:
        target = resolve(f"{prefix}onboarding/", li.a["href"])
        assert page_file(built_site.root, target).is_file(), target
        assert target.startswith(f"/{prefix}")
    words = load_strings()[locale]["path"]
    assert html.select_one(".handbook-path__reset").get_text() == words["reset"]
    assert html.find("script", src=re.compile(r"onboarding\.js$"))


@pytest.mark.parametrize("locale", CODES)
def test_the_home_page_is_a_landing_page_of_cards(built_site: BuiltSite, locale: str) -> None:
    prefix = get_locale(locale).url_prefix
    html = soup(built_site.root / prefix / "index.html")
    cards = html.select(".grid.cards > ul > li")
    targets = [resolve(prefix, card.select("a")[-1]["href"]) for card in cards]
    assert targets == [
        *(f"/{prefix}{path}" for path in ("onboarding/", "principles/", "protocols/", "onboarding/assessment/")),
        f"/{prefix}glossary/",
        f"/downloads/handbook-{locale}.pdf",  # the PDF edition, one for all of a language (make pdf)
        f"/{prefix}translation-status/",
    ]
    links = {resolve(prefix, a["href"]) for a in html.select("article a[href]")}
    assert f"/{prefix}linking/" in links and f"/{prefix}sources/" in links
    assert all(card.find("svg") for card in cards)  # the icons are inline, nothing is fetched


@pytest.mark.parametrize("locale", CODES)
def test_the_linking_page_lists_every_go_link(built_site: BuiltSite, locale: str) -> None:
    prefix = get_locale(locale).url_prefix
    html = soup(built_path(built_site.root, locale, "linking/"))
    table = html.find(id="all-links").find_next("table")
    codes = [code.get_text() for code in table.select("tbody td code")]
    assert sorted(codes) == sorted(f"/go/{go_id}/" for go_id in golinks.targets(CATALOG))
    for row in table.select("tbody tr"):
        link = row.find("a")
        assert page_file(built_site.root, resolve(f"{prefix}linking/", link["href"])).is_file()


def test_a_fallback_free_build_never_points_a_page_at_another_language(built_site: BuiltSite) -> None:
    """Every internal link on a Hungarian page stays in Hungarian, except the language switcher."""
    for path in (built_site.root / "hu").rglob("index.html"):
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        page_url = path.parent.relative_to(built_site.root).as_posix() + "/"
        for link in html.select("article a[href], nav a[href]"):
            href = link["href"]
            if href.startswith(("#", "http", "mailto:")) or link.has_attr("hreflang"):
                continue
            target = urlsplit(urljoin(f"http://site/{page_url}", href)).path
            # the editions live in one folder for all languages: the Hungarian PDF is Hungarian
            assert target.startswith("/hu/") or target == "/downloads/handbook-hu.pdf", (page_url, href)
