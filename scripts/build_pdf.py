#!/usr/bin/env python3
"""Build the PDF edition of every language from the built site.

For each language, the print page (handbook/pdf.py) is laid out by WeasyPrint
into ``<site-dir>/downloads/handbook-<lang>.pdf``, all languages at once. Each
PDF is read back before anything is published: its bookmarks must be the
book's parts and, under them, every principle and protocol. If one language
fails, no PDF is replaced.

Usage: python scripts/build_pdf.py [--site-dir site] [--out-dir DIR] [--jobs N]
Exit status: 0 written, 1 a PDF could not be made (nothing published), 2 usage error.
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from handbook import pdf  # noqa: E402
from handbook.catalog import Catalog  # noqa: E402
from handbook.locales import LOCALE_CODES  # noqa: E402


def build_one(
    code: str, site_dir: Path, docs_dir: Path, project_root: Path, target: Path
) -> tuple[str, list[str], float]:
    """One language's PDF into ``target``: (language, problems, seconds)."""
    started = time.perf_counter()
    try:
        catalog = Catalog.load(docs_dir, project_root)
        page = pdf.print_page(site_dir, catalog, code, pdf.edition_date(project_root))
        pdf.render(page, site_dir, target)
        problems = pdf.verify(target, pdf.expected_outline(site_dir, catalog, code))
    except pdf.PrintError as error:
        problems = [str(error)]
    except BaseException as error:  # WeasyPrint stops a refused download with a BaseException
        if isinstance(error, KeyboardInterrupt):
            raise
        problems = [f"{code}: the PDF could not be laid out: {type(error).__name__}: {error}"]
    return code, problems, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--docs-dir", type=Path, default=ROOT / "docs")
    parser.add_argument("--out-dir", type=Path, help="where the PDFs go (default: the site's downloads/)")
    parser.add_argument("--jobs", type=int, default=len(LOCALE_CODES), help="languages laid out at once")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    site_dir: Path = args.site_dir.resolve()
    docs_dir: Path = args.docs_dir.resolve()
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir}: no built site here — run 'make build' first (make pdf does)", file=sys.stderr)
        return 1
    started = time.perf_counter()
    downloads = args.out_dir.resolve() if args.out_dir else site_dir / pdf.DOWNLOADS
    downloads.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".handbook-pdf-", dir=downloads) as tmp:
        staging = Path(tmp)
        import weasyprint  # noqa: F401  (imported once, here: each forked language inherits it)

        with ProcessPoolExecutor(max_workers=args.jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = [
                pool.submit(build_one, code, site_dir, docs_dir, docs_dir.parent, staging / pdf.file_name(code))
                for code in LOCALE_CODES
            ]
            results = [future.result() for future in futures]
        failed = False
        for code, problems, seconds in results:
            size = (staging / pdf.file_name(code)).stat().st_size if not problems else 0
            print(f"  {code}: {seconds:.1f} s, {size / 1024:.0f} KB", file=sys.stderr)
            for problem in problems:
                failed = True
                print(problem, file=sys.stderr)
        if failed:
            print("PDF edition stopped: no PDF was published", file=sys.stderr)
            return 1
        for code in LOCALE_CODES:
            shutil.move(str(staging / pdf.file_name(code)), str(downloads / pdf.file_name(code)))
    print(
        f"wrote {len(LOCALE_CODES)} PDFs into {downloads} in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
