"""Links between pages, and the anchors each page has once it is built.

A link is written to the English file name (``../principles/honesty.md#do``);
the i18n plugin sends the reader to the same page in their language, so an
anchor must exist on the linked page in the linking page's language.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from .catalog import Catalog
from .locales import DEFAULT_LOCALE, LOCALE_CODES, get_locale
from .pages import Page, prose_lines
from .problems import Problem
from .prose import INLINE_CODE

# [text](target) and [text](target "title"); images share the syntax and are skipped by the caller if need be.
MARKDOWN_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")

# Sections the build writes into each page type, by anchor, in page order.
PRINCIPLE_GENERATED = ("summary", "related", "protocols", "sources", "quiz")
PROTOCOL_GENERATED = ("purpose", "principles", "sources")


@dataclass(frozen=True)
class Link:
    text: str
    target: str  # as written
    page: str  # the English source it points to, relative to docs/ (principles/honesty.md); "" if external
    anchor: str


def links_in(text: str, from_page: Page) -> list[Link]:
    """Internal links in ``text``, resolved against ``from_page``'s folder."""
    found: list[Link] = []
    for match in MARKDOWN_LINK.finditer(text):
        target = match.group("target")
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("//"):
            continue  # http:, mailto: ...: not a page of the handbook
        path, _, anchor = target.partition("#")
        if path:
            directory = posixpath.dirname(from_page.source_rel)
            resolved = posixpath.normpath(posixpath.join(directory, path))
        else:
            resolved = from_page.source_rel
        found.append(Link(match.group("text"), target, resolved, anchor))
    return found


def generated_anchors(page: Page, catalog: Catalog) -> tuple[str, ...]:
    """Anchors of the sections the build adds to this page."""
    if page.is_principle:
        applied = bool(catalog.protocols_applying(page.stem))
        return tuple(a for a in PRINCIPLE_GENERATED if a != "protocols" or applied)
    if page.is_protocol:
        return PROTOCOL_GENERATED
    return ()


def page_anchors(page: Page, catalog: Catalog) -> set[str]:
    """Every anchor the built page has: headings, generated sections, checklist steps, quiz questions."""
    from . import checklists, quizzes  # these modules link back to this one

    anchors = {heading.anchor for heading in page.headings if heading.anchor}
    anchors.update(generated_anchors(page, catalog))
    anchors.update(step.id for checklist in checklists.parse_page(page).checklists for step in checklist.steps)
    anchors.update(quizzes.question_ids(page))
    return anchors


def target_page(link: Link, from_page: Page, catalog: Catalog) -> Page | None:
    """The page a link leads to, in the linking page's language."""
    return catalog.page(link.page, from_page.locale)


def broken_link(link: Link, from_page: Page, catalog: Catalog, what: str, example: str) -> tuple[str, str] | None:
    """Why ``link`` (written in ``what``, e.g. "the why") leads nowhere, as (problem, fix); None if it works."""
    target = target_page(link, from_page, catalog)
    if target is None and catalog.page(link.page, DEFAULT_LOCALE) is not None:
        language = get_locale(from_page.locale).english_name
        return (
            f"{what} links to '{link.target}', which has no {language} translation yet",
            f"add the translation (see its missing-translation error): {from_page.display} links to it in {language}",
        )
    if target is None:
        return (
            f"{what} links to '{link.target}', which is not a page of the handbook",
            f"link to a page by its English file name, in every language, like {example}",
        )
    anchors = page_anchors(target, catalog)
    if link.anchor and link.anchor not in anchors:
        return (
            f"{what} links to '#{link.anchor}', which {target.display} does not have",
            f"use one of its anchors: {', '.join('#' + a for a in sorted(anchors))}",
        )
    return None


def _body_with_lines(page: Page) -> tuple[str, list[int]]:
    """The body outside code (fences and inline code blanked), and the file line of each of its lines."""
    lines: list[str] = []
    numbers: list[int] = []
    for number, line in prose_lines(page.body, page.body_line):
        lines.append(INLINE_CODE.sub(lambda m: " " * len(m.group()), line))
        numbers.append(number)
    return "\n".join(lines), numbers


def check(catalog: Catalog) -> list[Problem]:
    """Every internal link in every page leads to a page and, where it names one, to an anchor
    that page has in the same language. A link's text may wrap onto the next line."""
    problems: list[Problem] = []
    for page in catalog.pages:
        if page.locale not in LOCALE_CODES or not page.front_matter_ok:
            continue
        text, numbers = _body_with_lines(page)
        for match in MARKDOWN_LINK.finditer(text):
            if match.start() > 0 and text[match.start() - 1] == "!":
                continue  # an image
            line = numbers[text.count("\n", 0, match.end())]
            for link in links_in(match.group(), page):
                broken = broken_link(link, page, catalog, "this line", "../principles/honesty.md#do")
                if broken is not None:
                    problems.append(Problem(page.display, line, *broken, code="link"))
    return problems


__all__ = ["Link", "broken_link", "check", "generated_anchors", "links_in", "page_anchors", "target_page"]
