"""Markdown the build writes into pages, from the catalogue's data.

Each function returns Markdown text; the MkDocs hook (or any other build tool)
decides where it goes. Links are relative Markdown links to the English file
names, which the i18n plugin resolves to the reader's language.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import unicodedata

from . import glossary, golinks, pdf, quizzes, themes
from .catalog import Catalog, load_strings
from .checklists import parse_page
from .locales import DEFAULT_LOCALE, LOCALES, format_date, get_locale
from .pages import MARKER, Page, localized_rel, prose_lines, url_of
from .translations import TranslationReport


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


def sort_key(title: str) -> str:
    """Alphabetical order that ignores accents, so Ő sorts with O and Á with A."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def tag_labels(page: Page) -> list[str]:
    groups = load_strings()[page.locale]["groups"]
    return [str(groups.get(tag, tag)) for tag in page.meta.get("tags") or []]


def principle_titles(catalog: Catalog, locale: str) -> dict[str, str]:
    """Every principle's title in ``locale`` (English where a translation is missing), by id."""
    return {english.stem: _title(catalog, english.source_rel, locale) for english in catalog.principles()}


def summary_section(page: Page) -> str:
    words = load_strings()[page.locale]
    return f"## {words['summary']} {{ #summary }}\n\n{page.meta['summary']}\n"


def _principles_section(page: Page, catalog: Catalog, key: str, heading: str, anchor: str) -> str:
    """A heading and links to the principles that the front matter's ``key`` lists, in that order."""
    words = load_strings()[page.locale]
    lines = [f"## {words[heading]} {{ #{anchor} }}", ""]
    for principle_id in page.meta.get(key, []):
        target = f"principles/{principle_id}.md"
        lines.append(f"- [{_title(catalog, target, page.locale)}]({_link(page, target)})")
    return "\n".join(lines) + "\n"


def related_ids(page: Page, catalog: Catalog) -> list[str]:
    """The principles related to ``page``, both ways: those its front matter lists, in that
    order, then those that list it (backlinks, computed), by title in the page's language."""
    listed = [str(principle_id) for principle_id in page.meta.get("related") or []]
    stem = page.stem
    backlinks = list(dict.fromkeys(o for o in catalog.listed_by.get(stem, []) if o != stem and o not in listed))
    titles = {principle_id: _title(catalog, f"principles/{principle_id}.md", page.locale) for principle_id in backlinks}
    return listed + sorted(backlinks, key=lambda principle_id: sort_key(titles[principle_id]))


def related_section(page: Page, catalog: Catalog) -> str:
    words = load_strings()[page.locale]
    lines = [f"## {words['related']} {{ #related }}", ""]
    for principle_id in related_ids(page, catalog):
        target = f"principles/{principle_id}.md"
        lines.append(f"- [{_title(catalog, target, page.locale)}]({_link(page, target)})")
    return "\n".join(lines) + "\n"


def purpose_section(page: Page) -> str:
    words = load_strings()[page.locale]
    return f"## {words['purpose']} {{ #purpose }}\n\n{page.meta['summary']}\n"


def _titled_links(page: Page, catalog: Catalog, english: list[Page]) -> list[str]:
    """Links to these pages, titled in ``page``'s language and sorted by that title."""
    titled = [(_title(catalog, other.source_rel, page.locale), other) for other in english]
    return [
        f"- [{title}]({_link(page, other.source_rel)})" for title, other in sorted(titled, key=lambda t: sort_key(t[0]))
    ]


def principles_applied_section(page: Page, catalog: Catalog) -> str:
    """On a protocol: the principles its steps put into practice, in front-matter order."""
    return _principles_section(page, catalog, "principles", "principles_applied", "principles")


def protocols_applying_section(page: Page, catalog: Catalog) -> str:
    """On a principle: the protocols that apply it, from their front matter ("" when none does)."""
    applying = catalog.protocols_applying(page.stem)
    if not applying:
        return ""
    words = load_strings()[page.locale]
    return (
        "\n".join([f"## {words['protocols_applying']} {{ #protocols }}", "", *_titled_links(page, catalog, applying)])
        + "\n"
    )


