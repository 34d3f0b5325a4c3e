"""Protocol checklists: one parser for the check, the translation check and the renderer.

Syntax, on a protocol page::

    /// checklist
    1. Answer before the third ring. { #answer-before-third-ring }
       A phone left ringing is a customer left waiting: [priority](../principles/priority.md#do).
    2. ...
    ///

Each step is one list item (``1.``, ``-`` or ``*``) ending with a fixed
``{ #step-id }``, the same in every language. The indented lines under it are
the step's "why", which links to the principle behind it. Storage in the
reader's browser is keyed by the protocol id and these step ids, so
reordering steps or switching language moves no tick.

``parse_lines`` is the only parser. The check (``check_page``), the translation
check (``structure.checklist_steps``) and the Markdown extension
(``ChecklistExtension``) all read its records.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from markdown import Extension, Markdown
from markdown.blockparser import BlockParser

from .blocks import CLOSE, FencedBlockProcessor, id_problem
from .catalog import Catalog, load_strings
from .links import broken_link, links_in, target_page
from .locales import DEFAULT_LOCALE, LOCALE_CODES
from .pages import Page, prose_lines
from .problems import Problem

OPEN = re.compile(r"^///[ \t]*checklist[ \t]*$")
ANY_BLOCK = re.compile(r"^///")
_STEP = re.compile(r"^ {0,3}(?:\d{1,3}[.)]|[-*+])(?:[ \t]+(?P<rest>.*))?$")
_STEP_ID = re.compile(r"[ \t]*\{[ \t]*#(?P<id>[^\s}]*)[ \t]*\}[ \t]*$")
_CONTINUATION = re.compile(r"^(?: {2,}|\t)\S")

FORMAT = "write each step as '1. Step text { #step-id }', with its why on an indented line below"


@dataclass(frozen=True)
class Step:
    id: str
    text: str
    why: str
    line: int  # file line of the step
    why_line: int  # file line where the why starts (0 if there is none)


@dataclass
class Checklist:
    line: int  # the '/// checklist' line
    steps: list[Step] = field(default_factory=list)
    closed: bool = False


@dataclass
class ParsedPage:
    checklists: list[Checklist] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class ChecklistError(ValueError):
    """A checklist the renderer cannot build (the check reports it with path:line first)."""


def parse_lines(lines: Iterable[tuple[int, str]], display: str) -> ParsedPage:
    """Read every checklist block from (line number, text) pairs.

    Returns the checklists and the syntax problems, each with its line.
    """
    parsed = ParsedPage()
    current: Checklist | None = None
    step: dict[str, Any] | None = None

    def problem(line: int, message: str, fix: str) -> None:
        parsed.problems.append(Problem(display, line, message, fix, code="checklist"))

    def finish_step() -> None:
        nonlocal step
        if step is None or current is None:
            return
        why = " ".join(step["why"]).strip()
        if not why:
            problem(
                step["line"],
                "the step has no 'why'",
                "add an indented line under the step that says why it matters and links to the principle behind it",
            )
        current.steps.append(Step(step["id"], step["text"], why, step["line"], step["why_line"]))
        step = None

    for number, line in lines:
        if current is None:
            if OPEN.match(line):
                current = Checklist(number)
                parsed.checklists.append(current)
            elif _STEP.match(line) and _STEP_ID.search(line) and parsed.checklists:
                problem(
                    number, "a checklist step outside a checklist block", "move it between '/// checklist' and '///'"
                )
            continue
        if CLOSE.match(line):
            finish_step()
            current.closed = True
            if not current.steps:
                problem(current.line, "the checklist has no steps", FORMAT)
            current = None
            continue
        if ANY_BLOCK.match(line):
            problem(number, "a block starts inside the checklist", "close the checklist with a '///' line first")
            continue
        if not line.strip():
            continue
        if _CONTINUATION.match(line) and step is not None:
            if not step["why"]:
                step["why_line"] = number
            step["why"].append(line.strip())
            continue
        match = _STEP.match(line)
        if not match:
            problem(number, f"unexpected line in the checklist: '{line.strip()[:60]}'", FORMAT)
            continue
        finish_step()
        rest = match.group("rest") or ""
        id_match = _STEP_ID.search(rest)
        text = rest[: id_match.start()].strip() if id_match else rest.strip()
        step_id = id_match.group("id") if id_match else ""
        if not text:
            problem(number, "the step is empty", "write what the reader must do, then its { #step-id }")
        if not id_match:
            problem(
                number,
                "the step has no id",
                "end the line with a fixed English id, the same in every language, like { #greet-the-caller }",
            )
        else:
            earlier = next((s.line for c in parsed.checklists for s in c.steps if s.id == step_id), None)
            wrong = id_problem(step_id, "step", "greet-the-caller", earlier)
            if wrong is not None:
                problem(number, *wrong)
        step = {"id": step_id, "text": text, "line": number, "why": [], "why_line": 0}
    if current is not None:
        finish_step()
        problem(current.line, "the checklist opened here is never closed", "add a line with '///' after its last step")
    return parsed


def parse_page(page: Page) -> ParsedPage:
    if "/// checklist" not in page.body and "///checklist" not in page.body:
        return ParsedPage()
    return page.element("checklists", lambda p: parse_lines(prose_lines(p.body, p.body_line), p.display))


def check_page(page: Page, catalog: Catalog) -> list[Problem]:
    """Syntax, placement, and every why link of the page's checklists."""
    parsed = parse_page(page)
    problems = list(parsed.problems)
    if not page.is_protocol:
        problems += [
            Problem(
                page.display,
                checklist.line,
                "a checklist outside a protocol page",
                "move it to a page in docs/protocols/ (scaffold one with `python scripts/new_page.py protocols/<id>.md`)",
                code="checklist",
            )
            for checklist in parsed.checklists
        ]
        return problems
    if len(parsed.checklists) != 1:
        where = parsed.checklists[1].line if len(parsed.checklists) > 1 else page.body_line
        problems.append(
            Problem(
                page.display,
                where,
                f"a protocol has exactly one checklist; this page has {len(parsed.checklists)}",
                "write its steps in one '/// checklist' … '///' block under the { #steps } heading",
                code="checklist",
            )
        )
    headings = {heading.anchor for heading in page.headings if heading.anchor}
    listed = [str(p) for p in page.meta.get("principles") or []] if page.front_matter_ok else []
    linked: set[str] = set()
    for checklist in parsed.checklists:
        for step in checklist.steps:
            if step.id in headings:
                problems.append(
                    Problem(
                        page.display,
                        step.line,
                        f"the step id '#{step.id}' is also a heading's anchor on this page",
                        "give the step another id",
                        code="checklist",
                    )
                )
            if not step.why:
                continue
            step_principles = _check_why(step, page, catalog, problems)
            linked.update(step_principles)
            unlisted = [pid for pid in step_principles if pid not in listed]
            if page.front_matter_ok and unlisted:
                problems.append(
                    Problem(
                        page.display,
                        step.why_line,
                        f"the step links to the principle(s) {', '.join(unlisted)}, which the front matter's 'principles' does not list",
                        "add them to 'principles' in the front matter of the English page and of every translation",
                        code="checklist",
                    )
                )
    if parsed.checklists and page.front_matter_ok:
        for pid in listed:
            if pid in catalog.principle_ids and pid not in linked:
                problems.append(
                    Problem(
                        page.display,
                        page.line_of("principles"),
                        f"'principles' lists '{pid}', but no step's why links to it",
                        f"link it from the step that applies it (../principles/{pid}.md#do), or remove it from the list",
                        code="checklist",
                    )
                )
    return problems


