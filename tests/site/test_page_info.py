"""What every built page says about itself (overrides/partials/source-file.html): its owner,
when it was last reviewed and last updated, and "Edit this page" on its own language's
source file; and the MkDocs validation settings that stop a strict build on a broken anchor."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from handbook.catalog import Catalog, load_strings
from handbook.checks import run_checks
from handbook.locales import LOCALE_CODES, get_locale
from handbook.pages import Page
from handbook.translations import report_to_json
from tests.conftest import ROOT, BuiltSite, run_build
from tests.fixture_site import LOCALES, suffix, write_project

CATALOG = Catalog.load(ROOT / "docs", ROOT)
PAGES = [page for page in CATALOG.pages if page.locale in LOCALE_CODES]
WORDS = {code: load_strings()[code]["page_info"] for code in LOCALE_CODES}
# mkdocs.yml: extra.edit_base, from HANDBOOK_EDIT_BASE (the builds below inherit this environment)
EDIT_BASE = os.environ.get("HANDBOOK_EDIT_BASE") or "https://github.com/handbook/ethics-handbook/edit/main/docs/"
MKDOCS = Path(sys.executable).with_name("mkdocs")  # the venv running the tests: .venv/bin/mkdocs
BLOCK = '<aside class="handbook-page-info'


def page_info(html_file: Path) -> Tag:
    """The page's one facts block, parsed on its own (parsing every whole page would be slow)."""
    html = html_file.read_text(encoding="utf-8")
    assert html.count(BLOCK) == 1, f"{html_file}: {html.count(BLOCK)} page-info blocks"
    start = html.index(BLOCK)
    aside = BeautifulSoup(html[start : html.index("</aside>", start) + len("</aside>")], "html.parser").aside
    assert aside is not None
    return aside


def built_file(site: Path, locale: str, url: str) -> Path:
    return site / get_locale(locale).url_prefix / url / "index.html"


def utc_today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


@cache
def last_commit_dates() -> dict[str, str]:
    """docs/... file -> the UTC date of its last commit (the git-revision-date-localized plugin's date)."""
    log = subprocess.run(
        ["git", "-C", str(ROOT), "log", "--format=%x00%at", "--name-only", "--", "docs"],
        capture_output=True,
        text=True,
        check=False,
    )
    dates: dict[str, str] = {}
    day = ""
    for line in log.stdout.splitlines():
        if line.startswith("\x00"):
            day = dt.datetime.fromtimestamp(int(line[1:]), dt.UTC).date().isoformat()
        elif line.strip():
            dates.setdefault(line.strip(), day)
    return dates


def test_the_edit_link_opens_the_source_file_in_the_pages_language(built_site: BuiltSite) -> None:
    for locale in LOCALES:
        aside = page_info(built_file(built_site.root, locale, "principles/honesty/"))
        edit = aside.select("a[rel=edit]")
        assert len(edit) == 1
        assert edit[0]["href"] == f"{EDIT_BASE.rstrip('/')}/principles/honesty{suffix(locale)}.md"
        assert edit[0]["href"].endswith(f"/docs/principles/honesty{suffix(locale)}.md")
        assert edit[0].get_text(strip=True) == WORDS[locale]["edit"]
    assert [WORDS[code]["edit"] for code in LOCALES] == [
        "Edit this page",
        "Editar esta página",
        "Az oldal szerkesztése",
        "Editar esta página",
    ]


def test_every_page_shows_its_owner_review_date_and_last_update(built_site: BuiltSite) -> None:
    commits = last_commit_dates()
    problems = []
    for page in PAGES:
        path = built_file(built_site.root, page.locale, page.url)
        assert path.is_file(), f"{page.display} was not built: {path}"
        problems += facts_problems(page, page_info(path), commits.get(page.display))
    assert problems == []


