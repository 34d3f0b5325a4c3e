"""The URL contract, the /go/ links, the redirects, the sitemap and the theme pages, on fixture trees."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import check_content
import published_urls
from handbook import golinks, themes, urls
from handbook.catalog import Catalog
from handbook.checks import content_problems
from tests.fixture_site import LOCALES, add_assessment, add_protocol, suffix, write_docs

ROOT = Path(__file__).resolve().parents[2]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def tree(tmp_path: Path) -> Path:
    docs = write_docs(tmp_path / "docs")
    add_protocol(docs)
    add_assessment(docs)
    return docs


def check(docs: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = check_content.main(["--docs-dir", str(docs)])
    return code, capsys.readouterr().out


def test_published_addresses_cover_every_page_language_and_go_link(tmp_path: Path) -> None:
    docs = tree(tmp_path)
    catalog = Catalog.load(docs, tmp_path)
    found = urls.published(catalog, urls.load_redirects(catalog))
    for prefix in ("/", "/es/", "/hu/", "/pt/"):
        for path in ("", "principles/alpha/", "protocols/greeting/", "onboarding/assessment/", "themes/trust/"):
            assert found[prefix + path] == "page", prefix + path
    assert {url for url, kind in found.items() if kind == "go"} == {
        "/go/alpha/",
        "/go/beta/",
        "/go/greeting/",
        "/go/assessment/",
    }


def test_removing_a_page_without_a_redirect_fails_with_the_address_and_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tree(tmp_path)
    assert check(docs, capsys)[0] == 0
    for locale in LOCALES:
        (docs / "protocols" / f"greeting{suffix(locale)}.md").unlink()
    code, out = check(docs, capsys)
    assert code == 1
    listed = (tmp_path / urls.URL_LIST_FILE).read_text(encoding="utf-8").split("\n")
    line = listed.index("/hu/protocols/greeting/") + 1
    assert (
        f"published-urls.txt:{line}: /hu/protocols/greeting/ is published but would stop working — "
        "restore the page, or add 'protocols/greeting/: <its new address>' to redirects.yml"
    ) in out
    assert "/go/greeting/ is published but would stop working" in out


def test_a_redirect_keeps_the_old_addresses_and_the_go_link_working(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tree(tmp_path)
    for locale in LOCALES:  # rename the protocol greeting -> welcome
        old = docs / "protocols" / f"greeting{suffix(locale)}.md"
        text = old.read_text(encoding="utf-8").replace("id: greeting", "id: welcome")
        (docs / "protocols" / f"welcome{suffix(locale)}.md").write_text(text, encoding="utf-8")
        old.unlink()
    (tmp_path / urls.REDIRECTS_FILE).write_text("protocols/greeting/: protocols/welcome/\n", encoding="utf-8")
    code, out = check(docs, capsys)
    assert code == 1 and "not in the list" in out and "run `make urls`" in out  # only the new page is unlisted
    assert "would stop working" not in out
    assert published_urls.main(["--update", "--root", str(tmp_path)]) == 0
    assert check(docs, capsys)[0] == 0
    catalog = Catalog.load(docs, tmp_path)
    files = urls.extra_files(catalog, None)
    # every language's old address leads to the same language's new page, anchor kept by language.js
    moved = BeautifulSoup(files["hu/protocols/greeting/index.html"], "html.parser")
    assert moved.html["lang"] == "hu"
    assert (
        moved.script["data-moved"] == "../welcome/" and moved.script["src"] == "../../../assets/javascripts/language.js"
    )
    assert "url=../welcome/" in moved.noscript.meta["content"]
    assert moved.find("a")["href"] == "../welcome/"
    assert BeautifulSoup(files["protocols/greeting/index.html"], "html.parser").html["lang"] == "en"
    # the old /go/ link leads to the renamed page in every language
    go = json.loads(BeautifulSoup(files["go/greeting/index.html"], "html.parser").script["data-go"])
    assert go == {code: f"../../{'' if code == 'en' else code + '/'}protocols/welcome/" for code in LOCALES}


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "principles/alpha/: principles/beta/\n",
            "'principles/alpha/' is a page of the handbook, so it cannot redirect",
        ),
        ("old/: principles/gone/\n", "'principles/gone/' is not a page of the handbook"),
        ("/old: principles/beta/\n", "'/old' is not an address inside the handbook"),
        ("hu/old/: principles/beta/\n", "'hu/old/' starts with a language"),
        ("old: [principles/beta/]\n", "is not an address inside the handbook"),
        ("old/: [unclosed\n", "the redirect map cannot be read"),
    ],
)
def test_redirect_mistakes_are_reported_with_their_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, fragment: str
) -> None:
    docs = tree(tmp_path)
    (tmp_path / urls.REDIRECTS_FILE).write_text("# moved pages\n" + text, encoding="utf-8")
    code, out = check(docs, capsys)
    assert code == 1
    rows = [row for row in out.splitlines() if row.startswith("redirects.yml:") and fragment in row]
    assert rows, out
    assert " — " in rows[0] and "Traceback" not in out


def test_the_update_adds_new_pages_and_never_drops_a_listed_address(tmp_path: Path) -> None:
    docs = tree(tmp_path)
    path = tmp_path / urls.URL_LIST_FILE
    path.write_text(path.read_text(encoding="utf-8") + "/hu/principles/removed-long-ago/\n", encoding="utf-8")
    (docs / "principles" / "alpha.md").write_text(
        (docs / "principles" / "alpha.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert published_urls.main(["--update", "--root", str(tmp_path)]) == 1  # the removed page still fails
    listed = [url for _, url in urls.read_list(path)]
    assert "/hu/principles/removed-long-ago/" in listed
    assert listed.index("/") < listed.index("/es/") < listed.index("/go/alpha/")  # languages, then /go/


def test_without_a_list_the_check_warns_once(tmp_path: Path) -> None:
    docs = tree(tmp_path)
    (tmp_path / urls.URL_LIST_FILE).unlink()
    problems = [p for p in content_problems(Catalog.load(docs, tmp_path)) if p.code == "url-list"]
    assert [(p.severity, p.fix) for p in problems] == [("warning", "run `make urls` to write it, and commit it")]


def test_two_pages_claiming_one_go_link_is_an_error(tmp_path: Path) -> None:
    docs = tree(tmp_path)
    add_protocol(docs, "alpha")  # a protocol with a principle's id
    problems = [p for p in content_problems(Catalog.load(docs, tmp_path)) if p.code == "go-link"]
    assert [(p.path, p.message) for p in problems] == [
        ("docs/protocols/alpha.md", "the language-neutral link /go/alpha/ already leads to docs/principles/alpha.md")
    ]


def test_a_go_page_chooses_by_script_and_falls_back_to_english_without_it(tmp_path: Path) -> None:
    catalog = Catalog.load(tree(tmp_path), tmp_path)
    html = BeautifulSoup(golinks.page_html("alpha", "principles/alpha.md", catalog), "html.parser")
    assert html.html["lang"] == "en"
    assert json.loads(html.script["data-go"])["pt"] == "../../pt/principles/alpha/"
    assert html.head.find("noscript").meta["content"] == "0; url=../../principles/alpha/"
    links = html.select("main li a")
    assert [(a["hreflang"], a["href"]) for a in links] == [
        ("en", "../../principles/alpha/"),
        ("es", "../../es/principles/alpha/"),
        ("hu", "../../hu/principles/alpha/"),
        ("pt-BR", "../../pt/principles/alpha/"),
    ]
    assert all(a["lang"] == a["hreflang"] for a in links)


def test_the_sitemap_lists_every_page_with_all_alternates_and_x_default(tmp_path: Path) -> None:
    catalog = Catalog.load(tree(tmp_path), tmp_path)
    root = ET.fromstring(urls.sitemap(catalog, "https://handbook.example.com/sub"))
    entries = root.findall(f"{SITEMAP}url")
    assert len(entries) == len([p for p in catalog.pages])
    by_loc = {entry.findtext(f"{SITEMAP}loc"): entry for entry in entries}
    entry = by_loc["https://handbook.example.com/sub/hu/principles/alpha/"]
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall(f"{XHTML}link")}
    assert alternates == {
        "en": "https://handbook.example.com/sub/principles/alpha/",
        "es": "https://handbook.example.com/sub/es/principles/alpha/",
        "hu": "https://handbook.example.com/sub/hu/principles/alpha/",
        "pt-BR": "https://handbook.example.com/sub/pt/principles/alpha/",
        "x-default": "https://handbook.example.com/sub/principles/alpha/",
    }
    assert urls.extra_files(catalog, None).get("sitemap.xml") is None  # no address, no sitemap


def test_every_theme_needs_its_page_and_every_theme_page_a_theme(tmp_path: Path) -> None:
    docs = tree(tmp_path)
    shutil.rmtree(docs / "themes" / "growth")
    (docs / "themes" / "cooking").mkdir()
    (docs / "themes" / "cooking" / "index.md").write_text(
        (docs / "themes" / "trust" / "index.md")
        .read_text(encoding="utf-8")
        .replace("<!-- handbook:theme-principles -->", ""),
        encoding="utf-8",
    )
    problems = {(p.path, p.message) for p in themes.check(Catalog.load(docs, tmp_path))}
    assert problems == {
        ("docs/themes/growth/index.md", "the theme 'growth' has no page"),
        ("docs/themes/cooking/index.md", "'cooking' is not a theme"),
        ("docs/themes/cooking/index.md", "the theme page does not list its principles"),
    }


def test_the_real_handbook_lists_every_published_address() -> None:
    catalog = Catalog.load(ROOT / "docs", ROOT)
    assert urls.check(catalog) == []
    listed = {url for _, url in urls.read_list(ROOT / urls.URL_LIST_FILE)}
    assert set(urls.published(catalog, urls.load_redirects(catalog))) == listed
