"""axe-core (WCAG 2.1 A and AA rules) on every page type in every language."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from handbook.locales import LOCALES

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "home": "",
    "principles index": "principles/",
    "principle": "principles/honesty/",
    "protocols index": "protocols/",
    "protocol": "protocols/answering-the-phone/",
    "sources": "sources/",
    "translation status": "translation-status/",
    "not found": "404.html",
}
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("locale", [locale for locale in LOCALES], ids=lambda loc: loc.code)
@pytest.mark.parametrize("path", list(PAGE_TYPES.values()), ids=list(PAGE_TYPES))
def test_no_axe_violations(page, site_url: str, axe: Axe, locale, path: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/{locale.url_prefix}{path}")
    result = axe.run(page, options=WCAG_21_AA)
    violations = [
        f"{violation['id']}: {violation['help']} at {[node['target'] for node in violation['nodes']]}"
        for violation in result.response["violations"]
    ]
    assert violations == []
