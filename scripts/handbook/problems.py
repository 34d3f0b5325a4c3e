"""One shape for everything a check can report."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    path: str  # relative to the project root, e.g. docs/principles/honesty.es.md
    line: int  # 1-based; 0 when the problem is about the file as a whole
    message: str  # what is wrong
    fix: str  # how to fix it
    severity: Severity = "error"
    code: str = "content"  # a short machine-readable kind, e.g. "missing-translation"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        label = "" if self.severity == "error" else "warning: "
        return f"{where}: {label}{self.message} — {self.fix}"

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
