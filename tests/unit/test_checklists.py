"""The checklist parser and the protocol rules, as tables of good and bad inputs.

The parser is the one the renderer and the translation check use, so what is
tested here is what is published.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import markdown
import pytest

import check_content
from handbook.catalog import Catalog
from handbook.checklists import ChecklistError, parse_lines
from handbook.checks import content_problems
from handbook.pages import Page, parse_page
from tests.fixture_site import LOCALES, PROTOCOL_STEPS, add_protocol, principle_text, suffix, write_docs


def lines(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.strip("\n").split("\n"), start=1))


GOOD = [
    # (id, block, [(step id, text, why)])
    (
        "numbered",
        "/// checklist\n1. Greet. { #greet }\n   Why [a](../principles/a.md#do).\n2. Listen. { #listen }\n   Because.\n///",
        [("greet", "Greet.", "Why [a](../principles/a.md#do)."), ("listen", "Listen.", "Because.")],
    ),
    (
        "bullets-blank-lines-and-a-two-line-why",
        "/// checklist\n\n- Greet. {#greet}\n  First line\n  second line.\n\n* Listen. { #listen }\n\tTab why.\n\n///",
        [("greet", "Greet.", "First line second line."), ("listen", "Listen.", "Tab why.")],
    ),
    (
        "inline-markdown-kept-for-the-renderer",
        "/// checklist\n1. Say **hello** to [them](x.md). { #hello }\n   Why *now*.\n///",
        [("hello", "Say **hello** to [them](x.md).", "Why *now*.")],
    ),
]


@pytest.mark.parametrize(("block", "expected"), [g[1:] for g in GOOD], ids=[g[0] for g in GOOD])
def test_good_checklists_parse_to_steps(block: str, expected: list[tuple[str, str, str]]) -> None:
    parsed = parse_lines(lines(block), "p.md")
    assert parsed.problems == []
    assert len(parsed.checklists) == 1 and parsed.checklists[0].closed
    assert [(s.id, s.text, s.why) for s in parsed.checklists[0].steps] == expected


BAD = [
    # (id, block, line, message fragment)
    ("no-id", "/// checklist\n1. Greet.\n   Why.\n///", 2, "the step has no id"),
    (
        "id-not-a-slug",
        "/// checklist\n1. Greet. { #Greet_Caller }\n   Why.\n///",
        2,
        "'Greet_Caller' is not a valid step id",
    ),
    (
        "duplicate-id",
        "/// checklist\n1. Greet. { #greet }\n   Why.\n2. Again. { #greet }\n   Why.\n///",
        4,
        "the step id '#greet' is used twice (first on line 2)",
    ),
    ("empty-step", "/// checklist\n1. { #greet }\n   Why.\n///", 2, "the step is empty"),
    ("no-why", "/// checklist\n1. Greet. { #greet }\n2. Listen. { #listen }\n   Why.\n///", 2, "the step has no 'why'"),
    (
        "unclosed",
        "Intro.\n\n/// checklist\n1. Greet. { #greet }\n   Why.\n",
        3,
        "the checklist opened here is never closed",
    ),
    (
        "unexpected-line",
        "/// checklist\n1. Greet. { #greet }\n   Why.\nStray text.\n///",
        4,
        "unexpected line in the checklist",
    ),
    ("no-steps", "/// checklist\n\n///", 1, "the checklist has no steps"),
    (
        "step-after-the-block",
        "/// checklist\n1. Greet. { #greet }\n   Why.\n///\n2. Listen. { #listen }\n",
        5,
        "a checklist step outside a checklist block",
    ),
    (
        "block-inside",
        "/// checklist\n1. Greet. { #greet }\n   Why.\n/// quiz\n///",
        4,
        "a block starts inside the checklist",
    ),
]


@pytest.mark.parametrize(("block", "line", "fragment"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_checklists_are_reported_with_their_line(block: str, line: int, fragment: str) -> None:
    problems = parse_lines(lines(block), "docs/protocols/p.md").problems
    matching = [p for p in problems if p.line == line and fragment in p.message]
    assert matching, [str(p) for p in problems]
    assert str(matching[0]).startswith(f"docs/protocols/p.md:{line}: ") and " — " in str(matching[0])


def test_a_checklist_inside_a_code_block_is_only_an_example(tmp_path: Path) -> None:
    page = Page(tmp_path / "p.md", "protocols/p.md", "p.md", "en", "protocols/p.md")
    text = "---\nid: p\n---\n\n```markdown\n/// checklist\n1. Greet.\n```\n"
    assert parse_page(text, page) == []
    from handbook.checklists import parse_page as parse_checklists

    assert parse_checklists(page).checklists == []


def render(block: str, locale: str = "en") -> str:
    return markdown.markdown(
        block, extensions=["handbook.checklists"], extension_configs={"handbook.checklists": {"locale": locale}}
    )


def test_the_renderer_writes_labelled_checkboxes_in_the_pages_language() -> None:
    html = render(
        "Before.\n\n/// checklist\n1. Greet *warmly*. { #greet }\n   See [a](a.md#do).\n\n2. Listen. { #listen }\n   Because.\n///\n\nAfter.",
        "hu",
    )
    assert html.startswith("<p>Before.</p>") and html.endswith("<p>After.</p>")
    assert (
        '<input aria-describedby="why-greet" class="handbook-checklist__box" data-step="greet" id="check-greet" type="checkbox" />'
        in html
    )
    assert '<label for="check-greet">Greet <em>warmly</em>.</label>' in html
    assert '<span class="handbook-checklist__why-label">Miért?</span> See <a href="a.md#do">a</a>.' in html
    assert "2 lépésből 0 kész" in html and "Pipák törlése" in html
    assert html.count("<li ") == 2


def test_the_renderer_refuses_what_the_check_reports() -> None:
    with pytest.raises(ChecklistError, match="the step has no id"):
        render("/// checklist\n1. Greet.\n   Why.\n///")


def test_an_unknown_locale_is_a_configuration_error() -> None:
    with pytest.raises(ChecklistError, match="unknown locale 'fr'"):
        render("text", "fr")


# --- protocol pages in a four-language tree -------------------------------------------------

Breaker = Callable[[Path], None]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def protocol_en(docs: Path) -> Path:
    return docs / "protocols" / "greeting.md"


PROTOCOL_CASES: list[tuple[str, Breaker, str, int, str]] = [
    (
        "why-links-to-a-missing-page",
        lambda d: edit(protocol_en(d), "../principles/alpha.md#do", "../principles/gamma.md#do"),
        "docs/protocols/greeting.md",
        15,
        "the why links to '../principles/gamma.md#do', which is not a page of the handbook",
    ),
    (
        "why-links-to-a-missing-anchor",
        lambda d: edit(protocol_en(d), "alpha.md#do", "alpha.md#nope"),
        "docs/protocols/greeting.md",
        15,
        "the why links to '#nope', which docs/principles/alpha.md does not have",
    ),
    (
        "why-without-a-principle",
        lambda d: edit(
            protocol_en(d), "Greeting first is part of [alpha](../principles/alpha.md#do).", "Greeting first."
        ),
        "docs/protocols/greeting.md",
        15,
        "the why does not link to the principle behind the step",
    ),
    (
        "step-links-an-unlisted-principle",
        lambda d: edit(protocol_en(d), "../principles/alpha.md#why-it-matters", "../principles/beta.md#why-it-matters"),
        "docs/protocols/greeting.md",
        17,
        "links to the principle(s) beta, which the front matter's 'principles' does not list",
    ),
    (
        "listed-principle-no-step-links",
        lambda d: edit(protocol_en(d), "principles: [alpha]", "principles: [alpha, beta]"),
        "docs/protocols/greeting.md",
        5,
        "'principles' lists 'beta', but no step's why links to it",
    ),
    (
        "unknown-principle-in-front-matter",
        lambda d: edit(protocol_en(d), "principles: [alpha]", "principles: [alpha, gamma]"),
        "docs/protocols/greeting.md",
        5,
        "'principles' names principle(s) that do not exist: gamma",
    ),
    (
        "no-principles-key",
        lambda d: edit(protocol_en(d), "principles: [alpha]\n", ""),
        "docs/protocols/greeting.md",
        1,
        "the front matter has no 'principles'",
    ),
    (
        "id-not-file-name",
        lambda d: edit(protocol_en(d), "id: greeting", "id: greetings"),
        "docs/protocols/greeting.md",
        2,
        "does not match the file name 'greeting'",
    ),
    (
        "no-checklist",
        lambda d: edit(protocol_en(d), "/// checklist", "Just text.\n\n///"),
        "docs/protocols/greeting.md",
        10,
        "a protocol has exactly one checklist; this page has 0",
    ),
    (
        "no-steps-heading",
        lambda d: edit(protocol_en(d), "## Steps { #steps }", "## What to do { #what-to-do }"),
        "docs/protocols/greeting.md",
        10,
        "the protocol is missing the section(s) #steps",
    ),
    (
        "step-id-clashes-with-a-heading",
        lambda d: edit(protocol_en(d), "{ #listen }", "{ #steps }"),
        "docs/protocols/greeting.md",
        16,
        "the step id '#steps' is also a heading's anchor on this page",
    ),
    (
        "generated-section-written-by-hand",
        lambda d: edit(
            protocol_en(d), "## Steps { #steps }", "## Purpose { #purpose }\n\nText.\n\n## Steps { #steps }"
        ),
        "docs/protocols/greeting.md",
        11,
        "the anchor '#purpose' is written by the build",
    ),
    (
        "checklist-on-a-principle",
        lambda d: (d / "principles" / "beta.md").write_text(
            principle_text("beta", "en", related="[alpha]").replace("/// quiz", PROTOCOL_STEPS + "\n/// quiz"),
            encoding="utf-8",
        ),
        "docs/principles/beta.md",
        33,
        "a checklist outside a protocol page",
    ),
    (
        "unclosed-in-a-translation",
        lambda d: edit(d / "protocols" / "greeting.hu.md", "\n///\n", "\n"),
        "docs/protocols/greeting.hu.md",
        14,  # translations carry one more front-matter line (translated_from)
        "the checklist opened here is never closed",
    ),
]


@pytest.mark.parametrize(
    ("breaker", "path", "line", "fragment"), [c[1:] for c in PROTOCOL_CASES], ids=[c[0] for c in PROTOCOL_CASES]
)
def test_protocol_mistakes_fail_the_content_check_with_path_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], breaker: Breaker, path: str, line: int, fragment: str
) -> None:
    docs = write_docs(tmp_path / "docs")
    add_protocol(docs)
    assert check_content.main(["--docs-dir", str(docs)]) == 0, capsys.readouterr().out
    capsys.readouterr()
    breaker(docs)
    code = check_content.main(["--docs-dir", str(docs)])
    out = capsys.readouterr().out
    assert code == 1, out
    matching = [row for row in out.splitlines() if row.startswith(f"{path}:{line}: ") and fragment in row]
    assert matching, out
    assert " — " in matching[0] and "Traceback" not in out


def test_a_valid_protocol_checks_clean_in_every_language(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    add_protocol(docs)
    catalog = Catalog.load(docs, tmp_path)
    assert content_problems(catalog) == []
    assert [p.stem for locale in LOCALES for p in catalog.protocols(locale)] == ["greeting"] * 4
    assert [p.stem for p in catalog.protocols_applying("alpha")] == ["greeting"]
    assert catalog.protocols_applying("beta") == []
    assert all((docs / "protocols" / f"greeting{suffix(locale)}.md").is_file() for locale in LOCALES)


def test_the_protocol_scaffold_is_only_unwritten_text_and_its_copies_count_as_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import new_page
    from handbook.translations import check_translations

    docs = write_docs(tmp_path / "docs")
    assert new_page.main(["protocols/closing-a-call.md", "--docs-dir", str(docs)]) == 0
    english = (docs / "protocols" / "closing-a-call.md").read_text(encoding="utf-8")
    assert "/// checklist" in english and "principles: [alpha]" in english
    catalog = Catalog.load(docs, tmp_path)
    # a valid skeleton: what is left to do is writing, the write-me marker and the template text
    problems = content_problems(catalog)
    assert {p.code for p in problems} == {"template"}, problems
    english = [p for p in problems if p.path == "docs/protocols/closing-a-call.md"]
    assert any("write-me" in p.message for p in english) and any("template text" in p.message for p in english)
    untranslated = sorted(p.path for p in check_translations(catalog).problems if p.code == "untranslated")
    assert untranslated == [f"docs/protocols/closing-a-call.{code}.md" for code in ("es", "hu", "pt")]
