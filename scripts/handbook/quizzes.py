"""Quizzes and the onboarding assessment: one parser for the check, the translation check and the renderer.

Syntax::

    /// quiz
    ? A caller asks you to leave the fee out of the quote. What do you do? { #fee-left-out }
    - [ ] Leave it out: the customer asked.
        Feedback for this wrong answer, indented.
    - [x] Quote the full price, fee included.

    The explanation, after the answers, links to the section that answers it: [honesty](#dont).

    ? Which of these belong in an honest reply? { #wrong-bill .multiple }
    - [x] ...
    ///

A question is one line: ``?``, its text, and a fixed ``{ #question-id }``, the
same in every language; ``.multiple`` makes it a multiple-choice question
(checkboxes), otherwise exactly one answer is right (radio buttons). The final
onboarding assessment uses the same questions in a ``/// assessment | pass 80%``
block: one score for all of them, a pass mark, and a result grouped by the
principle each explanation links to first.

The reader's answers are stored in their browser by page id and question id,
never by language or position of the question. ``parse_lines`` is the only
parser: ``check_page``, ``structure.quiz_answer_key`` and ``QuizExtension``
read its records.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from markdown import Extension, Markdown
from markdown.blockparser import BlockParser

from .blocks import CLOSE, FencedBlockProcessor, id_problem
from .catalog import Catalog, load_strings
from .links import Link, broken_link, generated_anchors, links_in
from .locales import DEFAULT_LOCALE, LOCALE_CODES, get_locale
from .pages import Page, prose_lines
from .problems import Problem

OPEN = re.compile(r"^///[ \t]*(?P<kind>quiz|assessment)\b(?P<rest>.*)$")
_ASSESSMENT_OPTIONS = re.compile(r"^[ \t]*\|[ \t]*pass[ \t]+(?P<pass>\d+)[ \t]*%[ \t]*$")
ANY_BLOCK = re.compile(r"^///")
_QUESTION = re.compile(r"^\?(?:[ \t]+(?P<rest>.*))?$")
_QUESTION_ATTRS = re.compile(r"[ \t]*\{(?P<attrs>[^{}]*)\}[ \t]*$")
_ANSWER = re.compile(r"^ {0,3}[-*+][ \t]+\[(?P<mark>[ xX]?)\](?:[ \t]+(?P<text>.*))?$")
_INDENTED = re.compile(r"^(?: {2,}|\t)\S")

# The words quiz.js writes, handed to it in the quiz's <script type="application/json">:
# its messages, and the per-question buttons it adds (they work only with JavaScript).
SCRIPT_WORDS = (
    "check",
    "try_again",
    "show_answer",
    "correct",
    "incorrect",
    "incomplete",
    "choose_first",
    "shown",
    "progress",
    "unanswered",
    "your_answer_right",
    "your_answer_wrong",
    "passed",
    "failed",
    "score_value",
    "result_status",
    "question_link",
    "reread_none",
)

# At least this many questions: a principle's quiz, and the final assessment.
MIN_PRINCIPLE_QUESTIONS = 3
MIN_ASSESSMENT_QUESTIONS = 20
DEFAULT_PASS_MARK = 80

FORMAT = (
    "write '? Question text { #question-id }', then one '- [ ]' or '- [x]' line per answer, "
    "then the explanation after a blank line"
)


@dataclass(frozen=True)
class Answer:
    text: str
    correct: bool
    feedback: str  # "" when the answer has none
    line: int


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    multiple: bool
    answers: tuple[Answer, ...]
    explanation: str
    line: int  # file line of the '?'
    explanation_line: int  # 0 when there is no explanation

    @property
    def key(self) -> str:
        """The answer key as letters: 'b', or 'a,c' for a multiple-choice question."""
        return ",".join(letter(i) for i, answer in enumerate(self.answers) if answer.correct)


@dataclass
class Quiz:
    line: int  # the '/// quiz' line
    kind: str  # "quiz" or "assessment"
    pass_mark: int
    questions: list[Question] = field(default_factory=list)
    closed: bool = False
    end_line: int = 0  # the closing '///'


@dataclass
class ParsedPage:
    quizzes: list[Quiz] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # lines outside any block that look like a question or an answer
    strays: list[tuple[int, str]] = field(default_factory=list)


class QuizError(ValueError):
    """A quiz the renderer cannot build (the check reports it with path:line first)."""


def letter(index: int) -> str:
    return chr(ord("a") + index)


class _Builder:
    """The question being read, until the next question or the end of the block."""

    def __init__(self, line: int, text: str, question_id: str, multiple: bool) -> None:
        self.line, self.text, self.id, self.multiple = line, text, question_id, multiple
        self.answers: list[dict[str, Any]] = []
        self.explanation: list[str] = []
        self.explanation_line = 0

    def build(self) -> Question:
        answers = tuple(
            Answer(a["text"], a["correct"], " ".join(a["feedback"]).strip(), a["line"]) for a in self.answers
        )
        return Question(
            self.id,
            self.text,
            self.multiple,
            answers,
            " ".join(self.explanation).strip(),
            self.line,
            self.explanation_line,
        )


def parse_lines(lines: Iterable[tuple[int, str]], display: str) -> ParsedPage:
    """Read every quiz and assessment block from (line number, text) pairs."""
    parsed = ParsedPage()
    current: Quiz | None = None
    question: _Builder | None = None
    blank_after_answers = False

    def problem(line: int, message: str, fix: str) -> None:
        parsed.problems.append(Problem(display, line, message, fix, code="quiz"))

    def finish_question() -> None:
        nonlocal question
        if question is None or current is None:
            return
        built = question.build()
        _question_problems(built, problem)
        current.questions.append(built)
        question = None

    for number, line in lines:
        if current is None:
            opened = OPEN.match(line)
            if opened:
                kind, rest = opened.group("kind"), opened.group("rest")
                pass_mark = DEFAULT_PASS_MARK
                if kind == "assessment":
                    options = _ASSESSMENT_OPTIONS.match(rest)
                    if options is None:
                        problem(
                            number,
                            "the assessment has no pass mark",
                            "open it with '/// assessment | pass 80%'",
                        )
                    else:
                        pass_mark = int(options.group("pass"))
                        if not 1 <= pass_mark <= 100:
                            problem(number, f"a pass mark of {pass_mark}% is impossible", "use a mark from 1% to 100%")
                elif rest.strip():
                    problem(number, f"unexpected text after '/// quiz': '{rest.strip()[:40]}'", "write just '/// quiz'")
                current = Quiz(number, kind, pass_mark)
                parsed.quizzes.append(current)
            elif (_QUESTION.match(line) and _QUESTION_ATTRS.search(line)) or _ANSWER.match(line):
                parsed.strays.append((number, line))
            continue
        if CLOSE.match(line):
            finish_question()
            current.closed, current.end_line = True, number
            if not current.questions:
                problem(current.line, f"the {current.kind} has no questions", FORMAT)
            current = None
            continue
        if ANY_BLOCK.match(line):
            problem(number, f"a block starts inside the {current.kind}", "close it with a '///' line first")
            continue
        if not line.strip():
            blank_after_answers = question is not None and bool(question.answers)
            continue
        if line.startswith("?") and not _QUESTION.match(line):
            problem(number, "a question without a space after '?'", "write '? Question text { #question-id }'")
            continue
        asked = _QUESTION.match(line)
        if asked:
            finish_question()
            blank_after_answers = False
            question = _start_question(number, asked.group("rest") or "", parsed, problem)
            continue
        answer = _ANSWER.match(line)
        if answer:
            if question is None:
                problem(number, "an answer before the first question", "write the question first: " + FORMAT)
                continue
            if question.explanation:
                problem(
                    number,
                    "an answer after the explanation",
                    "put every answer of a question before its explanation",
                )
                continue
            text = (answer.group("text") or "").strip()
            mark = answer.group("mark")
            if mark == "":
                problem(
                    number, "an answer without a box", "write '- [ ] ' for a wrong answer and '- [x] ' for a right one"
                )
            if not text:
                problem(number, "the answer is empty", "write the answer's text after '- [ ]' or '- [x]'")
            question.answers.append({"text": text, "correct": mark in ("x", "X"), "feedback": [], "line": number})
            blank_after_answers = False
            continue
        if question is None:
            problem(number, f"unexpected line in the {current.kind}: '{line.strip()[:60]}'", FORMAT)
            continue
        if not question.answers:
            problem(
                number,
                f"unexpected line before the question's answers: '{line.strip()[:60]}'",
                "keep the question on one line, then its answers: " + FORMAT,
            )
            continue
        if _INDENTED.match(line) and not question.explanation and not blank_after_answers:
            question.answers[-1]["feedback"].append(line.strip())
            continue
        if not question.explanation:
            question.explanation_line = number
        question.explanation.append(line.strip())
    if current is not None:
        finish_question()
        problem(
            current.line,
            f"the {current.kind} opened here is never closed",
            "add a line with '///' after its last question",
        )
    return parsed


def _start_question(number: int, rest: str, parsed: ParsedPage, problem: Any) -> _Builder:
    attrs_match = _QUESTION_ATTRS.search(rest)
    text = (rest[: attrs_match.start()] if attrs_match else rest).strip()
    question_id, multiple = "", False
    if attrs_match is None:
        problem(
            number,
            "the question has no id",
            "end the line with a fixed English id, the same in every language, like { #fee-left-out }",
        )
    else:
        for token in attrs_match.group("attrs").split():
            if token.startswith("#") and not question_id:
                question_id = token[1:]
            elif token == ".multiple":
                multiple = True
            else:
                problem(
                    number,
                    f"unknown '{token}' in the question's {{ … }}",
                    "write { #question-id } for one right answer, { #question-id .multiple } for several",
                )
        if not question_id:
            problem(number, "the question has no id", "add one inside the braces, like { #fee-left-out }")
        else:
            earlier = next((q.line for quiz in parsed.quizzes for q in quiz.questions if q.id == question_id), None)
            wrong = id_problem(question_id, "question", "fee-left-out", earlier)
            if wrong is not None:
                problem(number, *wrong)
    if not text:
        problem(number, "the question is empty", "write the question after '? ', then its { #question-id }")
    return _Builder(number, text, question_id, multiple)


def _question_problems(question: Question, problem: Any) -> None:
    right = sum(answer.correct for answer in question.answers)
    name = f"the question '#{question.id}'" if question.id else "the question"
    if len(question.answers) < 2:
        problem(question.line, f"{name} has {len(question.answers)} answer(s)", "give it at least two answers")
    elif right == 0:
        problem(question.line, f"{name} has no right answer", "mark the right answer with '- [x]'")
    elif right > 1 and not question.multiple:
        problem(
            question.line,
            f"{name} is single-choice but has {right} right answers",
            "keep one '- [x]', or make it multiple-choice: { #" + (question.id or "question-id") + " .multiple }",
        )
    if not question.explanation:
        problem(
            question.line,
            f"{name} has no explanation",
            "after its answers and a blank line, explain the answer and link to the section that gives it, like [what to do](#do)",
        )


def parse_page(page: Page) -> ParsedPage:
    return page.element("quizzes", lambda p: parse_lines(prose_lines(p.body, p.body_line), p.display))


def has_quiz(page: Page) -> bool:
    return bool(parse_page(page).quizzes)


def question_ids(page: Page) -> list[str]:
    return [q.id for quiz in parse_page(page).quizzes for q in quiz.questions if q.id]


def explanation_links(question: Question, page: Page) -> list[Link]:
    return links_in(question.explanation, page)


_LINK_TARGET = re.compile(r"\]\((?P<path>[^)\s#]*)(?:#[^)\s]*)?(?:\s+\"[^\"]*\")?\)")


def topic_of(question: Question) -> str:
    """The principle a question is about: the first principle page its explanation links to ("" if none).

    Works on the text alone, since the renderer has no page: a principle is a
    page in a folder named ``principles`` (``../principles/honesty.md``).
    """
    for match in _LINK_TARGET.finditer(question.explanation):
        if re.match(r"^[a-z][a-z0-9+.-]*:|^//", match.group("path")):
            continue  # a web address, not a page of the handbook
        folder, _, name = match.group("path").rpartition("/")
        if folder.rpartition("/")[2] == "principles" and name.endswith(".md") and name != "index.md":
            return name.removesuffix(".md")
    return ""


# --- the check ------------------------------------------------------------------------


def check_page(page: Page, catalog: Catalog) -> list[Problem]:
    """Syntax, placement, ids against the page's anchors, and every explanation link."""
    parsed = parse_page(page)
    problems = list(parsed.problems)

    def problem(line: int, message: str, fix: str) -> None:
        problems.append(Problem(page.display, line, message, fix, code="quiz"))

    for number, line in parsed.strays:
        if _ANSWER.match(line) and not parsed.quizzes:
            continue  # a plain task list on a page without quizzes
        what = "an answer" if _ANSWER.match(line) else "a question"
        problem(number, f"{what} outside a quiz", "move it between '/// quiz' and '///'")
    quizzes = [quiz for quiz in parsed.quizzes if quiz.kind == "quiz"]
    assessments = [quiz for quiz in parsed.quizzes if quiz.kind == "assessment"]
    if page.is_principle:
        for assessment in assessments:
            problem(
                assessment.line,
                "an assessment on a principle page",
                "a principle page has a '/// quiz'; the assessment lives in docs/onboarding/assessment.md",
            )
        if not quizzes:
            problem(
                page.body_line,
                "the principle has no quiz",
                f"end the page with a '/// quiz' … '///' block of at least {MIN_PRINCIPLE_QUESTIONS} questions "
                "(see docs/principles/honesty.md)",
            )
        elif len(quizzes) > 1:
            problem(
                quizzes[1].line,
                f"a principle page has one quiz; this page has {len(quizzes)}",
                "merge their questions into the last '/// quiz' block",
            )
        for quiz in quizzes:
            if quiz.questions and len(quiz.questions) < MIN_PRINCIPLE_QUESTIONS:
                problem(
                    quiz.line,
                    f"the quiz has {len(quiz.questions)} question(s)",
                    f"write at least {MIN_PRINCIPLE_QUESTIONS}",
                )
            if quiz.closed and _has_text_after(page, quiz.end_line):
                problem(
                    quiz.end_line,
                    "text after the quiz",
                    "the quiz ends the page: move that text above the '/// quiz' line",
                )
    if len(assessments) > 1:
        problem(assessments[1].line, "a page has at most one assessment", "merge the questions into one block")
    for assessment in assessments:
        if assessment.questions and len(assessment.questions) < MIN_ASSESSMENT_QUESTIONS:
            problem(
                assessment.line,
                f"the assessment has {len(assessment.questions)} question(s)",
                f"write at least {MIN_ASSESSMENT_QUESTIONS}",
            )
    headings = {heading.anchor for heading in page.headings if heading.anchor}
    taken = headings | set(generated_anchors(page, catalog))
    for quiz in parsed.quizzes:
        for question in quiz.questions:
            if question.id in taken:
                problem(
                    question.line,
                    f"the question id '#{question.id}' is also an anchor of a section of this page",
                    "give the question another id",
                )
            _check_explanation(question, quiz, page, catalog, problem)
    return problems