def _check_why(step: Step, page: Page, catalog: Catalog, problems: list[Problem]) -> list[str]:
    """Check the links of one why; return the ids of the principles it links to."""
    principles: list[str] = []
    for link in links_in(step.why, page):
        broken = broken_link(link, page, catalog, "the why", "../principles/honesty.md#do")
        if broken is not None:
            problems.append(Problem(page.display, step.why_line, *broken, code="checklist"))
        target = target_page(link, page, catalog)
        if target is None:
            continue
        if target.is_principle:
            principles.append(target.stem)
    if not principles:
        problems.append(
            Problem(
                page.display,
                step.why_line,
                "the why does not link to the principle behind the step",
                "link the principle's name to its page and section, like [honesty](../principles/honesty.md#do)",
                code="checklist",
            )
        )
    return principles


# --- rendering: a Python-Markdown extension -------------------------------------------


class ChecklistProcessor(FencedBlockProcessor):
    """Turns a ``/// checklist`` block into a list of labelled checkboxes."""

    OPEN = OPEN

    def __init__(self, parser: BlockParser, words: dict[str, Any]) -> None:
        super().__init__(parser)
        self.words = words

    def render(self, parent: etree.Element, lines: list[str]) -> bool:
        parsed = parse_lines(enumerate(lines, start=1), "checklist")
        if parsed.problems:
            first = parsed.problems[0]
            raise ChecklistError(f"line {first.line} of the checklist: {first.message} — {first.fix}")
        for checklist in parsed.checklists:
            render_checklist(parent, checklist, self.words)
        return True


