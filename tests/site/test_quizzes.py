"""Quizzes and the final assessment on the real handbook, built once per session (parsed HTML)."""

from __future__ import annotations

import gzip
from urllib.parse import urljoin, urlsplit

import pytest

from handbook.catalog import load_strings
from handbook.locales import LOCALES, get_locale
from handbook.quizzes import MIN_ASSESSMENT_QUESTIONS, MIN_PRINCIPLE_QUESTIONS, SCRIPT, STYLESHEET, parse_page
from tests.conftest import BuiltSite
from tests.site.test_site import CATALOG, built_path, soup

CODES = [locale.code for locale in LOCALES]
PRINCIPLES = [page.stem for page in CATALOG.principles()]
ASSESSMENT = "onboarding/assessment.md"


def quiz_key(html) -> list[tuple[str, str, str, int]]:  # type: ignore[no-untyped-def]
    """Each question as (id, kind, right answers, number of answers), in page order."""
    return [
        (q["data-question"], q["data-kind"], q["data-key"], len(q.select("input")))
        for q in html.select("article .handbook-quiz__question")
    ]


def page_html(site: BuiltSite, source_rel: str, locale: str):  # type: ignore[no-untyped-def]
    english = CATALOG.page(source_rel, "en")
    assert english is not None, source_rel
    return soup(built_path(site.root, locale, english.url))


@pytest.mark.parametrize("locale", CODES)
@pytest.mark.parametrize("principle", PRINCIPLES)
def test_every_principle_ends_with_an_accessible_quiz(built_site: BuiltSite, principle: str, locale: str) -> None:
    html = page_html(built_site, f"principles/{principle}.md", locale)
    words = load_strings()[locale]["quiz"]
    sections = html.select("article h2[id]")
    assert sections[-1]["id"] == "quiz", "the quiz is the page's last section"
    assert sections[-1].get_text(strip=True).removesuffix("¶") == words["heading"]
    questions = html.select("article .handbook-quiz__question")
    assert len(questions) >= MIN_PRINCIPLE_QUESTIONS
    kinds = {q["data-kind"] for q in questions}
    for question in questions:
        fieldset = question.find("fieldset")
        legend = fieldset.find("legend")
        assert legend is not None and legend.select_one(".handbook-quiz__text").get_text(strip=True)
        inputs = fieldset.select("input")
        assert len(inputs) >= 2
        expected_type = "checkbox" if question["data-kind"] == "multiple" else "radio"
        for box in inputs:
            assert box["type"] == expected_type and box["name"] == question["id"]
            label = html.find("label", attrs={"for": box["id"]})
            assert label is not None and label.get_text(strip=True), box["id"]
        hint = html.find(id=fieldset["aria-describedby"])
        assert hint.get_text(strip=True) == words["choose_all" if expected_type == "checkbox" else "choose_one"]
        assert question.select_one("[role=status].handbook-quiz__status") is not None
        solution = question.select_one("details.handbook-quiz__solution")
        assert solution is not None and not solution.has_attr("open"), "the answer starts closed"
        assert solution.find("summary").get_text(strip=True) == words["solution"]
        verdicts = solution.select(".handbook-quiz__verdict")
        assert len(verdicts) == len(inputs)
        right = [v["data-answer"] for v in verdicts if "handbook-quiz__verdict--right" in v["class"]]
        assert ",".join(right) == question["data-key"]
        assert all(
            v.find("strong").get_text(strip=True).rstrip(":") in (words["right_answer"], words["wrong_answer"])
            for v in verdicts
        )
        explanation = solution.select_one(".handbook-quiz__explanation")
        assert explanation.get_text(strip=True) and explanation.find("a", href=True), question["id"]
        assert question.select("button") == []  # quiz.js adds the buttons, which need it
    assert kinds <= {"single", "multiple"}


def test_single_and_multiple_choice_both_occur_in_every_quiz() -> None:
    for principle in CATALOG.principles():
        questions = [q for quiz in parse_page(principle).quizzes for q in quiz.questions]
        assert {q.multiple for q in questions} == {True, False}, principle.display


@pytest.mark.parametrize("source_rel", [f"principles/{p}.md" for p in PRINCIPLES] + [ASSESSMENT])
def test_the_answer_key_is_the_same_in_every_language(built_site: BuiltSite, source_rel: str) -> None:
    english = quiz_key(page_html(built_site, source_rel, "en"))
    assert english
    for locale in CODES[1:]:
        assert quiz_key(page_html(built_site, source_rel, locale)) == english, locale


