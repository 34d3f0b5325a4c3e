"""MkDocs adapter: runs the handbook's checks and fills in generated sections.

Thin on purpose. Everything it does is a call into the ``handbook`` package,
which the CLI and the tests call too. mkdocs-static-i18n builds the languages
one after another in one process and calls these hooks once per language, so
cross-language work happens only in the outermost build.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jinja2 import pass_context
from mkdocs.exceptions import PluginError

from handbook import assets, checklists, htmlsize, offline, onboarding, pageinfo, quizzes, render, themes, warm
from handbook.catalog import Catalog, load_strings
from handbook.checks import run_checks
from handbook.history import last_changed
from handbook.locales import DEFAULT_LOCALE, LOCALES, get_locale
from handbook.pages import split_locale
from handbook.translations import TranslationReport, report_from_json

# Set by scripts/build_site.py, which runs the checks once for all languages and
# hands each language's build the translation report as a JSON file.
REPORT_ENV = "HANDBOOK_REPORT"
# Our Markdown extensions that take the page's language as their "locale" option.
LOCALIZED_EXTENSIONS = ("handbook.checklists", "handbook.quizzes", "handbook.onboarding")

_catalog: Catalog | None = None
_report: TranslationReport | None = None
_UNSET: Any = object()
_published_site_url: Any = _UNSET  # site_url as configured, before a language's prefix is added
_shared_assets: set[str] = set()  # theme assets this build does not write (handbook/assets.py)


def _i18n(config: Any) -> Any:
    return config.plugins.get("i18n")


def _is_nested_language_build(config: Any) -> bool:
    plugin = _i18n(config)
    return bool(plugin is not None and getattr(plugin, "building", False))


def _per_locale(config: Any) -> str | None:
    plugin = _i18n(config)
    return plugin.config.build_only_locale if plugin is not None else None


def _offline(config: Any) -> bool:
    """The offline copy's build (Material's offline plugin switched on, scripts/build_offline.py)."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin is not None and plugin.config.enabled)


def _building_locale(config: Any) -> str:
    """The language this (possibly nested) build renders."""
    plugin = _i18n(config)
    if plugin is None:
        return DEFAULT_LOCALE
    return str(plugin.config.build_only_locale or plugin.current_language or DEFAULT_LOCALE)


def _configure_extensions(config: Any, catalog: Catalog) -> None:
    """Our Markdown extensions write their own words (a checklist's "Why?", a quiz's
    "Check answer") in the language being built; the assessment names principles by title."""
    locale = _building_locale(config)
    for extension in LOCALIZED_EXTENSIONS:
        if extension in config.markdown_extensions:
            config.mdx_configs.setdefault(extension, {})["locale"] = locale
    if "handbook.quizzes" in config.markdown_extensions:
        config.mdx_configs["handbook.quizzes"]["titles"] = render.principle_titles(catalog, locale)
    if "handbook.onboarding" in config.markdown_extensions:
        config.mdx_configs["handbook.onboarding"]["targets"] = onboarding.path_targets(catalog, locale)


def on_config(config: Any) -> Any:
    global _catalog, _report
    if _is_nested_language_build(config) and _catalog is not None:
        _configure_extensions(config, _catalog)
        _configure_languages(config)
        return config
    project_root = Path(config.config_file_path).resolve().parent
    _catalog = warm.catalog(Path(config.docs_dir), project_root)
    _configure_extensions(config, _catalog)
    shared_report = os.environ.get(REPORT_ENV)
    if shared_report:
        _report = report_from_json(Path(shared_report).read_text(encoding="utf-8"))
    else:
        report = run_checks(_catalog)
        _report = report.translations
        for warning in report.warnings:
            print(f"WARNING (handbook): {warning}", file=sys.stderr)
        if report.errors:
            lines = "\n".join(str(problem) for problem in report.errors)
            raise PluginError(
                f"the handbook's content check found {len(report.errors)} problem(s):\n{lines}\n"
                "Run `make check` to see them without building."
            )
    _configure_languages(config)
    if _per_locale(config):
        # One language per process: the i18n plugin sets no language switcher,
        # so give every page (404 included) one that leads to each language's home.
        config.extra["alternate"] = _alternates(config, "")
    return config


