#!/usr/bin/env python3
"""The list of published addresses (published-urls.txt): check it, or add new pages to it.

Usage: python scripts/published_urls.py [--update]
  (no option)  check the list against what the build publishes
  --update     add every newly published address (never drops a listed one)
Exit status: 0 fine, 1 problems, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from handbook import urls  # noqa: E402
from handbook.catalog import Catalog  # noqa: E402
from handbook.problems import errors  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", action="store_true", help="add newly published addresses to the list")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    catalog = Catalog.load(args.root / "docs", args.root)
    if args.update:
        path = args.root / urls.URL_LIST_FILE
        before = {url for _, url in urls.read_list(path)} if path.exists() else set()
        text = urls.updated_list(catalog)
        path.write_text(text, encoding="utf-8")
        after = {url for _, url in urls.read_list(path)}
        print(f"{urls.URL_LIST_FILE}: {len(after)} addresses, {len(after - before)} added")
    problems = urls.check(catalog)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if errors(problems) else 0


if __name__ == "__main__":
    sys.exit(main())
