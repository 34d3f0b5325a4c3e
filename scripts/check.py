#!/usr/bin/env python3
"""Every check of the handbook, for editors: `make check`.

Front matter and structure, links and anchors, translations, template text left
on a page, review dates, and on top of what the build checks: spelling in each
language (Hunspell), typography and Markdown style. Prints one
`path:line: problem — fix` line per problem, then a summary per check.

  python scripts/check.py                      # everything, every page
  python scripts/check.py --changed F1 F2 ...  # pre-commit: spelling, typography and style
                                               # on these files; errors anywhere; warnings on these
  python scripts/check.py --json               # the same, for machines

Exit status: 0 clean (warnings allowed), 1 problems, 2 usage error.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from handbook import cli
from handbook.checks import run_checks
from handbook.locales import LOCALE_CODES
from handbook.problems import Problem

# The summary's rows: each check and the problem codes it reports.
CHECKS: tuple[tuple[str, frozenset[str]], ...] = (
    ("links and anchors", frozenset({"link"})),
    (
        "translations",
        frozenset({"missing-translation", "untranslated", "stale", "orphan", "front-matter-parity"}),
    ),
    ("addresses and /go/ links", frozenset({"url-list", "redirect", "go-link"})),
    ("template text", frozenset({"template"})),
    ("review dates", frozenset({"review"})),
    ("spelling", frozenset({"spelling"})),
    ("typography", frozenset({"typography"})),
    ("terminology (termbase.yml)", frozenset({"termbase"})),
    ("Markdown style", frozenset({"markdown-style"})),
)
OTHER = "front matter, structure, quizzes, checklists"


def kind_of(problem: Problem) -> str:
    if " links to " in problem.message:
        return "links and anchors"
    return next((name for name, codes in CHECKS if problem.code in codes), OTHER)


def summary(problems: list[Problem], pages: int, seconds: float) -> str:
    rows = [f"checked {pages} pages in {len(LOCALE_CODES)} languages in {seconds:.1f} s"]
    for name in (OTHER, *(name for name, _ in CHECKS)):
        found = [p for p in problems if kind_of(p) == name]
        errors = sum(p.severity == "error" for p in found)
        warnings = len(found) - errors
        state = "ok" if not found else f"{errors} error(s)" + (f", {warnings} warning(s)" if warnings else "")
        rows.append(f"  {name:<46} {state}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = cli.parser(__doc__.strip().splitlines()[0])
    parser.add_argument(
        "--changed", nargs="*", type=Path, metavar="FILE", help="files changed (pre-commit passes them)"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    catalog = cli.load(args)
    pages = None
    if args.changed is not None:
        changed = {path.resolve() for path in args.changed}
        pages = [page for page in catalog.pages if page.path in changed]
    report = run_checks(catalog, editorial=True, pages=pages)
    problems = report.problems
    if pages is not None:
        names = {page.display for page in pages}
        problems = [p for p in problems if p.severity == "error" or p.path in names]
    seconds = time.perf_counter() - started
    return cli.report(
        problems,
        as_json=args.json,
        extra={"pages": len(catalog.pages)},
        summary=lambda: summary(problems, len(catalog.pages), seconds),
    )


if __name__ == "__main__":
    sys.exit(main())
