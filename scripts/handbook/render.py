"""Markdown the build writes into pages, from the catalogue's data.

Each function returns Markdown text; the MkDocs hook (or any other build tool)
decides where it goes. Links are relative Markdown links to the English file
names, which the i18n plugin resolves to the reader's language.
"""

from __future__ import annotations

import posixpath

from .catalog import Catalog, load_strings
from .locales import DEFAULT_LOCALE
from .pages import Page, localized_rel


class RenderError(ValueError):
    """Content the renderer cannot turn into a page (reported as path:line)."""


def _link(from_page: Page, target_source_rel: str, anchor: str = "") -> str:
    directory = posixpath.dirname(from_page.source_rel)
    target = posixpath.relpath(target_source_rel, directory or ".")
    return f"{target}#{anchor}" if anchor else target


def _title(catalog: Catalog, source_rel: str, locale: str) -> str:
    page = catalog.page(source_rel, locale) or catalog.page(source_rel, DEFAULT_LOCALE)
    if page is None:
        raise RenderError(f"no page {localized_rel(source_rel, locale)}")
    return str(page.meta.get("title", page.stem))


def summary_section(page: Page) -> str:
    words = load_strings()[page.locale]
    return f"## {words['summary']} {{ #summary }}\n\n{page.meta['summary']}\n"


def related_section(page: Page, catalog: Catalog) -> str:
    words = load_strings()[page.locale]
    lines = [f"## {words['related']} {{ #related }}", ""]
    for principle_id in page.meta.get("related", []):
        target = f"principles/{principle_id}.md"
        lines.append(f"- [{_title(catalog, target, page.locale)}]({_link(page, target)})")
    return "\n".join(lines) + "\n"


def sources_section(page: Page, catalog: Catalog) -> str:
    words = load_strings()[page.locale]
    sources = catalog.sources(page.locale)
    lines = [f"## {words['sources']} {{ #sources }}", ""]
    for source_id in page.meta.get("sources", []):
        source = sources.get(source_id)
        title = source.title if source else source_id
        text = words["source_link"].format(id=source_id, title=title)
        lines.append(f"- [{text}]({_link(page, 'sources.md', 'source-' + source_id)})")
    return "\n".join(lines) + "\n"


def principles_index(page: Page, catalog: Catalog) -> str:
    """The principles grouped by their first tag, in the order of strings.yml."""
    words = load_strings()[page.locale]
    groups: dict[str, list[Page]] = {group: [] for group in words["groups"]}
    for english in catalog.principles():
        localized = catalog.page(english.source_rel, page.locale) or english
        tags = english.meta.get("tags") or []
        groups.setdefault(str(tags[0]) if tags else "", []).append(localized)
    out: list[str] = []
    for group, members in groups.items():
        if not members:
            continue
        out += [f"## {words['groups'].get(group, group)} {{ #{group} }}", ""]
        for member in sorted(members, key=lambda p: str(p.meta.get("title", p.stem)).casefold()):
            title = member.meta.get("title", member.stem)
            out.append(f"- [**{title}**]({_link(page, member.source_rel)}): {member.meta.get('summary', '')}")
        out.append("")
    return "\n".join(out)


def principles_from_source(page: Page, catalog: Catalog, source_id: str) -> str:
    words = load_strings()[page.locale]
    citing = [p for p in catalog.principles() if source_id in (p.meta.get("sources") or [])]
    if not citing:
        return words["no_principles"] + "\n"
    lines = [words["principles_from_source"], ""]
    for english in citing:
        title = _title(catalog, english.source_rel, page.locale)
        lines.append(f"- [{title}]({_link(page, english.source_rel)})")
    return "\n".join(lines) + "\n"


def expand(page: Page, catalog: Catalog, markdown: str) -> str:
    """The page's Markdown with every generated part in place."""
    out: list[str] = []
    from .pages import MARKER  # local: only the renderer needs the raw pattern

    for line in markdown.split("\n"):
        match = MARKER.match(line.strip())
        if not match:
            out.append(line)
            continue
        name, args = match.group("name"), match.group("args").split()
        if name == "principles-index":
            out.append(principles_index(page, catalog))
        elif name == "principles-from-source" and len(args) == 1:
            out.append(principles_from_source(page, catalog, args[0]))
        else:
            raise RenderError(f"unknown handbook marker '{name}'")
    text = "\n".join(out)
    if page.is_principle:
        text = summary_section(page) + "\n" + text.strip("\n") + "\n\n" + related_section(page, catalog) + "\n" + sources_section(page, catalog)
    return text
