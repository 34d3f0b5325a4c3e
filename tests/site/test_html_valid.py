"""The Nu Html Checker (vnu.jar) over the whole built site: valid HTML, or an allow-listed reason.

One JVM run checks every page of the session's build (the module-scoped
``vnu_site`` fixture); the tests only read its messages. Select them with
``pytest -k vnu`` (every test here is named ``test_vnu_...``).

Errors and warnings count; vnu's plain "info" notes do not (such as "Trailing
slash on void elements", which Python-Markdown's XHTML output writes). Messages
we accept are in tests/vnu-allowlist.yml, each with its reason.
"""

from __future__ import annotations

import fnmatch
import json
import re
import shutil
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from handbook import urls
from handbook.catalog import Catalog
from tests.conftest import ROOT, BuiltSite

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ALLOWLIST = ROOT / "tests" / "vnu-allowlist.yml"
ALLOWLIST_KEYS = {"message", "regex", "path", "extract", "reason"}
SHOWN_PER_MESSAGE = 12


@dataclass(frozen=True)
class Message:
    """One vnu error or warning; ``path`` is relative to the folder that was checked."""

    path: str
    line: int
    column: int
    kind: str  # "error", "warning", or vnu's "non-document-error" (a file it could not read)
    text: str
    extract: str

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    def __str__(self) -> str:
        return f"{self.where}: {self.kind}: {self.text}"


@dataclass(frozen=True)
class Allowed:
    """One entry of tests/vnu-allowlist.yml."""

    number: int
    message: str | None
    regex: re.Pattern[str] | None
    path: str | None
    extract: str | None
    reason: str

    def matches(self, found: Message) -> bool:
        if self.message is not None and found.text != self.message:
            return False
        if self.regex is not None and not self.regex.fullmatch(found.text):
            return False
        if self.path is not None and not fnmatch.fnmatchcase(found.path, self.path):
            return False
        return self.extract is None or self.extract in found.extract

    def __str__(self) -> str:
        text = f"message {self.message!r}" if self.regex is None else f"regex {self.regex.pattern!r}"
        scope = "".join(
            f", {key} {value!r}" for key, value in (("path", self.path), ("extract", self.extract)) if value is not None
        )
        return f"entry {self.number} ({text}{scope})"


def load_allowlist(path: Path = ALLOWLIST) -> tuple[list[Allowed], list[str]]:
    """The entries, and what is wrong with the file (each problem names its entry)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        return [], [f"{path.name}: expected a list of entries, found {type(data).__name__}"]
    entries: list[Allowed] = []
    problems: list[str] = []
    for number, raw in enumerate(data, start=1):
        where = f"{path.name} entry {number}"
        if not isinstance(raw, dict):
            problems.append(f"{where}: expected a mapping, found {raw!r}")
            continue
        unknown = set(raw) - ALLOWLIST_KEYS
        if unknown:
            problems.append(f"{where}: unknown keys {sorted(unknown)} (allowed: {sorted(ALLOWLIST_KEYS)})")
        fields: dict[str, str | None] = {}
        for key in ALLOWLIST_KEYS:
            value = raw.get(key)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                problems.append(f"{where}: {key} must be non-empty text")
                value = None
            fields[key] = value
        if (fields["message"] is None) == (fields["regex"] is None):
            problems.append(f"{where}: give exactly one of message (exact text) or regex")
            continue
        if fields["reason"] is None:
            problems.append(f"{where}: no reason (say in one sentence why the message stays)")
        pattern = None
        if fields["regex"] is not None:
            try:
                pattern = re.compile(fields["regex"])
            except re.error as error:
                problems.append(f"{where}: regex does not compile: {error}")
                continue
        entries.append(
            Allowed(number, fields["message"], pattern, fields["path"], fields["extract"], fields["reason"] or "")
        )
    return entries, problems


def run_vnu(folder: Path) -> list[Message]:
    """Every error and warning vnu finds in the HTML (and SVG) files under ``folder``, in one JVM run."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "Java is not installed, and the Nu Html Checker runs on it: install Java 17 "
            "(`sudo apt-get install openjdk-17-jre-headless`), then run `make node_modules/.installed`",
            pytrace=False,
        )
    if not VNU_JAR.is_file():
        pytest.fail(
            f"the Nu Html Checker is missing ({VNU_JAR.relative_to(ROOT)}): run `make node_modules/.installed`",
            pytrace=False,
        )
    command = [java, "-jar", str(VNU_JAR), "--format", "json", "--also-check-svg", "--skip-non-html", str(folder)]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False, timeout=600)
    # vnu writes its report to stderr and exits 1 when it found errors.
    try:
        report: dict[str, Any] = json.loads(done.stderr)
    except json.JSONDecodeError:
        pytest.fail(
            f"vnu gave no JSON report (exit {done.returncode}):\n{done.stderr[-3000:]}\n{done.stdout[-1000:]}",
            pytrace=False,
        )
    base = folder.resolve()
    found = []
    for raw in report.get("messages", []):
        kind = raw.get("type", "")
        if kind == "info":
            if raw.get("subType") != "warning":
                continue
            kind = "warning"
        file = Path(unquote(urlsplit(raw.get("url", "")).path))
        path = file.relative_to(base).as_posix() if file.is_relative_to(base) else str(file)
        found.append(
            Message(
                path=path,
                line=int(raw.get("firstLine", raw.get("lastLine", 0))),
                column=int(raw.get("firstColumn", raw.get("lastColumn", 0))),
                kind=kind,
                text=raw.get("message", ""),
                extract=raw.get("extract", ""),
            )
        )
    return found


