"""The translation check, one fixture tree per failure.

Every test runs the real CLI entry point and asserts the exit code and the
exact file named in the message.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import check_translations
import new_page
from handbook.catalog import Catalog
from handbook.translations import check_translations as run_translation_check
from handbook.translations import revision, stamp_text
from tests.fixture_site import LOCALES, add_protocol, suffix, write_docs


def stamped_tree(tmp_path: Path) -> Path:
    docs = write_docs(tmp_path / "docs")
    translations = [p for p in docs.rglob("*.md") if p.name.count(".") == 2]
    assert check_translations.main(["--docs-dir", str(docs), "--stamp", *map(str, translations)]) == 0
    return docs


def run(docs: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    capsys.readouterr()
    code = check_translations.main(["--docs-dir", str(docs), *extra])
    return code, capsys.readouterr().out


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


Breaker = Callable[[Path], None]


def missing(docs: Path) -> None:
    (docs / "principles" / "alpha.hu.md").unlink()


def orphan(docs: Path) -> None:
    (docs / "principles" / "gamma.es.md").write_text((docs / "principles" / "alpha.es.md").read_text(encoding="utf-8"))


def unknown_locale(docs: Path) -> None:
    (docs / "principles" / "alpha.fr.md").write_text((docs / "principles" / "alpha.es.md").read_text(encoding="utf-8"))


def id_mismatch(docs: Path) -> None:
    edit(docs / "principles" / "alpha.pt.md", "id: alpha", "id: beta")


def related_mismatch(docs: Path) -> None:
    edit(docs / "principles" / "beta.es.md", "related: [alpha]", "related: []")


def anchor_mismatch(docs: Path) -> None:
    edit(docs / "principles" / "alpha.es.md", "{ #do }", "{ #hacer }")


def step_mismatch(docs: Path) -> None:
    add_protocol(docs)
    edit(docs / "protocols" / "greeting.hu.md", "{ #listen }", "{ #figyelj }")


def why_link_mismatch(docs: Path) -> None:
    add_protocol(docs)
    edit(docs / "protocols" / "greeting.pt.md", "alpha.md#why-it-matters", "alpha.md#do")


def principles_mismatch(docs: Path) -> None:
    add_protocol(docs)
    edit(docs / "protocols" / "greeting.es.md", "principles: [alpha]", "principles: [alpha, beta]")


def quiz_key_mismatch(docs: Path) -> None:
    edit(
        docs / "principles" / "alpha.pt.md",
        "- [ ] This\n    Not this one: it skips the thing.\n- [x] That",
        "- [x] This\n    Not this one: it skips the thing.\n- [ ] That",
    )


def quiz_answer_count(docs: Path) -> None:
    edit(docs / "principles" / "alpha.es.md", "- [ ] Neither\n", "")


def quiz_id_mismatch(docs: Path) -> None:
    edit(docs / "principles" / "alpha.hu.md", "{ #pick-two .multiple }", "{ #valassz-kettot .multiple }")


def quiz_kind_mismatch(docs: Path) -> None:
    edit(docs / "principles" / "alpha.es.md", "{ #pick-two .multiple }", "{ #pick-two }")


def quiz_feedback_mismatch(docs: Path) -> None:
    edit(docs / "principles" / "alpha.pt.md", "    Not this one: it skips the thing.\n", "")


def quiz_explanation_mismatch(docs: Path) -> None:
    edit(docs / "principles" / "alpha.hu.md", "See [what not to do](#dont).", "See [what to do](#do).")


def untranslated(docs: Path) -> None:
    (docs / "principles" / "alpha.hu.md").unlink()
    assert new_page.main(["principles/alpha.md", "--locale", "hu", "--docs-dir", str(docs)]) == 0


def bad_yaml(docs: Path) -> None:
    edit(docs / "principles" / "beta.hu.md", "summary: Summary of beta in hu.", "summary: [unclosed")


def not_utf8(docs: Path) -> None:
    path = docs / "principles" / "beta.pt.md"
    path.write_bytes(path.read_text(encoding="utf-8").replace("Summary", "Resumo ação").encode("cp1252"))


FAILURES = [
    # id, breaker, file named, line, message fragment
    ("missing", missing, "docs/principles/alpha.hu.md", 0, "missing Hungarian translation of docs/principles/alpha.md"),
    (
        "orphan",
        orphan,
        "docs/principles/gamma.es.md",
        0,
        "orphan translation: there is no English page principles/gamma.md",
    ),
    ("unknown-locale", unknown_locale, "docs/principles/alpha.fr.md", 0, "'fr' is not a language of this handbook"),
    ("id-mismatch", id_mismatch, "docs/principles/alpha.pt.md", 2, '\'id\' is "beta" here but "alpha"'),
    ("related-mismatch", related_mismatch, "docs/principles/beta.es.md", 6, "'related' is [] here but [\"alpha\"]"),
    (
        "anchor-mismatch",
        anchor_mismatch,
        "docs/principles/alpha.es.md",
        19,
        "headings: the 3rd is heading 'Do' (h3#hacer) here but",
    ),
    (
        "step-id-mismatch",
        step_mismatch,
        "docs/protocols/greeting.hu.md",
        17,
        "checklist steps: the 2nd is checklist step '#figyelj' (figyelj) here but checklist step '#listen' (listen) in docs/protocols/greeting.md:16",
    ),
    (
        "why-link-mismatch",
        why_link_mismatch,
        "docs/protocols/greeting.pt.md",
        18,
        "checklist why links: the 2nd is the why of step '#listen' (#listen → ../principles/alpha.md#do) here but",
    ),
    (
        "principles-mismatch",
        principles_mismatch,
        "docs/protocols/greeting.es.md",
        5,
        '\'principles\' is ["alpha", "beta"] here but ["alpha"] in docs/protocols/greeting.md',
    ),
    (
        "quiz-answer-key",
        quiz_key_mismatch,
        "docs/principles/alpha.pt.md",
        32,
        "(#which-is-right: single-choice, 3 answers, right: a, feedback on: a) here but a quiz question "
        "(#which-is-right: single-choice, 3 answers, right: b, feedback on: a) in docs/principles/alpha.md:31",
    ),
    (
        "quiz-answer-count",
        quiz_answer_count,
        "docs/principles/alpha.es.md",
        32,
        "(#which-is-right: single-choice, 2 answers, right: b, feedback on: a) here",
    ),
    (
        "quiz-question-id",
        quiz_id_mismatch,
        "docs/principles/alpha.hu.md",
        40,
        "(#valassz-kettot: multiple-choice, 3 answers, right: a,b, feedback on: none) here but a quiz question (#pick-two:",
    ),
    (
        "quiz-kind",
        quiz_kind_mismatch,
        "docs/principles/alpha.es.md",
        40,
        "(#pick-two: single-choice, 3 answers, right: a,b, feedback on: none) here",
    ),
    (
        "quiz-feedback",
        quiz_feedback_mismatch,
        "docs/principles/alpha.pt.md",
        32,
        "feedback on: none) here but a quiz question (#which-is-right: single-choice, 3 answers, right: b, feedback on: a)",
    ),
    (
        "quiz-explanation-links",
        quiz_explanation_mismatch,
        "docs/principles/alpha.hu.md",
        45,
        "quiz explanation links: the 2nd is a question's explanation (#pick-two → #do) here but a question's "
        "explanation (#pick-two → #dont) in docs/principles/alpha.md:44",
    ),
    (
        "untranslated",
        untranslated,
        "docs/principles/alpha.hu.md",
        12,
        "is not written yet (it still has the translate-me marker)",
    ),
    ("bad-yaml", bad_yaml, "docs/principles/beta.hu.md", 4, "not valid YAML"),
    ("not-utf8", not_utf8, "docs/principles/beta.pt.md", 4, "not valid UTF-8"),
]


@pytest.mark.parametrize(
    ("breaker", "path", "line", "fragment"), [f[1:] for f in FAILURES], ids=[f[0] for f in FAILURES]
)
def test_each_failure_exits_1_and_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], breaker: Breaker, path: str, line: int, fragment: str
) -> None:
    docs = stamped_tree(tmp_path)
    assert run(docs, capsys) == (0, run(docs, capsys)[1])  # clean before breaking it
    breaker(docs)
    code, out = run(docs, capsys)
    assert code == 1, out
    where = f"{path}:{line}: " if line else f"{path}: "
    matching = [row for row in out.splitlines() if row.startswith(where) and fragment in row]
    assert matching, out
    assert " — " in matching[0]
    assert "Traceback" not in out


def test_clean_tree_exits_0_with_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = stamped_tree(tmp_path)
    code, out = run(docs, capsys)
    assert code == 0
    assert "Hungarian (hu)" in out and "all clear" in out
    row = next(line for line in out.splitlines() if line.startswith("Hungarian (hu)"))
    assert row.split()[2:] == ["11", "11", "0", "0", "100.0"]  # pages complete stale missing %


def test_stale_translation_warns_and_fails_only_with_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = stamped_tree(tmp_path)
    edit(docs / "principles" / "alpha.md", "Because it matters.", "Because it matters a lot.")
    code, out = run(docs, capsys)
    assert code == 0
    stale = sorted(line.split(":")[0] for line in out.splitlines() if "stale translation" in line)
    assert stale == [f"docs/principles/alpha.{code}.md" for code in ("es", "hu", "pt")]
    assert "warning: stale translation: it was made from an older English version" in out
    strict_code, _ = run(docs, capsys, "--strict")
    assert strict_code == 1
    # stamping one translation makes it current again
    assert check_translations.main(["--docs-dir", str(docs), "--stamp", str(docs / "principles" / "alpha.hu.md")]) == 0
    _, out = run(docs, capsys)
    assert "docs/principles/alpha.hu.md" not in out
    assert "docs/principles/alpha.es.md" in out


def test_json_output_has_the_same_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = stamped_tree(tmp_path)
    missing(docs)
    code, out = run(docs, capsys, "--json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False
    assert [p["path"] for p in data["problems"]] == ["docs/principles/alpha.hu.md"]
    assert data["problems"][0]["code"] == "missing-translation"
    hungarian = next(row for row in data["languages"] if row["locale"] == "hu")
    assert hungarian == {"locale": "hu", "pages": 11, "complete": 10, "stale": 0, "missing": 1, "percent": 90.9}


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as unknown_flag:
        check_translations.main(["--no-such-flag"])
    assert unknown_flag.value.code == 2
    with pytest.raises(SystemExit) as no_docs:
        check_translations.main(["--docs-dir", str(tmp_path / "nowhere")])
    assert no_docs.value.code == 2
    assert "is not a folder" in capsys.readouterr().err


def test_revision_ignores_review_dates_but_not_content(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    before = revision(Catalog.load(docs, tmp_path).page("principles/alpha.md", "en"))  # type: ignore[arg-type]
    edit(docs / "principles" / "alpha.md", "reviewed: 2026-11-22", "reviewed: 2026-12-01")
    assert revision(Catalog.load(docs, tmp_path).page("principles/alpha.md", "en")) == before  # type: ignore[arg-type]
    edit(docs / "principles" / "alpha.md", "Summary of alpha in en.", "A new summary.")
    assert revision(Catalog.load(docs, tmp_path).page("principles/alpha.md", "en")) != before  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\nid: a\n---\nbody\n", '---\nid: a\ntranslated_from: "0123456789ab"\n---\nbody\n'),
        (
            "---\nid: a\ntranslated_from: ffffffffffff\ntitle: T\n---\n",
            '---\nid: a\ntranslated_from: "0123456789ab"\ntitle: T\n---\n',
        ),
    ],
)
def test_stamp_text_sets_or_replaces_the_revision(text: str, expected: str) -> None:
    assert stamp_text(text, "0123456789ab") == expected


def test_scaffold_creates_all_languages_that_count_as_missing(tmp_path: Path) -> None:
    docs = stamped_tree(tmp_path)
    assert new_page.main(["principles/kindness.md", "--docs-dir", str(docs)]) == 0
    for locale in LOCALES:
        assert (docs / "principles" / f"kindness{suffix(locale)}.md").is_file()
    report = run_translation_check(Catalog.load(docs, tmp_path))
    untranslated = sorted(p.path for p in report.problems if p.code == "untranslated")
    assert untranslated == [f"docs/principles/kindness.{code}.md" for code in ("es", "hu", "pt")]


def test_an_all_digit_revision_stays_text(tmp_path: Path) -> None:
    from handbook.pages import Page, parse_page

    page = Page(path=tmp_path / "x.hu.md", rel="x.hu.md", display="x.hu.md", locale="hu", source_rel="x.md")
    assert parse_page(stamp_text("---\nid: x\n---\n", "776130417005"), page) == []
    assert page.meta["translated_from"] == "776130417005"
