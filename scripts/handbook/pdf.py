"""The PDF edition: one print page per language, put together from the built site and laid out by WeasyPrint.

The print page is the handbook as a book: a cover with the title and the
edition date, a table of contents with page numbers, every principle (in the
navigation's order, theme by theme) and every protocol, then the glossary and
the sources. Each page's article is taken from the built site, so the PDF says
exactly what the site says; what only works on a screen is left out (quizzes,
the page's owner and edit link, the checklist's buttons, heading permalinks),
checkbox inputs become empty boxes to tick with a pen, and every link between
pages becomes a link inside the PDF. A link to a page the PDF does not carry
(the home page, the onboarding path) keeps its text and loses its target.

``print_page`` writes the HTML, ``render`` lays it out (no request ever leaves
the machine: fonts are the system's), and ``verify`` reads the PDF back and
says what is missing, so a broken edition is never published.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from .catalog import SOURCES_PAGE, Catalog, load_strings
from .locales import Locale, format_date, get_locale
from .themes import members, theme_ids

DOWNLOADS = "downloads"
MARKER_NAME = "pdf-link"
STYLESHEET = Path(__file__).with_name("print.css")

# What only works on a screen, dropped from each article.
_DROP = (
    "script",
    "style",
    ".headerlink",
    ".handbook-page-info",
    ".handbook-quiz",
    ".handbook-checklist__controls",
    ".handbook-onboarding",
)


def file_name(locale: str) -> str:
    """``handbook-hu.pdf``: the edition's file, in ``site/downloads/``."""
    return f"handbook-{locale}.pdf"


def site_path(locale: str) -> str:
    """The PDF's path from the site's root: ``downloads/handbook-hu.pdf``."""
    return f"{DOWNLOADS}/{file_name(locale)}"


def download_link(href: str, locale_code: str) -> str:
    """The ``<!-- handbook:pdf-link -->`` marker: a link (``href``, relative to the page) to the
    page's language's PDF, with its words.

    Raw HTML, not a Markdown link: the file is written by ``make pdf`` after the
    site is built, so MkDocs cannot see it (its link check would fail ``make build``).
    """
    words = load_strings()[locale_code]["edition"]
    return (
        f'<a class="handbook-download" href="{html.escape(href)}" type="application/pdf" '
        f'download="{html.escape(file_name(locale_code))}">{html.escape(words["pdf_link"])}</a>'
    )


@dataclass(frozen=True)
class Entry:
    """One page of the site in the PDF."""

    source_rel: str  # principles/honesty.md
    url: str  # principles/honesty/ (inside the language root)
    anchor: str  # principles-honesty

    @staticmethod
    def of(source_rel: str, url: str) -> Entry:
        return Entry(source_rel, url, url.strip("/").replace("/", "-") or "home")


@dataclass
class Part:
    """A level of the book: the principles, the protocols, or a page on its own (glossary, sources)."""

    title: str
    anchor: str
    entries: list[Entry] = field(default_factory=list)
    groups: list[tuple[str, int]] = field(default_factory=list)  # (theme name, index of its first entry)
    page: Entry | None = None  # a part that is one page


def contents(catalog: Catalog, locale: str) -> list[Part]:
    """The book's parts, in order: principles theme by theme, protocols, glossary, sources."""
    words = load_strings()[locale]

    def title(source_rel: str, fallback: str) -> str:
        page = catalog.page(source_rel, locale) or catalog.page(source_rel, "en")
        return str(page.meta.get("title") or fallback) if page is not None else fallback

    principles = Part(title("principles/index.md", "Principles"), "part-principles")
    for theme in theme_ids():
        pages = members(catalog, theme)
        if pages:
            principles.groups.append((str(words["groups"][theme]), len(principles.entries)))
            principles.entries.extend(Entry.of(page.source_rel, page.url) for page in pages)
    protocols = Part(title("protocols/index.md", "Protocols"), "part-protocols")
    protocols.entries.extend(Entry.of(page.source_rel, page.url) for page in catalog.protocols())
    parts = [principles, protocols]
    for source_rel in ("glossary.md", SOURCES_PAGE):
        english = catalog.page(source_rel, "en")
        if english is not None:
            entry = Entry.of(source_rel, english.url)
            parts.append(Part(title(source_rel, source_rel), entry.anchor, page=entry))
    return parts