def _configure_languages(config: Any) -> None:
    """What each language's build needs to know about where it is published.

    - ``site_url`` gains the language's prefix (``…/hu/``), so that a page's
      canonical link is its own address, not the English page's.
    - Search indexes the language with its own stemmer only: the i18n plugin
      also adds the default language's, which would stem Hungarian as English.
    - ``language.js`` learns every language's root, for /go/ links, the root
      page's first-visit redirect and the language switcher.
    """
    global _published_site_url
    locale = get_locale(_building_locale(config))
    if _published_site_url is _UNSET:
        _published_site_url = config.site_url
    if _per_locale(config) and _published_site_url:
        config.site_url = str(_published_site_url).rstrip("/") + "/" + locale.url_prefix
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None and isinstance(search.config.lang, list):
        # in place: Material's search index already holds this very list
        search.config.lang[:] = [locale.code]
    home = offline.HOME_PAGE if _offline(config) else ""  # from file:// a folder is not its home page
    config.extra["handbook_languages"] = json.dumps(
        {item.code: item.url_prefix + home for item in LOCALES}, separators=(",", ":")
    )
    config.extra["handbook_locale"] = locale.code
    if _offline(config):
        # The search worker's shim, shipped with the site (overrides/main.html loads it) instead of unpkg.com's.
        config.extra["polyfills"] = [url for url in config.extra.get("polyfills", []) if "iframe-worker" not in url]
        config.extra["handbook_offline"] = True
    _localize_theme(config, locale.code)


# The colour-scheme toggles of mkdocs.yml's palette, in order: automatic, light, dark.
_PALETTE_TOGGLES = ("to_light", "to_dark", "to_system")


def _localize_theme(config: Any, code: str) -> None:
    """The words mkdocs.yml gives in English: the colour-scheme toggles and the headings' permanent links."""
    words = load_strings()[code]["theme"]
    palettes = config.theme.get("palette")
    if isinstance(palettes, list) and len(palettes) == len(_PALETTE_TOGGLES):
        for palette, key in zip(palettes, _PALETTE_TOGGLES, strict=True):
            palette.setdefault("toggle", {})["name"] = words[key]
    if "toc" in config.markdown_extensions:
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = words["permalink"]


def _base_path() -> str:
    """The site's path on its server ("/" or "/handbook/"), from the published site URL."""
    site_url = _published_site_url if isinstance(_published_site_url, str) else None
    return urlsplit(site_url or "/").path.rstrip("/") + "/"


def on_template_context(context: dict[str, Any], template_name: str, config: Any) -> dict[str, Any]:
    """Each language's 404 page links to its own home and searches its own index.

    MkDocs gives error pages the site root as their base; a language's 404
    page lives under its own root (/hu/404.html), so its base is that root.
    """
    if template_name == "404.html" and _per_locale(config):
        context["base_url"] = _base_path() + get_locale(_building_locale(config)).url_prefix
    return context