def facts_problems(page: Page, aside: Tag, last_commit: str | None) -> list[str]:
    """What is wrong with one page's block: labels, owner, dates and edit link, in its language."""
    words = WORDS[page.locale]
    found = []
    owner = page.meta["owner"]
    reviewed = page.meta["reviewed"]
    if aside.get("aria-label") != words["label"]:
        found.append(f"label {aside.get('aria-label')!r}")
    labels = [dt_tag.get_text(strip=True) for dt_tag in aside.find_all("dt")]
    if labels != [words["owner"], words["reviewed"], words["updated"]]:
        found.append(f"labels {labels}")
    values = aside.find_all("dd")
    if len(values) != 3:
        return [f"{page.display}: {len(values)} facts"]
    if values[0].get_text(strip=True) != owner:
        found.append(f"owner {values[0].get_text(strip=True)!r}, not {owner!r}")
    org, _, team = owner.removeprefix("@").partition("/")
    team_link = values[0].find("a")
    if team_link is None or team_link["href"] != f"https://github.com/orgs/{org}/teams/{team}":
        found.append(f"owner link {team_link}")
    review = values[1].find("time")
    if review is None or review.get("datetime") != reviewed.isoformat():
        found.append(f"reviewed {review}, not {reviewed.isoformat()}")
    update = values[2].find("time")
    if update is None or not update.get_text(strip=True):
        found.append(f"no last-updated <time>: {values[2]}")
    else:
        updated = dt.date.fromisoformat(update["datetime"])
        if last_commit is not None and updated.isoformat() != last_commit:
            found.append(f"last updated {updated}, but its last commit is {last_commit}")
        if updated > utc_today():
            found.append(f"last updated {updated}, in the future")
    edit = aside.select_one("a[rel=edit]")
    if edit is None or edit["href"] != f"{EDIT_BASE.rstrip('/')}/{page.rel}":
        found.append(f"edit link {edit}")
    return [f"{page.display}: {problem}" for problem in found]


def test_a_build_without_git_history_shows_the_build_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A tarball build: no git repository, so every page's last update is the day it was built."""
    project = write_project(tmp_path)
    not_git = subprocess.run(["git", "-C", str(project), "rev-parse"], capture_output=True, check=False)
    assert not_git.returncode != 0, "the fixture project must not be inside a git repository"
    monkeypatch.setenv("HANDBOOK_EDIT_BASE", "https://git.example/handbook/-/edit/main/docs/")
    before = utc_today()
    code, log = run_build(project / "site", config_file=project / "mkdocs.yml")
    build_days = {before.isoformat(), utc_today().isoformat()}
    assert code == 0, log
    catalog = Catalog.load(project / "docs", project)
    reviewed_text = {
        "en": "22 November 2026",
        "es": "22 de noviembre de 2026",
        "hu": "2026. november 22.",
        "pt": "22 de novembro de 2026",
    }
    for page in (p for p in catalog.pages if p.locale in LOCALE_CODES):
        aside = page_info(built_file(project / "site", page.locale, page.url))
        review, update = aside.find_all("time")
        assert review["datetime"] == "2026-11-22", page.display  # every fixture page's 'reviewed'
        assert review.get_text(strip=True) == reviewed_text[page.locale]
        assert update["datetime"] in build_days, page.display
        assert update.get_text(strip=True), page.display
        edit = aside.select_one("a[rel=edit]")
        assert edit is not None and edit["href"] == f"https://git.example/handbook/-/edit/main/docs/{page.rel}"


@pytest.fixture(scope="module")
def broken_anchor_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A fixture project whose Spanish alpha page links to an anchor beta does not have; the link's line."""
    project = write_project(tmp_path_factory.mktemp("anchor"))
    spanish = project / "docs" / "principles" / "alpha.es.md"
    text = spanish.read_text(encoding="utf-8")
    old = "Because it matters.\n"
    assert text.count(old) == 1
    spanish.write_text(text.replace(old, "Because it matters: see [beta](beta.md#no-such-anchor).\n"), encoding="utf-8")
    return project, text[: text.index(old)].count("\n") + 1


def direct_build(project: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` itself, not scripts/build_site.py."""
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(project / "out")],
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_a_direct_strict_build_stops_on_a_broken_anchor(broken_anchor_project: tuple[Path, int]) -> None:
    project, line = broken_anchor_project
    result = direct_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "no-such-anchor" in output
    # the hook runs the handbook's checks first, and names the file and line
    assert f"docs/principles/alpha.es.md:{line}: " in output
    assert "links to '#no-such-anchor', which docs/principles/beta.es.md does not have" in output
    assert not (project / "out" / "es" / "principles" / "alpha" / "index.html").exists()


def test_mkdocs_own_validation_stops_a_strict_build_on_a_broken_anchor(
    broken_anchor_project: tuple[Path, int],
) -> None:
    """With our checks handed over as build_site.py does (HANDBOOK_REPORT, one language per run), MkDocs itself
    still fails the strict build: mkdocs.yml's validation makes a missing anchor a warning, not an info line."""
    project, _ = broken_anchor_project
    report = project / "translations.json"
    report.write_text(
        report_to_json(run_checks(Catalog.load(project / "docs", project)).translations), encoding="utf-8"
    )
    result = direct_build(project, HANDBOOK_REPORT=str(report), HANDBOOK_LOCALE="es")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "content check" not in output  # not our check: MkDocs' own
    assert (
        "WARNING -  Doc file 'principles/alpha.es.md' contains a link 'beta.md#no-such-anchor', but the doc "
        "'principles/beta.es.md' does not contain an anchor '#no-such-anchor'." in output
    )
    assert "Aborted with 1 warnings in strict mode!" in output
