#!/usr/bin/env python3
"""Export the final assessment and every principle's quiz for a learning-management system.

Writes, per language, ``<site-dir>/downloads/lms/<lang>/<quiz>.qti.zip`` (IMS QTI 2.1)
and ``<lang>/<quiz>.moodle.xml`` (Moodle XML), plus ``downloads/lms/README.txt`` for HR
(see scripts/handbook/lms.py). Reads docs/ only: the site need not be built.

1. The quiz sources are checked first; any problem is printed as
   ``path:line: problem — fix`` and nothing is written.
2. Every export is built in memory and validated (the structure the QTI 2.1 and
   Moodle importers need); an invalid one stops the run, and nothing is written.
3. The files are written to a temporary folder beside the output, which then
   replaces ``downloads/lms`` whole.

Links to handbook pages become absolute links to the published site when
HANDBOOK_SITE_URL is set (as for ``make build``); otherwise only their text is kept.

Usage: python scripts/build_lms.py [--site-dir site] [--docs-dir docs]
Exit status: 0 written, 1 content or export problems, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from handbook import lms  # noqa: E402
from handbook.catalog import Catalog  # noqa: E402

# The published address, read by build_site.py and mkdocs.yml too.
SITE_URL_ENV = "HANDBOOK_SITE_URL"


def write(files: dict[str, bytes], target: Path) -> None:
    """All the files into a temporary folder beside ``target``, which then replaces it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".handbook-lms-", dir=target.parent) as tmp:
        staging = Path(tmp) / "lms"
        for relative, data in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        old = Path(tmp) / "old"
        if target.exists():
            target.rename(old)  # out of the way first: the new folder moves in with one rename
        try:
            staging.rename(target)
        except OSError:
            if old.exists():
                old.rename(target)  # the earlier export stays published
            raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="the site folder (default: site/)")
    parser.add_argument("--docs-dir", type=Path, default=ROOT / "docs", help="the content (default: docs/)")
    args = parser.parse_args(argv)
    docs_dir = args.docs_dir.resolve()
    if not docs_dir.is_dir():
        parser.error(f"no content folder at {docs_dir}")

    catalog = Catalog.load(docs_dir, docs_dir.parent)
    problems = lms.check_sources(catalog)
    if not problems:
        files, problems = lms.export_files(catalog, os.environ.get(SITE_URL_ENV) or None)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"LMS export stopped: {len(problems)} problem(s); nothing was written", file=sys.stderr)
        return 1
    target = args.site_dir.resolve() / lms.OUTPUT_DIR
    write(files, target)
    count = sum(name.endswith(".qti.zip") for name in files)
    print(f"wrote {count} QTI packages and {count} Moodle XML files into {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
