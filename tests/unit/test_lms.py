"""The LMS exports (scripts/build_lms.py, handbook/lms.py), read back from the files themselves.

The real handbook is exported once for this module, in-process, into tmp_path:
every QTI package and Moodle XML file must carry the answer keys, feedback and
pass marks of ``quizzes.parse_page`` on the same sources, pass the validators,
and the validators must reject broken variants.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

import build_lms
from handbook import lms, quizzes
from handbook.catalog import Catalog
from handbook.locales import LOCALE_CODES
from tests.fixture_site import LOCALES, stamp_all, suffix, write_docs

ROOT = Path(__file__).resolve().parents[2]
CATALOG = Catalog.load(ROOT / "docs", ROOT)
SOURCES = [(code, page.source_rel, page.stem) for code in LOCALE_CODES for page in lms.source_pages(CATALOG, code)]
SITE_URL = "https://intranet.example/handbook/"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make lms` on the real handbook, without a site address, over an older export it must replace."""
    site = tmp_path_factory.mktemp("lms") / "site"
    stale = site / lms.OUTPUT_DIR / "xx" / "gone.moodle.xml"
    stale.parent.mkdir(parents=True)
    stale.write_text("<quiz/>", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(build_lms.SITE_URL_ENV, raising=False)
        assert build_lms.main(["--site-dir", str(site)]) == 0
    return site / lms.OUTPUT_DIR


def source_quiz(locale: str, source_rel: str) -> quizzes.Quiz:
    page = CATALOG.page(source_rel, locale)
    assert page is not None
    [quiz] = quizzes.parse_page(page).quizzes
    return quiz


def test_every_language_has_the_assessment_and_every_principles_quiz_in_both_formats(exported: Path) -> None:
    principles = sorted(page.stem for page in CATALOG.principles())
    expected = {"README.txt"}
    for code in LOCALE_CODES:
        for quiz_id in ["assessment", *principles]:
            expected |= {f"{code}/{quiz_id}.qti.zip", f"{code}/{quiz_id}.moodle.xml"}
    written = {path.relative_to(exported).as_posix() for path in exported.rglob("*") if path.is_file()}
    assert written == expected, "the older export is replaced whole, and nothing is missing"
    assert not list(exported.parent.glob(".handbook-lms-*")), "no staging folder is left behind"


@pytest.mark.parametrize(("locale", "source_rel", "quiz_id"), SOURCES, ids=[f"{s[0]}-{s[2]}" for s in SOURCES])
def test_each_export_reads_back_to_the_parsers_answer_key_and_pass_mark(
    exported: Path, locale: str, source_rel: str, quiz_id: str
) -> None:
    quiz = source_quiz(locale, source_rel)
    expected = lms.answer_key(quiz_id, quiz)
    # the site's marks: the assessment's own; a principle's quiz is done only when every answer is right
    assert expected.pass_mark == (quiz.pass_mark if quiz.kind == "assessment" else 100)
    order = [question.id for question in quiz.questions]
    package = (exported / locale / f"{quiz_id}.qti.zip").read_bytes()
    moodle = (exported / locale / f"{quiz_id}.moodle.xml").read_bytes()
    for reader, data in ((lms.read_qti, package), (lms.read_moodle, moodle)):
        key = reader(data)
        assert key == expected, reader.__name__
        assert list(key.questions) == order, f"{reader.__name__}: the questions keep the page's order"
    # the right answers as letters, as the site's data-key has them
    assert {qid: ",".join(sorted(k.right)) for qid, k in expected.questions.items()} == {
        question.id: question.key for question in quiz.questions
    }
    assert lms.validate_qti(lms.unzip_files(package)) == []
    assert lms.validate_moodle(moodle) == []


def test_per_answer_feedback_and_explanations_travel_with_their_answers(exported: Path) -> None:
    """The Hungarian honesty quiz, by hand: feedback under the wrong answers, the explanation for each question."""
    files = lms.unzip_files((exported / "hu" / "honesty.qti.zip").read_bytes())
    item = files["items/honesty.wrong-bill.xml"].decode()
    assert 'identifier="c" showHide="show">\n    <p>Ha „a rendszerre” fogod' in item
    assert '<modalFeedback outcomeIdentifier="SOLUTION" identifier="explanation"' in item
    assert "<correctResponse>\n      <value>a</value>\n      <value>b</value>" in item
    assert 'cardinality="multiple"' in item and 'maxChoices="0"' in item
    moodle = (exported / "hu" / "honesty.moodle.xml").read_text(encoding="utf-8")
    assert "<idnumber>honesty.wrong-bill</idnumber>" in moodle
    assert '<answer fraction="50" format="html">\n      <text>Nyíltan kimondod' in moodle
    assert '<answer fraction="-100" format="html">' in moodle
    assert "<text>Ha arra célzol, hogy az ügyfél téved" in moodle
    assert "Mondd el, mit tudsz, mit nem, és mikor tudsz majd többet: lásd az Ezt tedd részt." in moodle
    assert "href" not in moodle, "without a site address a link keeps only its text"
    [again] = [quiz for quiz in lms.collect(CATALOG) if (quiz.locale, quiz.id) == ("hu", "honesty")]
    renderer = lms.InlineRenderer(None)
    assert lms.qti_package(again, renderer) == (exported / "hu" / "honesty.qti.zip").read_bytes(), "reproducible"
    assert lms.moodle_xml(again, renderer).decode() == moodle


def test_the_readme_tells_hr_what_each_file_is_and_where_the_pass_mark_is(exported: Path) -> None:
    text = (exported / "README.txt").read_text(encoding="utf-8")
    for words in (
        "Moodle XML",
        "QTI 2.1",
        "Grade to pass",
        "Final assessment: 80% (at least 20 of its 25 questions answered correctly)",
        "not set",
        "PASS",
    ):
        assert words in text


# --- the text: inline Markdown, links made absolute or dropped --------------------------------

HONESTY_HU = CATALOG.page("principles/honesty.md", "hu")
HONESTY_EN = CATALOG.page("principles/honesty.md", "en")
RENDERED = [
    ("hu", None, "Lásd [Ezt tedd](#do).", "Lásd Ezt tedd."),
    ("hu", SITE_URL, "Lásd [Ezt tedd](#do).", f'Lásd <a href="{SITE_URL}hu/principles/honesty/#do">Ezt tedd</a>.'),
    ("en", SITE_URL, "See [what to do](#do).", f'See <a href="{SITE_URL}principles/honesty/#do">what to do</a>.'),
    (
        "hu",
        "https://intranet.example/handbook",
        "[tisztelet](../principles/respect.md#why-it-matters)",
        f'<a href="{SITE_URL}hu/principles/respect/#why-it-matters">tisztelet</a>',
    ),
    ("hu", SITE_URL, "[kezdőlap](../index.md)", f'<a href="{SITE_URL}hu/">kezdőlap</a>'),
    ("en", None, "[law](https://example.org/gdpr)", '<a href="https://example.org/gdpr">law</a>'),
    (
        "en",
        None,
        "*Never* **promise** `that` & <b>more</b>",
        "<em>Never</em> <strong>promise</strong> <code>that</code> &amp; <b>more</b>",
    ),
    ("en", None, "Say <mark>this</mark> [and *that*](#do)", "Say this and <em>that</em>"),
]


@pytest.mark.parametrize(("locale", "site_url", "text", "html"), RENDERED)
def test_inline_markdown_becomes_html_whose_links_work_in_an_lms(
    locale: str, site_url: str | None, text: str, html: str
) -> None:
    page = HONESTY_HU if locale == "hu" else HONESTY_EN
    assert page is not None
    fragment = lms.InlineRenderer(site_url).render(text, page)
    assert lms.inline_html(fragment) == html


# --- the validators fail on broken exports ------------------------------------------------------


@pytest.fixture(scope="module")
def honesty(exported: Path) -> tuple[dict[str, bytes], bytes]:
    return (
        lms.unzip_files((exported / "en" / "honesty.qti.zip").read_bytes()),
        (exported / "en" / "honesty.moodle.xml").read_bytes(),
    )


ITEM = "items/honesty.wrong-bill.xml"
Edit = Callable[[str], str]


def sub(pattern: str, replacement: str) -> Edit:
    return lambda text: re.sub(pattern, replacement, text, count=1, flags=re.DOTALL)


BROKEN_QTI: list[tuple[str, str, Edit, str]] = [
    ("no correct response", ITEM, sub(r"<correctResponse>.*?</correctResponse>", ""), "no correctResponse"),
    ("a correct value that is no choice", ITEM, sub(r"<value>a</value>", "<value>z</value>"), "'z' is no choice"),
    (
        "two right answers on a single choice",
        "items/honesty.fee-left-out.xml",
        sub(r"<value>b</value>", "<value>b</value><value>c</value>"),
        "single-choice response with 2 correct values",
    ),
    (
        "maxChoices against cardinality",
        "items/honesty.fee-left-out.xml",
        sub('maxChoices="1"', 'maxChoices="0"'),
        "use 1",
    ),
    (
        "feedback for no answer",
        ITEM,
        sub(r'identifier="c" showHide', 'identifier="q" showHide'),
        "'q', which is no choice",
    ),
    ("a relative link", ITEM, sub(r"<p>", '<p><a href="../x.md">x</a>'), "relative"),
    ("an element QTI does not have", ITEM, sub(r"<p>", "<p><mark>x</mark>"), "<mark> is not allowed"),
    (
        "out of order",
        ITEM,
        sub(r"(<responseProcessing>.*?</responseProcessing>)(.*?)(</assessmentItem>)", r"\2\1\3"),
        "out of order",
    ),
    (
        "an item of another test",
        "honesty.xml",
        sub(r'href="items/honesty.repair-date.xml"', 'href="items/nope.xml"'),
        "no item of the package",
    ),
    (
        "no pass mark",
        "honesty.xml",
        sub(r'<baseValue baseType="float">100</baseValue>\s*</gte>', "</gte>"),
        "PASS is not set",
    ),
    (
        "an unknown resource",
        "imsmanifest.xml",
        sub(r'identifierref="item-honesty.wrong-bill"', 'identifierref="item-x"'),
        "'item-x'",
    ),
    ("not XML", ITEM, sub(r"</assessmentItem>", ""), "not well-formed"),
]


@pytest.mark.parametrize(("name", "path", "edit", "expected"), BROKEN_QTI, ids=[b[0] for b in BROKEN_QTI])
def test_the_qti_validator_rejects_a_broken_package(
    honesty: tuple[dict[str, bytes], bytes], name: str, path: str, edit: Edit, expected: str
) -> None:
    files = dict(honesty[0])
    broken = edit(files[path].decode())
    assert broken != files[path].decode(), "the edit applies"
    files[path] = broken.encode()
    problems = lms.validate_qti(files)
    assert any(expected in problem for problem in problems), problems


def test_the_qti_validator_rejects_a_package_with_a_file_missing(honesty: tuple[dict[str, bytes], bytes]) -> None:
    files = {name: data for name, data in honesty[0].items() if name != ITEM}
    assert any(f"lists {ITEM}, which is not in the package" in p for p in lms.validate_qti(files))


BROKEN_MOODLE: list[tuple[str, Edit, str]] = [
    ("no right answer", sub(r'fraction="100"', 'fraction="0"'), "grade 100%"),
    ("shares that do not add up", sub(r'fraction="50"', 'fraction="40"'), "add up to 90%"),
    ("a grade Moodle does not offer", sub(r'fraction="0"', 'fraction="45"'), "does not offer"),
    ("no name", sub(r"<name>.*?</name>", ""), "without a name"),
    ("an unknown text format", sub(r'<questiontext format="html">', '<questiontext format="docx">'), "no known format"),
    (
        "a single answer",
        sub(r"(<question type=\"multichoice\">.*?)<answer .*?</answer>\s*<answer .*?</answer>", r"\1"),
        "answer(s)",
    ),
    ("a yes instead of true", sub(r"<single>true</single>", "<single>yes</single>"), "<single> is 'yes'"),
    ("a duplicate id number", sub(r"honesty.repair-date", "honesty.fee-left-out"), "used twice"),
    ("another root", sub(r"<quiz>(.*)</quiz>", r"<questions>\1</questions>"), "the root is <questions>"),
]


@pytest.mark.parametrize(("name", "edit", "expected"), BROKEN_MOODLE, ids=[b[0] for b in BROKEN_MOODLE])
def test_the_moodle_validator_rejects_a_broken_file(
    honesty: tuple[dict[str, bytes], bytes], name: str, edit: Edit, expected: str
) -> None:
    broken = edit(honesty[1].decode())
    assert broken != honesty[1].decode(), "the edit applies"
    problems = lms.validate_moodle(broken.encode())
    assert any(expected in problem for problem in problems), problems


# --- what only an LMS cannot take ---------------------------------------------------------------

ELEVEN = "? Which two are right? { #pick-two .multiple }\n" + "".join(f"- [x] Answer {n}\n" for n in range(11))


def test_a_question_moodle_cannot_score_is_a_content_problem_with_its_line(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    for locale in LOCALES:
        path = docs / "principles" / f"alpha{suffix(locale)}.md"
        text = path.read_text(encoding="utf-8")
        path.write_text(
            re.sub(r"\? Which two are right\?.*?- \[ \] Three\n", ELEVEN, text, flags=re.S), encoding="utf-8"
        )
    stamp_all(docs)
    catalog = Catalog.load(docs, tmp_path)
    problems = lms.check_sources(catalog)
    english = [p for p in problems if p.path == "docs/principles/alpha.md"]
    line = next(
        n
        for n, t in enumerate((docs / "principles/alpha.md").read_text(encoding="utf-8").split("\n"), 1)
        if "#pick-two" in t
    )
    assert [(p.line, "Moodle cannot score" in p.message) for p in english] == [(line, True)]
    assert str(english[0]).startswith(f"docs/principles/alpha.md:{line}: the question '#pick-two' has 11 right answers")
    assert {p.path for p in problems} == {f"docs/principles/alpha{suffix(locale)}.md" for locale in LOCALES}