def protocols_index(page: Page, catalog: Catalog) -> str:
    """Every protocol, by title in the page's language, with its purpose and its number of steps."""
    words = load_strings()[page.locale]
    entries = []
    for english in catalog.protocols():
        localized = catalog.page(english.source_rel, page.locale) or english
        count = sum(len(checklist.steps) for checklist in parse_page(english).checklists)
        title = str(localized.meta.get("title", english.stem))
        steps = words["steps_count"].format(count=count)
        entries.append(
            (
                title,
                f"- [**{title}**]({_link(page, english.source_rel)}): {localized.meta.get('summary', '')} ({steps})",
            )
        )
    return "\n".join(line for _, line in sorted(entries, key=lambda e: sort_key(e[0]))) + "\n"


def sources_section(page: Page, catalog: Catalog) -> str:
    words = load_strings()[page.locale]
    sources = catalog.sources(page.locale)
    # The page's principles come from these texts; practical advice that goes beyond them is ours.
    lines = [f"## {words['sources']} {{ #sources }}", "", words["sources_note"] + "\n{ .handbook-sources-note }", ""]
    for source_id in page.meta.get("sources", []):
        source = sources.get(source_id)
        title = source.title if source else source_id
        if source and source.lang and source.lang != page.locale:
            title = f'<span lang="{source.lang}">{title}</span>'  # the original title keeps its language
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
        name = words["groups"].get(group, group)
        theme_page = themes.theme_page(group)
        if catalog.page(theme_page, DEFAULT_LOCALE) is not None:  # the heading leads to the theme's page
            name = f"[{name}]({_link(page, theme_page)})"
        out += [f"## {name} {{ #{group} }}", ""]
        for member in sorted(members, key=lambda p: sort_key(str(p.meta.get("title", p.stem)))):
            title = member.meta.get("title", member.stem)
            out.append(f"- [**{title}**]({_link(page, member.source_rel)}): {member.meta.get('summary', '')}")
        out.append("")
    return "\n".join(out)


def theme_principles(page: Page, catalog: Catalog) -> str:
    """A theme page's principles, by title in the page's language, with their summaries."""
    theme = themes.theme_of_page(page) or ""
    entries = []
    for english in themes.members(catalog, theme):
        localized = catalog.page(english.source_rel, page.locale) or english
        title = str(localized.meta.get("title", english.stem))
        entries.append(
            (title, f"- [**{title}**]({_link(page, english.source_rel)}): {localized.meta.get('summary', '')}")
        )
    return "\n".join(line for _, line in sorted(entries, key=lambda entry: sort_key(entry[0]))) + "\n"


def go_links_table(page: Page, catalog: Catalog) -> str:
    """Every language-neutral link, with its page's title in ``page``'s language: onboarding,
    assessment, then principles and protocols by title."""
    words = load_strings()[page.locale]
    kinds = {"onboarding": 0, "assessment": 1, "principle": 2, "protocol": 3}
    rows = []
    for go_id, source_rel in golinks.targets(catalog).items():
        kind = golinks.kind_of(source_rel)
        title = _title(catalog, source_rel, page.locale)
        label = f"{title} ({words['path'][kind].lower()})" if kind in ("principle", "protocol") else title
        rows.append(
            ((kinds[kind], sort_key(title)), f"| [{label}]({_link(page, source_rel)}) | `/{golinks.go_path(go_id)}` |")
        )
    lines = [f"| {words['go']['page']} | {words['go']['link']} |", "|---|---|"]
    return "\n".join([*lines, *(row for _, row in sorted(rows))]) + "\n"


def principles_from_source(page: Page, catalog: Catalog, source_id: str) -> str:
    words = load_strings()[page.locale]
    citing = [p for p in catalog.principles() if source_id in (p.meta.get("sources") or [])]
    text = (
        "\n".join([words["principles_from_source"], "", *_titled_links(page, catalog, citing)])
        if citing
        else words["no_principles"]
    ) + "\n"
    protocols = [p for p in catalog.protocols() if source_id in (p.meta.get("sources") or [])]
    if protocols:
        text += "\n" + "\n".join([words["protocols_from_source"], "", *_titled_links(page, catalog, protocols)]) + "\n"
    return text


