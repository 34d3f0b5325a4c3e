"""Assertions on the real handbook, built once per session (parsed HTML)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from handbook.catalog import Catalog
from handbook.checks import run_checks
from handbook.locales import LOCALES, get_locale
from tests.conftest import ROOT, BuiltSite

CATALOG = Catalog.load(ROOT / "docs", ROOT)
ENGLISH = CATALOG.english_pages()
HTML_LANG = {locale.code: locale.html_lang for locale in LOCALES}
NAV_LABEL = {"en": "Principles", "es": "Principios", "hu": "Alapelvek", "pt": "Princípios"}
SITE_NAME = {
    "en": "Customer-service ethics handbook",
    "es": "Manual de ética en la atención al cliente",
    "hu": "Ügyfélszolgálati etikai kézikönyv",
    "pt": "Manual de ética no atendimento ao cliente",
}


def built_path(site: Path, locale: str, url: str) -> Path:
    return site / get_locale(locale).url_prefix / url / "index.html"


@cache
def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def resolve(page_url: str, href: str) -> str:
    """Site-root path a link points to, from a page at ``page_url`` (a site-root path)."""
    return urlsplit(urljoin(f"http://site/{page_url}", href)).path


def test_content_checks_pass_on_the_real_handbook() -> None:
    report = run_checks(CATALOG)
    assert report.errors == [], "\n".join(map(str, report.errors))


def test_the_build_logs_no_warning(built_site: BuiltSite) -> None:
    assert "WARNING" not in built_site.log
    assert "built 4 languages" in built_site.log


def test_the_handbook_has_its_principles() -> None:
    assert 15 <= len(CATALOG.principles()) <= 30


@pytest.mark.parametrize("locale", [locale.code for locale in LOCALES])
@pytest.mark.parametrize("source", [page.source_rel for page in ENGLISH], ids=lambda s: s)
def test_every_page_exists_in_every_language_with_its_lang_and_alternates(
    built_site: BuiltSite, source: str, locale: str
) -> None:
    english = CATALOG.page(source, "en")
    assert english is not None
    path = built_path(built_site.root, locale, english.url)
    assert path.is_file(), f"{source} was not built for {locale}: {path}"
    html = soup(path)
    assert html.html["lang"] == HTML_LANG[locale]
    translated = CATALOG.page(source, locale)
    assert translated is not None
    assert html.h1 is not None and html.h1.get_text(strip=True) == translated.meta["title"]
    alternates = {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate", hreflang=True)}
    assert set(alternates) == set(HTML_LANG.values())
    for other in LOCALES:
        href = alternates[other.html_lang]
        assert href == f"/{other.url_prefix}{english.url}"
        assert built_path(built_site.root, other.code, english.url).is_file()


@pytest.mark.parametrize("locale", [locale.code for locale in LOCALES])
def test_navigation_and_site_name_are_translated(built_site: BuiltSite, locale: str) -> None:
    html = soup(built_path(built_site.root, locale, ""))
    nav = html.select_one("nav.md-nav--primary")
    assert nav is not None
    labels = [a.get_text(" ", strip=True) for a in nav.select("a.md-nav__link, label.md-nav__link")]
    assert any(NAV_LABEL[locale] in label for label in labels), labels
    assert html.select_one(".md-header__topic").get_text(strip=True) == SITE_NAME[locale]
    switcher = {a["hreflang"]: a.get_text(strip=True) for a in html.select("a.md-select__link")}
    assert switcher == {"en": "English", "es": "Español", "hu": "Magyar", "pt-BR": "Português (Brasil)"}


def _all_html(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_link_or_script_points_off_site(built_site: BuiltSite) -> None:
    offenders = []
    for path in _all_html(built_site.root):
        html = soup(path)
        for tag, attribute in (
            ("link", "href"),
            ("script", "src"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
        ):
            for element in html.find_all(tag):
                value = element.get(attribute)
                if value and (urlsplit(value).scheme or value.startswith("//")):
                    offenders.append(f"{path.relative_to(built_site.root)}: <{tag} {attribute}={value}>")
    assert offenders == []


def test_stylesheets_load_nothing_from_elsewhere(built_site: BuiltSite) -> None:
    remote = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"])(?:https?:)?//")
    offenders = [str(css) for css in built_site.root.rglob("*.css") if remote.search(css.read_text(encoding="utf-8"))]
    assert offenders == []


PRINCIPLE_ANCHORS = [
    "summary",
    "why-it-matters",
    "in-practice",
    "do",
    "dont",
    "scenario",
    "related",
    "protocols",
    "sources",
    "quiz",  # the page ends with its quiz
]


@pytest.mark.parametrize("locale", [locale.code for locale in LOCALES])
def test_principles_have_fixed_anchors_and_working_related_and_source_links(built_site: BuiltSite, locale: str) -> None:
    sources_page = soup(built_path(built_site.root, locale, "sources/"))
    source_anchors = {h["id"] for h in sources_page.find_all("h2", id=True)}
    for english in CATALOG.principles():
        page_url = f"{get_locale(locale).url_prefix}{english.url}"
        html = soup(built_path(built_site.root, locale, english.url))
        anchors = [h["id"] for h in html.select("article h2[id], article h3[id]")]
        expected = [a for a in PRINCIPLE_ANCHORS if a != "protocols" or CATALOG.protocols_applying(english.stem)]
        assert anchors == expected, english.stem
        related = html.find(id="related").find_next("ul").find_all("a")
        shown = [a.get_text(strip=True) for a in related]
        listed = [CATALOG.principle(rid, locale).meta["title"] for rid in english.meta["related"]]
        # first those the front matter lists, in its order; then every principle that lists this one
        backlinks = {
            CATALOG.principle(other.stem, locale).meta["title"]
            for other in CATALOG.principles()
            if english.stem in other.meta["related"] and other.stem not in english.meta["related"]
        }
        assert shown[: len(listed)] == listed, english.stem
        assert set(shown[len(listed) :]) == backlinks and len(shown) == len(listed) + len(backlinks), english.stem
        for link in related:
            target = resolve(page_url, link["href"])
            assert target.startswith(f"/{get_locale(locale).url_prefix}principles/"), (english.stem, target)
            assert (built_site.root / target.lstrip("/") / "index.html").is_file()
        cited = html.find(id="sources").find_next("ul").find_all("a")
        assert len(cited) == len(english.meta["sources"])
        for link, source_id in zip(cited, english.meta["sources"], strict=True):
            target = urlsplit(urljoin(f"http://site/{page_url}", link["href"]))
            assert target.path == f"/{get_locale(locale).url_prefix}sources/"
            assert target.fragment == f"source-{source_id}" and target.fragment in source_anchors


@pytest.mark.parametrize("locale", [locale.code for locale in LOCALES])
def test_principles_index_lists_every_principle_in_its_language(built_site: BuiltSite, locale: str) -> None:
    html = soup(built_path(built_site.root, locale, "principles/"))
    titles = {a.get_text(strip=True) for a in html.select("article li a")}
    expected = {CATALOG.principle(p.stem, locale).meta["title"] for p in CATALOG.principles()}
    assert titles == expected
    # each theme's heading leads to the theme's own page
    prefix = get_locale(locale).url_prefix
    headings = html.select("article h2[id] > a:not(.headerlink)")
    assert [resolve(f"{prefix}principles/", a["href"]) for a in headings] == [
        f"/{prefix}themes/{h.parent['id']}/" for h in headings
    ]
    assert len(headings) == 6


@pytest.mark.parametrize("locale", [locale.code for locale in LOCALES])
def test_sources_page_traces_every_source_to_its_principles(built_site: BuiltSite, locale: str) -> None:
    html = soup(built_path(built_site.root, locale, "sources/"))
    for source_id in ("000", "001", "002", "003", "004"):
        heading = html.find(id=f"source-{source_id}")
        assert heading is not None
        section_links = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            section_links += [a.get_text(strip=True) for a in sibling.find_all("a")]
        expected = {
            CATALOG.page(p.source_rel, locale).meta["title"]
            for p in [*CATALOG.principles(), *CATALOG.protocols()]
            if source_id in p.meta["sources"]
        }
        assert expected and expected <= set(section_links), source_id


@pytest.mark.parametrize("locale", [locale.code for locale in LOCALES])
def test_each_language_has_its_own_search_index_and_404(built_site: BuiltSite, locale: str) -> None:
    prefix = get_locale(locale).url_prefix
    index = json.loads((built_site.root / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["title"] for doc in index["docs"] if "#" not in doc["location"]}
    for english in CATALOG.principles():
        assert CATALOG.principle(english.stem, locale).meta["title"] in titles
    others = {CATALOG.principle("honesty", other.code).meta["title"] for other in LOCALES if other.code != locale}
    assert not (others & titles), "another language's pages leaked into this search index"
    assert soup(built_site.root / prefix / "404.html").html["lang"] == HTML_LANG[locale]


STATUS_HEADER = {"en": "Language", "es": "Idioma", "hu": "Nyelv", "pt": "Idioma"}


@pytest.mark.parametrize("locale", [locale.code for locale in LOCALES])
def test_translation_status_page_reports_every_language(built_site: BuiltSite, locale: str) -> None:
    html = soup(built_path(built_site.root, locale, "translation-status/"))
    table = html.select_one("article table")
    assert table is not None
    assert table.select_one("th").get_text(strip=True) == STATUS_HEADER[locale]
    rows = [[cell.get_text(strip=True) for cell in row.find_all("td")] for row in table.select("tbody tr")]
    assert [row[0] for row in rows] == [loc.name for loc in LOCALES]
    pages = str(len(ENGLISH))
    for row in rows:
        assert row[1] == f"{pages} (100 %)"  # every page complete
        assert row[2] == "0" and row[3] == "0"  # nothing stale, nothing missing


def test_plain_mkdocs_build_of_all_languages_is_strict_clean(tmp_path: Path) -> None:
    """`mkdocs build` (what `make serve` runs) passes --strict with no warning at all."""
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "warning" not in result.stderr.lower()
    hungarian = soup(tmp_path / "site" / "hu" / "principles" / "honesty" / "index.html")
    assert hungarian.h1.get_text(strip=True) == "Őszinteség"
    # the checklist's own words follow each language in a single run too
    for locale, why, reset in (
        ("", "Why?", "Reset checklist"),
        ("hu/", "Miért?", "Pipák törlése"),
        ("pt/", "Por quê?", "Desmarcar tudo"),
    ):
        protocol = soup(tmp_path / "site" / locale / "protocols" / "answering-the-phone" / "index.html")
        assert protocol.select_one(".handbook-checklist__why-label").get_text() == why
        assert protocol.select_one(".handbook-checklist__reset").get_text() == reset
