"""The built site carries one copy of the theme's assets, and every page finds what it loads."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from handbook.locales import LOCALES
from tests.conftest import BuiltSite


def page_url(site: Path, path: Path) -> str:
    """The page's address on a server whose root is the site (``/hu/principles/x/index.html``)."""
    return "/" + path.relative_to(site).as_posix()


def loaded(html: BeautifulSoup) -> list[str]:
    """What a page asks the browser to fetch: styles, scripts, icons and the search worker."""
    urls = [tag["href"] for tag in html.select("link[href]") if set(tag.get("rel", [])) & {"stylesheet", "icon"}]
    urls += [tag["src"] for tag in html.select("script[src], img[src]")]
    config = html.select_one("script#__config")
    if config is not None:
        urls.append(json.loads(config.string)["search"])
    return urls


def test_every_asset_a_page_loads_exists(built_site: BuiltSite) -> None:
    site = built_site.root
    missing = []
    pages = sorted(site.rglob("*.html"))
    for path in pages:
        base = page_url(site, path)
        for url in loaded(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")):
            target = urlsplit(urljoin(base, url)).path
            if not (site / target.lstrip("/")).is_file():
                missing.append(f"{path.relative_to(site)}: {url}")
    assert len(pages) > 200 and missing == []


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if not loc.is_default], ids=lambda loc: loc.code)
def test_a_translation_carries_no_copy_of_the_theme(built_site: BuiltSite, locale) -> None:  # type: ignore[no-untyped-def]
    assert not (built_site.root / locale.url_prefix / "assets").exists()
    home = BeautifulSoup(
        (built_site.root / locale.url_prefix / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert all(url.startswith("../assets/") for url in loaded(home) if "assets/" in url)


def test_the_site_publishes_no_source_maps_or_unused_search_languages(built_site: BuiltSite) -> None:
    files = {path.relative_to(built_site.root).as_posix() for path in built_site.root.rglob("*") if path.is_file()}
    assert not [name for name in files if name.endswith(".map")]
    lunr = sorted(name.rsplit("/", 1)[1] for name in files if "/lunr/" in name)
    assert lunr == [
        "lunr.es.min.js",
        "lunr.hu.min.js",
        "lunr.multi.min.js",
        "lunr.pt.min.js",
        "lunr.stemmer.support.min.js",
    ]


def test_the_published_sub_path_build_shares_the_assets_too(published_site: BuiltSite) -> None:
    site = published_site.root / "handbook"
    not_found = BeautifulSoup((site / "hu" / "404.html").read_text(encoding="utf-8"), "html.parser")
    urls = [url for url in loaded(not_found) if "assets/" in url]
    assert urls and all(url.startswith("/handbook/assets/") for url in urls)
    assert all((published_site.root / url.lstrip("/")).is_file() for url in urls)
