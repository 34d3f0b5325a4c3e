"""`make check` (scripts/check.py) on a copy of the real handbook, one mistake per test.

The real handbook is the clean baseline: it is copied once per module (and checked
once, which also fills the Markdown-style cache every later copy starts from); each
test copies that tree, introduces one mistake, runs the real CLI entry point and
asserts the exit code and the exact ``docs/...:LINE:`` of the message. A few unit
tests pin what the spelling and typography checks read, where editors rely on it.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

import check
from handbook import spelling, typography
from handbook.catalog import Catalog
from handbook.checks import run_checks
from handbook.pages import Page, parse_page
from handbook.prose import HOLE, page_prose
from tests.fixture_site import copy_real_project, run_make_check

ROOT = Path(__file__).resolve().parents[2]

HONESTY_HU = "docs/principles/honesty.hu.md"
HONESTY_ES = "docs/principles/honesty.es.md"
HONESTY_PT = "docs/principles/honesty.pt.md"


@dataclass(frozen=True)
class Baseline:
    root: Path
    code: int
    out: str


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Baseline:
    root = copy_real_project(tmp_path_factory.mktemp("handbook") / "project")
    code, out = run_make_check(root)
    return Baseline(root, code, out)


@pytest.fixture
def project(baseline: Baseline, tmp_path: Path) -> Path:
    return Path(shutil.copytree(baseline.root, tmp_path / "project"))


def replace(project: Path, rel: str, old: str, new: str) -> int:
    """Replace the one occurrence of ``old`` in a file; return the line it starts on."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {rel} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def replace_line(project: Path, rel: str, prefix: str, new: str | None) -> int:
    """Replace (or delete, with None) the first line starting with ``prefix``; return its number."""
    path = project / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith(prefix))
    if new is None:
        del lines[number]
    else:
        lines[number] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


def problem_rows(out: str) -> list[str]:
    """The `path:line: problem — fix` lines (not the summary)."""
    return [row for row in out.splitlines() if " — " in row and not row.startswith(" ")]


def reported(out: str, path: str, line: int, fragment: str) -> list[str]:
    return [row for row in problem_rows(out) if row.startswith(f"{path}:{line}: ") and fragment in row]


def test_the_untouched_copy_exits_0(baseline: Baseline) -> None:
    assert baseline.code == 0, baseline.out
    assert not [row for row in problem_rows(baseline.out) if "warning: " not in row], baseline.out
    assert "checked " in baseline.out and "Traceback" not in baseline.out


MISTAKES = [
    # id, file, text, replaced by, message fragment (on the line of the text)
    (
        "hungarian-spelling",
        HONESTY_HU,
        "Az ügyfelek sok",
        "Az ügyfelekk sok",
        "'ügyfelekk' is not in the hu_HU dictionary — did you mean 'ügyfelek'",
    ),
    (
        "spanish-spelling",
        HONESTY_ES,
        "Si no sabes la respuesta,",
        "Si no sabes la respuetsa,",
        "'respuetsa' is not in the es_MX dictionary",
    ),
    (
        "portuguese-spelling",
        HONESTY_PT,
        "a decisão do cliente.",
        "a decisao do cliente.",
        "'decisao' is not in the pt_BR dictionary",
    ),
    (
        "spanish-broken-anchor",
        "docs/protocols/answering-the-phone.es.md",
        "(../principles/professionalism.md#do)",
        "(../principles/professionalism.md#no-such-anchor)",
        "links to '#no-such-anchor', which docs/principles/professionalism.es.md does not have — use one of its "
        "anchors: ",
    ),
    (
        "link-to-a-missing-page",
        HONESTY_ES,
        "dilo y averígualo.",
        "dilo y [averígualo](../principles/no-such-page.md).",
        "links to '../principles/no-such-page.md', which is not a page of the handbook",
    ),
    (
        "template-text-in-hungarian",
        HONESTY_HU,
        "- Ha nem tudod a választ, ismerd be, és járj utána.",
        "- A concrete behaviour.",
        "template text left on the page: “A concrete behaviour.” — replace it with the page's own words in its language",
    ),
    (
        "spanish-terminology",
        HONESTY_ES,
        "por ejemplo un cobro equivocado, reconócelo",
        "por ejemplo una queja por un cobro equivocado, reconócelo",
        "'queja' is not the handbook's word for complaint — write 'reclamo' (or a form of it), as termbase.yml says",
    ),
    (
        "markdown-style-MD019",
        HONESTY_HU,
        "## A gyakorlatban",
        "##  A gyakorlatban",
        "Markdown style MD019 (no-multiple-space-atx)",
    ),
    (
        "markdown-style-MD009",
        HONESTY_HU,
        "hogy a cég rossz hírbe kerüljön.\n",
        "hogy a cég rossz hírbe kerüljön.   \n",
        "Markdown style MD009 (no-trailing-spaces)",
    ),
    (
        "markdown-style-MD004",
        HONESTY_HU,
        "- Ha a cég hibázott",
        "* Ha a cég hibázott",
        "Markdown style MD004 (ul-style): Inconsistent Unordered List Start style [Expected: dash; Actual: asterisk]",
    ),
]


