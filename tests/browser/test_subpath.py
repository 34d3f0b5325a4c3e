"""The site works when it is published under a sub-path (site_url's path)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import BuiltSite, serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def subpath_url(published_site: BuiltSite) -> Iterator[str]:
    with serve(published_site.root) as url:
        yield f"{url}/handbook"


def test_switcher_and_links_stay_under_the_subpath(page, subpath_url: str) -> None:  # type: ignore[no-untyped-def]
    failed: list[str] = []
    page.on(
        "response", lambda r: failed.append(r.url) if r.status >= 400 and not r.url.endswith("sitemap.xml") else None
    )
    page.goto(f"{subpath_url}/es/principles/honesty/")
    assert page.locator("h1").inner_text() == "Honestidad"
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link", has_text="Magyar").click()
    page.wait_for_url(f"{subpath_url}/hu/principles/honesty/")
    assert page.locator("h1").inner_text() == "Őszinteség"
    page.locator("article a", has_text="Átláthatóság").first.click()
    page.wait_for_url(f"{subpath_url}/hu/principles/transparency/")
    assert failed == []
