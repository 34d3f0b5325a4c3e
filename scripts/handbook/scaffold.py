"""New pages' templates, and the check that no template text is ever published.

``make new`` writes a page from these templates with a write-me marker; the
check reports the marker, and every sentence of a template still on a page, in
any language (a translation made from an unwritten English page carries them too),
with its line. The sentences are read from the templates themselves, so a
changed template is checked as it is.
"""

from __future__ import annotations

import re
from functools import cache

from .catalog import Catalog
from .locales import LOCALE_CODES
from .pages import Page
from .problems import Problem
from .prose import page_prose, strip_markup

WRITE_ME = "write-me"
WRITE_ME_LINE = f"<!-- handbook:{WRITE_ME} -->"
# A slug: lower-case letters and digits, words joined by single hyphens.
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
PLACEHOLDER = re.compile(r"\{[a-z]+\}")

PRINCIPLE_TEMPLATE = """---
id: {id}
title: {title}
summary: One sentence that says what this principle asks of the reader.
tags: [foundations]
related: []
sources: ["000"]
owner: "@handbook/editors-en"
reviewed: {today}
---

<!-- handbook:write-me -->

## Why it matters {{ #why-it-matters }}

Say in three to five sentences why customers and colleagues care.

## In practice {{ #in-practice }}

### Do {{ #do }}

- A concrete behaviour.

### Don't {{ #dont }}

- A concrete behaviour to avoid.

## Scenario {{ #scenario }}

**By phone.** A short, realistic story.

/// quiz
? A realistic situation: a customer asks you to … What do you do? {{ #first-question }}
- [ ] A plausible wrong answer.
    Why it is wrong (feedback the reader sees when they choose it).
- [x] The right answer.
- [ ] Another plausible wrong answer.

Why the right answer is right, with a link to the section that says so: [what to do](#do).

? Which of these does this principle ask of you? {{ #second-question .multiple }}
- [x] A right answer.
- [x] Another right answer.
- [ ] A wrong answer.

The explanation, linking its section: [what not to do](#dont).

? A third situation. What do you do? {{ #third-question }}
- [ ] A wrong answer.
- [x] The right answer.

The explanation: [why it matters](#why-it-matters).
///
"""

PROTOCOL_TEMPLATE = """---
id: {id}
title: {title}
summary: One sentence that says what this protocol is for.
principles: [{principle}]
sources: ["000"]
owner: "@handbook/editors-en"
reviewed: {today}
---

<!-- handbook:write-me -->

## Steps {{ #steps }}

/// checklist
1. The first thing to do. {{ #first-step }}
   Say why this step matters, with a link to the principle behind it: [{principle}](../principles/{principle}.md#do).
2. The next thing to do. {{ #second-step }}
   Say why this step matters: [{principle}](../principles/{principle}.md#do).
///
"""

PAGE_TEMPLATE = """---
id: {id}
title: {title}
summary: One sentence about this page.
owner: "@handbook/editors-en"
reviewed: {today}
---

<!-- handbook:write-me -->

Write the page here.
"""


TEMPLATES = {"principle": PRINCIPLE_TEMPLATE, "protocol": PROTOCOL_TEMPLATE, "page": PAGE_TEMPLATE}
FOLDERS = {"principle": "principles", "protocol": "protocols"}


@cache
def template_texts() -> tuple[tuple[str, bool], ...]:
    """Every line of text an editor must replace, as (text, cut): the templates' prose lines,
    without headings (real pages keep "Why it matters") and comments; a line with a
    placeholder is cut before it (cut=True) and matches any line that starts the same way."""
    found: list[tuple[str, bool]] = []
    for template in TEMPLATES.values():
        front, body = template.split("\n---\n", 1)
        lines = [line.split(":", 1)[1] for line in front.splitlines() if line.startswith("summary:")]
        lines += [line for line in body.splitlines() if not line.lstrip().startswith(("#", "<!--"))]
        for line in lines:
            text = strip_markup(line.replace("{{", "{").replace("}}", "}")).strip()
            cut = PLACEHOLDER.search(text) is not None
            text = PLACEHOLDER.split(text, 1)[0].strip()
            if len(text.split()) >= 2 and (text, cut) not in found:
                found.append((text, cut))
    return tuple(found)


def _left(line: str) -> str | None:
    """The template text this line of a page still is, if any."""
    for text, cut in template_texts():
        if line == text or (cut and line.startswith(text)):
            return text
    return None


def check_page(page: Page) -> list[Problem]:
    problems = [
        Problem(
            page.display,
            marker.line,
            "the page is still the template (it has the write-me marker)",
            "write the page, replacing every template sentence, then delete this line",
            code="template",
        )
        for marker in page.markers
        if marker.name == WRITE_ME
    ]
    for prose in page_prose(page):
        left = _left(" ".join(prose.text.split()))
        if left:
            problems.append(
                Problem(
                    page.display,
                    prose.line,
                    f"template text left on the page: “{left}”",
                    "replace it with the page's own words" + (" in its language" if page.locale != "en" else ""),
                    code="template",
                )
            )
    return problems


def check(catalog: Catalog) -> list[Problem]:
    """Every page but a translate-me copy: that is reported once, as not translated yet,
    and its translator replaces all of it (template text left after that is reported)."""
    return [
        problem
        for page in catalog.pages
        if page.locale in LOCALE_CODES and not page.untranslated
        for problem in check_page(page)
    ]


__all__ = ["SLUG", "TEMPLATES", "WRITE_ME", "WRITE_ME_LINE", "check", "check_page", "template_texts"]
