"""Protocol pages on the real handbook, built once per session (parsed HTML)."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

from handbook.checklists import SCRIPT, STYLESHEET, parse_page
from handbook.links import page_anchors
from handbook.locales import LOCALES, get_locale
from tests.conftest import BuiltSite
from tests.site.test_site import CATALOG, built_path, soup

PROTOCOLS = CATALOG.protocols()
CODES = [locale.code for locale in LOCALES]
NAV_LABEL = {"en": "Protocols", "es": "Protocolos", "hu": "Protokollok", "pt": "Protocolos"}
PRINCIPLES_LABEL = {"en": "Principles", "es": "Principios", "hu": "Alapelvek", "pt": "Princípios"}


def test_the_handbook_has_at_least_the_eight_protocols_of_the_issue() -> None:
    required = {
        "answering-the-phone",
        "transferring-a-call",
        "replying-to-an-email",
        "welcoming-a-customer",
        "when-a-customer-has-to-wait",
        "handling-a-complaint",
        "following-up-on-a-commitment",
        "outbound-sales-call",
    }
    assert required <= CATALOG.protocol_ids


@pytest.mark.parametrize("locale", CODES)
@pytest.mark.parametrize("protocol", [p.stem for p in PROTOCOLS])
def test_each_protocol_has_the_same_labelled_steps_in_every_language(
    built_site: BuiltSite, protocol: str, locale: str
) -> None:
    english = CATALOG.page(f"protocols/{protocol}.md", "en")
    assert english is not None
    expected = [step.id for checklist in parse_page(english).checklists for step in checklist.steps]
    html = soup(built_path(built_site.root, locale, english.url))
    boxes = html.select("article .handbook-checklist ol > li > input[type=checkbox]")
    assert [box["data-step"] for box in boxes] == expected
    assert [li["id"] for li in html.select("article .handbook-checklist ol > li")] == expected
    for box in boxes:
        label = html.find("label", attrs={"for": box["id"]})
        assert label is not None and label.get_text(strip=True), box["id"]
        assert html.find(id=box["aria-describedby"]).get_text(strip=True)
    status = html.select_one(".handbook-checklist__progress[role=status]")
    assert status is not None and status["data-progress"] and status["data-complete"]
    assert html.select_one(".handbook-checklist__controls").has_attr("hidden")  # shown by the script
    assert html.select_one("button.handbook-checklist__reset[type=button]").get_text(strip=True)
    translated = CATALOG.page(english.source_rel, locale)
    assert html.find(id="purpose").find_next("p").get_text(strip=True) == translated.meta["summary"]


@pytest.mark.parametrize("locale", CODES)
def test_every_why_links_to_a_principle_section_in_the_same_language(built_site: BuiltSite, locale: str) -> None:
    prefix = get_locale(locale).url_prefix
    for english in PROTOCOLS:
        page_url = f"{prefix}{english.url}"
        html = soup(built_path(built_site.root, locale, english.url))
        whys = html.select(".handbook-checklist__why")
        assert whys
        for why in whys:
            links = why.find_all("a")
            assert links, why
            for link in links:
                target = urlsplit(urljoin(f"http://site/{page_url}", link["href"]))
                assert target.path.startswith(f"/{prefix}principles/"), (english.stem, target.path)
                principle = CATALOG.principle(target.path.rstrip("/").rsplit("/", 1)[-1], locale)
                assert principle is not None
                assert target.fragment in page_anchors(principle, CATALOG)
                built = soup(built_site.root / target.path.lstrip("/") / "index.html")
                assert built.find(id=target.fragment) is not None


@pytest.mark.parametrize("locale", CODES)
def test_principle_pages_list_the_protocols_that_apply_them(built_site: BuiltSite, locale: str) -> None:
    prefix = get_locale(locale).url_prefix
    applied = 0
    for english in CATALOG.principles():
        html = soup(built_path(built_site.root, locale, english.url))
        applying = CATALOG.protocols_applying(english.stem)
        heading = html.find(id="protocols")
        if not applying:
            assert heading is None
            continue
        applied += 1
        links = heading.find_next("ul").find_all("a")
        titles = {CATALOG.page(p.source_rel, locale).meta["title"] for p in applying}
        assert {a.get_text(strip=True) for a in links} == titles
        for link in links:
            target = urlsplit(urljoin(f"http://site/{prefix}{english.url}", link["href"])).path
            assert target.startswith(f"/{prefix}protocols/")
            assert (built_site.root / target.lstrip("/") / "index.html").is_file()
    assert applied >= 15


@pytest.mark.parametrize("locale", CODES)
def test_each_protocol_lists_the_principles_behind_it(built_site: BuiltSite, locale: str) -> None:
    for english in PROTOCOLS:
        html = soup(built_path(built_site.root, locale, english.url))
        titles = [a.get_text(strip=True) for a in html.find(id="principles").find_next("ul").find_all("a")]
        assert titles == [CATALOG.principle(pid, locale).meta["title"] for pid in english.meta["principles"]]


@pytest.mark.parametrize("locale", CODES)
def test_the_protocols_index_lists_every_protocol(built_site: BuiltSite, locale: str) -> None:
    html = soup(built_path(built_site.root, locale, "protocols/"))
    titles = [a.get_text(strip=True) for a in html.select("article li a")]
    assert sorted(titles) == sorted(CATALOG.page(p.source_rel, locale).meta["title"] for p in PROTOCOLS)
    assert len(titles) == len(PROTOCOLS)


@pytest.mark.parametrize("locale", CODES)
def test_protocols_come_after_principles_in_the_navigation(built_site: BuiltSite, locale: str) -> None:
    html = soup(built_path(built_site.root, locale, ""))
    nav = html.select_one("nav.md-nav--primary > ul")
    top = [item.select_one(".md-nav__link").get_text(" ", strip=True) for item in nav.find_all("li", recursive=False)]
    assert top.index(NAV_LABEL[locale]) == top.index(PRINCIPLES_LABEL[locale]) + 1, top


def test_checklist_assets_load_only_on_pages_with_a_checklist(built_site: BuiltSite) -> None:
    with_checklist = 0
    for path in sorted(built_site.root.rglob("*.html")):
        html = soup(path)
        scripts = [s["src"] for s in html.find_all("script", src=True)]
        styles = [link["href"] for link in html.find_all("link", rel="stylesheet")]
        has = html.select_one(".handbook-checklist") is not None
        with_checklist += has
        assert any(src.endswith(SCRIPT) for src in scripts) == has, path
        assert any(href.endswith(STYLESHEET) for href in styles) == has, path
        assert not html.find_all(
            "script", src=False, string=lambda s: s and "handbook" in s
        )  # no inline scripts of ours
    assert with_checklist == len(PROTOCOLS) * len(LOCALES)
    assert (built_site.root / SCRIPT).is_file()  # one copy, at the root, for every language