def on_files(files: Any, config: Any) -> Any:
    """In a one-language build, keep only that language's pages.

    With ``build_only_locale`` the i18n plugin makes the built language the
    default one, so an unsuffixed English page and its translation claim the
    same URL and the file-system order decides which is published. Dropping
    the other languages' pages first makes the result certain. (Completeness
    is checked before any build, so nothing falls back to English.)
    """
    locale = _per_locale(config)
    if locale and locale != DEFAULT_LOCALE:
        for file in list(files.documentation_pages()):
            if split_locale(file.src_uri)[1] != locale:
                files.remove(file)
    shim = None if _offline(config) else files.get_file_from_path(offline.WORKER_SHIM)
    if shim is not None:  # the search worker's shim: only the offline copy loads it
        files.remove(shim)
    if locale:
        # One copy of the theme's assets, written by the default language's build (handbook/assets.py).
        docs_dir = Path(config.docs_dir).resolve()
        writes = assets.writes_theme_assets(get_locale(locale))
        for file in list(files):
            theme_file = not Path(file.abs_src_path).resolve().is_relative_to(docs_dir)
            if theme_file and assets.is_theme_asset(file.src_uri) and (not writes or assets.is_unused(file.src_uri)):
                files.remove(file)
                _shared_assets.add(file.src_uri)
    return files


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Templates compiled once for every build (handbook/warm.py); pages of a language other
    than the default one load the theme's assets from the site root; in the offline copy,
    the language switcher's links are already relative to the page (handbook/offline.py)."""
    env.bytecode_cache = warm.TEMPLATES
    env.auto_reload = False  # a build's templates do not change under it: no stat() per template use
    locale = _per_locale(config)
    building = get_locale(locale) if locale else None
    shares_assets = building is not None and not building.is_default
    if not shares_assets and not _offline(config):
        return env
    original = env.filters["url"]

    @pass_context
    def url(context: Any, value: str) -> str:
        if isinstance(value, offline.PageRelative):  # the offline copy's language switcher: already relative
            return str(value)
        result = str(original(context, value))
        if shares_assets and building is not None and isinstance(value, str) and value in _shared_assets:
            return assets.shared_url(result, building, _base_path())
        return result

    env.filters["url"] = url
    return env


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    """The reading order: principles grouped by theme, every section ordered by title in the page's language.

    Each theme becomes a section of the principles, led by its theme page
    (docs/themes/<theme>/index.md), so the navigation is six short groups
    instead of a flat list of 25 titles. "Previous" and "next" follow this order.
    """

    ranks = {theme: f"{rank:03d}" for rank, theme in enumerate(themes.theme_ids())}

    def key(item: Any) -> tuple[int, str]:
        record = _record(item) if getattr(item, "file", None) is not None else None
        if record is None:
            first = (getattr(item, "children", None) or [None])[0]
            theme_record = _record(first) if getattr(first, "file", None) is not None else None
            theme = themes.theme_of_page(theme_record) if theme_record is not None else None
            if theme is not None:  # a theme's section: themes keep the order of strings.yml
                return (2, ranks.get(theme, "999"))
            return (1, render.sort_key(str(item.title or "")))
        return (0 if record.source_rel.endswith("index.md") else 1, render.sort_key(str(record.meta.get("title", ""))))

    def walk(items: list[Any]) -> None:
        for item in items:
            if getattr(item, "children", None):
                item.children.sort(key=key)
                walk(item.children)

    _group_principles_by_theme(nav)
    walk(nav.items)
    nav.items.sort(key=_top_level_rank)
    # "previous" and "next" follow the new order
    pages = [item for item in _flatten(nav.items) if getattr(item, "is_page", False)]
    nav.pages = pages
    for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=True):
        page.previous_page, page.next_page = before, after
    return nav


def _group_principles_by_theme(nav: Any) -> None:
    from mkdocs.structure.nav import Section

    pages = {}
    for item in _flatten(nav.items):
        record = _record(item) if getattr(item, "is_page", False) else None
        if record is not None:
            pages[record.source_rel] = item
    principles_index = pages.get("principles/index.md")
    section = getattr(principles_index, "parent", None)
    themes_section = getattr(pages.get(themes.theme_page(themes.theme_ids()[0])), "parent", None)
    if section is None or _catalog is None:
        return
    children: list[Any] = [principles_index]
    for theme in themes.theme_ids():
        theme_index = pages.get(themes.theme_page(theme))
        members = [pages[p.source_rel] for p in themes.members(_catalog, theme) if p.source_rel in pages]
        if theme_index is None:
            children.extend(members)
            continue
        record = _record(theme_index)
        group = Section(str(record.meta.get("title", theme)) if record else theme, [theme_index, *members])
        group.parent = section
        for member in group.children:
            member.parent = group
        children.append(group)
    section.children = children
    # the theme pages' own folder (docs/themes/) is not a section of its own
    while themes_section is not None and themes_section.parent is not None and themes_section.parent is not section:
        themes_section = themes_section.parent
    if themes_section is not None and themes_section in nav.items:
        nav.items.remove(themes_section)


