"""Small handbook trees for unit and build tests, written into tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

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
    stamp_all(docs)
    return docs


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


def write_project(target: Path, principles: dict[str, str] | None = None) -> Path:
    """A buildable copy of the project (config, theme, tools) around a small docs tree."""
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(ROOT / "scripts", target / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    write_docs(target / "docs", principles)
    return target
