#!/usr/bin/env python3
"""Check every page: front matter, required sections and checklists.

Prints `path:line: problem — fix` lines. Exit 0 clean, 1 problems, 2 usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from handbook import cli
from handbook.checks import content_problems


def main(argv: list[str] | None = None) -> int:
    args = cli.parser(__doc__.strip().splitlines()[0]).parse_args(argv)
    catalog = cli.load(args)
    pages = len(catalog.pages)
    return cli.report(
        content_problems(catalog), as_json=args.json, extra={"pages": pages}, summary=lambda: f"{pages} page(s) checked"
    )


if __name__ == "__main__":
    sys.exit(main())
