#!/usr/bin/env python3
"""Check that every page exists, in step and up to date, in every language.

Prints `path:line: problem — fix` lines and a table per language.
Missing, orphaned or structurally different translations always fail;
stale ones are warnings, and failures with --strict.

  python scripts/check_translations.py             # check
  python scripts/check_translations.py --json      # the same, for machines
  python scripts/check_translations.py --strict    # stale translations fail too
  python scripts/check_translations.py --stamp docs/principles/honesty.hu.md   (make stamp FILES=...)
                                                   # mark a translation as current

Exit status: 0 clean, 1 problems, 2 usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from handbook import cli
from handbook.catalog import Catalog
from handbook.locales import DEFAULT_LOCALE, get_locale
from handbook.translations import TranslationReport, check_translations, revision, stamp_text


def table(report: TranslationReport) -> str:
    rows = [f"{'language':<24} {'pages':>5} {'complete':>8} {'stale':>5} {'missing':>7} {'%':>6}"]
    for status in report.languages:
        name = f"{get_locale(status.locale).english_name} ({status.locale})"
        rows.append(
            f"{name:<24} {status.pages:>5} {status.complete:>8} {status.stale:>5} {status.missing:>7} {status.percent:>6.1f}"
        )
    return "\n".join(rows)


def stamp(catalog: Catalog, paths: list[Path]) -> int:
    failed = 0
    for path in paths:
        resolved = path.resolve()
        page = next((p for p in catalog.pages if p.path == resolved), None)
        if page is None or page.locale == DEFAULT_LOCALE:
            print(
                f"{path}: not a translation in {catalog.docs_dir} — pass a file like docs/principles/honesty.hu.md",
                file=sys.stderr,
            )
            failed = 1
            continue
        if page.untranslated:
            print(
                f"{page.display}: still has the translate-me marker, so it is not translated yet"
                " — translate it and delete the marker line, then stamp it",
                file=sys.stderr,
            )
            failed = 1
            continue
        original = catalog.page(page.source_rel, DEFAULT_LOCALE)
        if original is None:
            print(
                f"{page.display}: there is no English page {page.source_rel} — rename or delete this file",
                file=sys.stderr,
            )
            failed = 1
            continue
        try:
            text = stamp_text(page.path.read_text(encoding="utf-8"), revision(original))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            print(f"{page.display}: cannot stamp it ({exc}) — fix the file, then stamp again", file=sys.stderr)
            failed = 1
            continue
        page.path.write_text(text, encoding="utf-8")
        print(f"{page.display}: stamped as translated from {original.display} ({revision(original)})")
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = cli.parser(__doc__.strip().splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="fail on stale translations too")
    parser.add_argument("--stamp", nargs="+", type=Path, metavar="FILE", help="mark these translations as up to date")
    args = parser.parse_args(argv)
    catalog = cli.load(args)
    if args.stamp:
        return stamp(catalog, args.stamp)
    report = check_translations(catalog)
    return cli.report(
        report.problems,
        as_json=args.json,
        extra={"languages": [status.to_dict() for status in report.languages]},
        summary=lambda: table(report),
        fail_on_warnings=args.strict,
    )


if __name__ == "__main__":
    sys.exit(main())
