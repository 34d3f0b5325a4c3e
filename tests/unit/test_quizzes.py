"""The quiz parser, the page check and the renderer, as tables of good and bad inputs.

``parse_lines`` is the one parser the check, the translation check and the
Python-Markdown extension read, so what is tested here is what is published.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup, Tag

from handbook import quizzes, render
from handbook.catalog import Catalog, load_strings
from handbook.checks import content_problems
from handbook.locales import get_locale
from handbook.problems import Problem
from handbook.quizzes import Answer, Question, QuizError, parse_lines, topic_of
from tests.fixture_site import LOCALES, simple_page, stamp_all, suffix, write_docs

ROOT = Path(__file__).resolve().parents[2]
HU = load_strings()["hu"]["quiz"]


def lines(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.split("\n"), start=1))


def a(text: str, correct: bool, line: int, feedback: str = "") -> Answer:
    return Answer(text, correct, feedback, line)


def q(
    qid: str,
    text: str,
    answers: list[Answer],
    explanation: str,
    line: int,
    explanation_line: int,
    *,
    multiple: bool = False,
) -> Question:
    return Question(qid, text, multiple, tuple(answers), explanation, line, explanation_line)


# --- 1. good quizzes ----------------------------------------------------------------------

GOOD: list[tuple[str, str, str, int, list[Question], list[str]]] = [
    # (id, block, kind, pass mark, questions, answer keys)
    (
        "single-choice",
        "/// quiz\n? Which is right? { #which-is-right }\n- [ ] This\n- [x] That\n- [ ] Neither\n\nBecause [what to do](#do) says so.\n///",
        "quiz",
        80,
        [
            q(
                "which-is-right",
                "Which is right?",
                [a("This", False, 3), a("That", True, 4), a("Neither", False, 5)],
                "Because [what to do](#do) says so.",
                2,
                7,
            )
        ],
        ["b"],
    ),
    (
        "multiple-choice",
        "/// quiz\n? Which two? { #pick-two .multiple }\n- [x] One\n- [ ] Two\n- [x] Three\n\nSee [what not to do](#dont).\n///",
        "quiz",
        80,
        [
            q(
                "pick-two",
                "Which two?",
                [a("One", True, 3), a("Two", False, 4), a("Three", True, 5)],
                "See [what not to do](#dont).",
                2,
                7,
                multiple=True,
            )
        ],
        ["a,c"],
    ),
    (
        "feedback-one-line-and-two-lines",
        "/// quiz\n? Q? { #fee }\n- [ ] Leave it out.\n    Their manager decides on a wrong price.\n- [x] Quote it all.\n"
        "- [ ] Mention it later.\n    Telling them after\n    is still hiding it.\n\nSee [dont](#dont).\n///",
        "quiz",
        80,
        [
            q(
                "fee",
                "Q?",
                [
                    a("Leave it out.", False, 3, "Their manager decides on a wrong price."),
                    a("Quote it all.", True, 5),
                    a("Mention it later.", False, 6, "Telling them after is still hiding it."),
                ],
                "See [dont](#dont).",
                2,
                10,
            )
        ],
        ["b"],
    ),
    (
        "feedback-indented-with-a-tab",
        "/// quiz\n? Q? { #tab }\n- [ ] No\n\tTab feedback.\n- [x] Yes\n\nE [x](#do).\n///",
        "quiz",
        80,
        [q("tab", "Q?", [a("No", False, 3, "Tab feedback."), a("Yes", True, 5)], "E [x](#do).", 2, 7)],
        ["b"],
    ),
    (
        "explanation-over-several-lines",
        "/// quiz\n? Q? { #long }\n- [x] Yes\n- [ ] No\n\nA quote is what people decide on.\nLeaving out a fact\nis what [honesty rules out](#dont).\n///",
        "quiz",
        80,
        [
            q(
                "long",
                "Q?",
                [a("Yes", True, 3), a("No", False, 4)],
                "A quote is what people decide on. Leaving out a fact is what [honesty rules out](#dont).",
                2,
                6,
            )
        ],
        ["a"],
    ),
    (
        "indented-line-after-a-blank-line-is-the-explanation",
        "/// quiz\n? Q? { #blank }\n- [ ] No\n- [x] Yes\n\n    Indented, but after a blank line: [why](#do).\n///",
        "quiz",
        80,
        [
            q(
                "blank",
                "Q?",
                [a("No", False, 3), a("Yes", True, 4)],
                "Indented, but after a blank line: [why](#do).",
                2,
                6,
            )
        ],
        ["b"],
    ),
    (
        "star-and-plus-bullets-and-capital-x",
        "/// quiz\n? Q? { #bullets }\n* [ ] Star\n+ [X] Plus, capital X\n   - [ ] Indented three spaces\n\nE [x](#do).\n///",
        "quiz",
        80,
        [
            q(
                "bullets",
                "Q?",
                [a("Star", False, 3), a("Plus, capital X", True, 4), a("Indented three spaces", False, 5)],
                "E [x](#do).",
                2,
                7,
            )
        ],
        ["b"],
    ),
    (
        "inline-markdown-kept-for-the-renderer",
        "/// quiz\n? Is **this** *fine*? { #inline }\n- [x] Say **hello** to [them](x.md).\n- [ ] `Code` here\n\nWhy *now*: [do](#do).\n///",
        "quiz",
        80,
        [
            q(
                "inline",
                "Is **this** *fine*?",
                [a("Say **hello** to [them](x.md).", True, 3), a("`Code` here", False, 4)],
                "Why *now*: [do](#do).",
                2,
                6,
            )
        ],
        ["a"],
    ),
    (
        "braces-in-the-question-and-no-spaces-in-the-attributes",
        "/// quiz\n? Write {name} there? {#braces .multiple}\n- [x] Yes\n- [x] Also\n\nE [x](#do).\n///",
        "quiz",
        80,
        [
            q(
                "braces",
                "Write {name} there?",
                [a("Yes", True, 3), a("Also", True, 4)],
                "E [x](#do).",
                2,
                6,
                multiple=True,
            )
        ],
        ["a,b"],
    ),
    (
        "two-questions-blank-lines-everywhere",
        "\nIntro.\n\n/// quiz\n\n? First? { #first }\n\n- [ ] No\n\n- [x] Yes\n\nE1 [x](#do).\n\n? Second? { #second .multiple }\n- [x] A\n- [x] B\n\nE2 [x](#dont).\n\n///\nAfter.",
        "quiz",
        80,
        [
            q("first", "First?", [a("No", False, 8), a("Yes", True, 10)], "E1 [x](#do).", 6, 12),
            q(
                "second",
                "Second?",
                [a("A", True, 15), a("B", True, 16)],
                "E2 [x](#dont).",
                14,
                18,
                multiple=True,
            ),
        ],
        ["b", "a,b"],
    ),
    (
        "assessment-pass-80",
        "/// assessment | pass 80%\n? Q? { #assess }\n- [x] Yes\n- [ ] No\n\nSee [h](../principles/honesty.md#do).\n///",
        "assessment",
        80,
        [q("assess", "Q?", [a("Yes", True, 3), a("No", False, 4)], "See [h](../principles/honesty.md#do).", 2, 6)],
        ["a"],
    ),
    (
        "assessment-pass-75-spacing",
        "///assessment|pass   75 %\n? Q? { #assess }\n- [ ] Yes\n- [x] No\n\nSee [h](../principles/honesty.md#do).\n///",
        "assessment",
        75,
        [q("assess", "Q?", [a("Yes", False, 3), a("No", True, 4)], "See [h](../principles/honesty.md#do).", 2, 6)],
        ["b"],
    ),
]


@pytest.mark.parametrize(
    ("block", "kind", "pass_mark", "expected", "keys"), [g[1:] for g in GOOD], ids=[g[0] for g in GOOD]
)
def test_good_quizzes_parse_to_exact_records(
    block: str, kind: str, pass_mark: int, expected: list[Question], keys: list[str]
) -> None:
    parsed = parse_lines(lines(block), "docs/principles/p.md")
    assert parsed.problems == [], [str(p) for p in parsed.problems]
    assert parsed.strays == []
    assert len(parsed.quizzes) == 1
    quiz = parsed.quizzes[0]
    assert (quiz.kind, quiz.pass_mark, quiz.closed) == (kind, pass_mark, True)
    assert lines(block)[quiz.line - 1][1].startswith("///") and lines(block)[quiz.end_line - 1][1] == "///"
    assert quiz.questions == expected
    assert [question.key for question in quiz.questions] == keys


def test_the_real_honesty_quiz_parses_clean() -> None:
    path = ROOT / "docs" / "principles" / "honesty.md"
    text = path.read_text(encoding="utf-8")
    parsed = parse_lines(lines(text), "docs/principles/honesty.md")
    assert parsed.problems == [] and parsed.strays == []
    (quiz,) = parsed.quizzes
    assert [(question.id, question.multiple, question.key) for question in quiz.questions] == [
        ("fee-left-out", False, "b"),
        ("repair-date", False, "c"),
        ("wrong-bill", True, "a,b"),
    ]
    first = quiz.questions[0]
    assert text.split("\n")[first.line - 1].startswith("? A caller asks you")
    assert first.answers[0].feedback == "Their manager would still decide on a price that is not the real one."
    assert first.answers[1].feedback == ""
    assert first.explanation.endswith("is what [honesty rules out](#dont).")


# --- 2. bad quizzes -----------------------------------------------------------------------

VALID_Q = "? Fine? { #fine }\n- [x] Yes\n- [ ] No\n\nE [x](#do).\n"

BAD: list[tuple[str, str, int, str, str]] = [
    # (id, block, line, message fragment, fix fragment)
    (
        "no-right-answer",
        "/// quiz\n? Q? { #q }\n- [ ] a\n- [ ] b\n\nE.\n///",
        2,
        "the question '#q' has no right answer",
        "'- [x]'",
    ),
    (
        "single-choice-with-two-right-answers",
        "/// quiz\n? Q? { #q }\n- [x] a\n- [x] b\n\nE.\n///",
        2,
        "the question '#q' is single-choice but has 2 right answers",
        "{ #q .multiple }",
    ),
    ("empty-question", "/// quiz\n? { #q }\n- [x] a\n- [ ] b\n\nE.\n///", 2, "the question is empty", "after '? '"),
    ("question-mark-alone", "/// quiz\n?\n- [x] a\n- [ ] b\n\nE.\n///", 2, "the question is empty", ""),
    ("empty-answer", "/// quiz\n? Q? { #q }\n- [x] a\n- [ ]   \n\nE.\n///", 4, "the answer is empty", ""),
    ("empty-right-answer", "/// quiz\n? Q? { #q }\n- [ ] a\n- [x]\n\nE.\n///", 4, "the answer is empty", ""),
    ("answer-without-a-box", "/// quiz\n? Q? { #q }\n- [] a\n- [x] b\n\nE.\n///", 3, "an answer without a box", ""),
    ("missing-id", "/// quiz\n? Q?\n- [x] a\n- [ ] b\n\nE.\n///", 2, "the question has no id", "{ #fee-left-out }"),
    (
        "braces-without-an-id",
        "/// quiz\n? Q? { .multiple }\n- [x] a\n- [x] b\n\nE.\n///",
        2,
        "the question has no id",
        "inside the braces",
    ),
    (
        "invalid-id",
        "/// quiz\n? Q? { #Bad_Id }\n- [x] a\n- [ ] b\n\nE.\n///",
        2,
        "'Bad_Id' is not a valid question id",
        "lower-case",
    ),
    (
        "duplicate-id",
        "/// quiz\n? Q? { #q }\n- [x] a\n- [ ] b\n\nE.\n\n? Again? { #q }\n- [x] a\n- [ ] b\n\nE.\n///",
        8,
        "the question id '#q' is used twice (first on line 2)",
        "its own id",
    ),
    (
        "duplicate-id-in-a-second-block",
        "/// quiz\n" + VALID_Q + "///\n\n/// quiz\n" + VALID_Q + "///",
        10,
        "the question id '#fine' is used twice (first on line 2)",
        "",
    ),
    (
        "unknown-attribute",
        "/// quiz\n? Q? { #q .multi }\n- [x] a\n- [x] b\n\nE.\n///",
        2,
        "unknown '.multi' in the question's { … }",
        "{ #question-id .multiple }",
    ),
    ("two-ids", "/// quiz\n? Q? { #q #r }\n- [x] a\n- [ ] b\n\nE.\n///", 2, "unknown '#r'", ""),
    (
        "answer-before-the-first-question",
        "/// quiz\n- [x] stray\n" + VALID_Q + "///",
        2,
        "an answer before the first question",
        "write the question first",
    ),
    (
        "answer-after-the-explanation",
        "/// quiz\n? Q? { #q }\n- [x] a\n- [ ] b\n\nE.\n\n- [ ] late\n///",
        8,
        "an answer after the explanation",
        "before its explanation",
    ),
    (
        "one-answer",
        "/// quiz\n? Q? { #q }\n- [x] a\n\nE.\n///",
        2,
        "the question '#q' has 1 answer(s)",
        "at least two answers",
    ),
    ("no-answers", "/// quiz\n? Q? { #q }\n\nE.\n///", 2, "the question '#q' has 0 answer(s)", ""),
    (
        "no-explanation",
        "/// quiz\n? Q? { #q }\n- [x] a\n- [ ] b\n\n? Next? { #next }\n- [x] a\n- [ ] b\n\nE.\n///",
        2,
        "the question '#q' has no explanation",
        "[what to do](#do)",
    ),
    (
        "unclosed",
        "Intro.\n\n/// quiz\n" + VALID_Q,
        3,
        "the quiz opened here is never closed",
        "add a line with '///'",
    ),
    (
        "block-inside",
        "/// quiz\n? Q? { #q }\n- [x] a\n- [ ] b\n\n/// details | More\nE.\n///",
        6,
        "a block starts inside the quiz",
        "close it",
    ),
    (
        "assessment-without-pass-mark",
        "/// assessment\n" + VALID_Q + "///",
        1,
        "the assessment has no pass mark",
        "'/// assessment | pass 80%'",
    ),
    (
        "assessment-pass-mark-without-percent",
        "/// assessment | pass 80\n" + VALID_Q + "///",
        1,
        "the assessment has no pass mark",
        "",
    ),
    (
        "impossible-pass-mark-0",
        "/// assessment | pass 0%\n" + VALID_Q + "///",
        1,
        "a pass mark of 0% is impossible",
        "from 1% to 100%",
    ),
    ("impossible-pass-mark-101", "/// assessment | pass 101%\n" + VALID_Q + "///", 1, "a pass mark of 101%", ""),
    ("impossible-pass-mark-1000", "/// assessment | pass 1000%\n" + VALID_Q + "///", 1, "a pass mark of 1000%", ""),
    (
        "question-without-a-space",
        "/// quiz\n" + VALID_Q + "?Second question { #second }\n///",
        len(VALID_Q.split("\n")) + 1,
        "a question without a space after '?'",
        "'? Question text { #question-id }'",
    ),
    (
        "text-after-the-quiz-header",
        "/// quiz | pass 80%\n" + VALID_Q + "///",
        1,
        "unexpected text after '/// quiz': '| pass 80%'",
        "write just '/// quiz'",
    ),
    ("empty-quiz", "/// quiz\n\n///", 1, "the quiz has no questions", ""),
    ("empty-assessment", "/// assessment | pass 80%\n///", 1, "the assessment has no questions", ""),
    (
        "text-before-the-first-question",
        "/// quiz\nIntro.\n" + VALID_Q + "///",
        2,
        "unexpected line in the quiz: 'Intro.'",
        "",
    ),
    (
        "question-over-two-lines",
        "/// quiz\n? Q? { #q }\nmore of the question\n- [x] a\n- [ ] b\n\nE.\n///",
        3,
        "unexpected line before the question's answers: 'more of the question'",
        "keep the question on one line",
    ),
]


@pytest.mark.parametrize(("block", "line", "fragment", "fix"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_quizzes_are_reported_with_their_line(block: str, line: int, fragment: str, fix: str) -> None:
    problems = parse_lines(lines(block), "docs/principles/p.md").problems
    matching = [p for p in problems if p.line == line and fragment in p.message]
    assert matching, [str(p) for p in problems]
    found = matching[0]
    assert fix in found.fix
    assert found.code == "quiz" and found.severity == "error"
    assert str(found) == f"docs/principles/p.md:{line}: {found.message} — {found.fix}"
    assert found.message and found.fix


def test_a_problem_without_a_line_names_only_the_file() -> None:
    # The form the check prints, for a page-level problem (line 0).
    assert str(Problem("docs/x.md", 0, "m", "f")) == "docs/x.md: m — f"


def test_lines_outside_a_block_are_strays_not_problems() -> None:
    text = "? Looks like a question? { #q }\n- [x] looks like an answer\n? No braces, so prose?\n- a plain item\n"
    parsed = parse_lines(lines(text), "docs/p.md")
    assert parsed.quizzes == [] and parsed.problems == []
    assert parsed.strays == [(1, "? Looks like a question? { #q }"), (2, "- [x] looks like an answer")]


# --- 3. pages, through the real content check --------------------------------------------

Breaker = Callable[[Path], None]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def alpha(docs: Path, locale: str = "en") -> Path:
    return docs / "principles" / f"alpha{suffix(locale)}.md"


def drop_quiz(docs: Path) -> None:
    path = alpha(docs)
    path.write_text(path.read_text(encoding="utf-8").split("/// quiz")[0], encoding="utf-8")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


EXTRA_QUIZ = "\n/// quiz\n? Another? { #another }\n- [x] A\n- [ ] B\n\nSee [do](#do).\n///\n"
THIRD_QUESTION = "\n? Does it matter? { #does-it-matter }\n- [x] Yes\n- [ ] No\n\nSee [why](#why-it-matters).\n"
ALPHA = "docs/principles/alpha.md"


def quiz_problems(docs: Path, root: Path) -> list[Problem]:
    return [p for p in content_problems(Catalog.load(docs, root)) if p.code == "quiz"]


PAGE_CASES: list[tuple[str, Breaker, str, int, str, str]] = [
    # (id, breaker, path, line, message fragment, fix fragment)
    ("principle-without-quiz", drop_quiz, ALPHA, 11, "the principle has no quiz", "at least 3 questions"),
    (
        "two-quizzes",
        lambda d: append(alpha(d), EXTRA_QUIZ),
        ALPHA,
        53,
        "a principle page has one quiz; this page has 2",
        "merge",
    ),
    (
        "only-two-questions",
        lambda d: edit(alpha(d), THIRD_QUESTION, ""),
        ALPHA,
        30,
        "the quiz has 2 question(s)",
        "at least 3",
    ),
    ("text-after-the-quiz", lambda d: append(alpha(d), "\nA last word.\n"), ALPHA, 51, "text after the quiz", ""),
    (
        "question-outside-the-quiz",
        lambda d: edit(alpha(d), "/// quiz", "? Stray? { #stray }\n\n/// quiz"),
        ALPHA,
        30,
        "a question outside a quiz",
        "between '/// quiz' and '///'",
    ),
    (
        "answer-outside-the-quiz",
        lambda d: edit(alpha(d), "/// quiz", "- [x] stray\n\n/// quiz"),
        ALPHA,
        30,
        "an answer outside a quiz",
        "",
    ),
    (
        "explanation-without-link",
        lambda d: edit(alpha(d), "Because [what to do](#do) says so.", "Because it says so."),
        ALPHA,
        37,
        "the explanation does not link to the section that answers the question",
        "[what to do](#do)",
    ),
    (
        "explanation-links-a-missing-anchor",
        lambda d: edit(alpha(d), "(#do) says", "(#nowhere) says"),
        ALPHA,
        37,
        "the explanation links to '#nowhere', which docs/principles/alpha.md does not have",
        "#do, #does-it-matter, #dont",
    ),
    (
        "explanation-links-a-missing-anchor-of-another-page",
        lambda d: edit(alpha(d), "(#do) says", "(beta.md#nowhere) says"),
        ALPHA,
        37,
        "the explanation links to '#nowhere', which docs/principles/beta.md does not have",
        "#which-is-right",
    ),
    (
        "explanation-links-a-missing-page",
        lambda d: edit(alpha(d), "(#do) says", "(gamma.md#do) says"),
        ALPHA,
        37,
        "the explanation links to 'gamma.md#do', which is not a page of the handbook",
        "../principles/honesty.md#do",
    ),
    (
        "question-id-is-a-section-anchor",
        lambda d: edit(alpha(d), "{ #which-is-right }", "{ #do }"),
        ALPHA,
        31,
        "the question id '#do' is also an anchor of a section of this page",
        "another id",
    ),
    (
        "question-id-is-a-generated-anchor",
        lambda d: edit(alpha(d), "{ #which-is-right }", "{ #sources }"),
        ALPHA,
        31,
        "the question id '#sources' is also an anchor of a section of this page",
        "",
    ),
    (
        "question-id-is-the-generated-quiz-anchor",
        lambda d: edit(alpha(d), "{ #pick-two .multiple }", "{ #quiz .multiple }"),
        ALPHA,
        39,
        "the question id '#quiz' is also an anchor of a section of this page",
        "",
    ),
    (
        "assessment-on-a-principle",
        lambda d: edit(alpha(d), "/// quiz", "/// assessment | pass 80%"),
        ALPHA,
        30,
        "an assessment on a principle page",
        "docs/onboarding/assessment.md",
    ),
    (
        "parser-problem-in-a-translation",
        lambda d: edit(alpha(d, "hu"), "- [x] That", "- [ ] That"),
        "docs/principles/alpha.hu.md",
        32,  # translations carry one more front-matter line (translated_from)
        "the question '#which-is-right' has no right answer",
        "",
    ),
]


@pytest.mark.parametrize(
    ("breaker", "path", "line", "fragment", "fix"), [c[1:] for c in PAGE_CASES], ids=[c[0] for c in PAGE_CASES]
)
def test_page_mistakes_fail_the_content_check_with_path_and_line(
    tmp_path: Path, breaker: Breaker, path: str, line: int, fragment: str, fix: str
) -> None:
    docs = write_docs(tmp_path / "docs")
    assert quiz_problems(docs, tmp_path) == []
    breaker(docs)
    problems = quiz_problems(docs, tmp_path)
    matching = [p for p in problems if p.path == path and p.line == line and fragment in p.message]
    assert matching, [str(p) for p in problems]
    found = matching[0]
    assert fix in found.fix
    assert str(found) == f"{path}:{line}: {found.message} — {found.fix}"


def test_the_valid_fixture_tree_has_no_problems_at_all(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    catalog = Catalog.load(docs, tmp_path)
    assert content_problems(catalog) == []
    english = catalog.page("principles/alpha.md", "en")
    assert english is not None
    assert quizzes.question_ids(english) == ["which-is-right", "pick-two", "does-it-matter"]
    home = catalog.page("index.md", "en")
    assert home is not None
    assert quizzes.has_quiz(english) and not quizzes.has_quiz(home)


def test_a_task_list_on_a_page_without_quiz_is_not_a_stray_answer(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    edit(
        docs / "index.md",
        "[Principles](principles/index.md)\n",
        "[Principles](principles/index.md)\n\n- [x] done\n- [ ] to do\n",
    )
    catalog = Catalog.load(docs, tmp_path)
    page = catalog.page("index.md", "en")
    assert page is not None and quizzes.parse_page(page).strays == [(11, "- [x] done"), (12, "- [ ] to do")]
    assert content_problems(catalog) == []


def test_a_quiz_inside_a_code_block_is_only_an_example(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    example = "\n```markdown\n/// quiz\n? Q? { #q }\n- [x] only\n/// details\n```\n"
    append(docs / "index.md", example)
    append(alpha(docs), "\n~~~\n? In a fence? { #fenced }\n~~~\n")
    catalog = Catalog.load(docs, tmp_path)
    assert content_problems(catalog) == []
    page = catalog.page("index.md", "en")
    assert page is not None and quizzes.parse_page(page).quizzes == []


# The onboarding assessment: a simple page in every language with one assessment block.


def assessment_body(count: int) -> str:
    questions = "".join(
        f"? Question {n}? {{ #question-{n} }}\n- [x] Right\n- [ ] Wrong\n\n"
        f"See [{'alpha' if n % 2 else 'beta'}](../principles/{'alpha' if n % 2 else 'beta'}.md#do).\n\n"
        for n in range(1, count + 1)
    )
    return "Intro.\n\n/// assessment | pass 80%\n" + questions + "///\n"


def add_assessment(docs: Path, count: int = 20) -> Path:
    (docs / "onboarding").mkdir(parents=True, exist_ok=True)
    for locale in LOCALES:
        (docs / "onboarding" / f"assessment{suffix(locale)}.md").write_text(
            simple_page("assessment", locale, assessment_body(count)), encoding="utf-8"
        )
    stamp_all(docs)
    return docs / "onboarding" / "assessment.md"


def question_line(n: int) -> int:
    """The file line of question n in the English assessment (front matter 1-7, intro 9, block 11)."""
    return 12 + 6 * (n - 1)


def test_a_valid_assessment_checks_clean(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    english = add_assessment(docs)
    catalog = Catalog.load(docs, tmp_path)
    assert content_problems(catalog) == []
    page = catalog.page("onboarding/assessment.md", "en")
    assert page is not None
    (block,) = quizzes.parse_page(page).quizzes
    assert (block.kind, block.pass_mark, block.line, len(block.questions)) == ("assessment", 80, 11, 20)
    assert english.read_text(encoding="utf-8").split("\n")[question_line(20) - 1] == "? Question 20? { #question-20 }"
    assert [topic_of(question) for question in block.questions[:3]] == ["alpha", "beta", "alpha"]


def test_an_assessment_with_fewer_than_20_questions(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    add_assessment(docs, 19)
    problems = quiz_problems(docs, tmp_path)
    assert sorted(str(p) for p in problems) == sorted(
        f"docs/onboarding/assessment{suffix(locale)}.md:{11 if locale == 'en' else 12}: "
        "the assessment has 19 question(s) — write at least 20"
        for locale in LOCALES
    )


def test_an_assessment_question_must_link_a_principle_first(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    english = add_assessment(docs)
    old = "? Question 3? { #question-3 }\n- [x] Right\n- [ ] Wrong\n\nSee [alpha](../principles/alpha.md#do)."
    edit(english, old, old.replace("[alpha](../principles/alpha.md#do)", "[the sources](../sources.md#source-000)"))
    problems = quiz_problems(docs, tmp_path)
    assert [(p.path, p.line, p.message) for p in problems] == [
        ("docs/onboarding/assessment.md", question_line(3) + 4, "the explanation links to no principle")
    ]
    assert "[honesty](../principles/honesty.md#do)" in problems[0].fix


def test_a_principles_own_quiz_need_not_link_a_principle_first(tmp_path: Path) -> None:
    # The rule is the assessment's: a principle's own quiz links its own sections.
    docs = write_docs(tmp_path / "docs")
    edit(alpha(docs), "Because [what to do](#do) says so.", "See [the sources](../sources.md#source-000).")
    assert quiz_problems(docs, tmp_path) == []


def test_an_assessment_right_under_a_paragraph_is_rendered_or_reported(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    english = add_assessment(docs)
    edit(english, "Intro.\n\n/// assessment", "Intro.\n/// assessment")
    catalog = Catalog.load(docs, tmp_path)
    reported = [p for p in content_problems(catalog) if p.path == "docs/onboarding/assessment.md"]
    page = catalog.page("onboarding/assessment.md", "en")
    assert page is not None
    html = to_html(render.expand(page, catalog, page.body), "en")
    assert reported or 'class="handbook-quiz handbook-quiz--assessment"' in html


# --- topic_of: the principle a question of the assessment is grouped under ---------------

TOPICS = [
    ("principle-link", "See [h](../principles/honesty.md#do).", "honesty"),
    ("principle-link-without-anchor", "See [h](../principles/honesty.md).", "honesty"),
    ("principle-link-with-a-title", 'See [h](../principles/honesty.md "Honesty").', "honesty"),
    ("first-principle-wins", "[a](../principles/alpha.md#do) and [b](../principles/beta.md#do)", "alpha"),
    ("same-page-anchor-is-not-a-principle", "See [do](#do).", ""),
    ("principles-index-is-not-a-principle", "See [all](../principles/index.md).", ""),
    ("protocol-is-not-a-principle", "See [step](../protocols/answering-the-phone.md#greet).", ""),
    ("no-link", "No link at all.", ""),
]


@pytest.mark.parametrize(("explanation", "topic"), [t[1:] for t in TOPICS], ids=[t[0] for t in TOPICS])
def test_topic_of(explanation: str, topic: str) -> None:
    assert topic_of(q("x", "Q?", [], explanation, 1, 2)) == topic


def test_an_external_link_is_not_a_principle() -> None:
    explanation = "See [the sources](../sources.md#source-000) and [a blog](https://example.org/principles/honesty.md)."
    assert topic_of(q("x", "Q?", [], explanation, 1, 2)) == ""


# --- 4. rendering ---------------------------------------------------------------------------


def to_html(text: str, locale: str = "hu", titles: dict[str, str] | None = None) -> str:
    config: dict[str, object] = {"locale": locale}
    if titles is not None:
        config["titles"] = titles
    md = markdown.Markdown(extensions=["attr_list", "handbook.quizzes"], extension_configs={"handbook.quizzes": config})
    return md.convert(text)


QUIZ = """Before.

