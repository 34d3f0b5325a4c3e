"""One copy of the theme's assets for every language, and only the ones the site uses.

Each language is built by its own MkDocs process (scripts/build_site.py), and
MkDocs copies the theme's static files into every build. Left alone, the site
would carry four identical copies of Material's scripts, styles and search
languages. Instead:

- the default language's build writes the theme's assets, once, at the site
  root (``assets/``);
- every other language's build writes none, and its pages point one level up
  (``/hu/principles/x/`` loads ``../../../assets/...``, the 404 page
  ``/assets/...``): see :func:`shared_url`;
- no build writes what no page loads: source maps (a debugging aid, never
  fetched by a reader's browser) and the search stemmers and word splitters of
  languages the handbook is not written in.

The MkDocs hook only calls these functions: the rules live here.
"""

from __future__ import annotations

import posixpath
import re

from handbook.locales import LOCALES, Locale

ASSETS = "assets/"
# Material's search worker loads lunr.stemmer.support and lunr.<lang> for each
# non-English search language, and lunr.multi when a build has several.
_LUNR = re.compile(r"^assets/javascripts/lunr/")
_LUNR_NEEDED = frozenset(
    {"assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "assets/javascripts/lunr/min/lunr.multi.min.js"}
    | {f"assets/javascripts/lunr/min/lunr.{locale.code}.min.js" for locale in LOCALES if not locale.is_default}
)


def is_theme_asset(src_uri: str) -> bool:
    return src_uri.startswith(ASSETS)


def is_unused(src_uri: str) -> bool:
    """A theme file no page of the handbook loads."""
    if src_uri.endswith(".map"):
        return True
    return bool(_LUNR.match(src_uri)) and src_uri not in _LUNR_NEEDED


def writes_theme_assets(locale: Locale) -> bool:
    """Only the default language's build (published at the site root) writes the shared copy."""
    return locale.is_default


def shared_url(url: str, locale: Locale, base_path: str) -> str:
    """Where a page of ``locale`` finds a theme asset that MkDocs addressed inside the language's folder.

    ``url`` is what MkDocs' ``url`` filter made of ``assets/...`` for the page:
    relative to the page (``../../assets/x.css``, ``assets/x.css``) or, on a
    404 page, absolute (``/hu/assets/x.css``, ``/handbook/hu/assets/x.css``).
    ``base_path`` is the site's path on its server (``/`` or ``/handbook/``).
    """
    if locale.is_default:
        return url
    prefix = base_path + locale.url_prefix
    if url.startswith("/"):
        if not url.startswith(prefix):
            raise ValueError(f"{url} is not under {prefix}")
        return base_path + url[len(prefix) :]
    # Relative to a page inside the language's folder: one folder further up per prefix segment.
    ups = "../" * locale.url_prefix.rstrip("/").count("/") + "../"
    return posixpath.normpath(ups + url)
