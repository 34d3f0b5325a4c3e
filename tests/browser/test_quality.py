"""Quality gates in a real browser, on every built page in every language.

The site is built once and served by nginx with the deployed configuration
(deploy/nginx.conf, gzip on). Each page is visited twice, in a fresh browser
context each time:

- on a desktop screen in the light scheme: axe-core with the WCAG 2.1 A/AA,
  WCAG 2.2 AA (target size) and best-practice rules finds no violation;
- then, resized, on a 375 px wide phone screen in the dark scheme: axe-core's
  rules that depend on colour and layout (contrast, links told apart from
  text, target size, scrollable regions) find no violation, the page does not
  scroll sideways, and every tap target is at least 24 × 24 px (links inside
  running text excepted, as WCAG 2.5.8 allows).

Over the whole visit: no request to another host, no failed request, no
console error or warning.

A screenshot of one page of each type (tests/site_pages.py) per language and
scheme goes to test-results/screenshots/.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeout

import local_nginx
from tests.conftest import ROOT, BuiltSite
from tests.site_pages import every_page, type_of

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "test-results" / "screenshots"
AXE_RULES = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
# The phone screen shows the same document: what can change there is what
# depends on colour and layout (the dark scheme's contrast, sizes, scrolling).
PHONE_RULES = {
    "runOnly": {
        "type": "rule",
        "values": ["color-contrast", "link-in-text-block", "target-size", "scrollable-region-focusable"],
    },
    "resultTypes": ["violations"],
}
# Colours and sizes are measured as they are at rest: no hover, fade or scheme
# transition half-way (Material animates its colours when the scheme changes).
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


@dataclass(frozen=True)
class Screen:
    name: str
    width: int
    height: int
    scheme: str  # the system preference: "light" or "dark"
    material_scheme: str  # what Material must then show: "default" or "slate"
    axe_rules: dict[str, object]


DESKTOP_LIGHT = Screen("desktop-light", 1280, 900, "light", "default", AXE_RULES)
PHONE_DARK = Screen("phone-dark", 375, 812, "dark", "slate", PHONE_RULES)


# Captures Material's "initialising search" text as soon as the page exists, so a
# visit can wait until the search worker has loaded its index and stemmer.
SEARCH_READY_SCRIPT = """
document.addEventListener("DOMContentLoaded", () => {
  const meta = document.querySelector(".md-search-result__meta");
  window.__handbookSearchStart = meta ? meta.textContent.trim() : null;
});
"""
SEARCH_READY = """() => {
  const meta = document.querySelector(".md-search-result__meta");
  return !meta || (window.__handbookSearchStart !== undefined && meta.textContent.trim() !== window.__handbookSearchStart);
}"""

# Visible tap targets smaller than 24 x 24 CSS px, other than links inside running text.
SMALL_TARGETS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], [role=button], [tabindex]:not([tabindex="-1"])';
  const inText = (element) => {
    if (getComputedStyle(element).display !== "inline") return false;
    let block = element.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    return block !== null && block.textContent.trim().length > element.textContent.trim().length;
  };
  const small = [];
  for (const element of document.querySelectorAll(selector)) {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    if (box.width === 0 || box.height === 0 || style.visibility === "hidden") continue;
    if (box.right <= 0 || box.left >= window.innerWidth) continue;  // off-canvas (the closed drawer)
    if ((box.width < 24 || box.height < 24) && !inText(element)) {
      const name = (element.getAttribute("aria-label") || element.textContent || element.id || "").trim().slice(0, 40);
      small.push(`${element.tagName.toLowerCase()}.${[...element.classList].join(".")} "${name}" ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return small;
}"""


@pytest.fixture(scope="session")
def deployed_url(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site served by nginx with deploy/nginx.conf, compression on."""
    try:
        with local_nginx.nginx(tmp_path_factory.mktemp("nginx-quality"), built_site.root) as url:
            yield url
    except local_nginx.NginxError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.fixture(scope="module")
def context(browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """One browser context for the module, a new tab per page: nothing here stores anything."""
    instance = browser.new_context()
    try:
        yield instance
    finally:
        instance.close()


def inspect(page, axe: Axe, screen: Screen, screenshot: Path | None) -> list[str]:  # type: ignore[no-untyped-def]
    """One screen's checks on the page already loaded; the problems, each prefixed with the screen."""
    problems: list[str] = []
    page.set_viewport_size({"width": screen.width, "height": screen.height})
    page.emulate_media(color_scheme=screen.scheme)
    try:  # Material follows the system preference live (the palette's automatic mode)
        page.wait_for_function(
            "scheme => document.body.getAttribute('data-md-color-scheme') === scheme",
            arg=screen.material_scheme,
            timeout=3_000,
        )
    except PlaywrightTimeout:
        shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        problems.append(f"colour scheme: {shown!r} shown for a {screen.scheme} system preference")
    violations = page.evaluate("options => axe.run(document, options)", screen.axe_rules)["violations"]
    problems += [
        f"axe: {v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes']][:5]}"
        for v in violations
    ]
    if screen.width < 400:
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide = page.evaluate(
                """() => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                    .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'))"""
            )
            problems.append(f"sideways scroll: {overflow} px too wide, past the edge: {wide}")
        problems += [f"tap target under 24 px: {target}" for target in page.evaluate(SMALL_TARGETS)]
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot))
    return [f"{screen.name}: {problem}" for problem in problems]