def edition_date(project_root: Path) -> dt.date:
    """The day the content last changed (its last commit), so a rebuild of the same content gives the same cover."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", "docs", "termbase.yml"],
            cwd=project_root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return dt.date.fromisoformat(out)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return dt.date.today()


class PrintError(ValueError):
    """The built site lacks a page the edition needs (build the site first)."""


def _article(site_dir: Path, locale: Locale, entry: Entry) -> Any:
    import lxml.html

    path = site_dir / locale.url_prefix / entry.url / "index.html"
    if not path.is_file():
        raise PrintError(f"{path}: the built page is missing — build the site first (make build)")
    tree = lxml.html.fromstring(path.read_bytes())
    found = tree.xpath("//article")
    if not found:
        raise PrintError(f"{path}: the page has no <article> — was it built by this project's theme?")
    return found[0]


def _strip_screen_only(article: Any) -> None:

    for selector in _DROP:
        for element in _select(article, selector):
            element.drop_tree()
    # the quiz's own heading ("Test yourself"): the quiz is not in the PDF
    for heading in article.xpath(".//h2[@id='quiz']"):
        heading.drop_tree()
    for box in _select(article, "input"):
        span = box.makeelement("span", {"class": "handbook-print-box"})
        span.tail = box.tail
        box.getparent().replace(box, span)
    for element in article.iter():
        for attribute in ("aria-describedby", "for", "title", "data-step", "hidden"):
            element.attrib.pop(attribute, None)


def _select(root: Any, selector: str) -> list[Any]:
    """Elements matching a tag name or a single ``.class`` selector."""
    if selector.startswith("."):
        name = selector[1:]
        return list(root.xpath(f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"))
    return list(root.iter(selector))


def _rewrite_ids_and_links(article: Any, entry: Entry, locale: Locale, targets: dict[str, str]) -> None:
    """Ids made unique in the book (``principles-honesty--dont``); links between pages made links inside it."""
    for element in article.iter():
        if element.get("id"):
            element.set("id", f"{entry.anchor}--{element.get('id')}")
    heading = article.find(".//h1")
    if heading is not None:
        heading.set("id", entry.anchor)
    base = f"http://site/{locale.url_prefix}{entry.url}"
    for link in article.iter("a"):
        href = link.get("href")
        if href is None:
            continue
        absolute = urljoin(base, href)
        parts = urlsplit(absolute)
        if parts.netloc != "site":
            continue  # a link off the site keeps its address
        path = parts.path.lstrip("/")
        if locale.url_prefix and path.startswith(locale.url_prefix):
            path = path[len(locale.url_prefix) :]
        target = targets.get(path)
        if target is None:
            link.set("href", "")  # no page of the book: _unlink_dangling keeps the text
            continue
        link.set("href", f"#{target}--{parts.fragment}" if parts.fragment else f"#{target}")


def _unlink_dangling(body: Any) -> None:
    """A link inside the book whose target is not in it keeps its words and loses the link."""
    ids = {element.get("id") for element in body.iter() if element.get("id")}
    for link in list(body.iter("a")):
        href = link.get("href")
        if href is None:
            continue
        if href == "" or (href.startswith("#") and href[1:] not in ids):
            link.drop_tag()


def print_page(site_dir: Path, catalog: Catalog, locale_code: str, edition: dt.date) -> str:
    """The print page for one language: the whole book as one HTML document."""
    import lxml.html
    from lxml.html import builder as E

    locale = get_locale(locale_code)
    words = load_strings()[locale_code]["edition"]
    home = catalog.page("index.md", locale_code) or catalog.page("index.md", "en")
    title = str(home.meta.get("title") or "Handbook") if home is not None else "Handbook"
    parts = contents(catalog, locale_code)
    entries = [entry for part in parts for entry in ([part.page] if part.page else part.entries)]
    targets = {entry.url: entry.anchor for entry in entries}
    articles = {entry: _article(site_dir, locale, entry) for entry in entries}  # each built page read once

    body = E.BODY()
    cover = E.SECTION(
        E.P(E.CLASS("handbook-print-cover__title"), title),
        E.P(E.CLASS("handbook-print-cover__edition"), words["cover"].format(date=format_date(edition, locale_code))),
        E.CLASS("handbook-print-cover"),
    )
    body.append(cover)
    toc = E.NAV(E.CLASS("handbook-print-toc"), E.H1(words["contents"], E.CLASS("handbook-print-toc__title")))
    toc.set("aria-label", words["contents"])
    listing = E.OL()
    for part in parts:
        item = E.LI(E.A(part.title, href=f"#{part.anchor}"), E.CLASS("handbook-print-toc__part"))
        if part.entries:
            sub = E.OL()
            starts = dict((index, name) for name, index in part.groups)
            for index, entry in enumerate(part.entries):
                if index in starts:
                    sub.append(E.LI(starts[index], E.CLASS("handbook-print-toc__group")))
                heading = articles[entry].find(".//h1")
                label = heading.text_content().strip() if heading is not None else entry.url
                sub.append(E.LI(E.A(label, href=f"#{entry.anchor}")))
            item.append(sub)
        listing.append(item)
    toc.append(listing)
    body.append(toc)

    for part in parts:
        if part.page is not None:
            article = articles[part.page]
            _strip_screen_only(article)
            _rewrite_ids_and_links(article, part.page, locale, targets)
            article.set("class", "handbook-print-page handbook-print-part")
            body.append(article)
            continue
        body.append(E.SECTION(E.H1(part.title, E.CLASS("handbook-print-part__title")), id=part.anchor))
        starts = {index: name for name, index in part.groups}
        for index, entry in enumerate(part.entries):
            article = articles[entry]
            _strip_screen_only(article)
            _rewrite_ids_and_links(article, entry, locale, targets)
            article.set("class", "handbook-print-page")
            if index in starts:
                article.set("data-group", starts[index])
            body.append(article)
    _unlink_dangling(body)

    document = E.HTML(
        E.HEAD(
            E.META(charset="utf-8"),
            E.TITLE(title),
            E.META(name="dcterms.created", content=edition.isoformat()),
            E.STYLE(STYLESHEET.read_text(encoding="utf-8")),
        ),
        body,
        lang=locale.html_lang,
    )
    return "<!DOCTYPE html>\n" + str(lxml.html.tostring(document, encoding="unicode"))


def local_only_fetcher() -> Any:
    """WeasyPrint's fetcher for file: and data: URLs only. Anything else stops the layout: never a download."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)


