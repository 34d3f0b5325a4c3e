"""The pages the browser suites visit: every built page, and one of each type.

Adding a page type to the handbook is one line in PAGE_TYPES: the quality
suite takes a screenshot of it in every language, and the accessibility and
benchmark figures cover it.
"""

from __future__ import annotations

from handbook.catalog import Catalog
from handbook.locales import LOCALES, Locale
from tests.conftest import ROOT

# page type -> a page of that type, relative to a language's root
PAGE_TYPES = {
    "home": "",
    "principles index": "principles/",
    "principle": "principles/honesty/",
    "protocols index": "protocols/",
    "protocol": "protocols/answering-the-phone/",
    "onboarding path": "onboarding/",
    "theme": "themes/trust/",
    "linking": "linking/",
    "assessment": "onboarding/assessment/",
    "sources": "sources/",
    "translation status": "translation-status/",
    "not found": "404.html",
}


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
