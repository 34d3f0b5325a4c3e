#!/usr/bin/env python3
"""Build the published site.

1. Run the handbook's checks once, for all languages together.
2. Build each language in its own MkDocs process (the i18n plugin's
   ``build_only_locale``), all of them in parallel, into a staging folder.
   The processes are forked from this one after it has imported MkDocs and
   the theme, compiled the templates and loaded the pages
   (handbook/warm.py), so no language pays for those again.
3. Put the languages together (English at the root, the others under
   /es/, /hu/, /pt/) and only then replace the output folder, so a failed
   build never leaves a half-written site behind.

Usage: python scripts/build_site.py [--site-dir site] [--jobs N]
Exit status: 0 built, 1 content or build errors, 2 usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from handbook import urls, warm  # noqa: E402
from handbook.catalog import Catalog  # noqa: E402
from handbook.checks import run_checks  # noqa: E402
from handbook.locales import LOCALES, Locale, get_locale  # noqa: E402
from handbook.translations import report_to_json  # noqa: E402

# The published address (mkdocs.yml reads it too); without it, no sitemap.
SITE_URL_ENV = "HANDBOOK_SITE_URL"


@dataclass
class LocaleBuild:
    locale: Locale
    returncode: int
    output: str
    seconds: float


def build_locale(code: str, out_dir: Path, config_file: Path, report_file: Path) -> LocaleBuild:
    """One language's ``mkdocs build --strict``, in this (forked) process.

    Every log record of WARNING or above fails the build, as ``--strict`` does;
    the records and anything printed become the build's output.
    """
    from mkdocs.commands import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    os.environ.update(HANDBOOK_LOCALE=code, HANDBOOK_REPORT=str(report_file), NO_MKDOCS_2_WARNING="1")
    started = time.perf_counter()
    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    returncode = 0
    with contextlib.redirect_stdout(log), contextlib.redirect_stderr(log):
        try:
            config = load_config(str(config_file), site_dir=str(out_dir), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build.build(config)
            finally:
                config.plugins.on_shutdown()
        except (MkDocsException, SystemExit) as error:
            print(f"ERROR - {error}")
            returncode = 1
        except Exception as error:  # an unexpected failure still ends this language's build cleanly
            print(f"ERROR - {type(error).__name__}: {error}")
            returncode = 1
    root.removeHandler(handler)
    return LocaleBuild(get_locale(code), returncode, log.getvalue().strip(), time.perf_counter() - started)


def assemble(staging: Path, builds: dict[str, Path], target: Path, extras: dict[str, str]) -> None:
    """English at the root, every other language in its own folder, then what spans languages.

    ``extras`` (site path -> text) are the /go/ pages, the redirects and the one
    sitemap for all languages, which replaces each language's own.
    """
    site = staging / "site"
    for locale in LOCALES:
        destination = site / locale.url_prefix.rstrip("/") if locale.url_prefix else site
        if destination != site:
            destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(builds[locale.code]), str(destination))
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (destination / name).unlink(missing_ok=True)
    for relative, text in extras.items():
        path = site / relative
        if path.exists():
            raise FileExistsError(f"{relative} would overwrite a page of the site")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if target.exists():
        shutil.rmtree(target)
    shutil.move(str(site), str(target))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="output folder (default: site/)")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--jobs", type=int, default=len(LOCALES), help="languages built at once (default: all)")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    config_file = args.config_file.resolve()
    if not config_file.is_file():
        parser.error(f"no MkDocs configuration at {config_file}")

    started = time.perf_counter()
    docs_dir = config_file.parent / "docs"
    catalog = Catalog.load(docs_dir, config_file.parent)
    report = run_checks(catalog)
    warm.remember(catalog)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    if report.errors:
        print(f"build stopped: {len(report.errors)} content problem(s); nothing was published", file=sys.stderr)
        return 1

    site_dir = args.site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".handbook-build-", dir=site_dir.parent) as tmp:
        staging = Path(tmp)
        outputs = {locale.code: staging / locale.code for locale in LOCALES}
        report_file = staging / "translations.json"
        report_file.write_text(report_to_json(report.translations), encoding="utf-8")
        warm.warm_up(config_file)
        # fork: each language's build inherits what warm_up imported and compiled
        with ProcessPoolExecutor(max_workers=args.jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = [
                pool.submit(build_locale, loc.code, outputs[loc.code], config_file, report_file) for loc in LOCALES
            ]
            results = [future.result() for future in futures]
        failed = [r for r in results if r.returncode != 0 or "WARNING" in r.output]
        for result in results:
            print(f"  {result.locale.code}: {result.seconds:.1f} s", file=sys.stderr)
        if failed:
            for result in failed:
                print(f"--- {result.locale.code} build failed ---\n{result.output}", file=sys.stderr)
            print("build stopped: nothing was published", file=sys.stderr)
            return 1
        site_url = os.environ.get(SITE_URL_ENV) or None
        if not site_url:
            print(f"  no site address ({SITE_URL_ENV} is not set): no sitemap written", file=sys.stderr)
        assemble(staging, outputs, site_dir, urls.extra_files(catalog, site_url))
    print(f"built {len(LOCALES)} languages into {site_dir} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
