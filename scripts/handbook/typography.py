"""Typography per language: quotation marks, spaces before punctuation, doubled words.

Reads the same prose as the spelling check (``prose.page_prose``), so code,
URLs and attribute lists never trip it.

- Quotation marks: English and Portuguese use “…”, Hungarian „…”, and this
  handbook's Spanish “…” too (the marks of Latin American publishing; «…» is
  not used, so that one page never mixes both). Straight quotes ("), and another
  language's marks, are errors.
- No space before a colon, a semicolon, a question mark or an exclamation mark
  (that is French typography, not ours).
- The same word twice in a row ("the the"), also across a line break.
"""

from __future__ import annotations

import re

from .catalog import Catalog
from .locales import LOCALE_CODES
from .pages import Page
from .problems import Problem
from .prose import page_prose

# Opening and closing marks each language uses, and how to write a quotation.
QUOTES: dict[str, tuple[str, str]] = {"en": ("“", "”"), "es": ("“", "”"), "hu": ("„", "”"), "pt": ("“", "”")}
LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "hu": "Hungarian", "pt": "Portuguese"}
# Marks that are never right in prose, per language (straight quotes are wrong everywhere).
FOREIGN_MARKS: dict[str, str] = {"en": "„«»", "es": "„«»", "hu": "“«»", "pt": "„«»"}
SPACE_BEFORE = re.compile(r"(?<=[^\s¿¡(])[ \t\u00a0]+(?P<mark>[:;?!])(?=\s|$)")
# Two equal words with only a space between them (not "egy-egy", not "No. No").
DOUBLED = re.compile(r"(?<![\w-])([^\W\d_]+)\s+(\1)(?![\w-])", re.IGNORECASE)
LAST_WORD = re.compile(r"(?<![\w-])([^\W\d_]+)\s*$")  # a line that ends on a word, not on punctuation
# Doubles that are grammatical: Hungarian "az az ügyfél, aki…" (that customer who…).
ALLOWED_DOUBLES: dict[str, tuple[str, ...]] = {"hu": ("az",)}


def _quotes(page: Page, line: int, text: str, code: str) -> list[Problem]:
    opening, closing = QUOTES[code]
    example = f"{opening}…{closing}"
    language = LANGUAGE_NAMES[code]
    problems: list[Problem] = []
    if '"' in text:
        problems.append(
            Problem(
                page.display,
                line,
                'straight quotation marks (")',
                f"write {example}, the quotation marks of {language}",
                code="typography",
            )
        )
    wrong = sorted({mark for mark in text if mark in FOREIGN_MARKS[code]})
    if wrong:
        problems.append(
            Problem(
                page.display,
                line,
                f"the quotation mark(s) {' '.join(wrong)} are not {language}",
                f"write {example}",
                code="typography",
            )
        )
    return problems


def _spaces(page: Page, line: int, text: str) -> list[Problem]:
    marks = sorted({match.group("mark") for match in SPACE_BEFORE.finditer(text)})
    if not marks:
        return []
    return [
        Problem(
            page.display,
            line,
            f"a space before {' '.join(repr(mark) for mark in marks)}",
            "delete the space: the mark follows the word directly",
            code="typography",
        )
    ]


def check_page(page: Page) -> list[Problem]:
    if page.locale not in LOCALE_CODES:
        return []
    problems: list[Problem] = []
    previous: tuple[str, int, int] = ("", 0, 0)  # the last word of the previous body line, its line, its column
    for prose in page_prose(page):
        code = prose.lang if prose.lang in QUOTES else page.locale
        problems.extend(_quotes(page, prose.line, prose.text, code))
        problems.extend(_spaces(page, prose.line, prose.text))
        if prose.where == "body" and prose.lang is None:
            # a paragraph goes on from the line before: "the\nthe" is doubled too
            # ("- Call back" then "- Back up…" are two items; a quiz answer's feedback is not its answer)
            goes_on = previous[1] == prose.line - 1 and not prose.opens and prose.column == previous[2]
            text = f"{previous[0]} {prose.text}" if goes_on else prose.text
            doubled = sorted(
                {
                    match.group(2)
                    for match in DOUBLED.finditer(text)
                    if match.group(1).casefold() not in ALLOWED_DOUBLES.get(page.locale, ())
                }
            )
            if doubled:
                problems.append(
                    Problem(
                        page.display,
                        prose.line,
                        f"the word {', '.join(repr(word) for word in doubled)} twice in a row",
                        "delete one of them",
                        code="typography",
                    )
                )
            tail = LAST_WORD.search(prose.text)
            previous = (tail.group(1), prose.line, prose.column) if tail else ("", 0, 0)
        else:
            previous = ("", 0, 0)
    return problems


def check(catalog: Catalog, pages: list[Page] | None = None) -> list[Problem]:
    problems: list[Problem] = []
    for page in catalog.pages if pages is None else pages:
        if not page.untranslated:
            problems.extend(check_page(page))
    return problems


__all__ = ["QUOTES", "check", "check_page"]
