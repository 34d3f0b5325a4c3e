"""Real builds of small fixture sites: bad content stops the build with path:line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.fixture_site import LOCALES, principle_text, stamp_all, suffix, write_project


def mkdocs_build(project: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def build_site(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(project / "scripts" / "build_site.py"), "--site-dir", str(project / "site")],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_fixture_site_builds_cleanly_both_ways(tmp_path: Path) -> None:
    project = write_project(tmp_path)
    single = mkdocs_build(project)
    assert single.returncode == 0, single.stderr
    assert "WARNING" not in single.stderr
    assert (project / "site" / "hu" / "principles" / "alpha" / "index.html").is_file()
    assert_every_page_in_its_own_language(project / "site")
    parallel = build_site(project)
    assert parallel.returncode == 0, parallel.stderr
    assert_every_page_in_its_own_language(project / "site")


def assert_every_page_in_its_own_language(site: Path) -> None:
    """Each language's page carries that language's title, never the English one."""
    for locale in LOCALES:
        for pid in ("alpha", "beta"):
            html = (site / ("" if locale == "en" else locale) / "principles" / pid / "index.html").read_text(
                encoding="utf-8"
            )
            assert f"<h1>{pid.title()} ({locale})</h1>" in html, (locale, pid)


def test_bad_front_matter_fails_mkdocs_build_with_path_and_line(tmp_path: Path) -> None:
    project = write_project(tmp_path)
    (project / "docs" / "principles" / "beta.es.md").write_text(
        principle_text("beta", "es", related="[alpha]", reviewed="mañana"), encoding="utf-8"
    )
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "docs/principles/beta.es.md:9: 'reviewed' 'mañana' is not a date — " in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_front_matter_publishes_nothing(tmp_path: Path) -> None:
    project = write_project(tmp_path)
    first = build_site(project)
    assert first.returncode == 0, first.stderr
    published = (project / "site" / "principles" / "alpha" / "index.html").read_text(encoding="utf-8")
    (project / "docs" / "principles" / "alpha.md").write_text(
        principle_text("alpha", "en", related="[beta, gamma]"), encoding="utf-8"
    )
    second = build_site(project)
    assert second.returncode == 1
    assert "docs/principles/alpha.md:6: 'related' names principle(s) that do not exist: gamma" in second.stderr
    assert "nothing was published" in second.stderr
    assert "Traceback" not in second.stderr
    # the previously published site is untouched
    assert (project / "site" / "principles" / "alpha" / "index.html").read_text(encoding="utf-8") == published
    assert not list(project.glob(".handbook-build-*"))


def test_missing_translation_fails_mkdocs_build_and_names_the_file(tmp_path: Path) -> None:
    project = write_project(tmp_path)
    (project / "docs" / "principles" / "alpha.hu.md").unlink()
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert (
        "docs/principles/alpha.hu.md: missing Hungarian translation of docs/principles/alpha.md — run `make translation PAGE=principles/alpha.md LOCALE=hu`"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
    parallel = build_site(project)
    assert parallel.returncode == 1
    assert "docs/principles/alpha.hu.md: missing Hungarian translation" in parallel.stderr
    assert not (project / "site").exists()


def test_untranslated_scaffold_fails_the_build(tmp_path: Path) -> None:
    project = write_project(tmp_path)
    (project / "docs" / "principles" / "alpha.es.md").unlink()
    scaffold = subprocess.run(
        [sys.executable, "scripts/new_page.py", "principles/alpha.md", "--locale", "es"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert scaffold.returncode == 0, scaffold.stderr
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert (
        "docs/principles/alpha.es.md:12: the Spanish translation of docs/principles/alpha.md is not written yet"
        in result.stderr
    )


STALE_TEXT = {
    "es": ("Es posible que esta traducción esté desactualizada", "cambió el"),
    "hu": ("Lehet, hogy ez a fordítás elavult", "megváltozott"),
    "pt": ("Esta tradução pode estar desatualizada", "foi alterado em"),
}


def test_stale_translation_shows_a_banner_in_its_own_language(tmp_path: Path) -> None:
    from bs4 import BeautifulSoup

    project = write_project(tmp_path)
    translations = [str(p) for p in (project / "docs").rglob("*.md") if p.name.count(".") == 2]
    stamp = subprocess.run(
        [sys.executable, "scripts/check_translations.py", "--stamp", *translations],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert stamp.returncode == 0, stamp.stderr
    english = project / "docs" / "principles" / "alpha.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace("Because it matters.", "Because it matters more now."),
        encoding="utf-8",
    )
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    assert "docs/principles/alpha.hu.md:10: warning: stale translation" in result.stderr
    for locale, (title, phrase) in STALE_TEXT.items():
        html = BeautifulSoup(
            (project / "site" / locale / "principles" / "alpha" / "index.html").read_text(encoding="utf-8"),
            "html.parser",
        )
        banner = html.select_one("article .admonition.warning")
        assert banner is not None, locale
        assert banner.select_one(".admonition-title").get_text(strip=True) == title
        assert phrase in banner.get_text()
        assert banner.find("a")["href"] == "../../../principles/alpha/"  # the English original
        # a current page carries no banner
        beta = (project / "site" / locale / "principles" / "beta" / "index.html").read_text(encoding="utf-8")
        assert "admonition warning" not in beta
    english_html = (project / "site" / "principles" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert "admonition warning" not in english_html


def test_single_run_build_checks_once_not_once_per_language(tmp_path: Path) -> None:
    """mkdocs-static-i18n builds four languages in one run; the check runs once."""
    project = write_project(tmp_path)
    english = project / "docs" / "principles" / "beta.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace("Someone calls.", "Someone calls twice."), encoding="utf-8"
    )
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("docs/principles/beta.hu.md:10: warning: stale translation") == 1
    assert "Hungarian translation" not in result.stderr
    html = (project / "site" / "hu" / "principles" / "beta" / "index.html").read_text(encoding="utf-8")
    assert "Lehet, hogy ez a fordítás elavult" in html


def test_a_protocol_builds_with_its_checklist_in_every_language(tmp_path: Path) -> None:
    from bs4 import BeautifulSoup

    project = write_project(tmp_path, protocol=True)
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    for locale in LOCALES:
        prefix = "" if locale == "en" else f"{locale}/"
        html = BeautifulSoup(
            (project / "site" / prefix / "protocols" / "greeting" / "index.html").read_text(encoding="utf-8"),
            "html.parser",
        )
        assert [box["data-step"] for box in html.select(".handbook-checklist input[type=checkbox]")] == [
            "say-hello",
            "listen",
        ]
        alpha = BeautifulSoup(
            (project / "site" / prefix / "principles" / "alpha" / "index.html").read_text(encoding="utf-8"),
            "html.parser",
        )
        assert [a.get_text() for a in alpha.find(id="protocols").find_next("ul").find_all("a")] == [
            f"Greeting protocol ({locale})"
        ]


def test_a_broken_checklist_fails_both_builds_and_publishes_nothing(tmp_path: Path) -> None:
    project = write_project(tmp_path, protocol=True)
    hungarian = project / "docs" / "protocols" / "greeting.hu.md"
    hungarian.write_text(hungarian.read_text(encoding="utf-8").replace("{ #say-hello }", ""), encoding="utf-8")
    single = mkdocs_build(project)
    assert single.returncode == 1
    assert (
        "docs/protocols/greeting.hu.md:15: the step has no id — end the line with a fixed English id" in single.stderr
    )
    assert "Traceback" not in single.stderr
    parallel = build_site(project)
    assert parallel.returncode == 1
    assert "docs/protocols/greeting.hu.md:15: the step has no id" in parallel.stderr
    assert "nothing was published" in parallel.stderr
    assert not (project / "site").exists()


def test_a_warning_from_mkdocs_itself_fails_the_build_and_publishes_nothing(tmp_path: Path) -> None:
    """Strict means every warning: a link to a missing image passes our content checks,
    MkDocs warns about it, and that alone stops the build (the warning names the file)."""
    project = write_project(tmp_path)
    docs = project / "docs"
    for locale in LOCALES:
        page = docs / "principles" / f"alpha{suffix(locale)}.md"
        front, body = page.read_text(encoding="utf-8").split("\n---\n", 1)
        page.write_text(f"{front}\n---\n\n![A diagram](diagram.png)\n{body}", encoding="utf-8")
    stamp_all(docs)
    result = build_site(project)
    assert result.returncode == 1, result.stderr
    assert "content problem" not in result.stderr  # our checks passed: MkDocs stopped it
    assert "WARNING" in result.stderr and "diagram.png" in result.stderr
    assert "build stopped: nothing was published" in result.stderr
    assert not (project / "site").exists()
