"""One copy of the theme's assets (handbook/assets.py) and smaller HTML (handbook/htmlsize.py)."""

from __future__ import annotations

import pytest

from handbook import assets, htmlsize
from handbook.locales import get_locale

HU = get_locale("hu")


@pytest.mark.parametrize(
    ("url", "base", "shared"),
    [
        ("assets/stylesheets/main.css", "/", "../assets/stylesheets/main.css"),  # /hu/ (home)
        ("../../assets/javascripts/bundle.js", "/", "../../../assets/javascripts/bundle.js"),  # /hu/a/b/
        ("./assets/x.css", "/", "../assets/x.css"),
        ("/hu/assets/images/favicon.png", "/", "/assets/images/favicon.png"),  # the 404 page
        ("/handbook/hu/assets/x.css", "/handbook/", "/handbook/assets/x.css"),  # served under a sub-path
    ],
)
def test_a_translations_pages_load_the_shared_copy(url: str, base: str, shared: str) -> None:
    assert assets.shared_url(url, HU, base) == shared


def test_the_default_language_keeps_its_urls() -> None:
    assert assets.shared_url("../assets/x.css", get_locale("en"), "/") == "../assets/x.css"


def test_an_absolute_url_outside_the_language_is_refused() -> None:
    with pytest.raises(ValueError, match="not under /hu/"):
        assets.shared_url("/es/assets/x.css", HU, "/")


@pytest.mark.parametrize(
    ("src_uri", "unused"),
    [
        ("assets/javascripts/bundle.a5f9d56c.min.js.map", True),
        ("assets/javascripts/bundle.a5f9d56c.min.js", False),
        ("assets/javascripts/lunr/min/lunr.hu.min.js", False),
        ("assets/javascripts/lunr/min/lunr.pt.min.js", False),
        ("assets/javascripts/lunr/min/lunr.es.min.js", False),
        ("assets/javascripts/lunr/min/lunr.stemmer.support.min.js", False),
        ("assets/javascripts/lunr/min/lunr.multi.min.js", False),
        ("assets/javascripts/lunr/min/lunr.ja.min.js", True),
        ("assets/javascripts/lunr/wordcut.js", True),
        ("assets/javascripts/lunr/tinyseg.js", True),
        ("assets/stylesheets/handbook.css", False),
    ],
)
def test_only_assets_a_page_loads_are_published(src_uri: str, unused: bool) -> None:
    assert assets.is_unused(src_uri) is unused


def test_indentation_goes_but_what_a_reader_sees_stays() -> None:
    html = (
        "<ul>\n    <li>\n      <a href='#'>\n        One\n      </a>\n    </li>\n</ul>\n"
        "<p>Two <em>words</em>\n   and more</p>\n"
        "<pre><code>  kept\n    as is\n</code></pre>\n"
        "<script>\n  var x = `\n    template`;\n</script>\n"
        "<textarea>\n  typed\n</textarea>\n"
        "<span>a</span>\n<span>b</span>\n"
    )
    small = htmlsize.strip_indentation(html)
    assert "<pre><code>  kept\n    as is\n</code></pre>" in small
    assert "<script>\n  var x = `\n    template`;\n</script>" in small
    assert "<textarea>\n  typed\n</textarea>" in small
    assert "<ul><li><a href='#'>\nOne\n</a></li></ul>" in small  # a line break between words stays a space
    assert "<p>Two <em>words</em>\nand more</p>" in small
    assert "<span>a</span>\n<span>b</span>" in small  # inline neighbours keep the space between them
    assert len(small) < len(html)
