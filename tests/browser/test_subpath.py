"""The site works when it is published under a sub-path (site_url's path)."""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import build_site
from tests.conftest import serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def subpath_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("published")
    previous = os.environ.get("HANDBOOK_SITE_URL")
    os.environ["HANDBOOK_SITE_URL"] = "https://intranet.example/handbook/"
    try:
        with contextlib.redirect_stderr(io.StringIO()) as log:
            assert build_site.main(["--site-dir", str(root / "handbook")]) == 0, log.getvalue()
    finally:
        if previous is None:
            del os.environ["HANDBOOK_SITE_URL"]
        else:
            os.environ["HANDBOOK_SITE_URL"] = previous
    with serve(Path(root)) as url:
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
