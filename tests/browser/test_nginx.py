"""The sample nginx configuration (deploy/nginx.conf): valid, and serving the site as documented.

nginx runs in the foreground for this module only, on a free port, with its
files in a temporary folder: nothing depends on a server left from earlier.
"""

from __future__ import annotations

import contextlib
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

import local_nginx
from handbook.catalog import load_strings
from local_nginx import NGINX, free_port, nginx_config
from tests.browser.search import search
from tests.conftest import BuiltSite, run_build
from tests.fixture_site import LOCALES, add_protocol, stamp_all, suffix, write_project

pytestmark = pytest.mark.browser


@contextlib.contextmanager
def nginx(workdir: Path, site: Path) -> Iterator[str]:
    try:
        with local_nginx.nginx(workdir, site) as url:
            yield url
    except local_nginx.NginxError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="module")
def nginx_url(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with nginx(tmp_path_factory.mktemp("nginx"), built_site.root) as url:
        yield url


def test_the_sample_config_passes_nginx_t(built_site: BuiltSite, tmp_path: Path) -> None:
    config = nginx_config(tmp_path, built_site.root, free_port())
    result = subprocess.run(
        [NGINX, "-t", "-c", str(config), "-p", str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr and "test is successful" in result.stderr


def status(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@pytest.mark.parametrize(("prefix", "lang"), [("", "en"), ("es/", "es"), ("hu/", "hu"), ("pt/", "pt-BR")])
def test_a_miss_shows_that_languages_404_page(nginx_url: str, prefix: str, lang: str) -> None:
    code, body = status(f"{nginx_url}/{prefix}no/such/page/")
    assert code == 404
    assert f'<html lang="{lang}"' in body
    assert f'"base": "/{prefix}"' in body or (prefix == "" and '"base": "/"' in body)


def test_the_spanish_404_searches_spanish(page, nginx_url: str) -> None:  # type: ignore[no-untyped-def]
    with page.expect_response(lambda r: r.url.endswith("search_index.json")):  # the index is loaded
        page.goto(f"{nginx_url}/es/principios/honestidad/")  # a plausible but wrong address
    assert page.evaluate("document.documentElement.lang") == "es"
    assert page.locator("a.md-logo").first.get_attribute("href").startswith("/es/")
    hrefs = search(page, "honestidad")
    assert hrefs and all(href.startswith(f"{nginx_url}/es/") for href in hrefs), hrefs
    assert any("/es/principles/honesty/" in href for href in hrefs)


def test_go_links_and_compression_work_under_nginx(browser, nginx_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="pt-BR")
    try:
        tab = context.new_page()
        tab.goto(f"{nginx_url}/go/transparency/#scenario")
        tab.wait_for_url(f"{nginx_url}/pt/principles/transparency/#scenario")
    finally:
        context.close()
    request = urllib.request.Request(f"{nginx_url}/hu/principles/honesty/", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers.get("Content-Encoding") == "gzip"
    # a directory without its slash gets it, without a host or port in the redirect
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as moved:
        opener.open(f"{nginx_url}/hu/principles/honesty")
    assert moved.value.code == 301 and moved.value.headers["Location"] == "/hu/principles/honesty/"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small handbook whose protocol 'greeting' was renamed 'welcome', with its redirect."""
    project = write_project(tmp_path_factory.mktemp("moved"))
    docs = project / "docs"
    add_protocol(docs, "welcome")
    (project / "redirects.yml").write_text("protocols/greeting/: protocols/welcome/\n", encoding="utf-8")
    stamp_all(docs)
    for locale in LOCALES:
        assert (docs / "protocols" / f"welcome{suffix(locale)}.md").is_file()
    code, log = run_build(project / "site", config_file=project / "mkdocs.yml")
    assert code == 0, log
    return project / "site"


@pytest.mark.parametrize("code", ["en", "hu", "pt"])
def test_a_redirect_keeps_the_language_and_the_anchor_under_nginx(
    page,  # type: ignore[no-untyped-def]
    moved_site: Path,
    tmp_path: Path,
    code: str,
) -> None:
    prefix = "" if code == "en" else f"{code}/"
    with nginx(tmp_path, moved_site) as url:
        page.goto(f"{url}/{prefix}protocols/greeting/#steps")
        page.wait_for_url(f"{url}/{prefix}protocols/welcome/#steps")
        assert page.evaluate("document.documentElement.lang").startswith(code)
        # the old /go/ link of the renamed page leads to the new page too
        page.evaluate("code => localStorage.setItem('handbook:language', code)", code)
        page.goto(f"{url}/go/greeting/")
        page.wait_for_url(f"{url}/{prefix}protocols/welcome/")
        words = load_strings()[code]["moved"]
        assert status(f"{url}/{prefix}protocols/greeting/")[1].count(words["title"]) == 2  # <title> and <h1>
