"""Every content check, run together: the one entry point for CLI, build and tests."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import checklists, quizzes
from .catalog import Catalog
from .frontmatter import validate_catalog
from .locales import LOCALE_CODES
from .problems import Problem
from .translations import TranslationReport, check_translations


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
    """Every page on its own: front matter, sections, and the page elements (checklists, quizzes)."""
    problems = validate_catalog(catalog)
    for page in catalog.pages:
        if page.locale in LOCALE_CODES:
            problems.extend(checklists.check_page(page, catalog))
            problems.extend(quizzes.check_page(page, catalog))
    return problems


def run_checks(catalog: Catalog) -> Report:
    """Every page, then the translations; a problem found by both is reported once."""
    translations = check_translations(catalog)
    unique = dict.fromkeys([*content_problems(catalog), *translations.problems])
    problems = sorted(unique, key=lambda p: (p.path, p.line, p.message))
    return Report(problems, translations)
