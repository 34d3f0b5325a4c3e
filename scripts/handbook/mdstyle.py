"""Markdown style, with PyMarkdown (pymarkdownlnt) and the project's `.pymarkdown.json`.

The configuration keeps the rules that catch real slips (heading levels, list
markers, stray spaces, empty links, bare URLs) and switches off those our own
syntax or checks replace: line length (prose is wrapped by hand in four
languages), a first-line heading (the title is in the front matter), link
fragments (``links.py`` checks anchors, including ``{ #id }`` ones PyMarkdown
cannot see) and blank lines around lists (a quiz answer's feedback follows it).

Linting takes about 30 ms a file, so results are kept in a cache under
``.cache/`` keyed by the file's text, the configuration and PyMarkdown's version:
`make check` re-lints only what changed.
"""

from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .catalog import Catalog
from .pages import Page
from .problems import Problem

CONFIG_FILE = ".pymarkdown.json"
CACHE_FILE = Path(".cache", "handbook", "markdown-style.json")
RULES_URL = "https://pymarkdown.readthedocs.io/en/latest/plugins/rule_{rule}.md"
PARALLEL_FROM = 24  # files to lint before it pays to start a second process

# What to do about the rules an editor is likely to meet, in plain words.
FIXES: dict[str, str] = {
    "MD001": "go down one heading level at a time: ## then ###, never ## then ####",
    "MD003": "write headings with # marks, not underlines",
    "MD004": "start list items with '- '",
    "MD005": "indent the items of one list by the same amount",
    "MD007": "indent a nested list by 4 spaces",
    "MD009": "delete the spaces at the end of the line",
    "MD010": "replace the tab with spaces",
    "MD012": "keep a single blank line",
    "MD018": "put a space after the # marks of a heading",
    "MD019": "put a single space after the # marks of a heading",
    "MD022": "leave a blank line before and after the heading",
    "MD023": "start the heading at the beginning of the line",
    "MD024": "give the two sections different headings",
    "MD025": "remove the # heading: the title comes from the front matter",
    "MD026": "remove the punctuation at the end of the heading",
    "MD027": "put a single space after the > of a quote",
    "MD030": "put a single space after the list marker ('- ', '1. ')",
    "MD031": "leave a blank line before and after the code block",
    "MD033": "write it in Markdown; only the HTML the handbook allows (div, span, br, abbr, kbd, comments) may stay",
    "MD034": "write the address as a link: [text](https://…)",
    "MD035": "write a horizontal rule as ---",
    "MD036": "make it a heading (## Title { #anchor }) instead of bold text",
    "MD037": "remove the spaces inside the * marks",
    "MD038": "remove the spaces inside the backticks",
    "MD039": "remove the spaces inside the link's [ ]",
    "MD040": "name the code block's language after the ``` (e.g. ```yaml)",
    "MD042": "give the link a target",
    "MD045": "describe the image in its [alt text]",
    "MD047": "end the file with a single newline",
    "MD049": "write emphasis with *asterisks*",
    "MD050": "write strong text with **double asterisks**",
    "MD060": "space the table's | separators the same way in every row, the --- row too: | --- | --- |",
}


def _lint(args: tuple[str, str]) -> list[dict[str, object]]:
    """Lint one file's text with the configuration at ``config``; plain data, so it crosses processes."""
    text, config = args
    from pymarkdown.api import PyMarkdownApi

    result = PyMarkdownApi().configuration_file_path(config).scan_string(text)
    return [
        {
            "line": failure.line_number,
            "rule": failure.rule_id,
            "name": failure.rule_name,
            "description": failure.rule_description,
            "extra": (failure.extra_error_information or "").strip(),
        }
        for failure in result.scan_failures
    ]


def _version() -> str:
    from pymarkdown.api import PyMarkdownApi

    return str(PyMarkdownApi().application_version)


def check(catalog: Catalog, pages: list[Page] | None = None, cache: Path | None = None) -> list[Problem]:
    """PyMarkdown's findings on ``pages`` (default: every page), as `path:line: problem — fix`."""
    root = catalog.project_root
    config = root / CONFIG_FILE
    if not config.is_file():
        return [Problem(CONFIG_FILE, 0, "the Markdown style configuration is missing", "restore it from git")]
    try:
        version = _version()
    except ImportError:
        return [
            Problem(
                CONFIG_FILE,
                0,
                "Markdown style cannot be checked: PyMarkdown is not installed",
                "run `make check`, which installs it, or pip install -r requirements/site.txt",
                code="markdown-style",
            )
        ]
    cache_path = root / CACHE_FILE if cache is None else cache
    salt = hashlib.sha256(config.read_bytes() + version.encode()).hexdigest()
    try:
        known: dict[str, list[dict[str, object]]] = json.loads(cache_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    targets = catalog.pages if pages is None else pages
    texts = {page.display: page.path.read_text(encoding="utf-8") for page in targets}
    keys = {name: hashlib.sha256((salt + text).encode()).hexdigest() for name, text in texts.items()}
    todo = [name for name in texts if keys[name] not in known]
    if todo:
        jobs = [(texts[name], str(config)) for name in todo]
        if len(todo) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
            with ProcessPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
                results = list(pool.map(_lint, jobs, chunksize=8))
        else:
            results = [_lint(job) for job in jobs]
        known.update({keys[name]: found for name, found in zip(todo, results, strict=True)})
        try:
            cache_path.parent.mkdir(parents=True, exist_ok=True)
            live = set(keys.values()) | (set(known) if pages is not None else set())
            cache_path.write_text(json.dumps({k: v for k, v in known.items() if k in live}), encoding="utf-8")
        except OSError:
            pass  # a read-only checkout lints again next time
    problems: list[Problem] = []
    for name in texts:
        for failure in known[keys[name]]:
            rule = str(failure["rule"])
            extra = f" {failure['extra']}" if failure["extra"] else ""
            problems.append(
                Problem(
                    name,
                    int(str(failure["line"])),
                    f"Markdown style {rule} ({failure['name']}): {failure['description']}{extra}",
                    FIXES.get(rule, f"see {RULES_URL.format(rule=rule.lower())}"),
                    code="markdown-style",
                )
            )
    return problems


__all__ = ["CONFIG_FILE", "check"]