def test_each_mistake_is_reported_once_with_its_file_and_line(project: Path) -> None:
    """All the mistakes above in one copy, one `make check`: each is reported on its own line and
    nowhere else (one run instead of one per mistake keeps the suite fast)."""
    where = [(path, replace(project, path, old, new), fragment) for _, path, old, new, fragment in MISTAKES]
    code, out = run_make_check(project)
    assert code == 1, out
    assert "Traceback" not in out
    for (name, *_), (path, line, fragment) in zip(MISTAKES, where, strict=True):
        assert len(reported(out, path, line, fragment)) == 1, (name, out)
    # nothing else is reported: no mistake leaks into another file or line (a template sentence
    # in Hungarian is also misspelled Hungarian, on its own line)
    lines = {f"{path}:{line}: " for path, line, _ in where}
    assert all(row.split(": ", 1)[0] + ": " in lines for row in problem_rows(out)), out


def test_straight_quotes_in_a_hungarian_paragraph(project: Path) -> None:
    opening = replace(project, HONESTY_HU, "„Igaza van", '"Igaza van')
    closing = replace(project, HONESTY_HU, "fogja látni.”", 'fogja látni."')
    assert closing == opening + 1  # the quotation spans two lines
    code, out = run_make_check(project)
    assert code == 1, out
    for line in (opening, closing):
        assert reported(
            out, HONESTY_HU, line, 'straight quotation marks (") — write „…”, the quotation marks of Hungarian'
        )
    assert len(problem_rows(out)) == 2, out


def test_a_missing_owner_is_a_front_matter_error_on_line_1(project: Path) -> None:
    replace_line(project, HONESTY_HU, "owner:", None)
    code, out = run_make_check(project)
    assert code == 1, out
    assert reported(
        out, HONESTY_HU, 1, "the front matter has no 'owner' — add a line like 'owner: \"@handbook/editors-hu\"'"
    )


def test_an_overdue_review_warns_and_names_the_owner(project: Path) -> None:
    line = replace_line(project, HONESTY_HU, "reviewed:", "reviewed: 2024-01-10")
    code, out = run_make_check(project)
    assert code == 0, out
    assert reported(
        out,
        HONESTY_HU,
        line,
        "warning: last reviewed 2024-01-10, more than 12 months ago; owner @handbook/editors-hu — @handbook/editors-hu: "
        "review the page",
    ), out
    assert "0 error(s), 1 warning(s)" in out


def test_a_review_date_in_the_future_is_an_error(project: Path) -> None:
    line = replace_line(project, HONESTY_HU, "reviewed:", "reviewed: 2999-01-01")
    code, out = run_make_check(project)
    assert code == 1, out
    assert reported(out, HONESTY_HU, line, "'reviewed' is 2999-01-01, a date in the future"), out


