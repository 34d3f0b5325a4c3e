"""What must be identical in every language of a page: its structure.

Each parser turns a page into a list of comparable items. The quiz and
checklist syntaxes plug in here; the translation check compares whatever the
registered parsers return, so a new page element only needs a parser.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import checklists, onboarding, quizzes
from .links import links_in
from .pages import Page


@dataclass(frozen=True)
class Item:
    """One structural element: ``key`` is compared across languages."""

    key: str
    line: int
    label: str  # how to name it in a message, e.g. "heading '#do'"


Parser = Callable[[Page], list[Item]]


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
    """Each quiz block's kind and pass mark, then each question's answer key.

    A question is compared by its id: its kind, its number of answers, the
    right ones, and which answers carry feedback.
    """
    items: list[Item] = []
    for quiz in quizzes.parse_page(page).quizzes:
        if quiz.kind == "assessment":
            items.append(Item(f"assessment, pass mark {quiz.pass_mark}%", quiz.line, "the assessment"))
        else:
            items.append(Item("quiz", quiz.line, "the quiz"))
        for question in quiz.questions:
            feedback = ",".join(quizzes.letter(i) for i, a in enumerate(question.answers) if a.feedback) or "none"
            kind = "multiple-choice" if question.multiple else "single-choice"
            items.append(
                Item(
                    f"#{question.id}: {kind}, {len(question.answers)} answers, right: {question.key or 'none'}, "
                    f"feedback on: {feedback}",
                    question.line,
                    "a quiz question",
                )
            )
    return items


def quiz_explanation_links(page: Page) -> list[Item]:
    """Where each question's explanation links to: the same sections in every language."""
    return [
        Item(
            f"#{question.id} → {', '.join(link.target for link in links_in(question.explanation, page)) or 'no link'}",
            question.explanation_line or question.line,
            "a question's explanation",
        )
        for quiz in quizzes.parse_page(page).quizzes
        for question in quiz.questions
    ]


def onboarding_path(page: Page) -> list[Item]:
    """The onboarding path's steps and page ids, in order: the reading order is the same in every language."""
    return [
        Item(f"step {number}: {entry.id}", entry.line, f"the path entry '{entry.id}'")
        for number, step in enumerate(onboarding.parse_page(page).steps, start=1)
        for entry in step.entries
    ]


# name -> (parser, what the editor must keep identical)
PARSERS: dict[str, tuple[Parser, str]] = {
    "headings": (headings, "the same headings with the same { #anchor } ids, in the same order"),
    "checklist steps": (checklist_steps, "the same checklist step ids, in the same order"),
    "checklist why links": (
        checklist_why_links,
        "the same links in each step's why, to the same principles and sections",
    ),
    "quiz": (
        quiz_answer_key,
        "the same quiz questions with the same ids, in the same order, with the same number of answers, "
        "the same right ones and feedback under the same answers",
    ),
    "quiz explanation links": (
        quiz_explanation_links,
        "the same links in each question's explanation, to the same pages and sections",
    ),
    "onboarding path": (onboarding_path, "the same page ids in each '/// path' step, in the same order"),
}
