"""The LMS exports against the built site, and `make lms` on a broken quiz.

The site's answer key is what its quiz.js scores: each rendered question's
``data-question`` and ``data-key`` (and the assessment's ``data-pass``). Read back
from the files alone, the QTI packages and the Moodle XML carry the same, in
every language.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import build_lms
from handbook import lms
from handbook.locales import LOCALE_CODES
from tests.conftest import ROOT, BuiltSite
from tests.fixture_site import copy_real_project
from tests.site.test_site import CATALOG, built_path, soup


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("lms-site") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(build_lms.SITE_URL_ENV, raising=False)
        assert build_lms.main(["--site-dir", str(site)]) == 0
    return site / lms.OUTPUT_DIR


def site_key(site: BuiltSite, source_rel: str, locale: str) -> tuple[dict[str, tuple[str, bool, int]], int | None]:
    """Each rendered question's (right letters, multiple?, number of answers), and the pass mark if shown."""
    english = CATALOG.page(source_rel, "en")
    assert english is not None
    html = soup(built_path(site.root, locale, english.url))
    questions = {
        question["data-question"]: (
            question["data-key"],
            question["data-kind"] == "multiple",
            len(question.select("input")),
        )
        for question in html.select("article .handbook-quiz__question")
    }
    result = html.select_one(".handbook-quiz__result[data-pass]")
    return questions, int(result["data-pass"]) if result is not None else None


@pytest.mark.parametrize("locale", LOCALE_CODES)
def test_the_lms_answer_keys_equal_the_sites(built_site: BuiltSite, exported: Path, locale: str) -> None:
    pages = lms.source_pages(CATALOG, locale)
    assert len(pages) == len(CATALOG.principles()) + 1, "every principle's quiz and the assessment"
    for page in pages:
        questions, shown_pass = site_key(built_site, page.source_rel, locale)
        assert questions, f"{page.display} shows a quiz"
        for reader, name in ((lms.read_qti, page.stem + ".qti.zip"), (lms.read_moodle, page.stem + ".moodle.xml")):
            key = reader((exported / locale / name).read_bytes())
            exported_questions = {
                qid: (",".join(sorted(k.right)), k.multiple, k.answers) for qid, k in key.questions.items()
            }
            assert exported_questions == questions, f"{locale}/{name}"
            assert list(key.questions) == list(questions), f"{locale}/{name}: the site's order"
            # the assessment shows its pass mark; a principle's quiz is done when every answer is right
            assert key.pass_mark == (shown_pass if page.source_rel == lms.ASSESSMENT else 100), f"{locale}/{name}"


def test_a_malformed_quiz_stops_make_lms_with_path_and_line(tmp_path: Path) -> None:
    project = copy_real_project(tmp_path / "project")
    broken = project / "docs" / "principles" / "honesty.hu.md"
    lines = broken.read_text(encoding="utf-8").split("\n")
    question = next(n for n, line in enumerate(lines) if line.startswith("? "))
    right = next(n for n in range(question, len(lines)) if lines[n].startswith("- [x]"))
    lines[right] = lines[right].replace("- [x]", "- [ ]", 1)  # the first question loses its right answer
    broken.write_text("\n".join(lines), encoding="utf-8")
    site = tmp_path / "site"
    command = [sys.executable, str(ROOT / "scripts" / "build_lms.py"), "--docs-dir", str(project / "docs")]
    result = subprocess.run([*command, "--site-dir", str(site)], capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stderr
    assert f"docs/principles/honesty.hu.md:{question + 1}: the question '#fee-left-out' has no right answer — " in (
        result.stderr
    )
    assert "Traceback" not in result.stderr
    assert "nothing was written" in result.stderr
    assert not site.exists(), "nothing is written"