/// quiz
? Which is **right**? { #which-is-right }
- [ ] This *one*
    Not this one: it skips the thing.
- [x] That

Because [what to do](#do) says so.

? Which two are right? { #pick-two .multiple }
- [x] One
- [ ] Two
- [x] Three

See [why](#why-it-matters).
///

After.
"""


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def questions_of(html: str) -> list[Tag]:
    return soup(html).select("div.handbook-quiz__question")


def test_the_renderer_keeps_the_text_around_the_quiz() -> None:
    html = to_html(QUIZ)
    assert html.startswith("<p>Before.</p>") and html.endswith("<p>After.</p>")
    assert len(soup(html).select("div.handbook-quiz")) == 1
    assert "/// quiz" not in html and "[x]" not in html and "{ #" not in html


def test_every_question_is_a_fieldset_with_a_legend() -> None:
    html = to_html(QUIZ)
    fieldsets = soup(html).find_all("fieldset")
    assert len(fieldsets) == 2
    legends = [fieldset.find("legend") for fieldset in fieldsets]
    assert all(legend is not None for legend in legends)
    assert [legend.select_one(".handbook-quiz__text").decode_contents() for legend in legends] == [  # type: ignore[union-attr]
        "Which is <strong>right</strong>?",
        "Which two are right?",
    ]
    assert [legend.select_one(".handbook-quiz__number").get_text() for legend in legends] == [  # type: ignore[union-attr]
        HU["question_number"].format(number=1, total=2),
        HU["question_number"].format(number=2, total=2),
    ]
    hints = [fieldset.select_one(".handbook-quiz__hint") for fieldset in fieldsets]
    assert [hint.get_text() for hint in hints] == [HU["choose_one"], HU["choose_all"]]  # type: ignore[union-attr]
    assert [fieldset["aria-describedby"] for fieldset in fieldsets] == [hint["id"] for hint in hints]  # type: ignore[index]


def test_radio_for_single_choice_and_checkbox_for_multiple_choice() -> None:
    single, multiple = questions_of(to_html(QUIZ))
    assert [(i["type"], i["name"], i["value"]) for i in single.find_all("input")] == [
        ("radio", "which-is-right", "a"),
        ("radio", "which-is-right", "b"),
    ]
    assert [(i["type"], i["name"], i["value"]) for i in multiple.find_all("input")] == [
        ("checkbox", "pick-two", "a"),
        ("checkbox", "pick-two", "b"),
        ("checkbox", "pick-two", "c"),
    ]
    assert (single["data-kind"], multiple["data-kind"]) == ("single", "multiple")


def test_every_input_has_a_label_with_the_answer_text() -> None:
    page = soup(to_html(QUIZ))
    inputs = page.select("fieldset input")
    assert len(inputs) == 5
    labels = []
    for box in inputs:
        label = page.find("label", attrs={"for": box["id"]})
        assert label is not None, box
        labels.append(label.decode_contents())
    assert labels == ["This <em>one</em>", "That", "One", "Two", "Three"]


def test_every_question_has_a_status_and_a_closed_solution() -> None:
    html = to_html(QUIZ)
    right, wrong = HU["right_answer"], HU["wrong_answer"]
    for question in questions_of(html):
        statuses = question.select('[role="status"]')
        assert len(statuses) == 1 and statuses[0]["id"] == f"{question['id']}-status"
        details = question.find_all("details")
        assert len(details) == 1
        assert not details[0].has_attr("open")
        assert details[0].find("summary").get_text() == HU["solution"]  # type: ignore[union-attr]
    first, second = (question.find("details") for question in questions_of(html))
    assert [li.find("strong").get_text() for li in first.select("li")] == [f"{wrong}:", f"{right}:"]  # type: ignore[union-attr]
    assert [li.find("strong").get_text() for li in second.select("li")] == [f"{right}:", f"{wrong}:", f"{right}:"]  # type: ignore[union-attr]
    assert first.select_one(".handbook-quiz__feedback").get_text() == "Not this one: it skips the thing."  # type: ignore[union-attr]
    assert second.select_one(".handbook-quiz__feedback") is None  # type: ignore[union-attr]
    explanation = first.select_one(".handbook-quiz__explanation")  # type: ignore[union-attr]
    assert explanation.get_text() == "Because what to do says so."  # type: ignore[union-attr]
    link = explanation.find("a")  # type: ignore[union-attr]
    assert link is not None and link["href"] == "#do" and link.get_text() == "what to do"
    assert second.select_one(".handbook-quiz__explanation a")["href"] == "#why-it-matters"  # type: ignore[index, union-attr]


def test_the_answer_key_is_in_data_key() -> None:
    assert [(q["id"], q["data-question"], q["data-key"]) for q in questions_of(to_html(QUIZ))] == [
        ("which-is-right", "which-is-right", "b"),
        ("pick-two", "pick-two", "a,c"),
    ]


def test_the_quiz_hands_its_words_to_the_script_in_the_pages_language() -> None:
    box = soup(to_html(QUIZ)).select_one("div.handbook-quiz")
    assert box is not None and box["data-quiz"] == "quiz"
    words = box.select_one("script.handbook-quiz__words[type='application/json']")
    assert words is not None and json.loads(words.string) == {key: HU[key] for key in quizzes.SCRIPT_WORDS}
    progress = box.select_one(".handbook-quiz__controls .handbook-quiz__progress")
    assert progress is not None and progress.get_text() == HU["progress"].format(correct=0, total=2)
    assert box.select_one(".handbook-quiz__reset").get_text() == HU["reset"]  # type: ignore[union-attr]
    # the buttons work only with JavaScript, so quiz.js adds them: the HTML has none
    assert (
        box.select("button") == [box.select_one(".handbook-quiz__reset")] and box.select(".handbook-quiz__submit") == []
    )


def test_the_renderer_matches_the_real_honesty_quiz() -> None:
    text = (ROOT / "docs" / "principles" / "honesty.md").read_text(encoding="utf-8")
    _, quiz = render.split_quiz(text)
    found = questions_of(to_html(quiz, "en"))
    assert [(q["id"], q["data-key"], q["data-kind"]) for q in found] == [
        ("fee-left-out", "b", "single"),
        ("repair-date", "c", "single"),
        ("wrong-bill", "a,b", "multiple"),
    ]


def test_an_unknown_locale_is_a_configuration_error() -> None:
    with pytest.raises(QuizError, match="unknown locale 'fr'"):
        to_html(QUIZ, "fr")


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("/// quiz\n? { #q }\n- [x] a\n- [ ] b\n\nE.\n///", "line 2 of the quiz: the question is empty"),
        (
            "Intro.\n\n/// quiz\n? Q? { #q }\n- [x] a\n- [ ] b\n\nE.\n\n\n- [ ] late\n///",
            "line 9 of the quiz: an answer after the explanation",
        ),
        ("/// quiz\n? Q? { #q }\n- [x] a\n- [ ] b\n", "line 2 of the quiz: the question '#q' has no explanation"),
    ],
    ids=["empty-question", "answer-after-explanation-after-blank-lines", "unclosed"],
)
def test_the_renderer_refuses_what_the_check_reports(block: str, message: str) -> None:
    with pytest.raises(QuizError) as raised:
        to_html(block)
    assert str(raised.value).startswith(message), str(raised.value)
    assert " — " in str(raised.value)


ASSESSMENT = """/// assessment | pass 75%
? One? { #one }
- [x] Yes
- [ ] No

See [alpha](../principles/alpha.md#do).

? Two? { #two .multiple }
- [x] Yes
- [x] Also

See [the step](../protocols/greeting.md#say-hello) and [beta](../principles/beta.md#dont).

? Three? { #three }
- [ ] No
- [x] Yes

See [alpha again](../principles/alpha.md#why-it-matters).
///
"""


def test_the_assessment_has_a_hidden_result_grouped_by_principle() -> None:
    html = to_html(ASSESSMENT, titles={"alpha": "Alfa cím", "gamma": "Gamma"})
    page = soup(html)
    box = page.select_one("div.handbook-quiz")
    assert box is not None and box["data-quiz"] == "assessment"
    assert "handbook-quiz--assessment" in box["class"]
    assert [(q["id"], q["data-topic"], q["data-key"]) for q in questions_of(html)] == [
        ("one", "alpha", "a"),
        ("two", "beta", "a,b"),
        ("three", "alpha", "b"),
    ]
    results = page.select("div.handbook-quiz__result[role=region]")
    assert len(results) == 1
    result = results[0]
    assert result.has_attr("hidden")
    assert result["data-pass"] == "75" and result["data-language"] == get_locale("hu").name
    rows = result.select("tbody tr")
    assert [row["data-topic"] for row in rows] == ["alpha", "beta"]
    links = [row.find("th").find("a") for row in rows]  # type: ignore[union-attr]
    assert [(link.get_text(), link["href"]) for link in links] == [  # type: ignore[union-attr, index]
        ("Alfa cím", "../principles/alpha.md"),
        ("Beta", "../principles/beta.md"),  # no title given: the id, capitalised
    ]
    assert [th.get_text() for th in result.select("thead th")] == [HU["principle"], HU["answered_right"], HU["reread"]]


def test_the_assessment_is_checked_once_not_question_by_question() -> None:
    page = soup(to_html(ASSESSMENT))
    assert page.select(".handbook-quiz__check") == [] and page.select(".handbook-quiz__buttons") == []
    submit = page.select(".handbook-quiz__submit")
    assert len(submit) == 1 and submit[0].get_text() == HU["submit"]
    assert len(page.select(".handbook-quiz__status[role=status]")) == 3
    assert all(not details.has_attr("open") for details in page.find_all("details"))
