"""Front-matter rules for every page type.

``validate_catalog`` returns Problems (``path:line: problem — fix``); it never
raises on bad content.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .blocks import ID_PATTERN
from .catalog import Catalog, load_strings
from .links import PRINCIPLE_GENERATED, PROTOCOL_GENERATED
from .locales import DEFAULT_LOCALE, LOCALE_CODES
from .pages import Page, is_date
from .problems import Problem

OWNER_PATTERN = re.compile(r"^@[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
SOURCE_ID_PATTERN = re.compile(r"^\d{3}$")

# Body sections every principle has, in this order, with these anchors.
PRINCIPLE_ANCHORS: tuple[str, ...] = ("why-it-matters", "in-practice", "do", "dont", "scenario")
# Body sections every protocol has: its checklist sits under this heading.
PROTOCOL_ANCHORS: tuple[str, ...] = ("steps",)
KNOWN_MARKERS: dict[str, int] = {
    "principles-index": 0,
    "protocols-index": 0,
    "principles-from-source": 1,
    "translation-status": 0,
    "translate-me": 0,
    "theme-principles": 0,
    "go-links": 0,
    "spelling-ignore": -1,  # one or more words the page misspells on purpose
    "write-me": 0,
    "glossary": 0,
    "pdf-link": 0,  # the link to the page's language's PDF edition (handbook/pdf.py)
    "term-ignore": -1,  # words the termbase avoids that the page keeps on purpose (a quoted title)
}


@dataclass(frozen=True)
class Key:
    name: str
    required: bool
    check: Callable[[Any, Page, Catalog], str | None]  # returns the problem, or None
    fix: str
    example: str


def _text(value: Any, page: Page, catalog: Catalog) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "must be a non-empty text"
    return None


def _id(value: Any, page: Page, catalog: Catalog) -> str | None:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        return f"'{value}' is not a valid id (lower-case words joined by hyphens)"
    if (page.is_principle or page.is_protocol) and value != page.stem:
        return f"'{value}' does not match the file name '{page.stem}', and the id is the page's URL"
    return None


def _string_list(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return "must be a non-empty list, like [a, b]"
    if len(set(map(str, value))) != len(value):
        return "lists the same value twice"
    return None


def _tags(value: Any, page: Page, catalog: Catalog) -> str | None:
    problem = _string_list(value)
    if problem:
        return problem
    known = load_strings()[DEFAULT_LOCALE]["groups"]
    unknown = [str(tag) for tag in value if tag not in known]
    if unknown:
        return f"has unknown tag(s) {', '.join(unknown)}; known tags: {', '.join(known)}"
    return None


def _related(value: Any, page: Page, catalog: Catalog) -> str | None:
    if not isinstance(value, list):
        return "must be a list of principle ids, like [honesty, empathy]"
    if len(set(map(str, value))) != len(value):
        return "lists the same principle twice"
    unknown = [str(item) for item in value if item not in catalog.principle_ids]
    if unknown:
        return f"names principle(s) that do not exist: {', '.join(unknown)}"
    if page.is_principle and page.stem in value:
        return "lists the page itself"
    return None


def _principles(value: Any, page: Page, catalog: Catalog) -> str | None:
    problem = _string_list(value)
    if problem:
        return problem
    unknown = [str(item) for item in value if item not in catalog.principle_ids]
    if unknown:
        return f"names principle(s) that do not exist: {', '.join(unknown)}"
    return None


def _sources(value: Any, page: Page, catalog: Catalog) -> str | None:
    problem = _string_list(value)
    if problem:
        return problem
    not_text = [item for item in value if not isinstance(item, str)]
    if not_text:
        return f'has unquoted id(s) {not_text}: source ids are text, write them in quotes, like ["000", "003"]'
    known = catalog.sources()
    unknown = [item for item in value if item not in known]
    if unknown:
        listed = ", ".join(known) or "none (docs/sources.md has no '{ #source-NNN }' headings)"
        return f"names unknown source(s) {', '.join(unknown)}; sources on the sources page: {listed}"
    return None


def _owner(value: Any, page: Page, catalog: Catalog) -> str | None:
    if not isinstance(value, str) or not OWNER_PATTERN.match(value):
        return f"'{value}' is not a GitHub team like @handbook/editors-en"
    return None


def _date(value: Any, page: Page, catalog: Catalog) -> str | None:
    if not is_date(value):
        return f"'{value}' is not a date"
    return None


def _hide(value: Any, page: Page, catalog: Catalog) -> str | None:
    allowed = {"navigation", "toc", "footer", "path", "tags", "feedback"}
    if not isinstance(value, list) or any(item not in allowed for item in value):
        return f"must be a list of: {', '.join(sorted(allowed))}"
    return None


def _revision(value: Any, page: Page, catalog: Catalog) -> str | None:
    if page.locale == DEFAULT_LOCALE:
        return "belongs on translations only: the English page is the original"
    if not isinstance(value, str) or not re.fullmatch(r"[0-9a-f]{12}", value):
        return f"'{value}' is not a quoted 12-character content hash"
    return None


COMMON_KEYS: tuple[Key, ...] = (
    Key("id", True, _id, "set it to the page's id, the file name without .md", "id: {stem}"),
    Key("title", True, _text, "give the page a title in its language", "title: Honesty"),
    Key(
        "summary",
        True,
        _text,
        "write one sentence that says what the page asks of the reader",
        "summary: Tell customers the truth.",
    ),
    Key(
        "owner", True, _owner, "name the GitHub team that reviews this language", 'owner: "@handbook/editors-{locale}"'
    ),
    Key("reviewed", True, _date, "write the date of the last review as YYYY-MM-DD", "reviewed: 2026-11-22"),
    Key("hide", False, _hide, "remove it, or list only Material's hide options", "hide: [toc]"),
    Key(
        "translated_from",
        False,
        _revision,
        "let the stamp command write it: make stamp FILES=<file>",
        'translated_from: "0123456789ab"',
    ),
)
SOURCES_KEY = Key(
    "sources",
    True,
    _sources,
    "use the ids of the sources page (docs/sources.md), quoted",
    'sources: ["000", "003"]',
)
PRINCIPLE_KEYS: tuple[Key, ...] = (
    *COMMON_KEYS,
    Key("tags", True, _tags, "use the theme groups listed in scripts/handbook/strings.yml", "tags: [trust]"),
    Key(
        "related",
        True,
        _related,
        "use ids of existing principles (the file names in docs/principles/)",
        "related: [transparency]",
    ),
    SOURCES_KEY,
)


PROTOCOL_KEYS: tuple[Key, ...] = (
    *COMMON_KEYS,
    Key(
        "principles",
        True,
        _principles,
        "list the ids of the principles its steps apply (the file names in docs/principles/)",
        "principles: [courtesy, priority]",
    ),
    SOURCES_KEY,
)


def keys_for(page: Page) -> tuple[Key, ...]:
    if page.is_principle:
        return PRINCIPLE_KEYS
    if page.is_protocol:
        return PROTOCOL_KEYS
    return COMMON_KEYS


def _generated(page: Page) -> tuple[str, ...]:
    if page.is_principle:
        return PRINCIPLE_GENERATED
    if page.is_protocol:
        return PROTOCOL_GENERATED
    return ()


def validate_page(page: Page, catalog: Catalog) -> list[Problem]:
    """Front matter and required body sections of one page."""
    if not page.front_matter_ok:
        return []  # already reported while parsing
    problems: list[Problem] = []
    keys = {key.name: key for key in keys_for(page)}
    for name in page.meta:
        if name not in keys:
            problems.append(
                Problem(
                    page.display,
                    page.line_of(str(name)),
                    f"unknown front-matter key '{name}'",
                    f"remove it, or use one of: {', '.join(keys)}",
                    code="front-matter",
                )
            )
    for key in keys.values():
        if key.name not in page.meta:
            if key.required:
                problems.append(
                    Problem(
                        page.display,
                        1,
                        f"the front matter has no '{key.name}'",
                        f"add a line like '{key.example.format(stem=page.stem, locale=page.locale)}'",
                        code="front-matter",
                    )
                )
            continue
        reason = key.check(page.meta[key.name], page, catalog)
        if reason:
            problems.append(
                Problem(page.display, page.line_of(key.name), f"'{key.name}' {reason}", key.fix, code="front-matter")
            )
    problems.extend(_validate_body(page))
    return problems


def _validate_body(page: Page) -> list[Problem]:
    problems: list[Problem] = []
    for heading in page.headings:
        if heading.level == 1:
            problems.append(
                Problem(
                    page.display,
                    heading.line,
                    "the page has its own H1 heading",
                    "remove it: the title comes from the front matter",
                    code="structure",
                )
            )
        if heading.level > 1 and not heading.anchor:
            problems.append(
                Problem(
                    page.display,
                    heading.line,
                    f"the heading '{heading.text}' has no fixed anchor",
                    "end it with an English id, the same in every language, like '## In practice { #in-practice }'",
                    code="structure",
                )
            )
        if heading.anchor in _generated(page):
            problems.append(
                Problem(
                    page.display,
                    heading.line,
                    f"the anchor '#{heading.anchor}' is written by the build",
                    "remove this section: the build generates it from the front matter",
                    code="structure",
                )
            )
    for marker in page.markers:
        if marker.name not in KNOWN_MARKERS:
            problems.append(
                Problem(
                    page.display,
                    marker.line,
                    f"unknown handbook marker '{marker.name}'",
                    f"use one of: {', '.join(KNOWN_MARKERS)}",
                    code="structure",
                )
            )
        elif KNOWN_MARKERS[marker.name] == -1 and not marker.args:
            problems.append(
                Problem(
                    page.display,
                    marker.line,
                    f"the marker '{marker.name}' names no word",
                    f"list the words after it, like <!-- handbook:{marker.name} pls asap -->",
                    code="structure",
                )
            )
        elif KNOWN_MARKERS[marker.name] != -1 and len(marker.args) != KNOWN_MARKERS[marker.name]:
            problems.append(
                Problem(
                    page.display,
                    marker.line,
                    f"the marker '{marker.name}' takes {KNOWN_MARKERS[marker.name]} argument(s)",
                    "write it like <!-- handbook:principles-from-source 000 -->",
                    code="structure",
                )
            )
    required = PRINCIPLE_ANCHORS if page.is_principle else PROTOCOL_ANCHORS if page.is_protocol else ()
    if required:
        kind = "principle" if page.is_principle else "protocol"
        anchors = [heading.anchor for heading in page.headings if heading.anchor in required]
        if anchors != list(required):
            missing = [anchor for anchor in required if anchor not in anchors]
            what = (
                f"is missing the section(s) {', '.join('#' + a for a in missing)}"
                if missing
                else "has its sections in the wrong order"
            )
            problems.append(
                Problem(
                    page.display,
                    page.body_line,
                    f"the {kind} {what}",
                    "write these headings, in this order: " + ", ".join(f"{{ #{a} }}" for a in required),
                    code="structure",
                )
            )
    return problems


def validate_catalog(catalog: Catalog) -> list[Problem]:
    """Every page's front matter, plus the pages the site cannot do without."""
    problems = list(catalog.load_problems)
    for page in catalog.pages:
        if page.locale in LOCALE_CODES:
            problems.extend(validate_page(page, catalog))
    if catalog.page("sources.md", DEFAULT_LOCALE) is None:
        problems.append(
            Problem(
                "docs/sources.md",
                0,
                "the sources page is missing",
                "restore docs/sources.md: principles cite its '{ #source-NNN }' sections",
                code="missing-page",
            )
        )
    return problems
