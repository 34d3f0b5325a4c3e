"""The translation check: every page in every language, current and in step.

Pure: takes a Catalog, returns a TranslationReport. The CLI
(scripts/check_translations.py), the MkDocs hook and the tests all call
``check_translations``.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from .catalog import Catalog
from .locales import DEFAULT_LOCALE, LOCALE_CODES, TRANSLATION_CODES, get_locale
from .pages import TRANSLATE_ME, Page, localized_rel
from .problems import Problem
from .structure import PARSERS, Item

# Front-matter keys whose values are the same in every language.
SHARED_KEYS: tuple[str, ...] = ("id", "tags", "related", "principles", "sources")
# The English content a translation follows; changing anything else (reviewed, owner) does not make it stale.
REVISION_KEYS: tuple[str, ...] = ("id", "title", "summary", "tags", "related", "sources")
# Keys that only some page types have: part of the revision when the page has them.
OPTIONAL_REVISION_KEYS: tuple[str, ...] = ("principles",)
STAMP_KEY = "translated_from"


@dataclass
class LocaleStatus:
    locale: str
    pages: int = 0
    complete: int = 0  # present, translated and in step with English
    stale: int = 0  # complete, but the English page changed since
    missing: int = 0  # absent or still carrying the translate-me marker

    @property
    def percent(self) -> float:
        return round(100.0 * self.complete / self.pages, 1) if self.pages else 100.0

    def to_dict(self) -> dict[str, object]:
        return {
            "locale": self.locale,
            "pages": self.pages,
            "complete": self.complete,
            "stale": self.stale,
            "missing": self.missing,
            "percent": self.percent,
        }


@dataclass(frozen=True)
class PageState:
    source_rel: str  # the English page: principles/honesty.md
    locale: str
    state: str  # "current", "stale", "missing", "untranslated", "different"


@dataclass
class TranslationReport:
    problems: list[Problem] = field(default_factory=list)
    languages: list[LocaleStatus] = field(default_factory=list)
    pages: list[PageState] = field(default_factory=list)

    def stale(self, locale: str) -> list[str]:
        return [p.source_rel for p in self.pages if p.locale == locale and p.state == "stale"]

    def missing(self, locale: str) -> list[str]:
        return [p.source_rel for p in self.pages if p.locale == locale and p.state in ("missing", "untranslated")]

    def is_stale(self, source_rel: str, locale: str) -> bool:
        return any(p.source_rel == source_rel and p.locale == locale and p.state == "stale" for p in self.pages)


def revision(page: Page) -> str:
    """A short content hash of an English page: what its translations were made from."""
    shared = {key: page.meta.get(key) for key in REVISION_KEYS}
    shared.update({key: page.meta[key] for key in OPTIONAL_REVISION_KEYS if key in page.meta})
    body = "\n".join(line.rstrip() for line in page.body.strip().split("\n"))
    digest = hashlib.sha256((json.dumps(shared, sort_keys=True, default=str) + "\n" + body).encode("utf-8"))
    return digest.hexdigest()[:12]


def stamp_command(page: Page) -> str:
    return f"make stamp FILES={page.display}"


def scaffold_command(source_rel: str, locale: str) -> str:
    return f"make translation PAGE={source_rel} LOCALE={locale}"


def _ordinal(n: int) -> str:
    return f"{n}{'tsnrhtdd'[(n // 10 % 10 != 1) * (n % 10 < 4) * n % 10 :: 4]}"


def _compare(
    name: str, english: list[Item], translated: list[Item], page: Page, original: Page, what: str
) -> Problem | None:
    for index, (theirs, ours) in enumerate(zip(english, translated, strict=False)):
        if theirs.key != ours.key:
            return Problem(
                page.display,
                ours.line,
                f"{name}: the {_ordinal(index + 1)} is {ours.label} ({ours.key}) here but {theirs.label} ({theirs.key}) in {original.display}:{theirs.line}",
                f"keep {what} as the English page",
                code="structure",
            )
    if len(english) != len(translated):
        line = translated[len(english)].line if len(translated) > len(english) else page.body_line
        extra = (
            f"has {len(translated) - len(english)} more"
            if len(translated) > len(english)
            else f"is missing {len(english) - len(translated)}"
        )
        return Problem(
            page.display,
            line,
            f"{name}: this translation {extra} than {original.display} ({len(translated)} here, {len(english)} in English)",
            f"keep {what} as the English page",
            code="structure",
        )
    return None


def _check_pair(original: Page, page: Page) -> tuple[str, list[Problem]]:
    problems: list[Problem] = []
    marker_line = page.marker_line(TRANSLATE_ME)
    if marker_line:
        language = get_locale(page.locale).english_name
        problems.append(
            Problem(
                page.display,
                marker_line,
                f"the {language} translation of {original.display} is not written yet (it still has the translate-me marker), so it counts as missing",
                f"translate the page, delete the marker line, then run `{stamp_command(page)}`",
                code="untranslated",
            )
        )
        return "untranslated", problems
    if not page.front_matter_ok or not original.front_matter_ok:
        return "different", problems  # the parse problem is already reported
    for key in SHARED_KEYS:
        if page.meta.get(key) != original.meta.get(key):
            problems.append(
                Problem(
                    page.display,
                    page.line_of(key),
                    f"'{key}' is {json.dumps(page.meta.get(key), default=str, ensure_ascii=False)} here but {json.dumps(original.meta.get(key), default=str, ensure_ascii=False)} in {original.display}",
                    f"copy '{key}' from the English page: it is the same in every language",
                    code="front-matter-parity",
                )
            )
    for name, (parser, what) in PARSERS.items():
        difference = _compare(name, parser(original), parser(page), page, original, what)
        if difference:
            problems.append(difference)
    if problems:
        return "different", problems
    stamped = page.meta.get(STAMP_KEY)
    current = revision(original)
    if stamped == current:
        return "current", problems
    reason = (
        "has never been stamped as translated"
        if stamped is None
        else f"was made from an older English version ({stamped}; English is now {current})"
    )
    problems.append(
        Problem(
            page.display,
            page.line_of(STAMP_KEY) if stamped is not None else 1,
            f"stale translation: it {reason}",
            f"bring it up to date with {original.display}, then run `{stamp_command(page)}`",
            severity="warning",
            code="stale",
        )
    )
    return "stale", problems


def check_translations(catalog: Catalog) -> TranslationReport:
    report = TranslationReport()
    report.problems.extend(catalog.load_problems)
    english_pages = catalog.english_pages()
    statuses = {code: LocaleStatus(code, pages=len(english_pages)) for code in LOCALE_CODES}
    statuses[DEFAULT_LOCALE].complete = len(english_pages)
    for original in english_pages:
        for code in TRANSLATION_CODES:
            page = catalog.page(original.source_rel, code)
            status = statuses[code]
            if page is None:
                expected = localized_rel(original.source_rel, code)
                display = original.display[: -len(original.rel)] + expected
                report.problems.append(
                    Problem(
                        display,
                        0,
                        f"missing {get_locale(code).english_name} translation of {original.display}",
                        f"run `{scaffold_command(original.source_rel, code)}` and translate the copy it writes",
                        code="missing-translation",
                    )
                )
                report.pages.append(PageState(original.source_rel, code, "missing"))
                status.missing += 1
                continue
            state, problems = _check_pair(original, page)
            report.problems.extend(problems)
            report.pages.append(PageState(original.source_rel, code, state))
            if state in ("current", "stale"):
                status.complete += 1
            if state == "stale":
                status.stale += 1
            if state == "untranslated":
                status.missing += 1
    report.problems.extend(_orphans(catalog))
    report.languages = [statuses[code] for code in LOCALE_CODES]
    return report


def _orphans(catalog: Catalog) -> list[Problem]:
    problems: list[Problem] = []
    configured = ", ".join(TRANSLATION_CODES)
    for page in catalog.pages:
        if page.locale == DEFAULT_LOCALE:
            continue
        if page.locale not in LOCALE_CODES:
            problems.append(
                Problem(
                    page.display,
                    0,
                    f"'{page.locale}' is not a language of this handbook",
                    f"rename the file to one of the configured languages ({configured}), or add the language to mkdocs.yml and scripts/handbook/locales.py",
                    code="orphan",
                )
            )
        elif catalog.page(page.source_rel, DEFAULT_LOCALE) is None:
            problems.append(
                Problem(
                    page.display,
                    0,
                    f"orphan translation: there is no English page {page.source_rel}",
                    "rename it to match an English page, or delete it if the English page was removed",
                    code="orphan",
                )
            )
    return problems


_STAMP_LINE = re.compile(rf"^{STAMP_KEY}:.*$", re.MULTILINE)


def stamp_text(text: str, rev: str) -> str:
    """Set ``translated_from: <rev>`` in a page's front matter."""
    if not text.startswith("---\n"):
        raise ValueError("the page has no front matter")
    end = text.find("\n---", 3)
    if end == -1:
        raise ValueError("the front matter is never closed")
    head, rest = text[: end + 1], text[end + 1 :]
    if _STAMP_LINE.search(head):
        head = _STAMP_LINE.sub(f'{STAMP_KEY}: "{rev}"', head, count=1)
    else:
        head += f'{STAMP_KEY}: "{rev}"\n'  # quoted: an all-digit hash would read as a number
    return head + rest


def report_to_json(report: TranslationReport) -> str:
    """What the per-language builds need from the one check run by the build script."""
    return json.dumps(
        {
            "languages": [status.to_dict() for status in report.languages],
            "pages": [[p.source_rel, p.locale, p.state] for p in report.pages],
        }
    )


def report_from_json(text: str) -> TranslationReport:
    data = json.loads(text)
    languages = [
        LocaleStatus(d["locale"], d["pages"], d["complete"], d["stale"], d["missing"]) for d in data["languages"]
    ]
    return TranslationReport([], languages, [PageState(*row) for row in data["pages"]])