def _has_text_after(page: Page, line: int) -> bool:
    return any(text.strip() for number, text in prose_lines(page.body, page.body_line) if number > line)


def _check_explanation(question: Question, quiz: Quiz, page: Page, catalog: Catalog, problem: Any) -> None:
    if not question.explanation:
        return
    links = explanation_links(question, page)
    if not links:
        problem(
            question.explanation_line,
            "the explanation does not link to the section that answers the question",
            "link the section by its fixed anchor, like [what to do](#do)",
        )
        return
    for link in links:
        broken = broken_link(link, page, catalog, "the explanation", "../principles/honesty.md#do")
        if broken is not None:
            problem(question.explanation_line, *broken)
    if quiz.kind == "assessment" and not topic_of(question):
        problem(
            question.explanation_line,
            "the explanation links to no principle",
            "link the principle that answers it first, like [honesty](../principles/honesty.md#do): "
            "the result is grouped by that principle",
        )


# --- rendering: a Python-Markdown extension -------------------------------------------


class QuizProcessor(FencedBlockProcessor):
    """Turns a ``/// quiz`` or ``/// assessment`` block into accessible questions."""

    OPEN = OPEN

    def __init__(self, parser: BlockParser, words: dict[str, Any], locale: str, titles: dict[str, str]) -> None:
        super().__init__(parser)
        self.words, self.locale, self.titles = words, locale, titles

    def render(self, parent: etree.Element, lines: list[str]) -> bool:
        parsed = parse_lines(enumerate(lines, start=1), "quiz")
        if parsed.problems:
            first = parsed.problems[0]
            raise QuizError(f"line {first.line} of the quiz: {first.message} — {first.fix}")
        for quiz in parsed.quizzes:
            render_quiz(parent, quiz, self.words, self.locale, self.titles)
        return True


