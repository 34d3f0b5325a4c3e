"""Front-matter and structure rules, one bad input per row.

Each row writes a valid four-language tree, breaks one file, and expects the
check to name that file, the line, and a fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.catalog import Catalog
from handbook.frontmatter import validate_catalog
from tests.fixture_site import principle_text, write_docs

CASES = [
    # (id, file text for docs/principles/alpha.md, expected line, message fragment)
    ("missing-key", principle_text("alpha", "en", related="[beta]", owner=None), 1, "the front matter has no 'owner'"),
    (
        "unknown-key",
        principle_text("alpha", "en", related="[beta]", author="Ann"),
        10,
        "unknown front-matter key 'author'",
    ),
    (
        "bad-date",
        principle_text("alpha", "en", related="[beta]", reviewed="22/11/2026"),
        9,
        "'reviewed' '22/11/2026' is not a date",
    ),
    (
        "unknown-related",
        principle_text("alpha", "en", related="[beta, gamma]"),
        6,
        "names principle(s) that do not exist: gamma",
    ),
    ("self-related", principle_text("alpha", "en", related="[alpha]"), 6, "lists the page itself"),
    (
        "unknown-source",
        principle_text("alpha", "en", related="[beta]", sources='["000", "007"]'),
        7,
        "unknown source(s) 007",
    ),
    ("unquoted-source", principle_text("alpha", "en", related="[beta]", sources="[000]"), 7, "write them in quotes"),
    ("unknown-tag", principle_text("alpha", "en", related="[beta]", tags="[kindness]"), 5, "unknown tag(s) kindness"),
    (
        "id-not-file-name",
        principle_text("alpha", "en", related="[beta]", id="alfa"),
        2,
        "does not match the file name 'alpha'",
    ),
    ("bad-owner", principle_text("alpha", "en", related="[beta]", owner="ann"), 8, "is not a GitHub team"),
    ("empty-title", principle_text("alpha", "en", related="[beta]", title='""'), 3, "'title' must be a non-empty text"),
    (
        "revision-on-english",
        principle_text("alpha", "en", related="[beta]", translated_from='"0123456789ab"'),
        10,
        "belongs on translations only",
    ),
    ("bad-yaml", principle_text("alpha", "en", related="[beta]", summary="Do this: then that"), 4, "not valid YAML"),
    ("no-front-matter", "## Why { #why-it-matters }\n", 1, "the page has no front matter"),
    ("unclosed-front-matter", "---\nid: alpha\ntitle: A\n", 1, "the front matter is never closed"),
    (
        "missing-section",
        principle_text("alpha", "en", related="[beta]").replace("## Scenario { #scenario }", "## Story"),
        11,
        "is missing the section(s) #scenario",
    ),
    (
        "heading-without-anchor",
        principle_text("alpha", "en", related="[beta]").replace("/// quiz", "## Notes\n\n/// quiz"),
        30,
        "the heading 'Notes' has no fixed anchor",
    ),
    (
        "own-h1",
        principle_text("alpha", "en", related="[beta]").replace("/// quiz", "# Alpha again\n\n/// quiz"),
        30,
        "has its own H1 heading",
    ),
    (
        "unknown-marker",
        principle_text("alpha", "en", related="[beta]").replace("/// quiz", "<!-- handbook:quizz -->\n\n/// quiz"),
        30,
        "unknown handbook marker 'quizz'",
    ),
]


@pytest.mark.parametrize(("text", "line", "fragment"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_front_matter_is_reported_with_file_line_and_fix(
    tmp_path: Path, text: str, line: int, fragment: str
) -> None:
    docs = write_docs(tmp_path / "docs")
    (docs / "principles" / "alpha.md").write_text(text, encoding="utf-8")
    problems = validate_catalog(Catalog.load(docs, tmp_path))
    assert [str(p) for p in problems if p.path == "docs/principles/alpha.md"], problems
    matching = [p for p in problems if p.path == "docs/principles/alpha.md" and fragment in p.message]
    assert matching, [str(p) for p in problems]
    assert matching[0].line == line
    assert matching[0].fix  # every problem says how to fix it
    assert str(matching[0]).startswith(f"docs/principles/alpha.md:{line}: ")
    assert " — " in str(matching[0])


def test_valid_tree_has_no_problems(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    assert validate_catalog(Catalog.load(docs, tmp_path)) == []


def test_non_utf8_file_is_named_not_raised(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    (docs / "principles" / "alpha.hu.md").write_bytes("---\nid: alpha\ntitle: Őszinteség\n".encode("iso8859_2"))
    problems = validate_catalog(Catalog.load(docs, tmp_path))
    bad = [p for p in problems if p.path == "docs/principles/alpha.hu.md"]
    assert len(bad) == 1 and "not valid UTF-8" in bad[0].message and bad[0].line == 3


def test_missing_sources_page_is_reported(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    (docs / "sources.md").unlink()
    problems = validate_catalog(Catalog.load(docs, tmp_path))
    assert any(p.path == "docs/sources.md" and "sources page is missing" in p.message for p in problems)


def test_unreadable_file_is_named_not_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = write_docs(tmp_path / "docs")
    target = docs / "principles" / "beta.es.md"
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == target:
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    problems = validate_catalog(Catalog.load(docs, tmp_path))
    bad = [str(p) for p in problems if p.path == "docs/principles/beta.es.md"]
    assert bad == [
        "docs/principles/beta.es.md: the file cannot be read (Permission denied) — check that it exists and is readable"
    ]
