"""Every content check, run together: the one entry point for CLI, build and tests."""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalog import Catalog
from .frontmatter import validate_catalog
from .problems import Problem


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def run_checks(catalog: Catalog) -> Report:
    problems = validate_catalog(catalog)
    problems.sort(key=lambda p: (p.path, p.line, p.message))
    return Report(problems)
