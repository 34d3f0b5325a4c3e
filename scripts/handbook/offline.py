"""The offline copy: the whole site, every language, in one zip that works from ``file://``.

Opened from a disk there is no server, and what a website may rely on breaks:

- a link to a folder (``principles/honesty/``) shows the folder's listing, not its page.
  Material's offline plugin turns MkDocs' directory URLs off, so MkDocs writes file
  links (``principles/honesty.html``); :func:`rewrite_folder_links` does the same for
  the addresses the handbook writes itself (a stale translation's link to its English
  original, the translation status table);
- an address that starts with ``/`` is the root of the disk, not of the site;
- nothing may come from the network: a store may have none, and no request leaves
  the reader's machine;
- a browser runs no web worker from a file, and Material's search runs in one: the
  offline build ships a small worker shim (:data:`WORKER_SHIM`) and the offline plugin
  writes each language's search index as a script.

:func:`check_tree` finds all of these in every page and stylesheet, naming the Markdown
file and line when the address is written there, before anything is published.
:func:`write_zip` writes the copy as one zip under one top folder, with a fixed order
and fixed dates (the same content gives the same bytes), whole or not at all.
What only a server uses is left out (:func:`left_out`): the 404 pages, the /go/ links
and the redirects of moved pages, which are addresses for the intranet's links.

``scripts/build_offline.py`` and the MkDocs hook only call these functions.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import urls
from .catalog import Catalog
from .locales import LOCALE_CODES, LOCALES, Locale, get_locale
from .pages import Page
from .problems import Problem

# The environment variable mkdocs.yml reads to switch Material's offline plugin on.
OFFLINE_ENV = "HANDBOOK_OFFLINE"
ZIP_NAME = "handbook-offline.zip"
# The zip's one top folder: unzipped, the copy is handbook/index.html, handbook/hu/index.html...
TOP_FOLDER = "handbook"
# Where the site keeps its editions; the copy carries the PDFs (the home pages link to them).
DOWNLOADS = "downloads"
PDF_PATTERN = "handbook-*.pdf"
# A language's home page as a file: from file:// a folder's address shows its listing.
HOME_PAGE = "index.html"
# The web-worker shim Material's search needs from file:// (iframe-worker, MIT), shipped
# with the theme (overrides/) instead of fetched from unpkg.com as the offline plugin would.
WORKER_SHIM = "assets/javascripts/iframe-worker.js"
# The zip entries' date without SOURCE_DATE_EPOCH: the earliest a zip can hold.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)

# <link> relations the browser fetches with the page (the others only name an address).
_FETCHED_LINK_RELS = frozenset(
    {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon", "mask-icon"}
)
_CSS_URL = re.compile(
    r"""url\(\s*(?P<quote>["']?)(?P<url>[^"')]*)(?P=quote)\s*\)|@import\s+["'](?P<import>[^"']+)["']"""
)
_LINK_ATTRIBUTE = re.compile(
    r"""(?P<before>\s(?:href|src)\s*=\s*)(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"'=<>`]+))""",
    re.I,
)
_REFRESH_URL = re.compile(r"url\s*=\s*(?P<url>\S+)", re.I)
_NETWORK_SCHEMES = frozenset({"http", "https", "ftp", "ws", "wss"})


class PageRelative(str):
    """An address already relative to the page it is written in: the MkDocs hook's ``url`` filter keeps it.

    MkDocs' filter reads a relative address as one from its build's root, and a
    language's build cannot name a page outside its own root that way (from
    ``hu/principles/x.html``, ``../principles/x.html`` would come out as ``../x.html``).
    """


def language_link(page_url: str, here: Locale, there: Locale) -> PageRelative:
    """From a page of ``here`` (its file, ``principles/honesty.html``; "" for the home page) to the same page of ``there``."""
    page = page_url or HOME_PAGE
    start = posixpath.dirname(here.url_prefix + page) or "."
    return PageRelative(posixpath.relpath(there.url_prefix + page, start))


def page_file(page: Page) -> str:
    """Where a page is in the copy: ``hu/principles/honesty.html``, ``principles/index.html``, ``index.html``."""
    return get_locale(page.locale).url_prefix + page.source_rel.removesuffix(".md") + ".html"


@dataclass(frozen=True)
class Link:
    """An address in a page: its line (1-based), element and attribute, and whether the browser loads it."""

    line: int
    tag: str
    attribute: str
    url: str
    fetched: bool  # loaded with the page (a script, an image, a stylesheet), not only followed


class _Links(HTMLParser):
    """Every address in a page, and where each start tag that has one begins (script and style bodies are not markup)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[Link] = []
        self.tags: list[tuple[int, int, str]] = []  # (line, column, the start tag as written)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        line, column = self.getpos()
        rels = set(values.get("rel", "").lower().split())
        for name in ("href", "src"):
            if name in values:
                fetched = name == "src" or (tag == "link" and bool(rels & _FETCHED_LINK_RELS))
                self.links.append(Link(line, tag, name, values[name].strip(), fetched))
        if "srcset" in values:
            for candidate in values["srcset"].split(","):
                if candidate.split():
                    self.links.append(Link(line, tag, "srcset", candidate.split()[0], True))
        if values.get("poster"):
            self.links.append(Link(line, tag, "poster", values["poster"].strip(), True))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            match = _REFRESH_URL.search(values.get("content", ""))
            if match:
                self.links.append(Link(line, tag, "content", match.group("url").strip("'\""), False))
        if "href" in values or "src" in values:
            self.tags.append((line, column, self.get_starttag_text() or ""))

    handle_startendtag = handle_starttag


def _parse(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    parser.close()
    return parser


def page_links(html: str) -> list[Link]:
    return _parse(html).links


def is_internal(url: str) -> bool:
    """An address inside the site: no scheme, no host, and more than an anchor on the same page."""
    parts = urlsplit(url)
    return not (parts.scheme or parts.netloc or url.startswith("//")) and bool(parts.path)


def resolve(page: str, url: str) -> str:
    """The path in the tree that an internal address of ``page`` leads to (``..`` above the root stays)."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(urlsplit(url).path)))


def _file_for_folder(target: str, files: set[str]) -> str | None:
    """The page a folder address stands for: the folder's index.html, else ``<folder>.html``."""
    for candidate in (posixpath.join(target, HOME_PAGE), target + ".html"):
        if posixpath.normpath(candidate) in files:
            return posixpath.normpath(candidate)
    return None


def rewrite_folder_links(html: str, page: str, files: set[str]) -> str:
    """Point every relative ``href`` and ``src`` written as a folder address at the page's file.

    ``principles/honesty/`` becomes ``principles/honesty.html`` and ``principles/``
    ``principles/index.html``, as MkDocs writes them without directory URLs. A link
    to a file, or to nothing in the tree, stays as it is (:func:`check_tree` reports
    the latter). ``page`` is the page's path in the tree, ``files`` every file's.
    Only start tags change, found by an HTML parser, so text that merely looks like
    a link stays as written; an anchor or a query stays after the new address.
    """
    parser = _parse(html)
    line_starts = [0, *(match.end() for match in re.finditer("\n", html))]

    def pointed_at_file(match: re.Match[str]) -> str:
        quote = '"' if match.group("double") is not None else "'" if match.group("single") is not None else ""
        value = match.group("double") or match.group("single") or match.group("bare") or ""
        if not is_internal(value) or value.startswith("/"):
            return match.group(0)
        cut = min((i for i in (value.find("?"), value.find("#")) if i >= 0), default=len(value))
        path, rest = value[:cut], value[cut:]
        target = resolve(page, path)
        file = None if target in files else _file_for_folder(target, files)
        if file is None:
            return match.group(0)
        new = posixpath.relpath(file, posixpath.dirname(page) or ".")
        return f"{match.group('before')}{quote}{new}{rest}{quote}"

    pieces = []
    done = 0
    for line, column, raw in parser.tags:
        start = line_starts[line - 1] + column
        if start < done or html[start : start + len(raw)] != raw:  # not expected: the parser reports where tags start
            continue
        pieces += [html[done:start], _LINK_ATTRIBUTE.sub(pointed_at_file, raw)]
        done = start + len(raw)
    pieces.append(html[done:])
    return "".join(pieces)


@dataclass(frozen=True)
class Finding:
    """What would not work from file://, in one page or stylesheet of the tree."""

    file: str  # path in the tree
    line: int
    url: str
    message: str
    fix: str


def page_findings(page: str, html: str, files: set[str], folders: set[str]) -> list[Finding]:
    """Every address of one page (``page``: its path in the tree) that would not work from ``file://``."""
    found: list[Finding] = []
    for link in page_links(html):
        what = f"<{link.tag} {link.attribute}> {link.url}"
        scheme = urlsplit(link.url).scheme.lower()
        if scheme in _NETWORK_SCHEMES or link.url.startswith("//"):
            if link.fetched:
                found.append(
                    Finding(
                        page,
                        link.line,
                        link.url,
                        f"{what} is loaded from the network",
                        "ship the file with the site (overrides/assets/) and load it by a relative address: "
                        "the offline copy makes no request",
                    )
                )
            continue
        if scheme or not is_internal(link.url):
            continue  # an anchor on the page, mailto:, data:, javascript:
        if link.url.startswith("/"):
            found.append(
                Finding(
                    page,
                    link.line,
                    link.url,
                    f"{what} starts with '/', which from file:// is the root of the disk",
                    "link relative to the page: a Markdown link to the .md file (MkDocs makes it relative), "
                    "or the url filter in a template",
                )
            )
            continue
        target = resolve(page, link.url)
        if target == ".." or target.startswith("../"):
            found.append(Finding(page, link.line, link.url, f"{what} leads out of the site", "fix the link"))
        elif target in folders:
            found.append(
                Finding(
                    page,
                    link.line,
                    link.url,
                    f"{what} leads to a folder with no index.html",
                    "link to a page: from file:// a folder shows its listing",
                )
            )
        elif target not in files:
            fix = (
                "build the PDF editions first (`make pdf`): the offline copy carries them"
                if target.startswith(DOWNLOADS + "/")
                else "fix the link, or make the build write that file"
            )
            found.append(Finding(page, link.line, link.url, f"{what} leads to {target}, which is not in the copy", fix))
    return found


def stylesheet_findings(path: str, css: str, files: set[str]) -> list[Finding]:
    """A stylesheet's ``url()`` and ``@import``: each a file of the tree, never the network."""
    found: list[Finding] = []
    for match in _CSS_URL.finditer(css):
        url = (match.group("url") or match.group("import") or "").strip()
        line = css.count("\n", 0, match.start()) + 1
        parts = urlsplit(url)
        if not url or url.startswith("#") or parts.scheme.lower() in ("data", "about"):
            continue
        if parts.scheme or parts.netloc or url.startswith("/"):
            found.append(
                Finding(
                    path,
                    line,
                    url,
                    f"the stylesheet loads {url}, which is not a file of the copy",
                    "ship the file with the site and refer to it relative to the stylesheet",
                )
            )
        elif resolve(path, url) not in files:
            found.append(
                Finding(path, line, url, f"the stylesheet refers to {url}, which is not in the copy", "fix it")
            )
    return found


def tree_files(root: Path) -> list[str]:
    """Every file under ``root``, as sorted paths relative to it (``hu/principles/honesty.html``)."""
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())


def rewrite_tree(root: Path) -> int:
    """:func:`rewrite_folder_links` in every page of the tree; returns how many pages changed."""
    files = set(tree_files(root))
    changed = 0
    for name in sorted(files):
        if name.endswith(".html"):
            path = root / name
            html = path.read_text(encoding="utf-8")
            rewritten = rewrite_folder_links(html, name, files)
            if rewritten != html:
                path.write_text(rewritten, encoding="utf-8")
                changed += 1
    return changed


def page_sources(catalog: Catalog) -> dict[str, Page]:
    """Each page of the copy (its path in the tree) -> the Markdown file it is built from."""
    return {page_file(page): page for page in catalog.pages if page.locale in LOCALE_CODES}


def _source_line(page: Page, url: str) -> int:
    """The line of the Markdown file where ``url`` is written as an address, or 0."""
    written = re.compile(rf"""(?:^|[\s(<"'=]){re.escape(url)}(?:$|[\s)>"'])""")
    for number, line in enumerate(page.path.read_text(encoding="utf-8").split("\n"), start=1):
        if written.search(line):
            return number
    return 0


def _as_problem(finding: Finding, sources: Mapping[str, Page]) -> Problem:
    """The finding at its Markdown source's line when the address is written there, else in the copy."""
    source = sources.get(finding.file)
    line = _source_line(source, finding.url) if source is not None else 0
    if source is not None and line:
        message = f"{finding.message} (in the offline copy's {finding.file})"
        return Problem(source.display, line, message, finding.fix, code="offline-link")
    return Problem(f"{TOP_FOLDER}/{finding.file}", finding.line, finding.message, finding.fix, code="offline-link")


def check_tree(root: Path, sources: Mapping[str, Page] | None = None) -> list[Problem]:
    """Every address of every page and stylesheet: a file of the tree, not absolute, not from the network.

    ``sources`` (:func:`page_sources`) lets a problem name the Markdown file and line
    where the address is written; otherwise it names the file in the zip
    (``handbook/hu/index.html``) and its line.
    """
    names = tree_files(root)
    files = set(names)
    folders = {"."}
    for name in names:
        folder = posixpath.dirname(name)
        while folder and folder not in folders:
            folders.add(folder)
            folder = posixpath.dirname(folder)
    found: list[Finding] = []
    for name in names:
        if name.endswith(".html"):
            found += page_findings(name, (root / name).read_text(encoding="utf-8"), files, folders)
        elif name.endswith(".css"):
            found += stylesheet_findings(name, (root / name).read_text(encoding="utf-8"), files)
    return [_as_problem(finding, sources or {}) for finding in found]


def search_problems(root: Path) -> list[Problem]:
    """Each language's search from file://: its own index as a script (Material's offline plugin),
    and the worker shim loaded by its pages (overrides/main.html), checked on its home page."""
    problems: list[Problem] = []
    for locale in LOCALES:
        index = f"{locale.url_prefix}search/search_index.js"
        if not (root / index).is_file():
            problems.append(
                Problem(
                    f"{TOP_FOLDER}/{index}",
                    0,
                    f"the {locale.english_name} search index is not there as a script, so search fails from file://",
                    "keep Material's offline plugin in mkdocs.yml: `- offline: enabled: !ENV [HANDBOOK_OFFLINE, false]`",
                    code="offline-search",
                )
            )
        home = locale.url_prefix + HOME_PAGE
        html = (root / home).read_text(encoding="utf-8") if (root / home).is_file() else ""
        scripts = [link.url for link in page_links(html) if link.tag == "script"]
        if not any(is_internal(url) and resolve(home, url) == WORKER_SHIM for url in scripts):
            problems.append(
                Problem(
                    f"{TOP_FOLDER}/{home}",
                    0,
                    f"the page does not load {WORKER_SHIM}, so search fails from file:// (no web worker runs from a file)",
                    "keep the worker shim's script in the libs block of overrides/main.html",
                    code="offline-search",
                )
            )
    return problems


def left_out(catalog: Catalog) -> list[str]:
    """What the copy leaves out, as paths in the tree: what only a server uses.

    Each language's 404 page, and what the build adds for the intranet's links
    (:func:`handbook.urls.extra_files`): the /go/ pages and the moved pages' redirects.
    """
    return [*(locale.url_prefix + "404.html" for locale in LOCALES), *urls.extra_files(catalog, None)]


def remove(root: Path, paths: Iterable[str]) -> None:
    """Delete these files from the tree, and the folders they leave empty."""
    for relative in paths:
        path = root / relative
        path.unlink(missing_ok=True)
        folder = path.parent
        while folder != root and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


def copy_pdfs(site_dir: Path, root: Path) -> list[str]:
    """The site's PDF editions (``downloads/handbook-<lang>.pdf``) into the copy; their paths in the tree."""
    copied = []
    for pdf in sorted((site_dir / DOWNLOADS).glob(PDF_PATTERN)):
        destination = root / DOWNLOADS / pdf.name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pdf, destination)
        copied.append(f"{DOWNLOADS}/{pdf.name}")
    return copied


def zip_date(source_date_epoch: str | None) -> tuple[int, int, int, int, int, int]:
    """The date of every entry in the zip: SOURCE_DATE_EPOCH's (reproducible builds), else 1980-01-01."""
    if not source_date_epoch or not source_date_epoch.strip().isdigit():
        return ZIP_EPOCH
    moment = datetime.fromtimestamp(int(source_date_epoch), tz=UTC)
    if moment.year < ZIP_EPOCH[0]:
        return ZIP_EPOCH
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second - moment.second % 2)


