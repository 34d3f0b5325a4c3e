"""Every content check, run together: the one entry point for CLI, build and tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import (
    checklists,
    glossary,
    golinks,
    links,
    mdstyle,
    onboarding,
    quizzes,
    reviews,
    scaffold,
    spelling,
    themes,
    typography,
    urls,
)
from .catalog import STRINGS_FILE, Catalog
from .frontmatter import validate_catalog
from .locales import DEFAULT_LOCALE, LOCALE_CODES
from .pages import Page
from .problems import Problem
from .translations import TranslationReport, check_translations

ROOT = STRINGS_FILE.parents[2]  # the project: messages name scripts/handbook/strings.yml


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    translations: TranslationReport = field(default_factory=TranslationReport)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def content_problems(catalog: Catalog) -> list[Problem]:
    """The build's words, and every page on its own: front matter, sections, page elements (checklists, quizzes)."""
    problems = strings_problems() + validate_catalog(catalog) + themes.check(catalog) + golinks.check(catalog)
    problems += urls.check(catalog) + scaffold.check(catalog) + reviews.check(catalog)
    problems += glossary.check(catalog.termbase, catalog.principle_ids)
    for page in catalog.pages:
        if page.locale in LOCALE_CODES:
            problems.extend(checklists.check_page(page, catalog))
            problems.extend(quizzes.check_page(page, catalog))
            problems.extend(onboarding.check_page(page, catalog))
    # Every other link; a link a checklist's why or a quiz's explanation already reported is not repeated.
    reported = {(p.path, p.message.split(" links to ", 1)[1]) for p in problems if " links to " in p.message}
    problems += [p for p in links.check(catalog) if (p.path, p.message.split(" links to ", 1)[1]) not in reported]
    return problems


def editorial_problems(catalog: Catalog, pages: list[Page] | None = None) -> list[Problem]:
    """The checks of `make check` on top of the build's: spelling, typography, terminology, Markdown style.

    They need Hunspell and PyMarkdown, and a slip in them does not break a page, so the
    build leaves them to `make check`, which every pull request runs.
    """
    chosen = catalog.pages if pages is None else pages
    problems = spelling.check(catalog, pages) + typography.check(catalog, pages)
    return problems + glossary.usage(catalog.termbase, chosen) + mdstyle.check(catalog, pages)


def strings_problems(path: Path = STRINGS_FILE) -> list[Problem]:
    """The build's own words: every language has every English key (nested ones too), none empty."""
    display = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return [Problem(display, 0, f"the build's words cannot be read ({exc})", "fix the YAML", code="strings")]
    if not isinstance(root, yaml.MappingNode):
        return [
            Problem(display, 1, "the build's words are not a mapping", "start each language with 'en:'", code="strings")
        ]

    def entries(node: yaml.Node, prefix: str = "") -> dict[str, tuple[int, str | None]]:
        """key path -> (line, text; None for a nested block)."""
        found: dict[str, tuple[int, str | None]] = {}
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = f"{prefix}{key.value}"
                if isinstance(value, yaml.MappingNode):
                    found[name] = (key.start_mark.line + 1, None)
                    found.update(entries(value, name + "."))
                else:
                    found[name] = (
                        key.start_mark.line + 1,
                        str(value.value) if isinstance(value, yaml.ScalarNode) else "",
                    )
        return found

    languages = {key.value: (key.start_mark.line + 1, entries(value)) for key, value in root.value}
    problems: list[Problem] = []
    english = languages.get(DEFAULT_LOCALE, (0, {}))[1]
    for code in LOCALE_CODES:
        if code not in languages:
            problems.append(
                Problem(
                    display,
                    0,
                    f"no words for '{code}'",
                    f"copy the '{DEFAULT_LOCALE}:' block and translate it",
                    code="strings",
                )
            )
            continue
        line, words = languages[code]
        for name, (key_line, _) in english.items():
            if name not in words:
                problems.append(
                    Problem(
                        display,
                        line,
                        f"'{code}' has no '{name}'",
                        f"add it, translated from English line {key_line}",
                        code="strings",
                    )
                )
            elif (value := words[name])[1] is not None and not str(value[1]).strip():
                problems.append(
                    Problem(display, value[0], f"'{code}.{name}' is empty", "write the words", code="strings")
                )
        for name, (key_line, _) in words.items():
            if name not in english:
                problems.append(
                    Problem(
                        display,
                        key_line,
                        f"'{code}.{name}' is not an English key",
                        "remove it, or add it to 'en' too",
                        code="strings",
                    )
                )
    return problems


def run_checks(catalog: Catalog, *, editorial: bool = False, pages: list[Page] | None = None) -> Report:
    """Every page, then the translations; a problem found by both is reported once.

    ``editorial`` adds spelling, typography and Markdown style (on ``pages``, default all): `make check`.
    """
    translations = check_translations(catalog)
    extra = editorial_problems(catalog, pages) if editorial else []
    unique = dict.fromkeys([*content_problems(catalog), *translations.problems, *extra])
    problems = sorted(unique, key=lambda p: (p.path, p.line, p.message))
    return Report(problems, translations)
