"""The offline copy (`make offline`), unzipped and opened from file:// with no server.

One session fixture builds it the way `make offline` does: scripts/build_offline.py, in
its own process, next to a copy of the session's freshly built site (with stand-ins for
the PDF editions, which `make pdf` builds), then unzips it into a temporary folder.
The browser test reads it as a store employee would, in Hungarian, in Debian's Chromium;
the other tests read the unzipped files.
"""

from __future__ import annotations

import json
import os
import posixpath
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from handbook import offline
from handbook.catalog import load_strings
from handbook.locales import LOCALES, get_locale
from handbook.quizzes import parse_page
from tests.browser.search import search
from tests.conftest import ROOT, BuiltSite, built_once
from tests.site.test_site import CATALOG


# What `make pdf` would have put next to the site: the copy must carry each language's PDF.
def stand_in_pdf(code: str) -> bytes:
    return f"%PDF-1.4\n% a stand-in for the {code} PDF edition\n%%EOF\n".encode()


@dataclass(frozen=True)
class OfflineCopy:
    archive: Path  # <site>/downloads/handbook-offline.zip
    root: Path  # the unzipped top folder
    log: str


@pytest.fixture(scope="session")
def offline_copy(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> OfflineCopy:
    """Built once per run by whichever worker comes first (tests/conftest.py built_once), then unzipped."""

    def build(folder: Path) -> None:
        site = folder / "site"
        shutil.copytree(built_site.root, site)
        (site / offline.DOWNLOADS).mkdir(exist_ok=True)
        for locale in LOCALES:
            (site / offline.DOWNLOADS / f"handbook-{locale.code}.pdf").write_bytes(stand_in_pdf(locale.code))
        env = {k: v for k, v in os.environ.items() if k not in ("HANDBOOK_SITE_URL", offline.OFFLINE_ENV)}
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "build_offline.py"), "--site-dir", str(site)],
            env={**env, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True,
            text=True,
            check=False,
        )
        log = result.stdout + result.stderr
        assert result.returncode == 0, f"the offline copy was not built:\n{log}"
        (folder / "build.log").write_text(log, encoding="utf-8")
        with zipfile.ZipFile(site / offline.DOWNLOADS / offline.ZIP_NAME) as opened:
            opened.extractall(folder / "unzipped")

    folder = built_once(tmp_path_factory, "offline-copy", build)
    return OfflineCopy(
        folder / "site" / offline.DOWNLOADS / offline.ZIP_NAME,
        folder / "unzipped" / offline.TOP_FOLDER,
        (folder / "build.log").read_text(encoding="utf-8"),
    )


# A word only Hungarian pages have, and the page it must find first (as in test_language.py).
HUNGARIAN_QUERY, HUNGARIAN_PAGE = "vállalások", "hu/principles/keeping-commitments.html"
PROTOCOL = "answering-the-phone"
STEP = "speak-clearly"
HU = load_strings()["hu"]


@pytest.mark.browser
def test_a_reader_uses_the_hungarian_copy_from_disk(page, offline_copy: OfflineCopy) -> None:  # type: ignore[no-untyped-def]
    """Search, navigation, a checklist, a quiz and the language switcher, all from file://, with no error or request."""
    base = offline_copy.root.as_uri() + "/"
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} ({r.failure})"))
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else problems.append(f"left: {r.url}"))

    page.goto(base + "hu/index.html")
    assert page.locator("html").get_attribute("lang") == "hu"

    # search in Hungarian: Hungarian pages only, and the result opens from disk
    results = [unquote(href) for href in search(page, HUNGARIAN_QUERY)]
    assert results and all(href.startswith(base + "hu/") for href in results), results
    assert results[0].split("?")[0] == base + HUNGARIAN_PAGE
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_url(f"{base}{HUNGARIAN_PAGE}**")
    assert page.locator("h1").inner_text() == CATALOG.page("principles/keeping-commitments.md", "hu").meta["title"]

    # the navigation to a protocol; a ticked step is remembered
    page.locator("nav.md-nav--primary a[href$='protocols/index.html']").first.click()
    page.wait_for_url(base + "hu/protocols/index.html")
    page.locator(f"article a[href='{PROTOCOL}.html']").click()
    page.wait_for_url(f"{base}hu/protocols/{PROTOCOL}.html")
    page.locator(f"label[for=check-{STEP}]").click()
    page.reload()
    assert page.locator(f"#check-{STEP}").is_checked()
    assert page.locator(".handbook-checklist__progress").inner_text() == "5 lépésből 1 kész"

    # the step's principle (its "why" link), the principle's quiz: an answer and its verdict
    why = page.locator(f"#why-{STEP} a").first
    href = why.get_attribute("href")  # ../principles/<id>.html#<section>
    assert href is not None and href.startswith("../principles/")
    principle, _, section = posixpath.basename(href).partition(".html#")
    why.click()
    page.wait_for_url(f"{base}hu/principles/{principle}.html#{section}")
    question = parse_page(CATALOG.page(f"principles/{principle}.md", "hu")).quizzes[0].questions[0]
    right = "abcdefgh"[next(i for i, answer in enumerate(question.answers) if answer.correct)]
    box = page.locator(f".handbook-quiz__question[data-question='{question.id}']")
    box.locator(f"label[for='{question.id}-{right}']").click()
    box.get_by_role("button", name=HU["quiz"]["check"]).click()
    assert box.locator(".handbook-quiz__status").inner_text() == HU["quiz"]["correct"]

    # the switcher: the same page, and the same section, in Portuguese
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link", has_text="Português (Brasil)").click()
    page.wait_for_url(f"{base}pt/principles/{principle}.html#{section}")
    assert page.locator("html").get_attribute("lang") == "pt-BR"
    assert page.locator("h1").inner_text() == CATALOG.page(f"principles/{principle}.md", "pt").meta["title"]

    assert problems == []


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_the_zip_is_the_whole_site_under_one_folder_with_the_pdfs(offline_copy: OfflineCopy) -> None:
    with zipfile.ZipFile(offline_copy.archive) as archive:
        names = archive.namelist()
    top = offline.TOP_FOLDER + "/"
    assert names[0] == top and all(name.startswith(top) for name in names)
    files = {name[len(top) :] for name in names if not name.endswith("/")}
    assert files == {
        path.relative_to(offline_copy.root).as_posix() for path in offline_copy.root.rglob("*") if path.is_file()
    }
    for locale in LOCALES:
        name = f"{offline.DOWNLOADS}/handbook-{locale.code}.pdf"
        assert (offline_copy.root / name).read_bytes() == stand_in_pdf(locale.code)
        assert (offline_copy.root / locale.url_prefix / "search" / "search_index.js").is_file()
    assert f"{len(LOCALES)} PDF(s)" in offline_copy.log
    # what only a server uses stays out
    assert not any(name.endswith("404.html") or name.startswith(("go/", "sitemap")) for name in files)