def expand(
    page: Page,
    catalog: Catalog,
    markdown: str,
    report: TranslationReport | None = None,
    changed_on: dt.date | None = None,
) -> str:
    """The page's Markdown with every generated part in place."""
    out: list[str] = []
    markdown = glossary.link_first_uses(page, catalog.termbase, markdown)
    for line in markdown.split("\n"):
        match = MARKER.match(line.strip())
        if not match:
            out.append(line)
            continue
        name, args = match.group("name"), match.group("args").split()
        if name == "principles-index":
            out.append(principles_index(page, catalog))
        elif name == "protocols-index":
            out.append(protocols_index(page, catalog))
        elif name == "principles-from-source" and len(args) == 1:
            out.append(principles_from_source(page, catalog, args[0]))
        elif name == "translation-status" and report is not None:
            out.append(translation_status(page, report))
        elif name == "theme-principles":
            out.append(theme_principles(page, catalog))
        elif name == "go-links":
            out.append(go_links_table(page, catalog))
        elif name == glossary.GLOSSARY_MARKER:
            words = load_strings()[page.locale]["glossary"]
            out.append(glossary.glossary_page(page, catalog.termbase, principle_titles(catalog, page.locale), words))
        elif name == pdf.MARKER_NAME:
            indent = line[: len(line) - len(line.lstrip())]  # inside a card, the link stays in it
            out.append(indent + pdf.download_link(_relative(page, pdf.site_path(page.locale)), page.locale))
        elif name in ("translate-me", "spelling-ignore", "write-me", glossary.IGNORE_MARKER):
            continue
        else:
            raise RenderError(f"unknown handbook marker '{name}'")
    text = "\n".join(out)
    if page.is_principle:
        body, quiz = split_quiz(text)
        text = "\n".join(
            part
            for part in (
                summary_section(page),
                body.strip("\n") + "\n",
                related_section(page, catalog),
                protocols_applying_section(page, catalog),
                sources_section(page, catalog),
                quiz_section(page, quiz),
            )
            if part
        )
    elif page.is_protocol:
        text = "\n".join(
            (
                purpose_section(page),
                text.strip("\n") + "\n",
                principles_applied_section(page, catalog),
                sources_section(page, catalog),
            )
        )
    if changed_on is not None:
        text = stale_banner(page, changed_on) + text
    return text


def split_quiz(markdown: str) -> tuple[str, str]:
    """The page's text before its quiz, and the quiz ("" when there is none)."""
    lines = markdown.split("\n")
    for index, line in prose_lines(markdown, 0):
        if quizzes.OPEN.match(line):
            return "\n".join(lines[:index]), "\n".join(lines[index:])
    return markdown, ""


def quiz_section(page: Page, quiz: str) -> str:
    """A principle's quiz under its heading, after the generated sections: the page ends with it."""
    if not quiz.strip():
        return ""
    words = load_strings()[page.locale]["quiz"]
    return f"## {words['heading']} {{ #quiz }}\n\n{quiz.strip(chr(10))}\n"


def _site_url(page: Page) -> str:
    """The page's path from the site root: es/principles/honesty/."""
    return get_locale(page.locale).url_prefix + page.url


def _relative(from_page: Page, site_path: str) -> str:
    """A relative link from ``from_page`` to a path from the site root (a page's folder or a file)."""
    start = _site_url(from_page).rstrip("/") or "."
    return posixpath.relpath(site_path.rstrip("/") or ".", start)


def _href(from_page: Page, site_path: str) -> str:
    """A relative link from ``from_page`` to a built page, for links across languages."""
    return _relative(from_page, site_path) + "/"


def stale_banner(page: Page, changed_on: dt.date) -> str:
    words = load_strings()[page.locale]
    text = words["stale_text"].format(link=_href(page, page.url), date=format_date(changed_on, page.locale))
    return f'!!! warning "{words["stale_title"]}"\n\n    {text}\n\n'


def translation_status(page: Page, report: TranslationReport) -> str:
    words = load_strings()[page.locale]
    # Four columns, so the table fits a phone's width: the pages of a language are
    # its complete, out-of-date and missing ones together.
    head = [words[k] for k in ("status_language", "status_complete", "status_stale", "status_missing")]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "--:|" * 3]
    for status in report.languages:
        locale = get_locale(status.locale)
        lines.append(
            f"| {locale.name} | {status.complete} ({status.percent:g} %) | {status.stale} | {status.missing} |"
        )
    for title_key, pick in (("status_stale_list", report.stale), ("status_missing_list", report.missing)):
        lines += ["", f"**{words[title_key]}**", ""]
        entries = []
        for locale in LOCALES[1:]:
            for source_rel in pick(locale.code):
                url = get_locale(locale.code).url_prefix + url_of(source_rel)
                entries.append(f"- {locale.name}: [`{localized_rel(source_rel, locale.code)}`]({_href(page, url)})")
        lines += entries or [words["status_none"]]
    return "\n".join(lines) + "\n"
