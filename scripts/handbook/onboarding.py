"""The onboarding path: the recommended order of principles, protocols and the assessment.

Syntax, on ``docs/onboarding/index.md`` and its translations only: under each
step's heading, a block that lists page ids, one per line, in reading order::

    /// path
    - service-ethics
    - welcoming-a-customer
    - assessment
    ///

The ids are the pages' English ids (the same in every language); the build
turns them into links titled in the reader's language. Every principle and
every protocol is on the path exactly once, and the assessment comes last.

This module holds the only parser. The content check, the translation check
(``structure.py``) and the Python-Markdown extension ``handbook.onboarding``
all read what it returns. ``onboarding.js`` marks each entry done or not from
the quizzes' and checklists' storage.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.extensions import Extension

from .blocks import CLOSE, ID_PATTERN, FencedBlockProcessor
from .catalog import Catalog, load_strings
from .golinks import ASSESSMENT_PAGE, ONBOARDING_PAGE, kind_of
from .locales import DEFAULT_LOCALE, LOCALE_CODES
from .pages import Page, prose_lines
from .problems import Problem

OPEN = re.compile(r"^///[ \t]*path[ \t]*$")
ANY_BLOCK = re.compile(r"^///")
_ENTRY = re.compile(r"^ {0,3}[-*+][ \t]+(?P<id>\S+)[ \t]*$")
FORMAT = "write one page id per line, like '- honesty', between '/// path' and '///'"
ASSESSMENT_ID = "assessment"


@dataclass(frozen=True)
class Entry:
    id: str
    line: int


@dataclass
class Step:
    line: int  # the '/// path' line
    entries: list[Entry] = field(default_factory=list)
    closed: bool = False


@dataclass
class ParsedPage:
    steps: list[Step] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def entries(self) -> list[Entry]:
        return [entry for step in self.steps for entry in step.entries]


class PathError(ValueError):
    """A path block the renderer cannot build (the check reports it with path:line first)."""


def parse_lines(lines: Iterable[tuple[int, str]], display: str) -> ParsedPage:
    """Read every ``/// path`` block from (line number, text) pairs, with its syntax problems."""
    parsed = ParsedPage()
    current: Step | None = None

    def problem(line: int, message: str, fix: str) -> None:
        parsed.problems.append(Problem(display, line, message, fix, code="onboarding"))

    for number, line in lines:
        if current is None:
            if OPEN.match(line):
                current = Step(number)
                parsed.steps.append(current)
            continue
        if CLOSE.match(line):
            current.closed = True
            if not current.entries:
                problem(current.line, "the step lists no pages", FORMAT)
            current = None
            continue
        if ANY_BLOCK.match(line):
            problem(number, "a block starts inside the path", "close the path block with a '///' line first")
            continue
        if not line.strip():
            continue
        match = _ENTRY.match(line)
        if not match:
            problem(number, f"unexpected line in the path: '{line.strip()[:60]}'", FORMAT)
            continue
        page_id = match.group("id")
        if not ID_PATTERN.match(page_id):
            problem(
                number, f"'{page_id}' is not a page id", "use the file name of a principle or protocol, or 'assessment'"
            )
            continue
        earlier = next((e.line for e in parsed.entries if e.id == page_id), None)
        if earlier is not None:
            problem(number, f"'{page_id}' is on the path twice (first on line {earlier})", "keep it in one step only")
            continue
        current.entries.append(Entry(page_id, number))
    if current is not None:
        problem(current.line, "the path block opened here is never closed", "add a line with '///' after its last id")
    return parsed


def parse_page(page: Page) -> ParsedPage:
    if "/// path" not in page.body and "///path" not in page.body:
        return ParsedPage()
    return page.element("onboarding", lambda p: parse_lines(prose_lines(p.body, p.body_line), p.display))


def has_path(page: Page) -> bool:
    return bool(parse_page(page).steps)


def targets(catalog: Catalog) -> dict[str, str]:
    """Every id a path may list -> its English page."""
    found = {page.stem: page.source_rel for page in [*catalog.principles(), *catalog.protocols()]}
    found[ASSESSMENT_ID] = ASSESSMENT_PAGE
    return found


def check_page(page: Page, catalog: Catalog) -> list[Problem]:
    """Syntax, placement, known ids; on the English page, that every principle and protocol is on the path."""
    parsed = parse_page(page)
    problems = list(parsed.problems)
    if not parsed.steps:
        return problems
    if page.source_rel != ONBOARDING_PAGE:
        return [
            *problems,
            Problem(
                page.display,
                parsed.steps[0].line,
                "a path block outside the onboarding page",
                f"move it to docs/{ONBOARDING_PAGE}",
                code="onboarding",
            ),
        ]
    known = targets(catalog)
    for entry in parsed.entries:
        if entry.id not in known:
            problems.append(
                Problem(
                    page.display,
                    entry.line,
                    f"'{entry.id}' is neither a principle nor a protocol",
                    "use the file name of a page in docs/principles/ or docs/protocols/, or 'assessment'",
                    code="onboarding",
                )
            )
    if page.locale != DEFAULT_LOCALE:
        return problems  # the translation check compares the ids with the English page's
    listed = {entry.id for entry in parsed.entries}
    last = parsed.steps[-1]
    end = last.entries[-1].line if last.entries else last.line
    for page_id in known:
        if page_id not in listed:
            kind = "the final assessment" if page_id == ASSESSMENT_ID else f"the {kind_of(known[page_id])} '{page_id}'"
            problems.append(
                Problem(
                    page.display,
                    end,
                    f"{kind} is not on the onboarding path",
                    f"add '- {page_id}' to the step where a new employee should read it",
                    code="onboarding",
                )
            )
    entries = parsed.entries
    if ASSESSMENT_ID in listed and entries[-1].id != ASSESSMENT_ID:
        where = next(entry.line for entry in entries if entry.id == ASSESSMENT_ID)
        problems.append(
            Problem(
                page.display,
                where,
                "the final assessment is not the last entry of the path",
                "move '- assessment' to the end of the last step",
                code="onboarding",
            )
        )
    return problems


