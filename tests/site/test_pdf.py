"""The PDF edition (make pdf): one book per language, laid out by WeasyPrint from the built site."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from handbook import checklists, pdf, quizzes
from handbook.locales import LOCALE_CODES, format_date, get_locale
from handbook.themes import members, theme_ids
from tests.conftest import ROOT, BuiltSite, built_once
from tests.site.test_site import CATALOG


def run_build_pdf(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_pdf.py"), *args], capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="session")
def pdfs(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four PDFs, built once per run (whichever worker comes first), as make pdf builds them."""

    def build(out: Path) -> None:
        result = run_build_pdf("--site-dir", str(built_site.root), "--out-dir", str(out))
        assert result.returncode == 0, result.stderr

    return built_once(tmp_path_factory, "pdf-editions", build)


def reader(pdfs: Path, code: str) -> PdfReader:
    return PdfReader(pdfs / pdf.file_name(code))


def title(source_rel: str, code: str) -> str:
    page = CATALOG.page(source_rel, code)
    assert page is not None, (source_rel, code)
    return str(page.meta["title"])


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def expected_parts(code: str) -> list[tuple[str, list[str]]]:
    """From the Markdown sources, not from the built site the PDF is made of."""
    principles = [title(p.source_rel, code) for theme in theme_ids() for p in members(CATALOG, theme)]
    protocols = [title(p.source_rel, code) for p in CATALOG.protocols()]
    return [
        (title("principles/index.md", code), principles),
        (title("protocols/index.md", code), protocols),
        (title("glossary.md", code), []),
        (title("sources.md", code), []),
    ]


def test_one_pdf_per_language_linked_from_its_home_page(pdfs: Path, built_site: BuiltSite) -> None:
    assert sorted(path.name for path in pdfs.glob("*.pdf")) == sorted(f"handbook-{code}.pdf" for code in LOCALE_CODES)
    for code in LOCALE_CODES:
        prefix = get_locale(code).url_prefix
        home = BeautifulSoup((built_site.root / prefix / "index.html").read_text(encoding="utf-8"), "html.parser")
        links = home.select("a.handbook-download")
        assert len(links) == 1, code
        target = urljoin(f"http://site/{prefix}", links[0]["href"])
        assert target == f"http://site/downloads/handbook-{code}.pdf"
        assert links[0]["type"] == "application/pdf"
        meta = reader(pdfs, code).metadata
        assert meta is not None and meta.title == title("index.md", code)


@pytest.mark.parametrize("code", LOCALE_CODES)
def test_bookmarks_are_the_parts_then_every_principle_and_protocol(pdfs: Path, code: str) -> None:
    book = reader(pdfs, code)
    found = pdf.read_outline(pdfs / pdf.file_name(code))
    assert [(words(t), [words(c) for c in children]) for t, children in found.parts] == expected_parts(code)
    # each principle and protocol starts on a page of its own, in order
    starts = [
        book.get_destination_page_number(item) for item in book.outline if isinstance(item, list) for item in item
    ]
    assert starts == sorted(set(starts))
    assert len(starts) == len(CATALOG.principles()) + len(CATALOG.protocols())
    assert len(book.pages) > starts[-1] + 2  # the last protocol, then the glossary and the sources


def entry_pages(book: PdfReader, wanted: str) -> list[int]:
    """The pages of one principle or protocol: from its bookmark to the next one."""
    starts = [
        (words(item.title), book.get_destination_page_number(item))
        for part in book.outline
        if isinstance(part, list)
        for item in part
    ]
    for index, (name, first) in enumerate(starts):
        if name == wanted:
            end = starts[index + 1][1] if index + 1 < len(starts) else first + 1
            return list(range(first, max(end, first + 1)))
    raise AssertionError(f"no bookmark '{wanted}'")


def text_of(book: PdfReader, pages: list[int]) -> str:
    return words(" ".join(book.pages[number].extract_text() for number in pages))