def test_a_word_misspelled_on_purpose_passes_on_the_page_that_lists_it(project: Path) -> None:
    """The spelling-ignore marker covers its own page only: the same slip elsewhere is still reported."""
    replace(project, HONESTY_HU, "Az ügyfelek sok", "Az ügyfelekk sok")
    replace(project, HONESTY_HU, "---\n\n## ", "---\n\n<!-- handbook:spelling-ignore ügyfelekk -->\n\n## ")
    other = "docs/principles/courtesy.hu.md"
    line = replace(project, other, "elégedetlen ügyfeleknek van a legnagyobb", "elégedetlen ügyfelekk van a legnagyobb")
    code, out = run_make_check(project)
    assert code == 1, out
    assert [row.split(" — ")[0] for row in problem_rows(out)] == [
        f"{other}:{line}: 'ügyfelekk' is not in the hu_HU dictionary"
    ], out


def test_names_pass_once_in_the_word_list_with_their_hungarian_endings(project: Path, tmp_path: Path) -> None:
    # Hunspell knows neither name, and a plain entry does not give a name its endings
    assert not any(v.ok for v in spelling.check_words(["Joaquín", "Valentina", "Valentinának"], "hu").values())
    plain = tmp_path / "plain.txt"
    plain.write_text("Valentina\n", encoding="utf-8")
    assert not spelling.check_words(["Valentinának"], "hu", plain)["Valentinának"].ok
    replace(project, HONESTY_HU, "Márta azért telefonál", "Valentina azért telefonál")
    replace(project, HONESTY_HU, "Dániel, az ügyintéző", "Joaquín, az ügyintéző")
    replace(project, HONESTY_HU, "ezt mondja: „Igaza", "ezt mondja Valentinának: „Igaza")
    word_list = project / "spelling" / "hu.txt"
    word_list.write_text(word_list.read_text(encoding="utf-8") + "Joaquín\nValentina/Anna\n", encoding="utf-8")
    code, out = run_make_check(project)
    assert code == 0, out
    assert not problem_rows(out), out


def test_changed_reports_spelling_only_on_the_given_files(project: Path) -> None:
    es_line = replace(project, HONESTY_ES, "Si no sabes la respuesta,", "Si no sabes la respuetsa,")
    replace(project, HONESTY_HU, "Az ügyfelek sok", "Az ügyfelekk sok")
    code, out = run_make_check(project, "--changed", str(project / HONESTY_ES))
    assert code == 1, out
    assert [row.split(" — ")[0] for row in problem_rows(out)] == [
        f"{HONESTY_ES}:{es_line}: 'respuetsa' is not in the es_MX dictionary"
    ], out
    code, out = run_make_check(project, "--changed", str(project / HONESTY_PT))
    assert code == 0, out
    assert not problem_rows(out), out


def test_an_unknown_option_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as usage:
        check.main(["--no-such-option"])
    assert usage.value.code == 2


def test_a_docs_dir_that_is_not_a_folder_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as usage:
        check.main(["--docs-dir", str(tmp_path / "nowhere")])
    assert usage.value.code == 2
    assert "is not a folder" in capsys.readouterr().err


def test_a_broken_link_in_a_wrapped_quiz_explanation_is_reported_once(project: Path) -> None:
    """The quiz check names the explanation's first line, the link check the link's own line: still one report."""
    # the explanation starts two lines before: "Antes de salir de vacaciones, ...\n... consulta\n[qué hacer](#do)"
    replace(
        project,
        "docs/principles/accessibility.es.md",
        "con esa persona: consulta\n[qué hacer](#do)",
        "con esa persona: consulta\n[qué hacer](#no-such-anchor)",
    )
    report = run_checks(Catalog.load(project / "docs", project))
    broken = [p for p in report.errors if "links to '#no-such-anchor'" in p.message]
    assert len(broken) == 1, "\n".join(map(str, broken))


# --- what the checks read: pure functions -----------------------------------------------------------------------

FRONT = (
    '---\nid: p\ntitle: {title}\nsummary: {summary}\nowner: "@handbook/editors-{locale}"\nreviewed: 2026-11-22\n---\n\n'
)