@pytest.mark.parametrize("locale", [locale.code for locale in LOCALES])
def test_every_page_is_there_in_its_language(offline_copy: OfflineCopy, locale: str) -> None:
    pages = [page for page in CATALOG.pages if page.locale == locale]
    assert len(pages) == len(CATALOG.english_pages())
    for page in pages:
        html = _soup(offline_copy.root / offline.page_file(page))
        assert html.html["lang"] == get_locale(locale).html_lang
        assert html.h1 is not None and html.h1.get_text(strip=True) == page.meta["title"]


def test_every_link_and_asset_of_the_copy_is_a_file_in_it(offline_copy: OfflineCopy) -> None:
    """Read independently of handbook/offline.py: every href and src, in every page."""
    root = offline_copy.root
    files = {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}
    pages = sorted(name for name in files if name.endswith(".html"))
    assert len(pages) >= len(CATALOG.pages)
    broken: list[str] = []
    for here in pages:
        for element in _soup(root / here).find_all(True):
            for attribute in ("href", "src"):
                value = element.get(attribute)
                parts = urlsplit(value or "")
                if parts.scheme or parts.netloc:
                    if attribute == "src" or (element.name == "link" and "stylesheet" in element.get("rel", [])):
                        broken.append(f"{here}: <{element.name} {attribute}={value}> comes from the network")
                elif parts.path:
                    target = posixpath.normpath(posixpath.join(posixpath.dirname(here), unquote(parts.path)))
                    if value.startswith("/") or target not in files:
                        broken.append(f"{here}: <{element.name} {attribute}={value}>")
    assert broken == []


@pytest.mark.parametrize("locale", [locale.code for locale in LOCALES])
def test_each_language_searches_only_its_own_pages(offline_copy: OfflineCopy, locale: str) -> None:
    language_root = offline_copy.root / get_locale(locale).url_prefix
    script = (language_root / "search" / "search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = ")
    index = json.loads(script[len("var __index = ") :])
    assert index["config"]["lang"] == [locale]
    found = {document["location"].split("#")[0] for document in index["docs"]}
    expected = {
        offline.page_file(page).removeprefix(get_locale(locale).url_prefix)
        for page in CATALOG.pages
        if page.locale == locale
    }
    assert found <= expected and len(found) >= len(expected) - 2, sorted(expected - found)
    for location in found:
        assert _soup(language_root / location).html["lang"] == get_locale(locale).html_lang, location


def test_the_published_site_stays_the_web_edition(built_site: BuiltSite) -> None:
    """`make build` is untouched by the offline switch: directory addresses, no worker shim, no index as a script."""
    assert not (built_site.root / offline.WORKER_SHIM).exists()
    assert not list(built_site.root.rglob("search_index.js"))
    html = (built_site.root / "hu" / "principles" / "honesty" / "index.html").read_text(encoding="utf-8")
    assert "iframe-worker" not in html and 'href="/pt/principles/honesty/"' in html
