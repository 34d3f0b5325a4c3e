"""What must be identical in every language of a page: its structure.

Each parser turns a page into a list of comparable items. The quiz and
checklist syntaxes plug in here; the translation check compares whatever the
registered parsers return, so a new page element only needs a parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import checklists
from .links import links_in
from .pages import Page


@dataclass(frozen=True)
class Item:
    """One structural element: ``key`` is compared across languages."""

    key: str
    line: int
    label: str  # how to name it in a message, e.g. "heading '#do'"


Parser = Callable[[Page], list[Item]]

_QUIZ_OPEN = re.compile(r"^///\s*quiz\b")
_QUIZ_CLOSE = re.compile(r"^///\s*$")
_QUESTION = re.compile(r"^\?\s+\S")
_ANSWER = re.compile(r"^\s*[-*]\s+\[(?P<mark>[ xX])\]\s+\S")


def _body_lines(page: Page) -> list[tuple[int, str]]:
    return [(page.body_line + offset, line) for offset, line in enumerate(page.body.split("\n"))]


def headings(page: Page) -> list[Item]:
    """Every heading's level and anchor, in order (deep links survive a language switch)."""
    return [
        Item(f"h{h.level}#{h.anchor}" if h.anchor else f"h{h.level} without an anchor", h.line, f"heading '{h.text}'")
        for h in page.headings
    ]


def checklist_steps(page: Page) -> list[Item]:
    """The checklist's step ids, in order (ticks are stored by these ids)."""
    return [
        Item(step.id, step.line, f"checklist step '#{step.id}'")
        for checklist in checklists.parse_page(page).checklists
        for step in checklist.steps
    ]


def checklist_why_links(page: Page) -> list[Item]:
    """Where each step's why links to, in order: the same principle and section in every language."""
    return [
        Item(
            f"#{step.id} → {', '.join(link.target for link in links_in(step.why, page)) or 'no link'}",
            step.why_line or step.line,
            f"the why of step '#{step.id}'",
        )
        for checklist in checklists.parse_page(page).checklists
        for step in checklist.steps
    ]


def quiz_answer_key(page: Page) -> list[Item]:
    """One item per quiz question: its number of answers and which are correct.

    Syntax::

        /// quiz
        ? Question text
        - [ ] a wrong answer
        - [x] the right answer
        ///
    """
    items: list[Item] = []
    inside = False
    question_line = 0
    answers: list[bool] = []

    def close() -> None:
        if question_line:
            number = len(items) + 1
            correct = ",".join(chr(ord("a") + i) for i, ok in enumerate(answers) if ok) or "none"
            items.append(Item(f"{len(answers)} answers, correct: {correct}", question_line, f"quiz question {number}"))

    for number, line in _body_lines(page):
        if not inside:
            inside = bool(_QUIZ_OPEN.match(line))
            continue
        if _QUIZ_CLOSE.match(line):
            close()
            inside, question_line, answers = False, 0, []
        elif _QUESTION.match(line):
            close()
            question_line, answers = number, []
        elif (answer := _ANSWER.match(line)) and question_line:
            answers.append(answer.group("mark") != " ")
    return items


# name -> (parser, what the editor must keep identical)
PARSERS: dict[str, tuple[Parser, str]] = {
    "headings": (headings, "the same headings with the same { #anchor } ids, in the same order"),
    "checklist steps": (checklist_steps, "the same checklist step ids, in the same order"),
    "checklist why links": (
        checklist_why_links,
        "the same links in each step's why, to the same principles and sections",
    ),
    "quiz": (quiz_answer_key, "the same quiz questions, with the same number of answers and the same correct ones"),
}
