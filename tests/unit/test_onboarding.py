"""The onboarding path: its one parser, the page check, and the Markdown extension."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

import check_content
from handbook import onboarding
from handbook.catalog import Catalog, load_strings
from handbook.checks import content_problems
from handbook.onboarding import Entry, PathError, parse_lines
from tests.fixture_site import LOCALES, add_assessment, add_protocol, simple_page, stamp_all, suffix, write_docs

ROOT = Path(__file__).resolve().parents[2]


def lines(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.split("\n"), start=1))


def test_the_parser_reads_steps_and_ids_with_their_lines() -> None:
    parsed = parse_lines(
        lines("Intro.\n\n/// path\n- alpha\n\n- greeting\n///\n\n## Next { #next }\n\n/// path\n* assessment\n///"),
        "x.md",
    )
    assert parsed.problems == []
    assert [[entry.id for entry in step.entries] for step in parsed.steps] == [["alpha", "greeting"], ["assessment"]]
    assert parsed.entries[0] == Entry("alpha", 4) and parsed.steps[1].line == 11


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("/// path\n- alpha\n", 1, "never closed"),
        ("/// path\n///", 1, "lists no pages"),
        ("/// path\n- alpha\n- alpha\n///", 3, "on the path twice (first on line 2)"),
        ("/// path\n- Alpha Beta\n///", 2, "unexpected line"),
        ("/// path\n- Alpha\n///", 2, "is not a page id"),
        ("/// path\n1. alpha\n///", 2, "unexpected line"),
        ("/// path\n- alpha\n/// quiz\n///", 3, "a block starts inside the path"),
    ],
)
def test_syntax_mistakes_are_reported_with_their_line(text: str, line: int, fragment: str) -> None:
    problems = parse_lines(lines(text), "docs/onboarding/index.md").problems
    assert problems, text
    assert problems[0].line == line and fragment in problems[0].message
    assert problems[0].fix


def onboarding_tree(tmp_path: Path, english_body: str | None = None) -> Path:
    docs = write_docs(tmp_path / "docs")
    add_protocol(docs)
    add_assessment(docs)
    body = english_body or (
        "## First { #first }\n\n/// path\n- alpha\n- greeting\n///\n\n## Then { #then }\n\n/// path\n- beta\n- assessment\n///\n"
    )
    for locale in LOCALES:
        (docs / "onboarding" / f"index{suffix(locale)}.md").write_text(
            simple_page("onboarding", locale, body), encoding="utf-8"
        )
    stamp_all(docs)
    return docs


def test_a_complete_path_checks_clean(tmp_path: Path) -> None:
    docs = onboarding_tree(tmp_path)
    assert content_problems(Catalog.load(docs, tmp_path)) == []


@pytest.mark.parametrize(
    ("body", "line", "fragment"),
    [
        # beta is missing: reported at the last entry, with the line to add
        (
            "/// path\n- alpha\n- greeting\n- assessment\n///\n",
            12,
            "the principle 'beta' is not on the onboarding path",
        ),
        ("/// path\n- alpha\n- beta\n- assessment\n///\n", 12, "the protocol 'greeting' is not on the onboarding path"),
        ("/// path\n- alpha\n- beta\n- greeting\n///\n", 12, "the final assessment is not on the onboarding path"),
        ("/// path\n- alpha\n- assessment\n- beta\n- greeting\n///\n", 11, "not the last entry"),
        (
            "/// path\n- alpha\n- gamma\n- beta\n- greeting\n- assessment\n///\n",
            11,
            "'gamma' is neither a principle nor a protocol",
        ),
    ],
)
def test_path_mistakes_fail_the_content_check_with_path_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, line: int, fragment: str
) -> None:
    docs = onboarding_tree(tmp_path, body)
    assert check_content.main(["--docs-dir", str(docs)]) == 1
    out = capsys.readouterr().out
    matching = [
        row for row in out.splitlines() if row.startswith(f"docs/onboarding/index.md:{line}: ") and fragment in row
    ]
    assert matching, out
    assert " — " in matching[0] and "Traceback" not in out


def test_a_path_block_outside_the_onboarding_page_is_an_error(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    (docs / "principles" / "alpha.md").write_text(
        (docs / "principles" / "alpha.md").read_text(encoding="utf-8") + "\n/// path\n- beta\n///\n", encoding="utf-8"
    )
    problems = content_problems(Catalog.load(docs, tmp_path))
    assert [p.message for p in problems if p.code == "onboarding"] == ["a path block outside the onboarding page"]


def test_a_translation_with_another_order_fails_the_translation_check(tmp_path: Path) -> None:
    from handbook.translations import check_translations

    docs = onboarding_tree(tmp_path)
    hungarian = docs / "onboarding" / "index.hu.md"
    hungarian.write_text(
        hungarian.read_text(encoding="utf-8").replace("- alpha\n- greeting", "- greeting\n- alpha"), encoding="utf-8"
    )
    problems = check_translations(Catalog.load(docs, tmp_path)).problems
    assert any(p.path == "docs/onboarding/index.hu.md" and "onboarding path" in p.message for p in problems), problems


def render(text: str, locale: str = "hu") -> BeautifulSoup:
    targets = {
        "alpha": ("principle", "Alfa", "principles/alpha.md"),
        "greeting": ("protocol", "Köszönés", "protocols/greeting.md"),
        "beta": ("principle", "Béta", "principles/beta.md"),
        "assessment": ("assessment", "Záróteszt", "onboarding/assessment.md"),
    }
    html = markdown.markdown(
        text,
        extensions=["attr_list", "handbook.onboarding"],
        extension_configs={"handbook.onboarding": {"locale": locale, "targets": targets}},
    )
    return BeautifulSoup(html, "html.parser")


def test_the_extension_renders_numbered_links_in_the_page_language() -> None:
    words = load_strings()["hu"]["path"]
    html = render(
        "Intro.\n\n## Egy { #first }\n\n/// path\n- alpha\n- greeting\n///\n\n## Kettő { #then }\n\n/// path\n- beta\n- assessment\n///\n"
    )
    lists = html.select("ol.handbook-path")
    assert [ol.get("start") for ol in lists] == [None, "3"]  # numbering runs on across steps
    items = html.select("li.handbook-path__item")
    assert [(li["data-kind"], li["data-id"]) for li in items] == [
        ("principle", "alpha"),
        ("protocol", "greeting"),
        ("principle", "beta"),
        ("assessment", "assessment"),
    ]
    assert [li.a["href"] for li in items] == [
        "../principles/alpha.md",
        "../protocols/greeting.md",
        "../principles/beta.md",
        "assessment.md",
    ]
    assert [li.a.get_text() for li in items] == ["Alfa", "Köszönés", "Béta", "Záróteszt"]
    assert items[1].select_one(".handbook-path__kind").get_text() == words["protocol"]
    assert items[3].select_one(".handbook-path__kind") is None  # its title says what it is
    # progress and reset: once, hidden until the script finds storage, before the first step's heading
    controls = html.select(".handbook-path__controls")
    assert len(controls) == 1 and controls[0].has_attr("hidden")
    assert controls[0].find_next_sibling("h2")["id"] == "first"
    assert controls[0].select_one("[role=status]")["data-progress"] == words["progress"]
    assert controls[0].button.get_text() == words["reset"]
    assert all(status.has_attr("hidden") for status in html.select(".handbook-path__status"))


def test_numbering_starts_again_on_each_page() -> None:
    md = markdown.Markdown(
        extensions=["handbook.onboarding"],
        extension_configs={"handbook.onboarding": {"locale": "en", "targets": {}}},
    )
    first = BeautifulSoup(md.convert("/// path\n- alpha\n- beta\n///\n"), "html.parser")
    md.reset()
    second = BeautifulSoup(md.convert("/// path\n- alpha\n///\n"), "html.parser")
    assert first.ol.get("start") is None and second.ol.get("start") is None


def test_a_broken_block_never_renders_half_a_path() -> None:
    with pytest.raises(PathError, match="line 3 of the onboarding path: 'alpha' is on the path twice"):
        render("/// path\n- alpha\n- alpha\n///\n")


def test_the_real_path_lists_every_principle_and_protocol_once_and_ends_with_the_assessment() -> None:
    catalog = Catalog.load(ROOT / "docs", ROOT)
    page = catalog.page("onboarding/index.md", "en")
    assert page is not None
    ids = [entry.id for entry in onboarding.parse_page(page).entries]
    assert sorted(ids) == sorted([*catalog.principle_ids, *catalog.protocol_ids, "assessment"])
    assert ids[-1] == "assessment" and len(ids) == len(set(ids))
    assert 3 <= len(onboarding.parse_page(page).steps) <= 6  # "a few steps"