def _flatten(items: list[Any]) -> list[Any]:
    flat: list[Any] = []
    for item in items:
        flat.append(item)
        flat.extend(_flatten(getattr(item, "children", None) or []))
    return flat


# The top of the navigation: readers' pages first, the editors' page last.
TOP_LEVEL_ORDER = (
    "index.md",
    "onboarding/",
    "principles/",
    "protocols/",
    "glossary.md",
    "linking.md",
    "sources.md",
    "translation-status.md",
)


def _top_level_rank(item: Any) -> int:
    file = getattr(item, "file", None)
    if file is None:  # a section: where its pages live
        children = getattr(item, "children", None) or []
        first = next((c.file for c in children if getattr(c, "file", None) is not None), None)
        name = split_locale(first.src_uri)[0].split("/")[0] + "/" if first is not None else ""
    else:
        name = split_locale(file.src_uri)[0]
    return TOP_LEVEL_ORDER.index(name) if name in TOP_LEVEL_ORDER else len(TOP_LEVEL_ORDER) - 1


def _alternates(config: Any, url: str) -> list[dict[str, str]]:
    """Links to the same page in every language.

    Absolute paths under site_url's path (as the i18n plugin does): MkDocs'
    ``url`` filter leaves them alone, so they are right on every page, the
    404 page included, whichever language the process builds. In the offline
    copy (no server, so no '/' root) they are files relative to the page
    (``url`` is then the page's own file, ``principles/honesty.html``).
    """
    if _offline(config):
        here = get_locale(_building_locale(config))
        return [
            {"name": locale.name, "link": offline.language_link(url, here, locale), "lang": locale.html_lang}
            for locale in LOCALES
        ]
    base = _base_path()
    site_url = _published_site_url if isinstance(_published_site_url, str) and _published_site_url else None
    alternates = []
    for locale in LOCALES:
        alternate = {"name": locale.name, "link": f"{base}{locale.url_prefix}{url}", "lang": locale.html_lang}
        if site_url:  # search engines want absolute hreflang links (overrides/main.html writes them)
            alternate["absolute"] = f"{site_url.rstrip('/')}/{locale.url_prefix}{url}"
        alternates.append(alternate)
    return alternates


def _record(page: Any) -> Any:
    if _catalog is None:
        return None
    return _catalog.by_rel.get(page.file.src_uri)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    record = _record(page)
    if record is None or _catalog is None:
        return markdown
    if record.is_principle:
        # Material shows a page's tags in search results: show the reader's words, not tag ids.
        page.meta["tags"] = render.tag_labels(record)
    # The page elements' assets, loaded only where they are used (overrides/main.html writes the tags).
    elements = (
        (checklists, checklists.has_checklist),
        (quizzes, quizzes.has_quiz),
        (onboarding, onboarding.has_path),
    )
    for element, used in elements:
        if used(record):
            page.meta.setdefault("handbook_scripts", []).append(element.SCRIPT)
            page.meta.setdefault("handbook_styles", []).append(element.STYLESHEET)
    changed_on = None
    if record.locale != DEFAULT_LOCALE and _report is not None and _report.is_stale(record.source_rel, record.locale):
        english = _catalog.page(record.source_rel, DEFAULT_LOCALE)
        changed_on = last_changed(english.path) if english is not None else None
    try:
        return render.expand(record, _catalog, markdown, _report, changed_on)
    except render.RenderError as exc:
        raise PluginError(f"{record.display}: {exc}") from exc


def on_page_context(context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
    record = _record(page)
    if record is not None:
        config.extra["alternate"] = _alternates(config, page.url if _offline(config) else record.url)
        # owner, review and update dates, "Edit this page" (overrides/partials/source-file.html)
        page.meta["handbook_info"] = pageinfo.page_info(record, page.meta, config.extra.get("edit_base"))
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    return htmlsize.strip_indentation(output)
