"""Every content check, run together: the one entry point for CLI, build and tests."""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalog import Catalog
from .frontmatter import validate_catalog
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


def run_checks(catalog: Catalog) -> Report:
    """Front matter and translations; a problem found by both is reported once."""
    translations = check_translations(catalog)
    unique = dict.fromkeys([*validate_catalog(catalog), *translations.problems])
    problems = sorted(unique, key=lambda p: (p.path, p.line, p.message))
    return Report(problems, translations)
