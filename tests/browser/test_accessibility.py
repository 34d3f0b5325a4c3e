"""axe-core on the states a reader reaches: a quiz with feedback, the assessment's result, the path's progress.

Every page as it first loads, in every language, is in test_quality.py.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from handbook.locales import LOCALES
from tests.browser.test_quality import AXE_RULES  # the same rules, on the states a reader reaches

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def violations(page, axe: Axe) -> list[str]:  # type: ignore[no-untyped-def]
    # Colours are measured once they settle: a button still in its hover transition
    # has an in-between background that is neither state's real contrast.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    result = axe.run(page, options=AXE_RULES)
    return [
        f"{violation['id']}: {violation['help']} at {[node['target'] for node in violation['nodes']]}"
        for violation in result.response["violations"]
    ]


@pytest.mark.parametrize("locale", [locale for locale in LOCALES], ids=lambda loc: loc.code)
def test_no_axe_violations_in_a_quiz_with_feedback_shown(page, site_url: str, axe: Axe, locale) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/{locale.url_prefix}principles/honesty/")
    questions = page.locator(".handbook-quiz__question")
    questions.nth(0).locator("input").first.check()
    questions.nth(0).locator(".handbook-quiz__check").click()  # feedback for a wrong answer
    questions.nth(1).locator(".handbook-quiz__show").click()  # an answer shown
    assert violations(page, axe) == []


@pytest.mark.parametrize("locale", [locale for locale in LOCALES], ids=lambda loc: loc.code)
def test_no_axe_violations_on_the_assessment_result(page, site_url: str, axe: Axe, locale) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/{locale.url_prefix}onboarding/assessment/")
    for question in page.locator(".handbook-quiz__question").all():
        question.locator("input").first.check()
    page.locator(".handbook-quiz__submit").click()
    page.locator("#assessment-name").fill("Ana")
    assert page.locator(".handbook-quiz__result").is_visible()
    assert violations(page, axe) == []


@pytest.mark.parametrize("locale", [locale for locale in LOCALES], ids=lambda loc: loc.code)
def test_no_axe_violations_on_the_onboarding_path_with_progress_shown(page, site_url: str, axe: Axe, locale) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/{locale.url_prefix}onboarding/")
    page.evaluate("localStorage.setItem('handbook:quiz:honesty', JSON.stringify({passed: '2026-11-22'}))")
    page.reload()
    assert page.locator(".handbook-path__item--done").count() == 1
    assert page.locator(".handbook-path__controls").is_visible()
    assert violations(page, axe) == []