def render(page_html: str, base_dir: Path, target: Path) -> None:
    """Lay out the print page with WeasyPrint into ``target``."""
    from weasyprint import HTML

    document = HTML(string=page_html, base_url=base_dir.resolve().as_uri() + "/", url_fetcher=local_only_fetcher())
    document.write_pdf(target, pdf_tags=True)


@dataclass(frozen=True)
class Outline:
    """A PDF's bookmarks: each part's title and the titles under it."""

    parts: list[tuple[str, list[str]]]


def read_outline(pdf: Path) -> Outline:
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    parts: list[tuple[str, list[str]]] = []
    for item in reader.outline:
        if isinstance(item, list):
            if parts:
                parts[-1][1].extend(_titles(item))
        else:
            parts.append((str(item.title), []))
    return Outline(parts)


def _titles(items: list[Any]) -> list[str]:
    return [str(item.title) for item in items if not isinstance(item, list)]


def expected_outline(site_dir: Path, catalog: Catalog, locale_code: str) -> Outline:
    """The bookmarks the PDF must have: every part, and under each, its principles or protocols."""
    locale = get_locale(locale_code)
    parts: list[tuple[str, list[str]]] = []
    for part in contents(catalog, locale_code):
        titles = []
        for entry in part.entries:
            heading = _article(site_dir, locale, entry).find(".//h1")
            titles.append(_words(heading.text_content()) if heading is not None else entry.url)
        parts.append((_words(part.title), titles))
    return Outline(parts)


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def verify(pdf: Path, expected: Outline) -> list[str]:
    """What the written PDF lacks: bookmarks that differ from the book's contents."""
    found = read_outline(pdf)
    problems = []
    got = [(_words(title), [_words(t) for t in titles]) for title, titles in found.parts]
    if [title for title, _ in got] != [title for title, _ in expected.parts]:
        problems.append(f"{pdf.name}: its parts are {[t for t, _ in got]}, expected {[t for t, _ in expected.parts]}")
    for (title, titles), (_, wanted) in zip(got, expected.parts, strict=False):
        if titles != wanted:
            missing = [t for t in wanted if t not in titles]
            problems.append(
                f"{pdf.name}: under '{title}', {len(titles)} bookmarks, expected {len(wanted)}; missing {missing}"
            )
    return problems
