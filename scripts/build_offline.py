#!/usr/bin/env python3
"""Build the offline copy: the whole site, every language, as one zip that works from file://.

1. Build the site a second time, the way `make build` does (scripts/build_site.py:
   the checks, then every language in its own process), with Material's offline
   plugin switched on (HANDBOOK_OFFLINE): file links instead of folder addresses,
   each language's search index as a script. Into a temporary folder.
2. Leave out what only a server uses (the 404 pages, /go/ links, redirects), add
   the PDF editions from <site-dir>/downloads/ (the home pages link to them),
   point any remaining folder address at its file, and check every page: each
   link and asset a file of the copy, none absolute, nothing from the network.
3. Only then write <site-dir>/downloads/handbook-offline.zip (one top folder,
   handbook/; English at its root, /es/, /hu/, /pt/), replacing the old one whole.

Usage: python scripts/build_offline.py [--site-dir site]
Exit status: 0 written, 1 content or build problems (nothing written), 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import build_site  # noqa: E402
from handbook import offline  # noqa: E402
from handbook.catalog import Catalog  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    site_dir = args.site_dir.resolve()
    config_file = args.config_file.resolve()
    if not site_dir.is_dir():
        parser.error(f"there is no site at {site_dir}: run `make build` (and `make pdf`) first")
    if not config_file.is_file():
        parser.error(f"no MkDocs configuration at {config_file}")

    started = time.perf_counter()
    os.environ[offline.OFFLINE_ENV] = "true"
    # A copy on someone's disk has no published address: no sitemap, no canonical links to the intranet.
    os.environ.pop(build_site.SITE_URL_ENV, None)
    target = site_dir / offline.DOWNLOADS / offline.ZIP_NAME
    with tempfile.TemporaryDirectory(prefix=".handbook-offline-", dir=site_dir.parent) as tmp:
        tree = Path(tmp) / offline.TOP_FOLDER
        code = build_site.main(["--site-dir", str(tree), "--config-file", str(config_file)])
        if code != 0:
            print(f"offline copy stopped: the site did not build; {target} was not written", file=sys.stderr)
            return code
        catalog = Catalog.load(config_file.parent / "docs", config_file.parent)
        offline.remove(tree, offline.left_out(catalog))
        pdfs = offline.copy_pdfs(site_dir, tree)
        if not pdfs:
            print(f"  no PDF editions in {site_dir / offline.DOWNLOADS} (`make pdf` builds them)", file=sys.stderr)
        offline.rewrite_tree(tree)
        problems = offline.search_problems(tree) + offline.check_tree(tree, offline.page_sources(catalog))
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(
                f"offline copy stopped: {len(problems)} problem(s) would break it from file://; "
                f"{target} was not written",
                file=sys.stderr,
            )
            return 1
        count = offline.write_zip(tree, target, date_time=offline.zip_date(os.environ.get("SOURCE_DATE_EPOCH")))
    print(
        f"wrote {target} ({count} files, {len(pdfs)} PDF(s), {target.stat().st_size / 1e6:.1f} MB) "
        f"in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