def zip_entries(root: Path, top: str = TOP_FOLDER) -> Iterator[tuple[str, Path]]:
    """(name in the zip, path on disk) in one fixed order: the top folder, then every folder followed by what it holds."""
    yield f"{top}/", root
    for path in sorted(root.rglob("*"), key=lambda item: item.relative_to(root).parts):
        name = f"{top}/{path.relative_to(root).as_posix()}"
        yield (name + "/", path) if path.is_dir() else (name, path)


def write_zip(
    root: Path,
    target: Path,
    top: str = TOP_FOLDER,
    date_time: tuple[int, int, int, int, int, int] = ZIP_EPOCH,
) -> int:
    """The tree as one zip under ``top/``: the same bytes for the same tree, written whole or not at all.

    The zip is written beside ``target`` under a temporary name and takes its
    place only when complete. Returns how many files it holds.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(handle)
    count = 0
    try:
        with zipfile.ZipFile(temporary, "w") as archive:
            for name, path in zip_entries(root, top):
                info = zipfile.ZipInfo(name, date_time)
                if name.endswith("/"):
                    info.external_attr = (0o40755 << 16) | 0x10  # a folder, for every unzip tool
                    archive.writestr(info, b"")
                else:
                    info.external_attr = 0o100644 << 16
                    info.compress_type = zipfile.ZIP_DEFLATED
                    archive.writestr(info, path.read_bytes())
                    count += 1
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count