def test_the_hungarian_pdf_carries_its_letters_as_text(pdfs: Path) -> None:
    book = reader(pdfs, "hu")
    titles = [title(p.source_rel, "hu") for p in CATALOG.principles()]
    with_long_accents = [t for t in titles if re.search("[őűŐŰ]", t)]
    assert with_long_accents, "no Hungarian principle title has ő or ű"
    for principle_title in with_long_accents:  # as text, on the principle's own first page
        first = entry_pages(book, principle_title)[0]
        assert principle_title in text_of(book, [first]), principle_title
    portuguese = reader(pdfs, "pt")
    honesty = text_of(portuguese, entry_pages(portuguese, title("principles/honesty.md", "pt")))
    assert re.search(r"\w*ã\w*", honesty) and re.search(r"\w*ç\w*", honesty)


@pytest.mark.parametrize("code", ["en", "hu"])
def test_cover_and_contents_with_the_right_page_numbers(pdfs: Path, code: str) -> None:
    book = reader(pdfs, code)
    cover = words(book.pages[0].extract_text())
    edition = format_date(pdf.edition_date(ROOT), code)
    assert title("index.md", code) in cover.replace("- ", "")
    assert edition in cover
    contents = words(" ".join(page.extract_text() for page in book.pages[1:4]))
    for part in book.outline:
        if isinstance(part, list):
            for item in part:
                shown = re.search(re.escape(words(item.title)) + r" ?[. ]*(\d+)", contents)
                assert shown, item.title
                assert int(shown.group(1)) == book.get_destination_page_number(item) + 1, item.title


def test_no_quizzes_and_links_land_inside_the_pdf(pdfs: Path) -> None:
    book = reader(pdfs, "es")
    honesty = CATALOG.page("principles/honesty.md", "es")
    assert honesty is not None
    text = text_of(book, entry_pages(book, title("principles/honesty.md", "es")))
    assert words(str(honesty.meta["summary"]))[:40] in text  # the page is there
    for question in quizzes.parse_page(honesty).quizzes[0].questions:  # its quiz is not
        assert words(question.text)[:40] not in text
    names = set(book.named_destinations)
    internal = [
        annot.get_object()["/Dest"]
        for page in book.pages
        for annot in page.get("/Annots", [])
        if "/Dest" in annot.get_object()
    ]
    assert len(internal) > 200
    assert all(str(name) in names for name in internal)
    assert "principles-honesty--dont" in names  # a protocol's "why" link to a principle's section


def test_protocols_are_checklists_with_empty_boxes(built_site: BuiltSite) -> None:
    page = pdf.print_page(built_site.root, CATALOG, "pt", pdf.edition_date(ROOT))
    html = BeautifulSoup(page, "html.parser")
    assert not html.select("input, script, .handbook-quiz, .handbook-page-info, .handbook-checklist__controls")
    for protocol in CATALOG.protocols():
        localized = CATALOG.page(protocol.source_rel, "pt")
        assert localized is not None
        steps = [step for checklist in checklists.parse_page(localized).checklists for step in checklist.steps]
        article = html.find(id=pdf.Entry.of(protocol.source_rel, protocol.url).anchor).find_parent("article")
        boxes = article.select(".handbook-checklist__step > .handbook-print-box")
        assert len(boxes) == len(steps) > 0, protocol.source_rel
    assert all(not a["href"] or a["href"].startswith(("#", "http")) for a in html.select("a[href]"))


def test_a_resource_from_the_network_stops_the_layout(tmp_path: Path) -> None:
    page = (
        '<html lang="en"><head><link rel="stylesheet" href="https://fonts.example/x.css"></head><body>x</body></html>'
    )
    with pytest.raises(BaseException, match=r"fonts\.example"):
        pdf.render(page, tmp_path, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_without_a_built_site_nothing_is_written(tmp_path: Path) -> None:
    result = run_build_pdf("--site-dir", str(tmp_path / "nowhere"), "--out-dir", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "no built site here" in result.stderr and "make build" in result.stderr
    assert not (tmp_path / "out").exists()
