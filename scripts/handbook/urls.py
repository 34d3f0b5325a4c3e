"""The URL contract: every published address keeps working.

- ``published(catalog, redirects)``: every address the build publishes, in every
  language: the pages, the /go/ links and the redirects of moved pages.
- ``redirects.yml`` (project root) maps a moved page's old address to its new
  one, as paths inside a language's root with English slugs. Every language
  gets the redirect (``/hu/old/`` -> ``/hu/new/``), so readers stay in their
  language; a renamed principle's or protocol's /go/ link keeps working too.
- ``published-urls.txt`` (project root) is the checked-in list. The check fails
  when a listed address would no longer be published (a page removed or
  renamed without a redirect) and when a published one is not listed
  (``make urls`` adds it). The update never drops a listed address.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import golinks, yamlfile
from .catalog import Catalog, load_strings
from .locales import LOCALES, get_locale
from .pages import url_of
from .problems import Problem

REDIRECTS_FILE = "redirects.yml"
URL_LIST_FILE = "published-urls.txt"
_PATH = re.compile(r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*/)+$")
URL_LIST_HEADER = """\
# Every address the handbook publishes, in every language (the URL contract).
# `make check` and the tests fail when a listed address stops working: when you
# rename or remove a page, add a redirect to redirects.yml instead of deleting
# lines here. `make urls` adds the addresses of new pages.
"""


@dataclass(frozen=True)
class Redirect:
    source: str  # path inside a language's root, e.g. "principles/old-id/"
    target: str  # the page it moved to, e.g. "principles/new-id/"
    line: int


@dataclass
class Redirects:
    entries: list[Redirect] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def load_redirects(catalog: Catalog) -> Redirects:
    """Read redirects.yml (missing means no redirects) and check every entry, with its line."""
    path = catalog.project_root / REDIRECTS_FILE
    found = Redirects()
    if not path.exists():
        return found

    def problem(line: int, message: str, fix: str) -> None:
        found.problems.append(Problem(REDIRECTS_FILE, line, message, fix, code="redirect"))

    try:
        root = yamlfile.compose(path)
    except yamlfile.Unreadable as exc:
        problem(
            exc.line,
            f"the redirect map cannot be read ({exc.reason})",
            "fix the YAML: one 'old/path/: new/path/' per line",
        )
        return found
    if root is None:
        return found
    if not isinstance(root, yaml.MappingNode):
        problem(1, "the redirect map is not a mapping", "write one 'old/path/: new/path/' per line")
        return found
    pages = {url_of(page.source_rel) for page in catalog.english_pages()}
    sources = set()
    for key, value in root.value:
        line = key.start_mark.line + 1
        source = key.value if isinstance(key, yaml.ScalarNode) else ""
        target = value.value if isinstance(value, yaml.ScalarNode) else ""
        bad = [text for text in (source, target) if not _PATH.match(text or "")]
        if bad:
            problem(
                line,
                f"'{bad[0]}' is not an address inside the handbook",
                "write both addresses without the language and with a final slash, "
                "like 'principles/old-name/: principles/new-name/'",
            )
            continue
        if source.split("/")[0] in {locale.code for locale in LOCALES}:
            problem(
                line,
                f"'{source}' starts with a language",
                "leave the language out: the redirect applies to every language",
            )
            continue
        if source in pages:
            problem(
                line,
                f"'{source}' is a page of the handbook, so it cannot redirect",
                "remove this redirect, or move the page first",
            )
            continue
        if target not in pages:
            problem(
                line,
                f"'{target}' is not a page of the handbook",
                "point the redirect at the page's current address (redirects do not chain)",
            )
            continue
        if source in sources:
            problem(line, f"'{source}' redirects twice", "keep one redirect for it")
            continue
        sources.add(source)
        found.entries.append(Redirect(source, target, line))
    return found


def renamed_go_links(catalog: Catalog, redirects: Redirects) -> dict[str, str]:
    """A renamed principle's or protocol's old /go/ id -> the English page it leads to now."""
    by_url = {url_of(source_rel): source_rel for source_rel in golinks.targets(catalog).values()}
    current = golinks.targets(catalog)
    renamed: dict[str, str] = {}
    for redirect in redirects.entries:
        parts = redirect.source.strip("/").split("/")
        is_page = len(parts) == 2 and parts[0] in ("principles", "protocols")
        if is_page and redirect.target in by_url and parts[1] not in current:
            renamed[parts[1]] = by_url[redirect.target]
    return renamed


def published(catalog: Catalog, redirects: Redirects) -> dict[str, str]:
    """Every published address ("/hu/principles/honesty/") -> "page", "go" or "redirect"."""
    found: dict[str, str] = {}
    for locale in LOCALES:
        for page in catalog.pages:
            if page.locale == locale.code:
                found["/" + locale.url_prefix + page.url] = "page"
    for go_id in [*golinks.targets(catalog), *renamed_go_links(catalog, redirects)]:
        found["/" + golinks.go_path(go_id)] = "go"
    for locale in LOCALES:
        for redirect in redirects.entries:
            found["/" + locale.url_prefix + redirect.source] = "redirect"
    return found


def _sort_key(url: str) -> tuple[int, int, str]:
    codes = [locale.code for locale in LOCALES]
    first = url.strip("/").split("/")[0]
    if first == golinks.GO_DIR:
        return (len(codes), 0, url)
    rank = codes.index(first) if first in codes else 0
    return (rank, 0 if url.count("/") <= 2 else 1, url)


def read_list(path: Path) -> list[tuple[int, str]]:
    """(line, address) of every listed address."""
    listed = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        text = line.strip()
        if text and not text.startswith("#"):
            listed.append((number, text))
    return listed


def check(catalog: Catalog) -> list[Problem]:
    """The redirect map's entries, then the URL list against what the build publishes."""
    redirects = load_redirects(catalog)
    problems = list(redirects.problems)
    path = catalog.project_root / URL_LIST_FILE
    if not path.exists():
        return [
            *problems,
            Problem(
                URL_LIST_FILE,
                0,
                "there is no list of published addresses, so nothing protects them",
                "run `make urls` to write it, and commit it",
                severity="warning",
                code="url-list",
            ),
        ]
    now = published(catalog, redirects)
    listed = read_list(path)
    seen = set()
    for line, url in listed:
        seen.add(url)
        if url not in now:
            inside = url.lstrip("/")
            for locale in LOCALES:
                if locale.url_prefix and inside.startswith(locale.url_prefix):
                    inside = inside[len(locale.url_prefix) :]
            if inside.startswith(golinks.GO_DIR + "/"):
                fix = (
                    f"restore the page whose id is '{inside.split('/')[1]}', or, if it was renamed, "
                    f"add 'principles/{inside.split('/')[1]}/: <its new address>' to {REDIRECTS_FILE}"
                )
            else:
                fix = f"restore the page, or add '{inside}: <its new address>' to {REDIRECTS_FILE}"
            problems.append(
                Problem(URL_LIST_FILE, line, f"{url} is published but would stop working", fix, code="url-list")
            )
    missing = sorted((url for url in now if url not in seen), key=_sort_key)
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        problems.append(
            Problem(
                URL_LIST_FILE,
                0,
                f"{len(missing)} published address(es) are not in the list: {shown}",
                "run `make urls` to add them, and commit the list",
                code="url-list",
            )
        )
    return problems