def _element(parent: etree.Element, tag: str, text: str = "", **attrs: str) -> etree.Element:
    element = etree.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()})
    if text:
        element.text = text
    return element


def render_quiz(
    parent: etree.Element, quiz: Quiz, words: dict[str, Any], locale: str, titles: dict[str, str]
) -> etree.Element:
    """The quiz's HTML. Without JavaScript it reads as a list of questions with the
    answers and explanations in closed <details>; quiz.js adds checking and memory."""
    assessment = quiz.kind == "assessment"
    box = _element(
        parent,
        "div",
        class_="handbook-quiz" + (" handbook-quiz--assessment" if assessment else ""),
        data_quiz=quiz.kind,
    )
    # JSON in a script element, not an attribute: no &quot; for every quotation mark.
    script_words = json.dumps(
        {key: words[key] for key in SCRIPT_WORDS}, ensure_ascii=False, separators=(",", ":")
    ).replace("</", "<\\/")
    _element(box, "script", script_words, type="application/json", class_="handbook-quiz__words")
    total = len(quiz.questions)
    for number, question in enumerate(quiz.questions, start=1):
        _render_question(box, question, number, total, words, assessment)
        if assessment:  # quiz.js groups the result by each question's principle
            box[-1].set("data-topic", topic_of(question))
    controls = _element(box, "div", class_="handbook-quiz__controls", hidden="hidden")
    if assessment:
        _element(
            controls,
            "button",
            words["submit"],
            type="button",
            class_="md-button md-button--primary handbook-quiz__submit",
        )
        _element(controls, "p", class_="handbook-quiz__progress", role="status")
        _render_result(box, quiz, words, locale, titles)
    else:
        status = _element(controls, "p", class_="handbook-quiz__progress", role="status")
        status.text = words["progress"].format(correct=0, total=total)
        _element(controls, "button", words["reset"], type="button", class_="md-button handbook-quiz__reset")
    return box


