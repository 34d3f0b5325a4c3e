#!/usr/bin/env python3
"""Scaffold a page in every language.

  python scripts/new_page.py principles/kindness.md       # new principle, all four languages
  python scripts/new_page.py protocols/closing-a-call.md  # new protocol, with a checklist to fill in
  python scripts/new_page.py principles/honesty.md --locale hu
                                                          # only the missing Hungarian copy

A new English page starts from the principle or the protocol template. Each translation
starts as a copy of the English page with a translate-me marker: until an
editor translates it and deletes the marker, the check counts it as missing.
Existing files are never overwritten.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from handbook import urls
from handbook.catalog import Catalog
from handbook.cli import ROOT
from handbook.locales import TRANSLATION_CODES
from handbook.pages import localized_rel
from handbook.translations import TRANSLATE_ME

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

## Steps {{ #steps }}

/// checklist
1. The first thing to do. {{ #first-step }}
   Why it matters, with a link to the principle behind it: [{principle}](../principles/{principle}.md#do).
2. The next thing to do. {{ #second-step }}
   Why it matters: [{principle}](../principles/{principle}.md#do).
///
"""

PAGE_TEMPLATE = """---
id: {id}
title: {title}
summary: One sentence about this page.
owner: "@handbook/editors-en"
reviewed: {today}
---

Write the page here.
"""

MARKER_LINE = f"<!-- handbook:{TRANSLATE_ME} -->"
# The template of a new English page, by the folder it goes in.
TEMPLATES = {"principles": PRINCIPLE_TEMPLATE, "protocols": PROTOCOL_TEMPLATE}


def _any_principle(docs_dir: Path) -> str:
    """A principle to put in a new protocol's template, so that it checks clean until edited."""
    names = sorted(p.stem for p in (docs_dir / "principles").glob("*.md") if "." not in p.stem and p.stem != "index")
    return "follow-the-protocol" if "follow-the-protocol" in names else (names[0] if names else "honesty")


def translation_of(english: str, locale: str) -> str:
    text = english.replace('"@handbook/editors-en"', f'"@handbook/editors-{locale}"')
    text = re.sub(r"^translated_from:.*\n", "", text, flags=re.MULTILINE)
    end = text.find("\n---", 3) + len("\n---\n")
    return text[:end] + f"\n{MARKER_LINE}\n" + text[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("page", help="the English page, relative to docs/, e.g. principles/kindness.md")
    parser.add_argument("--locale", choices=TRANSLATION_CODES, action="append", help="only this language (repeatable)")
    parser.add_argument("--docs-dir", type=Path, default=ROOT / "docs")
    args = parser.parse_args(argv)
    source = args.page.removeprefix("docs/")
    if not re.fullmatch(r"([a-z0-9-]+/)*[a-z0-9]+(-[a-z0-9]+)*\.md", source):
        parser.error(
            f"'{args.page}' is not an English page path like principles/kindness.md (lower-case, hyphens, .md)"
        )
    english_path = args.docs_dir / source
    if not english_path.exists():
        stem = Path(source).stem
        template = TEMPLATES.get(source.split("/")[0], PAGE_TEMPLATE) if "/" in source else PAGE_TEMPLATE
        english_path.parent.mkdir(parents=True, exist_ok=True)
        english_path.write_text(
            template.format(
                id=stem,
                title=stem.replace("-", " ").capitalize(),
                today=dt.date.today().isoformat(),
                principle=_any_principle(args.docs_dir),
            ),
            encoding="utf-8",
        )
        print(f"created {english_path} (English: write it first)")
    english = english_path.read_text(encoding="utf-8")
    for locale in args.locale or TRANSLATION_CODES:
        target = args.docs_dir / localized_rel(source, locale)
        if target.exists():
            print(f"kept    {target} (already there)")
            continue
        target.write_text(translation_of(english, locale), encoding="utf-8")
        print(f"created {target} (translate it, delete the translate-me line, then stamp it)")
    # the new page's addresses join the URL contract (published-urls.txt), as `make urls` does
    project = args.docs_dir.resolve().parent
    url_list = project / urls.URL_LIST_FILE
    if url_list.exists():
        url_list.write_text(urls.updated_list(Catalog.load(args.docs_dir, project)), encoding="utf-8")
        print(f"listed  its addresses in {url_list}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