def visit(context, axe: Axe, url: str, screenshots: str | None, *, wait_for_search: bool = True) -> list[str]:  # type: ignore[no-untyped-def]
    """Load ``url`` once; check it on a light desktop screen, then on a dark phone screen.

    The same page serves both screens: resized, and with the system preference
    switched, which Material follows live. Requests and console messages are
    watched over the whole visit. With ``wait_for_search`` the visit also waits
    until the search worker has loaded its index and stemmer, so a failure there
    is caught; they are the same files for every page of a language, so one page
    of each type per language is enough (the others stop watching when they close).
    """
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
    messages: list[str] = []
    requests: list[str] = []
    failed: list[str] = []
    problems: list[str] = []
    page = context.new_page()
    try:
        page.set_viewport_size({"width": DESKTOP_LIGHT.width, "height": DESKTOP_LIGHT.height})
        page.add_init_script(SEARCH_READY_SCRIPT)
        page.on("console", lambda m: messages.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda error: messages.append(f"uncaught: {error}"))
        page.on("request", lambda r: requests.append(r.url))
        page.on("requestfailed", lambda r: failed.append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: failed.append(f"{r.url} ({r.status})") if r.status >= 400 else None)
        page.emulate_media(color_scheme=DESKTOP_LIGHT.scheme)
        page.goto(url)
        if wait_for_search:
            try:  # the search worker has loaded its stemmer and the language's index
                page.wait_for_function(SEARCH_READY, timeout=10_000)
            except PlaywrightTimeout:
                problems.append("search: the search index did not load within 10 s")
        page.add_style_tag(content=NO_TRANSITIONS)
        page.evaluate(axe.axe_script)  # axe-core, once for both screens
        for screen in (DESKTOP_LIGHT, PHONE_DARK):
            shot = Path(f"{screenshots}-{screen.name}.png") if screenshots else None
            problems += inspect(page, axe, screen, shot)
        # what happened while the page was open: a request still in flight when it closes is not a failure
        seen_messages, seen_requests, seen_failed = list(messages), list(requests), list(failed)
    finally:
        page.close()
    problems += [f"console: {message}" for message in seen_messages]
    problems += [f"failed request: {request}" for request in seen_failed]
    problems += [
        f"request to another host: {r}"
        for r in seen_requests
        if r.startswith("http") and not r.startswith(origin + "/")
    ]
    return problems


PAGES = every_page()


@pytest.mark.parametrize(("locale", "path"), PAGES, ids=[f"{loc.code}:/{path}" for loc, path in PAGES])
def test_every_page_passes_the_quality_gates(context, axe: Axe, deployed_url: str, locale, path: str) -> None:  # type: ignore[no-untyped-def]
    kind = type_of(path)
    shots = str(SCREENSHOTS / f"{locale.code}-{kind.replace(' ', '-')}") if kind else None
    url = f"{deployed_url}/{locale.url_prefix}{path}"
    problems = visit(context, axe, url, shots, wait_for_search=kind is not None)
    assert problems == [], "\n".join([url, *problems])


def test_the_gates_catch_what_they_promise(context, axe: Axe, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A page with every kind of fault fails every gate: the suite cannot pass by seeing nothing."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "bad.html").write_text(
        """<!doctype html><html><head><title>Bad</title>
<script>console.error("boom"); console.warn("careful");</script></head>
<body data-md-color-scheme="default"><img src="/missing.png"><img src="http://192.0.2.1/x.png">
<div style="width: 600px">too wide</div><button style="width: 10px; height: 10px"></button></body></html>""",
        encoding="utf-8",
    )
    with local_nginx.nginx(tmp_path / "nginx", site) as url:
        problems = visit(context, axe, f"{url}/bad.html", None)
    kinds = {
        problem.removeprefix("phone-dark: ").removeprefix("desktop-light: ").split(":", 1)[0] for problem in problems
    }
    assert kinds >= {
        "colour scheme",
        "axe",
        "sideways scroll",
        "tap target under 24 px",
        "console",
        "failed request",
        "request to another host",
    }, problems