def _render_question(
    box: etree.Element, question: Question, number: int, total: int, words: dict[str, Any], assessment: bool
) -> None:
    qid = question.id
    item = _element(
        box,
        "div",
        class_="handbook-quiz__question",
        id=qid,
        data_question=qid,
        data_kind="multiple" if question.multiple else "single",
        data_key=question.key,
    )
    fieldset = _element(item, "fieldset", aria_describedby=f"{qid}-hint")
    legend = _element(fieldset, "legend", class_="handbook-quiz__legend")
    counter = _element(
        legend, "span", words["question_number"].format(number=number, total=total), class_="handbook-quiz__number"
    )
    counter.tail = " "
    text = _element(legend, "span", class_="handbook-quiz__text")
    text.text = question.text  # inline Markdown: the inline processor runs after this
    _element(
        fieldset,
        "p",
        words["choose_all" if question.multiple else "choose_one"],
        class_="handbook-quiz__hint",
        id=f"{qid}-hint",
    )
    answers = _element(fieldset, "ul", class_="handbook-quiz__answers")
    for index, answer in enumerate(question.answers):
        option = _element(answers, "li", class_="handbook-quiz__answer")
        _element(
            option,
            "input",
            type="checkbox" if question.multiple else "radio",
            name=qid,
            id=f"{qid}-{letter(index)}",
            value=letter(index),
        )
        label = _element(option, "label", **{"for": f"{qid}-{letter(index)}"})
        label.text = answer.text
    # A practice quiz's "Check", "Try again" and "Show answer" buttons are added by quiz.js,
    # here (before the status): they work only with JavaScript, so a page without it has none.
    _element(item, "p", class_="handbook-quiz__status", role="status", id=f"{qid}-status")
    solution = _element(item, "details", class_="handbook-quiz__solution")
    _element(solution, "summary", words["solution"])
    verdicts = _element(solution, "ol", class_="handbook-quiz__verdicts", type="a")
    for index, answer in enumerate(question.answers):
        entry = _element(
            verdicts,
            "li",
            class_="handbook-quiz__verdict handbook-quiz__verdict--" + ("right" if answer.correct else "wrong"),
            data_answer=letter(index),
        )
        _element(entry, "strong", words["right_answer" if answer.correct else "wrong_answer"] + ":")
        said = _element(entry, "span")
        said.text = " " + answer.text
        if answer.feedback:
            feedback = _element(entry, "span", class_="handbook-quiz__feedback")
            feedback.text = answer.feedback
    explanation = _element(solution, "p", class_="handbook-quiz__explanation")
    explanation.text = question.explanation


