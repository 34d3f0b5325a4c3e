"""Protocol checklists in Debian's Chromium: ticks remembered, progress, reset, keyboard, print."""

from __future__ import annotations

import json
import re

import pytest

from handbook.locales import LOCALES
from tests.site.test_site import CATALOG

pytestmark = pytest.mark.browser

PROTOCOL = "answering-the-phone"
KEY = f"handbook:checklist:{PROTOCOL}"
STEPS = [
    "stop-side-conversations",
    "answer-before-third-ring",
    "speak-clearly",
    "greet-and-introduce",
    "ask-for-the-name",
]


def box(page, step: str):  # type: ignore[no-untyped-def]
    return page.locator(f"#check-{step}")


def ticked(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [step for step in STEPS if box(page, step).is_checked()]


def progress(page) -> str:  # type: ignore[no-untyped-def]
    return page.locator(".handbook-checklist__progress").inner_text()


def test_ticks_survive_a_reload_and_a_language_switch(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/hu/protocols/{PROTOCOL}/")
    assert progress(page) == "5 lépésből 0 kész"
    page.locator(f"label[for=check-{STEPS[1]}]").click()  # clicking the step's text ticks it
    box(page, STEPS[3]).check()
    assert ticked(page) == [STEPS[1], STEPS[3]]
    assert progress(page) == "5 lépésből 2 kész"
    page.reload()
    assert ticked(page) == [STEPS[1], STEPS[3]]
    assert progress(page) == "5 lépésből 2 kész"
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link", has_text="Português (Brasil)").click()
    page.wait_for_url(f"{site_url}/pt/protocols/{PROTOCOL}/")
    assert ticked(page) == [STEPS[1], STEPS[3]]
    assert progress(page) == "2 de 5 etapas concluídas"
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert stored == {"ticked": [STEPS[1], STEPS[3]]}  # ids, never positions or the language


def test_reset_clears_the_ticks_but_remembers_a_completion(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/es/protocols/{PROTOCOL}/")
    for step in STEPS:
        box(page, step).check()
    assert progress(page) == "Completaste los 5 pasos"
    completed = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["completed"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", completed)
    page.get_by_role("button", name="Desmarcar todo").click()
    assert ticked(page) == []
    assert progress(page) == "0 de 5 pasos completados"
    page.reload()
    assert ticked(page) == []
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')")) == {"ticked": [], "completed": completed}


def test_space_toggles_a_focused_step_and_the_progress_is_a_polite_status(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/protocols/{PROTOCOL}/")
    box(page, STEPS[0]).focus()
    page.keyboard.press("Space")
    assert box(page, STEPS[0]).is_checked()
    page.keyboard.press("Tab")  # the why's link, then the next step
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == f"check-{STEPS[1]}"
    page.keyboard.press("Space")
    assert ticked(page) == STEPS[:2]
    page.keyboard.press("Space")
    assert ticked(page) == STEPS[:1]
    status = page.get_by_role("status")
    assert status.inner_text() == "1 of 5 steps done"
    assert page.get_by_role("checkbox", name="Answer before the third ring.").count() == 1  # the label names it


def test_with_storage_throwing_ticking_still_works(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});"
    )
    tab = context.new_page()
    errors: list[str] = []  # Material's own script also throws here; ours must not
    tab.on("pageerror", lambda error: errors.append(error.stack or str(error)))
    try:
        tab.goto(f"{site_url}/hu/protocols/{PROTOCOL}/")
        box(tab, STEPS[0]).check()
        box(tab, STEPS[2]).check()
        assert ticked(tab) == [STEPS[0], STEPS[2]]
        assert progress(tab) == "5 lépésből 2 kész"
        tab.get_by_role("button", name="Pipák törlése").click()
        assert ticked(tab) == []
        assert [error for error in errors if "checklist.js" in error] == []
    finally:
        context.close()


def test_without_javascript_it_is_a_plain_numbered_list(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}/pt/protocols/{PROTOCOL}/")
        items = tab.locator(".handbook-checklist ol > li")
        assert items.count() == len(STEPS)
        assert tab.locator(".handbook-checklist ol").evaluate("el => getComputedStyle(el).listStyleType") == "decimal"
        assert not tab.locator(".handbook-checklist__controls").is_visible()  # no reset or progress without the script
        tab.locator(f"label[for=check-{STEPS[0]}]").click()
        assert box(tab, STEPS[0]).is_checked()
    finally:
        context.close()


def test_print_shows_the_checklist_without_navigation(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/hu/protocols/{PROTOCOL}/")
    box(page, STEPS[0]).check()
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"):
        assert not page.locator(selector).first.is_visible(), selector
    assert not page.locator(".handbook-checklist__controls").is_visible()
    assert page.locator(".handbook-checklist").is_visible()
    assert box(page, STEPS[0]).is_checked() and box(page, STEPS[0]).is_visible()


PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)")


@pytest.mark.parametrize("locale", LOCALES, ids=lambda loc: loc.code)
def test_every_protocol_prints_on_one_a4_page(page, site_url: str, locale) -> None:  # type: ignore[no-untyped-def]
    too_long = {}
    for protocol in CATALOG.protocols():
        page.goto(f"{site_url}/{locale.url_prefix}{protocol.url}")
        pdf = page.pdf(format="A4", print_background=True)
        pages = len(PDF_PAGE.findall(pdf))
        if pages != 1:
            too_long[protocol.stem] = pages
    assert too_long == {}