@pytest.mark.parametrize("locale", CODES)
def test_every_explanation_link_leads_to_an_anchor_in_the_same_language(built_site: BuiltSite, locale: str) -> None:
    prefix = get_locale(locale).url_prefix
    checked = 0
    for source_rel in [f"principles/{p}.md" for p in PRINCIPLES] + [ASSESSMENT]:
        english = CATALOG.page(source_rel, "en")
        page_url = "/" + prefix + english.url
        html = page_html(built_site, source_rel, locale)
        for link in html.select(".handbook-quiz__explanation a[href]"):
            target = urlsplit(urljoin(page_url, link["href"]))
            assert target.path.startswith("/" + prefix), (source_rel, link["href"])
            path = built_site.root / target.path.lstrip("/")
            path = path / "index.html" if target.path.endswith("/") else path
            assert path.is_file(), (source_rel, link["href"])
            assert target.fragment and soup(path).find(id=target.fragment) is not None, (source_rel, link["href"])
            checked += 1
    assert checked >= 3 * len(PRINCIPLES) + MIN_ASSESSMENT_QUESTIONS


def test_quiz_assets_load_only_on_pages_with_a_quiz(built_site: BuiltSite) -> None:
    with_quiz = without_quiz = 0
    for path in built_site.root.rglob("*.html"):
        html = soup(path)
        scripts = [s["src"] for s in html.select("script[src]") if s["src"].endswith(SCRIPT.rsplit("/", 1)[1])]
        styles = [
            s["href"] for s in html.select("link[rel=stylesheet]") if s["href"].endswith(STYLESHEET.rsplit("/", 1)[1])
        ]
        if html.select_one(".handbook-quiz"):
            with_quiz += 1
            assert len(scripts) == 1 and len(styles) == 1, path
            tag = html.find("script", src=scripts[0])
            assert tag.has_attr("defer") and tag["data-handbook-page"], path
        else:
            without_quiz += 1
            assert scripts == [] and styles == [], path
        inline = [s.get_text() for s in html.select("script:not([src])")]
        assert not any("handbook-quiz" in text or "handbook:quiz" in text for text in inline), path
    assert with_quiz == 4 * (len(PRINCIPLES) + 1)
    assert without_quiz > 0


def test_quiz_script_and_stylesheet_stay_under_12_kb_gzipped(built_site: BuiltSite) -> None:
    size = sum(len(gzip.compress((built_site.root / asset).read_bytes(), 9)) for asset in (SCRIPT, STYLESHEET))
    assert size < 12 * 1024, f"{size} bytes gzipped"


@pytest.mark.parametrize("locale", CODES)
def test_the_assessment_is_at_its_address_with_a_hidden_result(built_site: BuiltSite, locale: str) -> None:
    prefix = get_locale(locale).url_prefix
    path = built_site.root / prefix / "onboarding" / "assessment" / "index.html"
    html = soup(path)
    words = load_strings()[locale]["quiz"]
    quiz = html.select_one("article .handbook-quiz--assessment[data-quiz=assessment]")
    questions = quiz.select(".handbook-quiz__question")
    assert len(questions) >= MIN_ASSESSMENT_QUESTIONS
    assert not quiz.select(".handbook-quiz__check"), "the assessment is scored at the end, not per question"
    assert quiz.select_one("button.handbook-quiz__submit").get_text(strip=True) == words["submit"]
    result = quiz.select_one("div.handbook-quiz__result[role=region]")
    assert result.has_attr("hidden") and result["data-pass"] == "80"
    assert result["data-language"] == get_locale(locale).name
    assert html.find(id=result["aria-labelledby"]).get_text(strip=True) == words["result_title"]
    name = result.select_one("input#assessment-name")
    assert html.find("label", attrs={"for": "assessment-name"}).get_text(strip=True) == words["name_label"]
    assert name["autocomplete"] == "name"
    # one row per principle the questions are about, titled in this language, linking to it
    topics = [q["data-topic"] for q in questions]
    rows = result.select("table.handbook-quiz__breakdown tbody tr[data-topic]")
    assert [r["data-topic"] for r in rows] == list(dict.fromkeys(topics))
    assert len(rows) >= 10, "the assessment draws on many principles"
    for row in rows:
        translated = CATALOG.page(f"principles/{row['data-topic']}.md", locale)
        link = row.find("a")
        assert link.get_text(strip=True) == translated.meta["title"]
        target = urlsplit(urljoin(f"/{prefix}onboarding/assessment/", link["href"])).path
        assert (built_site.root / target.lstrip("/") / "index.html").is_file(), link["href"]
    assert html.select_one("html")["lang"] == get_locale(locale).html_lang


def test_the_assessment_covers_principles_and_protocols() -> None:
    english = CATALOG.page(ASSESSMENT, "en")
    assert english is not None
    quizzes = parse_page(english).quizzes
    assert [quiz.kind for quiz in quizzes] == ["assessment"] and quizzes[0].pass_mark == 80
    explanations = " ".join(q.explanation for q in quizzes[0].questions)
    assert "../protocols/" in explanations and "../principles/" in explanations