def make_page(body: str, locale: str, *, title: str = "Title", summary: str = "A summary.") -> Page:
    suffix = "" if locale == "en" else f".{locale}"
    page = Page(
        path=Path(f"/nowhere/docs/p{suffix}.md"),
        rel=f"p{suffix}.md",
        display=f"docs/p{suffix}.md",
        locale=locale,
        source_rel="p.md",
    )
    assert parse_page(FRONT.format(title=title, summary=summary, locale=locale) + body, page) == []
    return page


def test_prose_skips_code_urls_anchors_path_ids_and_block_options() -> None:
    page = make_page(
        "## Qué hacer { #do }\n"
        "\n"
        "Usa `print(x)` y visita https://example.com/a?b=1 o <https://example.org>.\n"
        "\n"
        "/// path\n"
        "- honesty\n"
        "- courtesy\n"
        "///\n"
        "\n"
        "/// assessment | pass 80%\n"
        "? Una pregunta { #first-question }\n"
        "- [x] Sí\n"
        "///\n",
        "es",
        title="Título",
        summary="Un resumen.",
    )
    assert [(p.line, p.text, p.where) for p in page_prose(page)] == [
        (3, "Título", "title"),
        (4, "Un resumen.", "summary"),
        (9, "Qué hacer", "body"),
        (11, f"Usa {HOLE} y visita {HOLE} o {HOLE}.", "body"),
        (19, "Una pregunta", "body"),
        (20, "Sí", "body"),
    ]


def test_text_marked_lang_es_is_checked_in_spanish(tmp_path: Path) -> None:
    page = make_page(
        "Our source is the *Manual de Ética del Servicio*{ lang=es }.\n"
        "\n"
        "Its sequel is the *Manual de Étika*{ lang=es }, and then Ética.\n",
        "en",
    )
    assert [(p.text, p.lang) for p in page_prose(page) if p.line == 11] == [
        ("Its sequel is the  , and then Ética.", None),
        ("Manual de Étika", "es"),
    ]
    catalog = Catalog(docs_dir=tmp_path / "docs", project_root=tmp_path, pages=[page])
    found = sorted((p.line, p.message) for p in spelling.check(catalog))
    assert found == [
        (11, "'Ética' is not in the en_GB dictionary"),  # outside the marked span it is English text
        (11, "'Étika' is not in the es_MX dictionary"),
    ]


def test_spanish_verbs_with_attached_pronouns_pass() -> None:
    verdicts = spelling.check_words(["préstale", "resúmelo", "reenvíala", "respondrle"], "es")
    assert {word: verdict.ok for word, verdict in verdicts.items()} == {
        "préstale": True,
        "resúmelo": True,
        "reenvíala": True,
        "respondrle": False,  # the verb itself must exist: 'respondr' does not
    }


def test_a_doubled_word_across_a_line_break_is_caught() -> None:
    page = make_page("Say it to the\nthe customer, then listen.\n", "en")
    assert [(p.line, p.message) for p in typography.check_page(page)] == [(10, "the word 'the' twice in a row")]


def test_hungarian_egy_egy_and_az_az_are_not_doubles() -> None:
    page = make_page(
        "Egy-egy ügyfél azt kérdezi, és az az ügyfél, aki kérdez, választ kap.\nAz ügyfél ügyfél marad.\n", "hu"
    )
    assert [(p.line, p.message) for p in typography.check_page(page)] == [(10, "the word 'ügyfél' twice in a row")]


def test_list_items_in_a_row_are_not_one_sentence() -> None:
    page = make_page(
        "/// quiz\n"
        "? Can you promise the date? { #promise }\n"
        "- [ ] Yes\n"
        "- [x] No\n"
        "- [ ] No, but say it anyway.\n"
        "\n"
        "See [what to do](#do).\n"
        "///\n"
        "\n"
        "- Call back\n"
        "- Back up the notes.\n",
        "en",
    )
    assert typography.check_page(page) == []
