"""The offline copy's rules (handbook/offline.py) as tables, and a real offline build that must refuse a link
that only works on a server. The real handbook's copy, unzipped and opened in Chromium: tests/browser/test_offline.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import build_offline
from handbook import offline
from handbook.locales import get_locale
from tests.fixture_site import write_project
from tests.site.test_site import CATALOG

FILES = {
    "index.html",
    "principles/index.html",
    "principles/honesty.html",
    "hu/index.html",
    "hu/principles/honesty.html",
    "assets/stylesheets/main.css",
    "assets/images/favicon.png",
}
FOLDERS = {".", "principles", "hu", "hu/principles", "assets", "assets/stylesheets", "assets/images"}


@pytest.mark.parametrize(
    ("page", "html", "expected"),
    [
        # a stale translation's link to its English original, written as a folder address
        (
            "hu/principles/honesty.html",
            '<a href="../../principles/honesty/">',
            '<a href="../../principles/honesty.html">',
        ),
        ("hu/index.html", '<a href="../">English</a>', '<a href="../index.html">English</a>'),
        ("index.html", '<a class="x" href="principles/">', '<a class="x" href="principles/index.html">'),
        ("index.html", '<a href="principles/honesty/#do">', '<a href="principles/honesty.html#do">'),
        ("index.html", '<a href="principles/honesty/?h=x">', '<a href="principles/honesty.html?h=x">'),
        ("index.html", "<a href='hu/'>", "<a href='hu/index.html'>"),
        ("index.html", "<a href=hu/>", "<a href=hu/index.html>"),
        ("index.html", '<img alt="" src="hu/">', '<img alt="" src="hu/index.html">'),
        # already a file, an anchor, another site, nothing in the tree, absolute: left as written
        ("index.html", '<a href="principles/honesty.html">', '<a href="principles/honesty.html">'),
        ("index.html", '<a href="#do">', '<a href="#do">'),
        ("index.html", '<a href="https://example.org/">', '<a href="https://example.org/">'),
        ("index.html", '<a href="missing/">', '<a href="missing/">'),
        ("index.html", '<a href="/principles/">', '<a href="/principles/">'),
        # text that only looks like a link
        ("index.html", '<code>&lt;a href="principles/"&gt;</code>', '<code>&lt;a href="principles/"&gt;</code>'),
        ("index.html", '<p>write href="principles/" here</p>', '<p>write href="principles/" here</p>'),
        ("index.html", "<script>let a = '<a href=\"hu/\">';</script>", "<script>let a = '<a href=\"hu/\">';</script>"),
        # several on several lines
        (
            "index.html",
            '<p>\n  <a href="hu/">hu</a> <a href="principles/">p</a>\n</p>',
            '<p>\n  <a href="hu/index.html">hu</a> <a href="principles/index.html">p</a>\n</p>',
        ),
    ],
)
def test_folder_addresses_become_the_pages_files(page: str, html: str, expected: str) -> None:
    assert offline.rewrite_folder_links(html, page, FILES) == expected


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        ('<script src="https://unpkg.com/iframe-worker/shim"></script>', "is loaded from the network"),
        ('<link rel="stylesheet" href="//cdn.example/x.css">', "is loaded from the network"),
        ('<img srcset="https://cdn.example/a.png 2x">', "is loaded from the network"),
        ('<a href="/hu/">', "starts with '/', which from file:// is the root of the disk"),
        ('<a href="../principles/missing.html">', "leads to principles/missing.html, which is not in the copy"),
        ('<a href="../../elsewhere.html">', "leads out of the site"),
        ('<a href="../assets/">', "leads to a folder with no index.html"),
        ('<meta http-equiv="refresh" content="0; url=/principles/">', "starts with '/'"),
        ('<a href="../downloads/handbook-hu.pdf">', "not in the copy"),
        # what works from disk
        ('<a href="https://example.org/">', None),
        ('<link rel="alternate" href="https://intranet.example/hu/" hreflang="hu">', None),
        ('<a href="mailto:hr@example.org">', None),
        ('<a href="#top">', None),
        ('<img alt="" src="data:image/png;base64,AAAA">', None),
        ('<link rel="icon" href="../assets/images/favicon.png">', None),
        ('<a href="principles/honesty.html#do">', None),
        ("<script>fetch('https://example.org/')</script>", None),  # not markup: the browser tests watch requests
    ],
)
def test_what_breaks_from_disk_is_found(html: str, problem: str | None) -> None:
    found = offline.page_findings("hu/index.html", f"<!doctype html>\n<p>\n{html}\n</p>", FILES, FOLDERS)
    if problem is None:
        assert found == []
    else:
        assert len(found) == 1 and problem in found[0].message, found
        assert found[0].line == 3 and found[0].file == "hu/index.html"


def test_a_missing_pdf_asks_for_the_pdf_editions() -> None:
    (found,) = offline.page_findings("hu/index.html", '<a href="../downloads/handbook-hu.pdf">', FILES, FOLDERS)
    assert "make pdf" in found.fix


@pytest.mark.parametrize(
    ("css", "problem"),
    [
        ("a{background:url(https://cdn.example/a.png)}", "loads https://cdn.example/a.png"),
        ('@import "https://fonts.example/css";', "loads https://fonts.example/css"),
        ("a{background:url('../images/missing.png')}", "refers to ../images/missing.png"),
        ("a{background:url(../images/favicon.png)}", None),
        ('a{mask-image:url("data:image/svg+xml;charset=utf-8,<svg/>")}', None),
    ],
)
def test_stylesheets_load_only_files_of_the_copy(css: str, problem: str | None) -> None:
    found = offline.stylesheet_findings("assets/stylesheets/main.css", css, FILES)
    assert [problem in f.message for f in found] == ([] if problem is None else [True])


@pytest.mark.parametrize(
    ("url", "here", "there", "expected"),
    [
        ("principles/honesty.html", "hu", "en", "../../principles/honesty.html"),
        ("principles/honesty.html", "en", "pt", "../pt/principles/honesty.html"),
        ("principles/honesty.html", "es", "hu", "../../hu/principles/honesty.html"),
        ("principles/index.html", "es", "es", "index.html"),
        ("index.html", "hu", "pt", "../pt/index.html"),
        ("", "en", "hu", "hu/index.html"),
        ("index.html", "en", "en", "index.html"),
    ],
)
def test_the_language_switcher_links_file_to_file(url: str, here: str, there: str, expected: str) -> None:
    link = offline.language_link(url, get_locale(here), get_locale(there))
    assert link == expected and isinstance(link, offline.PageRelative)


def test_each_page_is_found_by_its_file_and_server_pages_are_left_out() -> None:
    sources = offline.page_sources(CATALOG)
    assert sources["index.html"].rel == "index.md"
    assert sources["hu/principles/honesty.html"].rel == "principles/honesty.hu.md"
    assert sources["pt/protocols/index.html"].rel == "protocols/index.pt.md"
    assert len(sources) == len(CATALOG.pages)
    left = offline.left_out(CATALOG)
    assert {"404.html", "es/404.html", "hu/404.html", "pt/404.html", "go/honesty/index.html"} <= set(left)
    assert not set(left) & set(sources)


@pytest.mark.parametrize(
    ("epoch", "expected"),
    [
        (None, (1980, 1, 1, 0, 0, 0)),
        ("0", (1980, 1, 1, 0, 0, 0)),
        ("x", (1980, 1, 1, 0, 0, 0)),
        ("1700000001", (2023, 11, 14, 22, 13, 20)),
    ],
)
def test_the_zip_date_follows_source_date_epoch(epoch: str | None, expected: tuple[int, ...]) -> None:
    assert offline.zip_date(epoch) == expected


def _tree(root: Path) -> Path:
    for name, text in {"index.html": "home", "hu/index.html": "hu", "assets/a.css": "a{}", "assets.txt": "x"}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_the_zip_is_one_folder_in_a_fixed_order_and_the_same_bytes_every_time(tmp_path: Path) -> None:
    tree = _tree(tmp_path / "tree")
    first, second = tmp_path / "one" / "copy.zip", tmp_path / "two" / "copy.zip"
    assert offline.write_zip(tree, first) == 4
    os.utime(tree / "index.html", (0, 0))  # a file's own date never reaches the zip
    offline.write_zip(tree, second)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        names = archive.namelist()
        assert archive.read("handbook/hu/index.html") == b"hu"
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert names == [
        "handbook/",
        "handbook/assets/",
        "handbook/assets/a.css",
        "handbook/assets.txt",  # after the folder "assets" and all it holds
        "handbook/hu/",
        "handbook/hu/index.html",
        "handbook/index.html",
    ]


def test_a_zip_that_cannot_be_finished_leaves_the_old_one(tmp_path: Path) -> None:
    tree = _tree(tmp_path / "tree")
    (tree / "hu" / "gone.html").symlink_to(tmp_path / "nowhere")  # unreadable once the zip is half written
    target = tmp_path / "downloads" / "copy.zip"
    target.parent.mkdir()
    target.write_bytes(b"the previous copy")
    with pytest.raises(FileNotFoundError):
        offline.write_zip(tree, target)
    assert target.read_bytes() == b"the previous copy"
    assert [path.name for path in target.parent.iterdir()] == ["copy.zip"]


def test_without_a_site_the_offline_build_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        build_offline.main(["--site-dir", str(tmp_path / "no-site")])
    assert stopped.value.code == 2
    assert "run `make build`" in capsys.readouterr().err


def test_a_link_that_only_works_on_a_server_stops_the_copy_at_its_markdown_line(tmp_path: Path) -> None:
    """The web build accepts an absolute link in raw HTML (a server resolves it); from disk it is the disk's root."""
    project = write_project(tmp_path)
    page = project / "docs" / "index.hu.md"
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    page.write_text(text + '<a href="/principles/alpha/">alpha</a>\n', encoding="utf-8")
    line = text.count("\n") + 1
    downloads = project / "site" / "downloads"
    downloads.mkdir(parents=True)
    (downloads / "handbook-offline.zip").write_bytes(b"the previous copy")
    env = {key: value for key, value in os.environ.items() if key not in ("HANDBOOK_SITE_URL", offline.OFFLINE_ENV)}
    result = subprocess.run(
        [sys.executable, str(project / "scripts" / "build_offline.py"), "--site-dir", str(project / "site")],
        cwd=project,
        env={**env, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert (
        f"docs/index.hu.md:{line}: <a href> /principles/alpha/ starts with '/', which from file:// is the root "
        "of the disk (in the offline copy's hu/index.html) — link relative to the page" in result.stderr
    ), result.stderr
    assert "1 problem(s)" in result.stderr and "was not written" in result.stderr
    assert "Traceback" not in result.stderr
    assert [path.name for path in downloads.iterdir()] == ["handbook-offline.zip"]
    assert (downloads / "handbook-offline.zip").read_bytes() == b"the previous copy"
    assert [path.name for path in project.iterdir() if path.name.startswith(".handbook")] == []


def test_search_from_disk_needs_each_languages_index_as_a_script_and_the_worker_shim(tmp_path: Path) -> None:
    for locale in ("", "es/", "hu/", "pt/"):
        up = "../" * locale.count("/")
        (tmp_path / locale / "search").mkdir(parents=True, exist_ok=True)
        (tmp_path / locale / "search" / "search_index.js").write_text("var __index = {}", encoding="utf-8")
        (tmp_path / locale / "index.html").write_text(f'<script src="{up}{offline.WORKER_SHIM}"></script>')
    assert offline.search_problems(tmp_path) == []
    (tmp_path / "hu" / "search" / "search_index.js").unlink()
    (tmp_path / "pt" / "index.html").write_text('<script src="https://unpkg.com/iframe-worker/shim"></script>')
    assert [f"{p.path}: {p.message}" for p in offline.search_problems(tmp_path)] == [
        "handbook/hu/search/search_index.js: the Hungarian search index is not there as a script, "
        "so search fails from file://",
        f"handbook/pt/index.html: the page does not load {offline.WORKER_SHIM}, so search fails from file:// "
        "(no web worker runs from a file)",
    ]
