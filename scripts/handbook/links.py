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
from .pages import Page

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


__all__ = ["Link", "broken_link", "generated_anchors", "links_in", "page_anchors", "target_page"]
