"""The build's own words (scripts/handbook/strings.yml): complete in every language."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.catalog import STRINGS_FILE
from handbook.checks import strings_problems


def test_the_real_words_are_complete() -> None:
    assert strings_problems() == []


def write(tmp_path: Path, old: str, new: str) -> Path:
    text = STRINGS_FILE.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "strings.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


CASES = [
    # (id, old, new, message fragment, fix fragment)
    ("nested-key-missing", "    check: Ellenőrzés\n", "", "'hu' has no 'quiz.check'", "translated from English line"),
    (
        "empty-value",
        "    submit: Enviar respuestas\n",
        "    submit: ''\n",
        "'es.quiz.submit' is empty",
        "write the words",
    ),
    (
        "extra-key",
        "    reset: Recomeçar o teste\n",
        "    reset: Recomeçar o teste\n    resett: x\n",
        "'pt.quiz.resett' is not an English key",
        "remove it",
    ),
    (
        "block-missing",
        "  checklist:\n    why: ¿Por qué?\n",
        "  checklst:\n    why: ¿Por qué?\n",
        "'es' has no 'checklist'",
        "add it",
    ),
]


@pytest.mark.parametrize(("old", "new", "message", "fix"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_missing_or_empty_word_is_reported_with_its_line(
    tmp_path: Path, old: str, new: str, message: str, fix: str
) -> None:
    problems = strings_problems(write(tmp_path, old, new))
    matching = [p for p in problems if message in p.message]
    assert matching, [str(p) for p in problems]
    assert fix in matching[0].fix and matching[0].line > 0
    assert str(matching[0]).startswith(f"{matching[0].path}:{matching[0].line}: ")


def test_unreadable_words_are_a_message_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "strings.yml"
    path.write_text("en: [unclosed\n", encoding="utf-8")
    (problem,) = strings_problems(path)
    assert "cannot be read" in problem.message
