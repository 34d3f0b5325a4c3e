#!/usr/bin/env python3
"""Time the content checks on a synthetic handbook (not a test: it prints numbers).

  python scripts/benchmark_check.py                 # 2,000 principles and 500 protocols x 4 languages
  python scripts/benchmark_check.py --pages 500 --repeat 5

Generates the tree in a temporary folder, then times, separately:
loading and parsing every file, the translation check, and every check
together (what `make check` and the build run).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from handbook import urls
from handbook.catalog import Catalog
from handbook.checks import run_checks
from handbook.locales import LOCALE_CODES
from handbook.themes import theme_ids
from handbook.translations import check_translations, revision, stamp_text

ROOT = Path(__file__).resolve().parents[1]

BODY = """
## Why it matters {{ #why-it-matters }}

Principle {n} matters because customers notice it. {filler}

## In practice {{ #in-practice }}

### Do {{ #do }}

- Do the first thing for principle {n}.
- Do the second thing.

### Don't {{ #dont }}

- Don't forget principle {n}.

## Scenario {{ #scenario }}

**By phone.** A customer calls about principle {n}. {filler}

/// quiz
? Which answer is right for principle {n}? {{ #which-is-right }}
- [ ] Not this one
    Feedback on the wrong answer.
- [x] This one
- [ ] Nor this one

See [what to do](#do).

? Which two answers are right? {{ #which-two .multiple }}
- [x] This one
- [x] And this one
- [ ] Not this one

See [what not to do](#dont).

? Why does principle {n} matter? {{ #why }}
- [x] Because it does
- [ ] It does not

See [why it matters](#why-it-matters).
///
"""
PROTOCOL = """---
id: r{n:05d}
title: Protocol {n} ({locale})
summary: What protocol {n} is for, in {locale}.
principles: [{principles}]
sources: ["002"]
owner: "@handbook/editors-{locale}"
reviewed: 2026-11-22
---

## Steps {{ #steps }}

/// checklist
{steps}
///
"""


def protocol_text(n: int, locale: str, principles: list[str]) -> str:
    steps = "\n".join(
        f"{k + 1}. Do step {k + 1} of protocol {n}. {{ #step-{k + 1} }}\n"
        f"   It applies [principle {pid}](../principles/{pid}.md#do)."
        for k, pid in enumerate(principles)
    )
    return PROTOCOL.format(n=n, locale=locale, principles=", ".join(principles), steps=steps)


FILLER = "It is a sentence of ordinary length that pads the page to a realistic size. " * 6


def page_text(n: int, locale: str, related: list[str]) -> str:
    owner = f"@handbook/editors-{locale}"
    return (
        "---\n"
        f"id: p{n:05d}\n"
        f"title: Principle {n} ({locale})\n"
        f"summary: What principle {n} asks of you, in {locale}.\n"
        "tags: [trust, service]\n"
        f"related: [{', '.join(related)}]\n"
        'sources: ["000", "003"]\n'
        f'owner: "{owner}"\n'
        "reviewed: 2026-11-22\n"
        "---\n" + BODY.format(n=n, filler=FILLER)
    )


def generate(docs: Path, pages: int) -> None:
    principles = docs / "principles"
    principles.mkdir(parents=True)
    sources = (ROOT / "docs" / "sources.md").read_text(encoding="utf-8")
    for code in LOCALE_CODES:
        suffix = "" if code == "en" else f".{code}"
        (docs / f"sources{suffix}.md").write_text(sources, encoding="utf-8")
    for n in range(pages):
        related = [f"p{(n + k) % pages:05d}" for k in (1, 2, 3)]
        english = page_text(n, "en", related)
        (principles / f"p{n:05d}.md").write_text(english, encoding="utf-8")
        for code in LOCALE_CODES[1:]:
            (principles / f"p{n:05d}.{code}.md").write_text(page_text(n, code, related), encoding="utf-8")
    protocols = docs / "protocols"
    protocols.mkdir()
    for n in range(pages // 4):  # one protocol of five steps for every four principles
        applied = [f"p{(4 * n + k) % pages:05d}" for k in range(5)]
        for code in LOCALE_CODES:
            suffix = "" if code == "en" else f".{code}"
            (protocols / f"r{n:05d}{suffix}.md").write_text(protocol_text(n, code, applied), encoding="utf-8")
    for code in LOCALE_CODES:  # a home page per language, as the real handbook has
        suffix = "" if code == "en" else f".{code}"
        (docs / f"index{suffix}.md").write_text(
            f"---\nid: home\ntitle: Synthetic handbook ({code})\nsummary: The home page.\n"
            f'owner: "@handbook/editors-{code}"\nreviewed: 2026-11-22\n---\n\nThe home page of a synthetic handbook.\n',
            encoding="utf-8",
        )
    for theme in theme_ids():  # each theme's page, as the real handbook has
        (docs / "themes" / theme).mkdir(parents=True)
        for code in LOCALE_CODES:
            suffix = "" if code == "en" else f".{code}"
            (docs / "themes" / theme / f"index{suffix}.md").write_text(
                f"---\nid: theme-{theme}\ntitle: {theme} ({code})\nsummary: The {theme} theme.\n"
                f'owner: "@handbook/editors-{code}"\nreviewed: 2026-11-22\n---\n\n'
                "<!-- handbook:theme-principles -->\n",
                encoding="utf-8",
            )
    # stamp every translation, as an editor would, so the check sees a current handbook
    catalog = Catalog.load(docs)
    for page in catalog.pages:
        if page.locale != "en":
            original = catalog.page(page.source_rel, "en")
            assert original is not None
            page.path.write_text(
                stamp_text(page.path.read_text(encoding="utf-8"), revision(original)), encoding="utf-8"
            )
    # and list its published addresses, as `make urls` does
    (docs.parent / urls.URL_LIST_FILE).write_text(urls.updated_list(Catalog.load(docs)), encoding="utf-8")


def timed(action: object, repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()  # type: ignore[operator]
        runs.append(time.perf_counter() - started)
    return statistics.median(runs), min(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="English pages (each also in es, hu, pt)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        generate(docs, args.pages)
        files = sum(1 for _ in docs.rglob("*.md"))
        print(
            f"synthetic handbook: {args.pages} principles + {args.pages // 4} protocols"
            f" x {len(LOCALE_CODES)} languages = {files} files"
        )
        catalog = Catalog.load(docs)
        report = run_checks(catalog)
        print(f"findings: {len(report.errors)} error(s), {len(report.warnings)} warning(s)")
        for label, action in (
            ("load + parse", lambda: Catalog.load(docs)),
            ("translation check (load included)", lambda: check_translations(Catalog.load(docs))),
            ("URL contract (load included)", lambda: urls.check(Catalog.load(docs))),
            ("all checks (load included)", lambda: run_checks(Catalog.load(docs))),
        ):
            median, best = timed(action, args.repeat)
            print(f"{label:<36} median {median:6.2f} s   best {best:6.2f} s   ({args.repeat} runs)")
    real = ROOT / "docs"
    median, best = timed(lambda: run_checks(Catalog.load(real)), args.repeat)
    print(
        f"{'real handbook, all checks':<36} median {median:6.2f} s   best {best:6.2f} s   ({sum(1 for _ in real.rglob('*.md'))} files)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