# --- rendering: a Python-Markdown extension -------------------------------------------


class PathProcessor(FencedBlockProcessor):
    """Turns a ``/// path`` block into a numbered list of links; numbering runs on across steps."""

    OPEN = OPEN

    def __init__(self, parser: BlockParser, extension: OnboardingExtension) -> None:
        super().__init__(parser)
        self.extension = extension

    def render(self, parent: etree.Element, lines: list[str]) -> bool:
        parsed = parse_lines(enumerate(lines, start=1), "path")
        if parsed.problems:
            first = parsed.problems[0]
            raise PathError(f"line {first.line} of the onboarding path: {first.message} — {first.fix}")
        for step in parsed.steps:
            if self.extension.count == 0:
                _insert_controls(parent, self.extension.words)
            render_step(parent, step, self.extension)
        return True


def _insert_controls(parent: etree.Element, words: dict[str, Any]) -> None:
    """Progress and reset, before the first step's heading; onboarding.js shows them when storage works."""
    controls = etree.Element("div", {"class": "handbook-path__controls", "hidden": "hidden"})
    status = etree.SubElement(
        controls,
        "p",
        {
            "class": "handbook-path__progress",
            "role": "status",
            "data-progress": words["progress"],
            "data-complete": words["progress_complete"],
            "data-reset-done": words["reset_done"],
            "data-done": words["done"],
            "data-not-done": words["not_done"],
        },
    )
    status.text = ""
    reset = etree.SubElement(controls, "button", {"type": "button", "class": "md-button handbook-path__reset"})
    reset.text = words["reset"]
    children = list(parent)
    headings = [index for index, child in enumerate(children) if child.tag in ("h2", "h3")]
    parent.insert(headings[-1] if headings else len(children), controls)


def render_step(parent: etree.Element, step: Step, extension: OnboardingExtension) -> etree.Element:
    """One step's entries: a link titled in the page's language, the kind of page, and a status slot."""
    attrs = {"class": "handbook-path"}
    if extension.count:
        attrs["start"] = str(extension.count + 1)
    listing = etree.SubElement(parent, "ol", attrs)
    for entry in step.entries:
        kind, title, target = extension.targets.get(entry.id, ("principle", entry.id, f"principles/{entry.id}.md"))
        item = etree.SubElement(listing, "li", {"class": "handbook-path__item", "data-kind": kind, "data-id": entry.id})
        link = etree.SubElement(item, "a", {"href": posixpath.relpath(target, extension.from_dir)})
        link.text = title
        if kind in ("principle", "protocol"):  # the assessment's title says what it is
            label = etree.SubElement(item, "span", {"class": "handbook-path__kind"})
            label.text = extension.words[kind]
        status = etree.SubElement(item, "span", {"class": "handbook-path__status", "hidden": "hidden"})
        status.text = ""
        extension.count += 1
    return listing


class OnboardingExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "locale": [DEFAULT_LOCALE, "the page's language, for the path's own words"],
            "targets": [{}, "page id -> (kind, title in the page's language, English file under docs/)"],
            "from_dir": [posixpath.dirname(ONBOARDING_PAGE), "the folder of the page that holds the path"],
        }
        super().__init__(**kwargs)
        self.count = 0

    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's name
        locale = str(self.getConfig("locale"))
        if locale not in LOCALE_CODES:
            raise PathError(f"unknown locale '{locale}' for handbook.onboarding; use one of {LOCALE_CODES}")
        self.words = load_strings()[locale]["path"]
        self.targets = {key: tuple(value) for key, value in dict(self.getConfig("targets") or {}).items()}
        self.from_dir = str(self.getConfig("from_dir")) or "."
        md.registerExtension(self)
        md.parser.blockprocessors.register(PathProcessor(md.parser, self), "handbook_path", 94)

    def reset(self) -> None:  # a new page: numbering starts again
        self.count = 0


def makeExtension(**kwargs: Any) -> OnboardingExtension:  # Python-Markdown's entry point
    return OnboardingExtension(**kwargs)


def path_targets(catalog: Catalog, locale: str) -> dict[str, tuple[str, str, str]]:
    """What the extension needs to render a path in ``locale``: id -> (kind, title, English file)."""
    out: dict[str, tuple[str, str, str]] = {}
    for page_id, source_rel in targets(catalog).items():
        page = catalog.page(source_rel, locale) or catalog.page(source_rel, DEFAULT_LOCALE)
        title = str(page.meta.get("title", page_id)) if page is not None else page_id
        out[page_id] = (kind_of(source_rel), title, source_rel)
    return out


# The assets the onboarding page loads, relative to the site's root.
SCRIPT = "assets/javascripts/onboarding.js"
STYLESHEET = "assets/stylesheets/onboarding.css"
