"""Small handbook trees for unit and build tests, written into tmp_path."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

from handbook.themes import theme_ids

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ("en", "es", "hu", "pt")

PRINCIPLE_BODY = """
## Why {anchor_words} { #why-it-matters }

Because it matters.

## In practice { #in-practice }

### Do { #do }

- Do the thing.

### Don't { #dont }

- Don't skip it.

## Scenario { #scenario }

**By phone.** Someone calls.

/// quiz
? Which is right? { #which-is-right }
- [ ] This
    Not this one: it skips the thing.
- [x] That
- [ ] Neither

Because [what to do](#do) says so.

? Which two are right? { #pick-two .multiple }
- [x] One
- [x] Two
- [ ] Three

See [what not to do](#dont).

? Does it matter? { #does-it-matter }
- [x] Yes
- [ ] No

See [why](#why-it-matters).
///
"""


def front_matter(**keys: object) -> str:
    lines = ["---"]
    for key, value in keys.items():
        lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def principle_text(pid: str, locale: str, *, related: str = "[]", sources: str = '["000"]', **overrides: object) -> str:
    keys: dict[str, object] = {
        "id": pid,
        "title": f"{pid.title()} ({locale})",
        "summary": f"Summary of {pid} in {locale}.",
        "tags": "[trust]",
        "related": related,
        "sources": sources,
        "owner": f'"@handbook/editors-{locale}"',
        "reviewed": "2026-11-22",
    }
    keys.update(overrides)
    keys = {k: v for k, v in keys.items() if v is not None}
    return front_matter(**keys) + PRINCIPLE_BODY.replace("{anchor_words}", "it matters")


def simple_page(pid: str, locale: str, body: str = "Hello.\n") -> str:
    return (
        front_matter(
            id=pid,
            title=f"{pid} {locale}",
            summary=f"{pid} page.",
            owner=f'"@handbook/editors-{locale}"',
            reviewed="2026-11-22",
        )
        + "\n"
        + body
    )


PROTOCOL_STEPS = """
## Steps { #steps }

/// checklist
1. Say hello. { #say-hello }
   Greeting first is part of [alpha](../principles/alpha.md#do).
2. Listen to the end. { #listen }
   Nobody likes being cut short: [alpha](../principles/alpha.md#why-it-matters).
///
"""


def protocol_text(pid: str, locale: str, *, steps: str = PROTOCOL_STEPS, **overrides: object) -> str:
    keys: dict[str, object] = {
        "id": pid,
        "title": f"{pid.title()} protocol ({locale})",
        "summary": f"Purpose of {pid} in {locale}.",
        "principles": "[alpha]",
        "sources": '["000"]',
        "owner": f'"@handbook/editors-{locale}"',
        "reviewed": "2026-11-22",
    }
    keys.update(overrides)
    keys = {k: v for k, v in keys.items() if v is not None}
    return front_matter(**keys) + steps


def add_protocol(docs: Path, pid: str = "greeting", **overrides: object) -> Path:
    """A protocol in every language (and the protocols index), stamped as current. Returns the English file."""
    (docs / "protocols").mkdir(parents=True, exist_ok=True)
    for locale in LOCALES:
        s = suffix(locale)
        (docs / "protocols" / f"{pid}{s}.md").write_text(protocol_text(pid, locale, **overrides), encoding="utf-8")
        index = docs / "protocols" / f"index{s}.md"
        if not index.exists():
            index.write_text(simple_page("protocols", locale, "<!-- handbook:protocols-index -->\n"), encoding="utf-8")
    stamp_all(docs)
    return docs / "protocols" / f"{pid}.md"


SOURCES_BODY = """
## 000 · Manual de prueba { #source-000 }

A test source.

<!-- handbook:principles-from-source 000 -->

## 001 · Teszt forrás { #source-001 }

Another one.

<!-- handbook:principles-from-source 001 -->
"""


def suffix(locale: str) -> str:
    return "" if locale == "en" else f".{locale}"


def write_docs(docs: Path, principles: dict[str, str] | None = None) -> Path:
    """A complete, valid four-language tree: home, index, sources, principles.

    ``principles`` maps principle id -> related list (YAML text).
    """
    principles = principles or {"alpha": "[beta]", "beta": "[alpha]"}
    (docs / "principles").mkdir(parents=True, exist_ok=True)
    for locale in LOCALES:
        s = suffix(locale)
        (docs / f"index{s}.md").write_text(
            simple_page("home", locale, "[Principles](principles/index.md)\n"), encoding="utf-8"
        )
        (docs / f"sources{s}.md").write_text(simple_page("sources", locale, SOURCES_BODY), encoding="utf-8")
        (docs / "principles" / f"index{s}.md").write_text(
            simple_page("principles", locale, "<!-- handbook:principles-index -->\n"), encoding="utf-8"
        )
        for pid, related in principles.items():
            (docs / "principles" / f"{pid}{s}.md").write_text(
                principle_text(pid, locale, related=related), encoding="utf-8"
            )
        for theme in theme_ids():
            (docs / "themes" / theme).mkdir(parents=True, exist_ok=True)
            (docs / "themes" / theme / f"index{s}.md").write_text(
                simple_page(f"theme-{theme}", locale, "<!-- handbook:theme-principles -->\n"), encoding="utf-8"
            )
    stamp_all(docs)
    return docs


def list_urls(docs: Path) -> None:
    """Write the project's list of published addresses, as `make urls` does."""
    from handbook import urls
    from handbook.catalog import Catalog

    catalog = Catalog.load(docs, docs.parent)
    (docs.parent / urls.URL_LIST_FILE).write_text(urls.updated_list(catalog), encoding="utf-8")


def stamp_all(docs: Path) -> None:
    """Mark every translation as made from the current English page, as an editor would."""
    from handbook.catalog import Catalog
    from handbook.translations import revision, stamp_text

    catalog = Catalog.load(docs, docs.parent)
    for page in catalog.pages:
        original = catalog.page(page.source_rel, "en")
        if page.locale != "en" and original is not None:
            page.path.write_text(
                stamp_text(page.path.read_text(encoding="utf-8"), revision(original)), encoding="utf-8"
            )
    list_urls(docs)  # and, as `make urls` would, list the tree's addresses


def write_project(target: Path, principles: dict[str, str] | None = None, *, protocol: bool = False) -> Path:
    """A buildable copy of the project (config, theme, tools) around a small docs tree."""
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(ROOT / "scripts", target / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    write_docs(target / "docs", principles)
    if protocol:
        add_protocol(target / "docs")
    return target


def assessment_text(locale: str, questions: int) -> str:
    """A final assessment of ``questions`` single-choice questions; the right answer is always 'b'."""
    lines = ["/// assessment | pass 80%"]
    for n in range(1, questions + 1):
        principle = "alpha" if n % 2 else "beta"
        lines += [
            f"? Question {n} ({locale})? {{ #question-{n} }}",
            "- [ ] Wrong",
            "    Not this one.",
            "- [x] Right",
            "- [ ] Also wrong",
            "",
            f"See [{principle}](../principles/{principle}.md#do).",
            "",
        ]
    lines.append("///")
    return simple_page("assessment", locale, "\n".join(lines) + "\n")


def add_assessment(docs: Path, questions: int = 20) -> Path:
    """docs/onboarding/assessment.md in every language, stamped as current. Returns the English file."""
    (docs / "onboarding").mkdir(parents=True, exist_ok=True)
    for locale in LOCALES:
        (docs / "onboarding" / f"assessment{suffix(locale)}.md").write_text(
            assessment_text(locale, questions), encoding="utf-8"
        )
    stamp_all(docs)
    return docs / "onboarding" / "assessment.md"


# What `make check` and `make new` read besides the code: the pages, the word lists, the
# style configuration, the URL contract, and the Markdown-style cache (keyed by file content).
PROJECT_DIRS = ("docs", "spelling", ".cache")
PROJECT_FILES = (".pymarkdown.json", "published-urls.txt", "redirects.yml", "mkdocs.yml", "termbase.yml")


def copy_real_project(target: Path) -> Path:
    """A copy of the real handbook's content and configuration at ``target``: a clean baseline."""
    target.mkdir(parents=True)
    for name in PROJECT_DIRS:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, target / name)
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, target / name)
    return target


def run_make_check(project: Path, *extra: str) -> tuple[int, str]:
    """scripts/check.py (`make check`) on the project's docs/: its exit code and what it printed."""
    import check

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = check.main(["--docs-dir", str(project / "docs"), *extra])
    return code, out.getvalue()
