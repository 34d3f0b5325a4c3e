"""Reading a YAML data file as nodes, so every value keeps its line."""

from __future__ import annotations

from pathlib import Path

import yaml


class Unreadable(Exception):
    """The file cannot be read as YAML: ``line`` (0 if unknown) and a short reason."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line, self.reason = line, reason


def compose(path: Path) -> yaml.Node | None:
    """The file's YAML node tree (None when empty); an unreadable file raises ``Unreadable``."""
    try:
        return yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        raise Unreadable(mark.line + 1 if mark is not None else 0, str(reason)) from exc
