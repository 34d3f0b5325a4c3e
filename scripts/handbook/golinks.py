"""Language-neutral links for HR: ``/go/<id>/`` lands on the page in the reader's language.

Every principle, every protocol, the onboarding path and the final assessment
has one, generated from the content (never written by hand). A ``/go/`` page is
a tiny HTML file: ``assets/javascripts/language.js`` picks the language (the
reader's last choice in the switcher, else the browser's preferences, else
English) and keeps the ``#anchor``; without JavaScript, the page lists the four
languages and refreshes to English.
"""

from __future__ import annotations

import html
import json
import posixpath

from .catalog import Catalog, load_strings
from .locales import DEFAULT_LOCALE, LOCALES
from .pages import Page, url_of
from .problems import Problem

GO_DIR = "go"
ONBOARDING_PAGE = "onboarding/index.md"
ASSESSMENT_PAGE = "onboarding/assessment.md"
# The script that decides where a /go/ link, a moved page and the root page lead.
SCRIPT = "assets/javascripts/language.js"


def targets(catalog: Catalog) -> dict[str, str]:
    """Every go id -> the English page it leads to, in the order HR reads them."""
    found: dict[str, str] = {}
    for source_rel in (ONBOARDING_PAGE, ASSESSMENT_PAGE):
        page = catalog.page(source_rel, DEFAULT_LOCALE)
        if page is not None:
            found[_page_id(page)] = source_rel
    for page in sorted([*catalog.principles(), *catalog.protocols()], key=lambda p: (not p.is_principle, p.stem)):
        found.setdefault(page.stem, page.source_rel)
    return found


def _page_id(page: Page) -> str:
    value = page.meta.get("id")
    return value if isinstance(value, str) and value else posixpath.basename(posixpath.dirname(page.source_rel))


def kind_of(source_rel: str) -> str:
    """ "principle", "protocol", "onboarding" or "assessment"."""
    if source_rel == ASSESSMENT_PAGE:
        return "assessment"
    if source_rel == ONBOARDING_PAGE:
        return "onboarding"
    return "principle" if source_rel.startswith("principles/") else "protocol"


def check(catalog: Catalog) -> list[Problem]:
    """Two pages must never claim the same /go/ link."""
    problems: list[Problem] = []
    owners: dict[str, Page] = {}
    pages = [catalog.page(rel, DEFAULT_LOCALE) for rel in (ONBOARDING_PAGE, ASSESSMENT_PAGE)]
    for page in [*(p for p in pages if p is not None), *catalog.principles(), *catalog.protocols()]:
        go_id = _page_id(page) if page.source_rel in (ONBOARDING_PAGE, ASSESSMENT_PAGE) else page.stem
        earlier = owners.setdefault(go_id, page)
        if earlier is not page:
            problems.append(
                Problem(
                    page.display,
                    page.line_of("id"),
                    f"the language-neutral link /go/{go_id}/ already leads to {earlier.display}",
                    "give this page another id (its file name): every principle and protocol needs its own",
                    code="go-link",
                )
            )
    return problems


def go_path(go_id: str) -> str:
    """``honesty`` -> ``go/honesty/`` (relative to the site root)."""
    return f"{GO_DIR}/{go_id}/"


def title(catalog: Catalog, source_rel: str, locale: str) -> str:
    page = catalog.page(source_rel, locale) or catalog.page(source_rel, DEFAULT_LOCALE)
    return str(page.meta.get("title", source_rel)) if page is not None else source_rel


def page_html(go_id: str, source_rel: str, catalog: Catalog) -> str:
    """The /go/<id>/ page: the script chooses the language; without it, links and a refresh to English."""
    up = "../" * go_path(go_id).count("/")
    destinations = {locale.code: f"{up}{locale.url_prefix}{url_of(source_rel)}" for locale in LOCALES}
    strings = load_strings()
    english = destinations[DEFAULT_LOCALE]
    titles = {locale.code: title(catalog, source_rel, locale.code) for locale in LOCALES}
    choose = " · ".join(
        f'<span lang="{locale.html_lang}">{html.escape(strings[locale.code]["go"]["choose"])}</span>'
        for locale in LOCALES
    )
    links = "\n".join(
        f'    <li><a href="{html.escape(destinations[locale.code])}" hreflang="{locale.html_lang}" '
        f'lang="{locale.html_lang}">{html.escape(titles[locale.code])} — {html.escape(locale.name)}</a></li>'
        for locale in LOCALES
    )
    return f"""<!doctype html>
<html lang="{LOCALES[0].html_lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width,initial-scale=1">
  <meta name="robots" content="noindex">
  <title>{html.escape(titles[DEFAULT_LOCALE])}</title>
  <script src="{up}{SCRIPT}" data-go="{html.escape(json.dumps(destinations, separators=(",", ":")))}"></script>
  <noscript><meta http-equiv="refresh" content="0; url={html.escape(english)}"></noscript>
</head>
<body>
  <main>
    <h1>{html.escape(titles[DEFAULT_LOCALE])}</h1>
    <p>{choose}</p>
    <ul>
{links}
    </ul>
  </main>
</body>
</html>
"""


def pages(catalog: Catalog, renamed: dict[str, str] | None = None) -> dict[str, str]:
    """Every /go/ page: site path (``go/honesty/index.html``) -> HTML.

    ``renamed`` maps an old go id to the page it now leads to (from the redirect map),
    so a /go/ link sent before a page was renamed keeps working.
    """
    out: dict[str, str] = {}
    all_targets = dict(targets(catalog))
    for old_id, source_rel in (renamed or {}).items():
        all_targets.setdefault(old_id, source_rel)
    for go_id, source_rel in all_targets.items():
        out[go_path(go_id) + "index.html"] = page_html(go_id, source_rel, catalog)
    return out