def grouped(messages: list[Message]) -> str:
    """One block per distinct message: how often, in how many files, and where (the first few)."""
    groups: dict[tuple[str, str], list[Message]] = defaultdict(list)
    for message in messages:
        groups[message.kind, message.text].append(message)
    blocks = []
    for (kind, text), found in sorted(groups.items(), key=lambda item: -len(item[1])):
        files = len({message.path for message in found})
        lines = [f"{kind}: {text}", f"  ({len(found)} times in {files} files)"]
        lines += [f"  {message.where}" for message in sorted(found, key=lambda m: (m.path, m.line))[:SHOWN_PER_MESSAGE]]
        if len(found) > SHOWN_PER_MESSAGE:
            lines.append(f"  ... and {len(found) - SHOWN_PER_MESSAGE} more")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


@pytest.fixture(scope="module")
def vnu_site(built_site: BuiltSite) -> list[Message]:
    """vnu's errors and warnings for the whole built site: one run, shared by this module."""
    return run_vnu(built_site.root)


@pytest.fixture(scope="module")
def allowlist() -> list[Allowed]:
    return load_allowlist()[0]


def test_vnu_allowlist_entries_are_well_formed_and_each_has_a_reason() -> None:
    entries, problems = load_allowlist()
    assert problems == [], "\n".join(problems)
    assert all(entry.reason.strip() for entry in entries)


def test_vnu_finds_no_error_or_warning_outside_the_allowlist(vnu_site: list[Message], allowlist: list[Allowed]) -> None:
    unexpected = [message for message in vnu_site if not any(entry.matches(message) for entry in allowlist)]
    if unexpected:
        pytest.fail(
            f"the Nu Html Checker found {len(unexpected)} errors or warnings in the built site that "
            f"tests/vnu-allowlist.yml does not allow. Fix the markup (ours at the source, Material's "
            f"with a partial in overrides/partials/), or allow-list the message with its reason.\n\n"
            + grouped(unexpected),
            pytrace=False,
        )


def test_vnu_every_allowlist_entry_still_matches_something(vnu_site: list[Message], allowlist: list[Allowed]) -> None:
    stale = [entry for entry in allowlist if not any(entry.matches(message) for message in vnu_site)]
    if stale:
        pytest.fail(
            "these tests/vnu-allowlist.yml entries no longer match any vnu message (the markup was fixed?): "
            "delete them.\n" + "\n".join(f"  {entry}: {entry.reason}" for entry in stale),
            pytrace=False,
        )


INVALID_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Deliberately invalid</title></head>
<body>
  <main>
    <label for="nowhere">A label for no control</label>
    <input type="checkbox" autocomplete="off">
  </main>
</body>
</html>
"""


@pytest.fixture(scope="module")
def vnu_samples(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Message]]:
    """One vnu run over a deliberately invalid page and our generated redirect pages (no redirect is live today)."""
    folder = tmp_path_factory.mktemp("vnu-samples")
    (folder / "invalid.html").write_text(INVALID_PAGE, encoding="utf-8")
    catalog = Catalog.load(ROOT / "docs", ROOT)
    moved = urls.Redirects(
        entries=[urls.Redirect(source="principles/old-honesty/", target="principles/honesty/", line=1)]
    )
    for path, html in urls.redirect_pages(catalog, moved).items():
        (folder / "redirects" / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / "redirects" / path).write_text(html, encoding="utf-8")
    return folder, run_vnu(folder)


def test_vnu_reports_the_errors_of_a_deliberately_invalid_page(vnu_samples: tuple[Path, list[Message]]) -> None:
    found = [message for message in vnu_samples[1] if message.path == "invalid.html"]
    assert {(message.kind, message.line) for message in found} >= {("error", 6), ("error", 7)}, "\n".join(
        map(str, vnu_samples[1])
    )
    assert any("“for” attribute" in message.text for message in found)
    assert any("“autocomplete”" in message.text for message in found)


def test_vnu_finds_our_redirect_pages_valid_in_every_language(vnu_samples: tuple[Path, list[Message]]) -> None:
    folder, messages = vnu_samples
    pages = sorted(path.relative_to(folder).as_posix() for path in (folder / "redirects").rglob("*.html"))
    assert len(pages) == 4, pages
    problems = [message for message in messages if message.path.startswith("redirects/")]
    assert problems == [], grouped(problems)