def render_checklist(parent: etree.Element, checklist: Checklist, words: dict[str, Any]) -> etree.Element:
    """The checklist's HTML: works as a plain numbered list; the script adds memory, progress and reset."""
    box = etree.SubElement(parent, "div", {"class": "handbook-checklist"})
    steps = etree.SubElement(box, "ol", {"class": "handbook-checklist__steps"})
    for step in checklist.steps:
        item = etree.SubElement(steps, "li", {"class": "handbook-checklist__step", "id": step.id})
        etree.SubElement(
            item,
            "input",
            {
                "type": "checkbox",
                "id": f"check-{step.id}",
                "class": "handbook-checklist__box",
                "data-step": step.id,
                "aria-describedby": f"why-{step.id}",
            },
        )
        label = etree.SubElement(item, "label", {"for": f"check-{step.id}"})
        label.text = step.text  # inline Markdown: the inline processor runs after this
        why = etree.SubElement(item, "p", {"class": "handbook-checklist__why", "id": f"why-{step.id}"})
        lead = etree.SubElement(why, "span", {"class": "handbook-checklist__why-label"})
        lead.text = words["why"]
        lead.tail = " " + step.why
    total = len(checklist.steps)
    controls = etree.SubElement(box, "div", {"class": "handbook-checklist__controls", "hidden": "hidden"})
    status = etree.SubElement(
        controls,
        "p",
        {
            "class": "handbook-checklist__progress",
            "role": "status",
            "data-progress": words["progress"],
            "data-complete": words["progress_complete"],
        },
    )
    status.text = words["progress"].format(done=0, total=total)
    reset = etree.SubElement(controls, "button", {"type": "button", "class": "md-button handbook-checklist__reset"})
    reset.text = words["reset"]
    return box


class ChecklistExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"locale": [DEFAULT_LOCALE, "the page's language, for the checklist's own words"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's name
        locale = str(self.getConfig("locale"))
        if locale not in LOCALE_CODES:
            raise ChecklistError(f"unknown locale '{locale}' for handbook.checklists; use one of {LOCALE_CODES}")
        words = load_strings()[locale]["checklist"]
        md.parser.blockprocessors.register(ChecklistProcessor(md.parser, words), "handbook_checklist", 95)


def makeExtension(**kwargs: Any) -> ChecklistExtension:  # Python-Markdown's entry point
    return ChecklistExtension(**kwargs)


# The assets a page with a checklist loads, relative to the site's root.
SCRIPT = "assets/javascripts/checklist.js"
STYLESHEET = "assets/stylesheets/checklist.css"


def has_checklist(page: Page) -> bool:
    return bool(parse_page(page).checklists)
