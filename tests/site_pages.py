"""The pages the browser suites visit: every built page, and one of each type (scripts/page_types.py)."""

from __future__ import annotations

from handbook.catalog import Catalog
from handbook.locales import LOCALES, Locale
from page_types import PAGE_TYPES
from tests.conftest import ROOT


def every_page() -> list[tuple[Locale, str]]:
    """Every page of the real handbook in every language, its 404 page included."""
    catalog = Catalog.load(ROOT / "docs", ROOT)
    pages = []
    for locale in LOCALES:
        urls = sorted({page.url for page in catalog.pages if page.locale == locale.code})
        pages += [(locale, url) for url in [*urls, "404.html"]]
    return pages


def type_of(url: str) -> str | None:
    for name, example in PAGE_TYPES.items():
        if example == url:
            return name
    return None
