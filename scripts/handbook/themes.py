"""Themes: the six groups of principles, each with its own index page.

A principle's theme is its first tag; the themes and their names in every
language are the ``groups`` of strings.yml. Each theme has a page,
``docs/themes/<theme>/index.md`` (one per language), whose
``<!-- handbook:theme-principles -->`` marker lists the theme's principles
(``render.theme_principles``).
"""

from __future__ import annotations

from .catalog import Catalog, load_strings
from .locales import DEFAULT_LOCALE
from .pages import Page
from .problems import Problem

THEMES_DIR = "themes"
MARKER_NAME = "theme-principles"


def theme_ids() -> list[str]:
    """The themes, in the order of strings.yml."""
    return [str(key) for key in load_strings()[DEFAULT_LOCALE]["groups"]]


def theme_page(theme: str) -> str:
    """``trust`` -> ``themes/trust/index.md``."""
    return f"{THEMES_DIR}/{theme}/index.md"


def theme_of_page(page: Page) -> str | None:
    """The theme a theme page is about, from its folder; None for any other page."""
    parts = page.source_rel.split("/")
    if len(parts) == 3 and parts[0] == THEMES_DIR and parts[2] == "index.md":
        return parts[1]
    return None


def theme_of(principle: Page) -> str:
    tags = principle.meta.get("tags") or []
    return str(tags[0]) if tags else ""


def members(catalog: Catalog, theme: str) -> list[Page]:
    """The English principles whose first tag is ``theme``."""
    return [page for page in catalog.principles() if theme_of(page) == theme]


def check(catalog: Catalog) -> list[Problem]:
    """Every theme has its page with the marker, and every theme page belongs to a theme."""
    problems: list[Problem] = []
    themes = theme_ids()
    for theme in themes:
        if catalog.page(theme_page(theme), DEFAULT_LOCALE) is None:
            problems.append(
                Problem(
                    f"docs/{theme_page(theme)}",
                    0,
                    f"the theme '{theme}' has no page",
                    f"create docs/{theme_page(theme)} (copy another theme's page) and its translations",
                    code="missing-page",
                )
            )
    for page in catalog.pages:
        found = theme_of_page(page)
        if page.source_rel.startswith(THEMES_DIR + "/") and found is None:
            problems.append(
                Problem(
                    page.display,
                    1,
                    "a page in docs/themes/ that is not a theme page",
                    "theme pages are docs/themes/<theme>/index.md; move this page elsewhere",
                    code="structure",
                )
            )
            continue
        if found is None:
            continue
        if found not in themes:
            problems.append(
                Problem(
                    page.display,
                    1,
                    f"'{found}' is not a theme",
                    f"use one of the groups in scripts/handbook/strings.yml ({', '.join(themes)}), or add it there",
                    code="structure",
                )
            )
        if not any(marker.name == MARKER_NAME for marker in page.markers):
            problems.append(
                Problem(
                    page.display,
                    page.body_line,
                    "the theme page does not list its principles",
                    f"end it with a line <!-- handbook:{MARKER_NAME} -->",
                    code="structure",
                )
            )
    return problems