def updated_list(catalog: Catalog) -> str:
    """The list with every published address added; listed addresses are never dropped."""
    path = catalog.project_root / URL_LIST_FILE
    listed = {url for _, url in read_list(path)} if path.exists() else set()
    urls = sorted(listed | set(published(catalog, load_redirects(catalog))), key=_sort_key)
    return URL_LIST_HEADER + "\n".join(urls) + "\n"


def redirect_pages(catalog: Catalog, redirects: Redirects) -> dict[str, str]:
    """Every redirect page, in every language: site path (``hu/old/index.html``) -> HTML."""
    out: dict[str, str] = {}
    for locale in LOCALES:
        words = load_strings()[locale.code]["moved"]
        for redirect in redirects.entries:
            source = locale.url_prefix + redirect.source
            target = locale.url_prefix + redirect.target
            up = "../" * source.count("/")
            href = posixpath.relpath(target, source) + "/"
            page = next(
                (p for p in catalog.pages if p.locale == locale.code and url_of(p.source_rel) == redirect.target),
                None,
            )
            title = str(page.meta.get("title", redirect.target)) if page else redirect.target
            link = f'<a href="{html.escape(href)}">{html.escape(title)}</a>'
            out[source + "index.html"] = f"""<!doctype html>
<html lang="{get_locale(locale.code).html_lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width,initial-scale=1">
  <meta name="robots" content="noindex">
  <title>{html.escape(words["title"])}</title>
  <link rel="canonical" href="{html.escape(href)}">
  <script src="{up}{golinks.SCRIPT}" data-moved="{html.escape(href)}"></script>
  <noscript><meta http-equiv="refresh" content="0; url={html.escape(href)}"></noscript>
</head>
<body>
  <main>
    <h1>{html.escape(words["title"])}</h1>
    <p>{words["text"].format(link=link)}</p>
  </main>
</body>
</html>
"""
    return out


def sitemap(catalog: Catalog, site_url: str) -> str:
    """One sitemap for every language: each page with its hreflang alternates and x-default."""
    base = site_url.rstrip("/") + "/"
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for english in sorted(catalog.english_pages(), key=lambda page: page.url):
        versions = [
            (locale, base + locale.url_prefix + english.url)
            for locale in LOCALES
            if catalog.page(english.source_rel, locale.code) is not None
        ]
        default = base + english.url
        for _, address in versions:
            lines.append(f"  <url>\n    <loc>{html.escape(address)}</loc>")
            for other, other_address in versions:
                lines.append(
                    f'    <xhtml:link rel="alternate" hreflang="{other.html_lang}" href="{html.escape(other_address)}"/>'
                )
            lines.append(f'    <xhtml:link rel="alternate" hreflang="x-default" href="{html.escape(default)}"/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def extra_files(catalog: Catalog, site_url: str | None) -> dict[str, str]:
    """What the build adds after the languages are put together: /go/ pages, redirects, the sitemap."""
    redirects = load_redirects(catalog)
    files = golinks.pages(catalog, renamed_go_links(catalog, redirects))
    files.update(redirect_pages(catalog, redirects))
    if site_url:
        files["sitemap.xml"] = sitemap(catalog, site_url)
    return files