def _render_result(box: etree.Element, quiz: Quiz, words: dict[str, Any], locale: str, titles: dict[str, str]) -> None:
    """The assessment's result, filled in by quiz.js: score, date, language, and a row per principle."""
    # A named region, as a <section> with a name would be; a <div> because its heading is one by role.
    result = _element(
        box,
        "div",
        class_="handbook-quiz__result",
        role="region",
        hidden="hidden",
        aria_labelledby="assessment-result",
        data_pass=str(quiz.pass_mark),
        data_language=get_locale(locale).name,
    )
    # A heading by role: the toc leaves it out, since it only appears after the reader submits.
    _element(
        result,
        "p",
        words["result_title"],
        class_="handbook-quiz__result-title",
        id="assessment-result",
        role="heading",
        aria_level="2",
        tabindex="-1",
    )
    name = _element(result, "p", class_="handbook-quiz__name")
    _element(name, "label", words["name_label"], **{"for": "assessment-name"})
    _element(name, "input", type="text", id="assessment-name", autocomplete="name", class_="handbook-quiz__name-input")
    summary = _element(result, "dl", class_="handbook-quiz__summary")
    for field_name in ("name", "result", "score", "date", "language"):
        term = _element(summary, "dt", words[field_name], data_term=field_name)
        value = _element(summary, "dd", data_field=field_name)
        if field_name == "name":  # printed only when the reader typed a name
            term.set("class", "handbook-quiz__print-name")
            value.set("class", "handbook-quiz__print-name")
    table = _element(result, "table", class_="handbook-quiz__breakdown")
    _element(table, "caption", words["breakdown"])
    head = _element(_element(table, "thead"), "tr")
    for column in ("principle", "answered_right", "reread"):
        _element(head, "th", words[column], scope="col")
    body = _element(table, "tbody")
    topics: list[str] = []
    for question in quiz.questions:
        subject = topic_of(question)
        if subject and subject not in topics:
            topics.append(subject)
    for subject in topics:
        row = _element(body, "tr", data_topic=subject)
        cell = _element(row, "th", scope="row")
        link = _element(cell, "a", titles.get(subject, subject.replace("-", " ").capitalize()))
        link.set("href", f"../principles/{subject}.md")
        _element(row, "td", data_field="right")
        _element(row, "td", data_field="reread")
    buttons = _element(result, "p", class_="handbook-quiz__result-buttons")
    _element(
        buttons, "button", words["print"], type="button", class_="md-button md-button--primary handbook-quiz__print"
    )
    _element(buttons, "button", words["retake"], type="button", class_="md-button handbook-quiz__retake")


class QuizExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "locale": [DEFAULT_LOCALE, "the page's language, for the quiz's own words"],
            "titles": [{}, "principle id -> title in the page's language, for the assessment's result"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's name
        locale = str(self.getConfig("locale"))
        if locale not in LOCALE_CODES:
            raise QuizError(f"unknown locale '{locale}' for handbook.quizzes; use one of {LOCALE_CODES}")
        words = load_strings()[locale]["quiz"]
        titles = dict(self.getConfig("titles") or {})
        md.parser.blockprocessors.register(QuizProcessor(md.parser, words, locale, titles), "handbook_quiz", 96)


def makeExtension(**kwargs: Any) -> QuizExtension:  # Python-Markdown's entry point
    return QuizExtension(**kwargs)


# The assets a page with a quiz loads, relative to the site's root.
SCRIPT = "assets/javascripts/quiz.js"
STYLESHEET = "assets/stylesheets/quiz.css"
