#!/usr/bin/env python3
"""Benchmark the handbook: build times against bare Material, `make check`, page weight, Lighthouse.

A benchmark, not a test: it prints a table and writes the raw numbers as JSON.

  make bench                                  # = .venv/bin/python scripts/bench.py
  python scripts/bench.py --runs 7 --json bench/today.json
  python scripts/bench.py --quick --runs 1 --pages 40 --skip-lighthouse   # a smoke run

What it measures (NO_MKDOCS_2_WARNING=1 throughout):

1. Real handbook, build wall time (time.perf_counter around subprocess.run):
   "ours" is `scripts/build_site.py` (checks once, then one `mkdocs build` per
   language in parallel, then assembly); "bare" is ONE sequential
   `python -m mkdocs build` of the same docs/ with mkdocs.yml stripped of
   everything that is ours: hooks, theme.custom_dir, the handbook.* Markdown
   extensions, extra_css/extra_javascript, watch, the i18n plugin's
   build_only_locale (so the plugin builds all four languages in that one run),
   with strict: false. A theme language that only exists in our custom_dir
   (handbook-pt-BR) becomes Material's own (pt-BR). Everything else (Material
   features, palette, search, i18n languages, pymdownx extensions) is
   identical. Round k runs bare then ours when k is even, ours then bare when
   odd, after one untimed warm-up of each that also checks both builds succeed.
   Reported: median of each, median of the per-round ratios ours/bare, every run.
2. The same on a synthetic handbook (`benchmark_check.generate`, --pages
   principles + pages/4 protocols, x 4 languages) in a throwaway project under
   bench/ (mkdocs.yml, overrides/, scripts/ copied, as tests/fixture_site.py does).
3. `make check`: scripts/check_content.py and scripts/check_translations.py,
   each a subprocess with --docs-dir, on both handbooks; median of --runs.
4. Page weight of each page type (PAGE_TYPES) in en and hu: the HTML file raw
   and gzipped (level 1, nginx's default gzip_comp_level), and every request
   Chromium (Playwright) makes until the network is idle, served by nginx with
   deploy/nginx.conf (gzip on): type, raw bytes (the file on disk) and bytes
   transferred (the compressed body).
5. Lighthouse (default: mobile, simulated throttling) on LIGHTHOUSE_PAGES in hu
   and pt, on a build made with HANDBOOK_SITE_URL pointing at the nginx port.
6. The editions (--skip-editions to leave them out), from one build of the real
   handbook: scripts/build_pdf.py, scripts/build_offline.py and
   scripts/build_lms.py, each a subprocess, median of --runs wall seconds, and
   what they wrote (each PDF's size and pages, the zip's size, the LMS files).
7. Budgets (BUDGETS), shown as ok/OVER; they never change the exit status.

Exit status: 0 measured, 1 a tool is missing or a build failed, 2 usage error.
Scratch files go to bench/ (gitignored); Lighthouse reports stay in bench/lighthouse/.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import gzip
import importlib.metadata
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import material
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import benchmark_check  # noqa: E402
import local_nginx  # noqa: E402
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from handbook.locales import LOCALE_CODES, get_locale  # noqa: E402
from page_types import PAGE_TYPES  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Request

BENCH_DIR = ROOT / "bench"
PYTHON = sys.executable
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])
LIGHTHOUSE_TIMEOUT = 300  # seconds per run

WEIGHT_LOCALES = ("en", "hu")
LIGHTHOUSE_PAGES: dict[str, str] = {
    "home": "",
    "principle": "principles/honesty/",
    "protocol": "protocols/answering-the-phone/",
    "quiz": "onboarding/assessment/",
}
LIGHTHOUSE_LOCALES = ("hu", "pt")
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

BUDGETS = {
    "real build ratio": 0.75,  # ours/bare, at most
    "synthetic build ratio": 0.6,  # ours/bare, at most
    "principle HTML bytes": 40 * 1024,  # raw, at most, in each language measured
    "lighthouse performance": 99,  # scores, at least
    "lighthouse accessibility": 100,
    "lighthouse best-practices": 100,
    "lighthouse seo": 100,
}
NGINX_GZIP_LEVEL = 1  # nginx's default gzip_comp_level (deploy/nginx.conf does not set one)
RESOURCE_TYPES = {"document", "script", "stylesheet", "fetch", "image", "font"}  # anything else is "other"


class BenchError(Exception):
    """A tool is missing or a build failed: reported in one line, without a traceback."""


# --- mkdocs.yml with its tags (!ENV, !!python/name:) kept as they are --------------------------


@dataclass(frozen=True)
class Tagged:
    """A YAML node with an application tag, kept verbatim so that MkDocs resolves it, not us."""

    tag: str
    value: Any


class _TagLoader(yaml.SafeLoader):
    pass


class _TagDumper(yaml.SafeDumper):
    pass


def _construct_tagged(prefix: str) -> Callable[[yaml.SafeLoader, str, yaml.Node], Tagged]:
    def construct(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
        value: Any
        if isinstance(node, yaml.SequenceNode):
            value = loader.construct_sequence(node, deep=True)
        elif isinstance(node, yaml.MappingNode):
            value = loader.construct_mapping(node, deep=True)
        else:
            value = loader.construct_scalar(node)  # type: ignore[arg-type]
        return Tagged(prefix + suffix, value)

    return construct


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value, flow_style=True)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_TagLoader.add_multi_constructor("!", _construct_tagged("!"))
_TagLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged("tag:yaml.org,2002:python/"))
_TagDumper.add_representer(Tagged, _represent_tagged)


def _name(entry: Any) -> str:
    """A plugin's or Markdown extension's name, whether listed bare or with options."""
    return entry if isinstance(entry, str) else str(next(iter(entry)))


def bare_config(config_file: Path, docs_dir: Path | None = None) -> str:
    """mkdocs.yml without anything of ours: plain Material + i18n, all languages in one run."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TagLoader)
    for key in ("hooks", "watch", "extra_css", "extra_javascript"):
        config.pop(key, None)
    config["strict"] = False
    theme = config.setdefault("theme", {})
    custom_dir = config_file.parent / str(theme.pop("custom_dir", "overrides"))
    config["markdown_extensions"] = [
        entry for entry in config.get("markdown_extensions", []) if not _name(entry).startswith("handbook.")
    ]
    material_languages = Path(material.__file__).parent / "templates" / "partials" / "languages"
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            options = plugin["i18n"]
            options.pop("build_only_locale", None)
            for language in options.get("languages", []):
                # a theme language from our custom_dir (handbook-pt-BR) -> Material's own (pt-BR)
                language_theme = language.get("theme") or {}
                code = language_theme.get("language")
                if code and (custom_dir / "partials/languages" / f"{code}.html").exists():
                    upstream = str(code).removeprefix("handbook-")
                    if not (material_languages / f"{upstream}.html").exists():
                        raise BenchError(f"theme language {code} has no Material equivalent ({upstream})")
                    language_theme["language"] = upstream
    if docs_dir is not None:
        config["docs_dir"] = str(docs_dir.resolve())
    text = yaml.dump(config, Dumper=_TagDumper, allow_unicode=True, sort_keys=False)
    return "# Generated by scripts/bench.py from mkdocs.yml: plain Material, nothing of ours.\n" + text


# --- running and timing commands --------------------------------------------------------------


def bench_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("HANDBOOK_SITE_URL", "HANDBOOK_LOCALE", "HANDBOOK_REPORT")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


@dataclass
class Run:
    seconds: float
    returncode: int
    output: str


def timed_run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env or bench_env(), capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    return Run(seconds, result.returncode, (result.stdout + result.stderr).rstrip())


def tail(text: str, lines: int = 25) -> str:
    return "\n".join(text.splitlines()[-lines:])


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# --- 1 and 2: our build against bare Material ---------------------------------------------------


@dataclass
class Project:
    """A handbook to build: its config, docs and a page that every language must have."""

    label: str
    root: Path  # where build_site.py and mkdocs.yml are
    docs: Path
    bare_config: Path
    samples: tuple[str, ...]  # pages every language must have, e.g. "principles/honesty/"


def ours_command(project: Project, out: Path) -> list[str]:
    return [PYTHON, str(project.root / "scripts" / "build_site.py"), "--site-dir", str(out)]


def bare_command(project: Project, out: Path) -> list[str]:
    return [PYTHON, "-m", "mkdocs", "build", "--quiet", "-f", str(project.bare_config), "-d", str(out)]


def missing_pages(site: Path, samples: tuple[str, ...]) -> list[str]:
    """The sample pages, in every language, that the build did not write."""
    wanted = [f"{get_locale(code).url_prefix}{page}index.html" for code in LOCALE_CODES for page in samples]
    return [path for path in wanted if not (site / path).is_file()]


LANGUAGE_SECONDS = re.compile(r"^\s*(?P<code>[a-z]{2}): (?P<seconds>[\d.]+) s$", re.M)
BUILT_SECONDS = re.compile(r"^built \d+ languages into .* in (?P<seconds>[\d.]+) s$", re.M)


def build_once(kind: str, project: Project, out: Path) -> dict[str, Any]:
    """One timed build, checked: exit 0 and every language's home and sample page written."""
    command = ours_command(project, out) if kind == "ours" else bare_command(project, out)
    run = timed_run(command, project.root)
    problems = missing_pages(out, project.samples) if run.returncode == 0 else []
    if run.returncode != 0 or problems:
        why = f"exit {run.returncode}" if run.returncode else f"pages missing: {', '.join(problems[:5])}"
        raise BenchError(f"{project.label}: the {kind} build failed ({why}):\n{tail(run.output)}")
    record: dict[str, Any] = {
        "seconds": round(run.seconds, 3),
        "html_files": sum(1 for _ in out.rglob("*.html")),
        "warnings": sum("WARNING" in line for line in run.output.splitlines()),
    }
    if kind == "ours":
        record["language_seconds"] = {m["code"]: float(m["seconds"]) for m in LANGUAGE_SECONDS.finditer(run.output)}
        built = BUILT_SECONDS.search(run.output)
        record["reported_seconds"] = float(built["seconds"]) if built else None
    shutil.rmtree(out, ignore_errors=True)
    return record


def compare_builds(project: Project, runs: int, work: Path) -> dict[str, Any]:
    print(f"[{project.label}] warm-up: bare and ours, both checked", file=sys.stderr)
    warmup = {kind: build_once(kind, project, work / f"warmup-{kind}") for kind in ("bare", "ours")}
    rounds: list[dict[str, Any]] = []
    for k in range(runs):
        order = ("bare", "ours") if k % 2 == 0 else ("ours", "bare")
        result = {kind: build_once(kind, project, work / f"round{k}-{kind}") for kind in order}
        rounds.append({"round": k, "order": list(order), "loadavg_1min": round(os.getloadavg()[0], 2), **result})
        ratio = result["ours"]["seconds"] / result["bare"]["seconds"]
        print(
            f"[{project.label}] round {k + 1}/{runs}: ours {result['ours']['seconds']:.2f} s,"
            f" bare {result['bare']['seconds']:.2f} s, ratio {ratio:.2f}",
            file=sys.stderr,
        )
    ours = [r["ours"]["seconds"] for r in rounds]
    bare = [r["bare"]["seconds"] for r in rounds]
    ratios = [o / b for o, b in zip(ours, bare, strict=True)]
    slowest_language = [max(r["ours"]["language_seconds"].values(), default=0.0) for r in rounds]
    per_language = {
        code: round(median([r["ours"]["language_seconds"].get(code, 0.0) for r in rounds]), 2) for code in LOCALE_CODES
    }
    return {
        "project": str(project.root),
        "docs": str(project.docs),
        "markdown_files": sum(1 for _ in project.docs.rglob("*.md")),
        "median_ours_s": round(median(ours), 3),
        "median_bare_s": round(median(bare), 3),
        "median_ratio": round(median(ratios), 3),
        "ratios": [round(r, 3) for r in ratios],
        "ours_median_language_s": per_language,
        "ours_median_outside_languages_s": round(
            median([o - s for o, s in zip(ours, slowest_language, strict=True)]), 3
        ),
        "warmup": warmup,
        "rounds": rounds,
    }


def real_project(work: Path) -> Project:
    bare = work / "real-bare-mkdocs.yml"  # in bench/, with docs_dir made absolute so it still finds docs/
    bare.write_text(bare_config(ROOT / "mkdocs.yml", ROOT / "docs"), encoding="utf-8")
    return Project("real", ROOT, ROOT / "docs", bare, ("", "principles/honesty/"))


def synthetic_project(work: Path, pages: int) -> Project:
    """A throwaway copy of the project (config, theme, tools) around a generated docs/ tree."""
    root = work / f"synthetic-{pages}"
    root.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    shutil.copytree(ROOT / "scripts", root / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    benchmark_check.generate(root / "docs", pages)  # also writes published-urls.txt, as `make urls` does
    bare = root / "mkdocs.bare.yml"  # next to its docs/
    bare.write_text(bare_config(root / "mkdocs.yml"), encoding="utf-8")
    return Project(f"synthetic {pages}", root, root / "docs", bare, ("principles/p00000/", "protocols/r00000/"))


# --- 3: make check ----------------------------------------------------------------------------

CHECK_SCRIPTS = ("check_content.py", "check_translations.py")


def time_checks(project: Project, runs: int) -> dict[str, Any]:
    """The two commands of `make check`, pointed at the project's docs/ with --docs-dir."""
    raw: dict[str, list[float]] = {name: [] for name in CHECK_SCRIPTS}
    exits: dict[str, int] = {}
    for _ in range(runs):
        for name in CHECK_SCRIPTS:
            run = timed_run([PYTHON, str(ROOT / "scripts" / name), "--docs-dir", str(project.docs)], ROOT)
            raw[name].append(round(run.seconds, 3))
            exits[name] = run.returncode
            if run.returncode not in (0, 1):
                raise BenchError(f"{project.label}: {name} exited {run.returncode}:\n{tail(run.output)}")
    totals = [sum(values) for values in zip(*raw.values(), strict=True)]
    return {
        "median_s": {name: round(median(values), 3) for name, values in raw.items()},
        "median_total_s": round(median(totals), 3),
        "exit_status": exits,
        "runs_s": raw,
    }


# --- 4: page weight in Chromium ---------------------------------------------------------------


EDITION_SCRIPTS = ("build_pdf.py", "build_offline.py", "build_lms.py")


def time_editions(work: Path, runs: int) -> dict[str, Any]:
    """Each edition's script on one build of the real handbook: median wall seconds and what it wrote."""
    from pypdf import PdfReader

    site = work / "editions-site"
    built = timed_run([PYTHON, str(ROOT / "scripts" / "build_site.py"), "--site-dir", str(site)], ROOT, bench_env())
    if built.returncode != 0:
        raise BenchError(f"the site did not build for the editions:\n{tail(built.output)}")
    result: dict[str, Any] = {"median_s": {}, "runs_s": {}}
    for script in EDITION_SCRIPTS:
        print(f"[editions] {script} x {runs}", file=sys.stderr)
        seconds = []
        for _ in range(runs):
            run = timed_run([PYTHON, str(ROOT / "scripts" / script), "--site-dir", str(site)], ROOT, bench_env())
            if run.returncode != 0:
                raise BenchError(f"{script} failed:\n{tail(run.output)}")
            seconds.append(run.seconds)
        result["runs_s"][script] = [round(x, 2) for x in seconds]
        result["median_s"][script] = round(median(seconds), 2)
    downloads = site / "downloads"
    result["pdf"] = {
        code: {
            "kb": round((downloads / f"handbook-{code}.pdf").stat().st_size / 1024),
            "pages": len(PdfReader(downloads / f"handbook-{code}.pdf").pages),
        }
        for code in LOCALE_CODES
    }
    result["offline_zip_kb"] = round((downloads / "handbook-offline.zip").stat().st_size / 1024)
    lms = [path for path in (downloads / "lms").rglob("*") if path.is_file()]
    result["lms_files"] = len(lms)
    result["lms_kb"] = round(sum(path.stat().st_size for path in lms) / 1024)
    return result


def site_file(site: Path, path: str) -> Path:
    """The file nginx serves for a URL path."""
    relative = unquote(path).lstrip("/")
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    return site / relative


CONTENT_TYPES = {"javascript": "script", "text/css": "stylesheet", "image/": "image", "font": "font"}


def resource_type(playwright_type: str, content_type: str) -> str:
    """Playwright's type; what it calls "other" is typed by its Content-Type where it can
    (the search worker's importScripts() of Lunr's stemmers are scripts, the favicon an image)."""
    if playwright_type == "xhr":
        return "fetch"
    if playwright_type in RESOURCE_TYPES:
        return playwright_type
    return next((kind for marker, kind in CONTENT_TYPES.items() if marker in content_type), "other")


def compressed_size(url: str) -> int:
    """The body's size as the server sends it to a browser that accepts gzip."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return len(response.read())


@dataclass
class Resource:
    """One request a page made, as Chromium saw it."""

    url: str  # without the server's address when it is ours
    type: str  # document, script, stylesheet, fetch, image, font or other
    playwright_type: str
    status: int | None
    raw: int | None  # bytes of the file on disk (None: not one of the site's files)
    transferred: int  # bytes of the body as sent (compressed when nginx compressed it)
    transferred_measured_by: str  # "browser", or "refetch" when Chromium reported no size
    headers: int
    encoding: str


def measure_page(browser: Browser, url: str, site: Path, base_url: str) -> tuple[int | None, list[Resource], list[str]]:
    """Load ``url`` in a fresh context (cold cache), wait for the network to go idle, list every request."""
    context = browser.new_context()
    try:
        page = context.new_page()
        finished: list[Request] = []
        failed: list[str] = []
        page.on("requestfinished", lambda request: finished.append(request))  # a bound builtin cannot be a handler
        page.on("requestfailed", lambda request: failed.append(request.url))
        response = page.goto(url, wait_until="networkidle")  # the search worker has fetched its index by then
        resources = []
        for request in finished:
            local = urlsplit(request.url).netloc == urlsplit(base_url).netloc
            file = site_file(site, urlsplit(request.url).path) if local else None
            answer = request.response()
            headers = answer.headers if answer else {}
            sizes = request.sizes()
            transferred, measured_by = sizes["responseBodySize"], "browser"
            if transferred == 0 and answer is not None and answer.status == 200 and local:
                # Chromium reports no body size for a worker's own script: ask nginx the way a browser does
                transferred, measured_by = compressed_size(request.url), "refetch"
            resources.append(
                Resource(
                    url=request.url.removeprefix(base_url),
                    type=resource_type(request.resource_type, headers.get("content-type", "")),
                    playwright_type=request.resource_type,
                    status=answer.status if answer else None,
                    raw=file.stat().st_size if file is not None and file.is_file() else None,
                    transferred=transferred,
                    transferred_measured_by=measured_by,
                    headers=sizes["responseHeadersSize"],
                    encoding=headers.get("content-encoding", ""),
                )
            )
        return (response.status if response else None), resources, failed
    finally:
        context.close()


def page_weights(site: Path, base_url: str) -> dict[str, dict[str, Any]]:
    """Every page type in every measured language: its HTML, and what a browser loads with it."""
    from playwright.sync_api import sync_playwright

    results: dict[str, dict[str, Any]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            for code in WEIGHT_LOCALES:
                prefix = get_locale(code).url_prefix
                results[code] = {}
                for kind, path in PAGE_TYPES.items():
                    html = site_file(site, "/" + prefix + path).read_bytes()
                    status, resources, failed = measure_page(browser, f"{base_url}/{prefix}{path}", site, base_url)

                    def total(field: str, *types: str, resources: list[Resource] = resources) -> int:
                        return sum(getattr(r, field) or 0 for r in resources if not types or r.type in types)

                    results[code][kind] = {
                        "path": prefix + path,
                        "status": status,
                        "html_raw": len(html),
                        "html_gzip": len(gzip.compress(html, compresslevel=NGINX_GZIP_LEVEL, mtime=0)),
                        "requests": len(resources),
                        "failed_requests": failed,
                        "js_raw": total("raw", "script"),
                        "js_transferred": total("transferred", "script"),
                        "css_raw": total("raw", "stylesheet"),
                        "css_transferred": total("transferred", "stylesheet"),
                        "all_raw": total("raw"),
                        "all_transferred": total("transferred"),
                        "search_index_loaded": any(r.url.endswith("search_index.json") for r in resources),
                        "resources": [dataclasses.asdict(r) for r in resources],
                    }
                    print(f"[weight] {code} {kind}: {len(resources)} requests", file=sys.stderr)
        finally:
            browser.close()
    return results


# --- 5: Lighthouse ----------------------------------------------------------------------------


def run_lighthouse(url: str, output: Path) -> dict[str, Any]:
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={output}",
        "--quiet",
        f"--chrome-flags={LIGHTHOUSE_CHROME_FLAGS}",
    ]
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    started = time.perf_counter()
    # its own process group, so that a run that hangs is stopped with the Chromium it started
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        log, _ = process.communicate(timeout=LIGHTHOUSE_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise BenchError(f"Lighthouse took more than {LIGHTHOUSE_TIMEOUT} s on {url}") from None
    if process.returncode != 0 or not output.is_file():
        raise BenchError(
            f"Lighthouse failed on {url} (exit {process.returncode}):\n{tail(log.decode(errors='replace'))}"
        )
    report = json.loads(output.read_text(encoding="utf-8"))
    audits = report["audits"]
    result: dict[str, Any] = {
        "url": url,
        "seconds": round(time.perf_counter() - started, 1),
        "runtime_error": (report.get("runtimeError") or {}).get("code"),
        "scores": {},
        "lost_points": {},
        "failed_unweighted": {},
        "fcp_ms": round(audits["first-contentful-paint"].get("numericValue") or 0),
        "lcp_ms": round(audits["largest-contentful-paint"].get("numericValue") or 0),
        "report": str(output),
    }
    for category in LIGHTHOUSE_CATEGORIES:
        data = report["categories"][category]
        result["scores"][category] = round((data["score"] or 0) * 100)
        refs = [(ref["id"], ref.get("weight", 0), audits[ref["id"]].get("score")) for ref in data["auditRefs"]]
        result["lost_points"][category] = [
            i for i, weight, score in refs if weight > 0 and score is not None and score < 1
        ]
        result["failed_unweighted"][category] = [
            i for i, weight, score in refs if weight == 0 and score is not None and score < 1
        ]
    return result


def lighthouse_runs(base_url: str, reports: Path) -> list[dict[str, Any]]:
    reports.mkdir(parents=True, exist_ok=True)
    results = []
    for code in LIGHTHOUSE_LOCALES:
        for kind, path in LIGHTHOUSE_PAGES.items():
            url = f"{base_url}/{get_locale(code).url_prefix}{path}"
            result = run_lighthouse(url, reports / f"{code}-{kind}.json")
            result.update(locale=code, page=kind)
            results.append(result)
            print(f"[lighthouse] {code} {kind}: {result['scores']} ({result['seconds']} s)", file=sys.stderr)
    return results


# --- the served site (4 and 5) ----------------------------------------------------------------


def served_site(work: Path, port: int) -> Path:
    """The real handbook built for http://127.0.0.1:PORT/, so canonical and hreflang links are absolute."""
    site = work / "served" / "site"
    env = bench_env(HANDBOOK_SITE_URL=f"http://127.0.0.1:{port}/")
    run = timed_run([PYTHON, str(ROOT / "scripts" / "build_site.py"), "--site-dir", str(site)], ROOT, env)
    if run.returncode != 0:
        raise BenchError(f"the site to serve did not build (exit {run.returncode}):\n{tail(run.output)}")
    return site


# --- budgets, table, JSON ---------------------------------------------------------------------


def budgets(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every budget with its value; one row per Lighthouse run, its four scores together."""
    rows: list[dict[str, Any]] = []
    for key, build in data["builds"].items():
        limit = BUDGETS[f"{key} build ratio"]
        rows.append(
            {
                "budget": f"{key} build ratio ours/bare",
                "value": build["median_ratio"],
                "limit": f"<= {limit}",
                "ok": build["median_ratio"] <= limit,
            }
        )
    limit = BUDGETS["principle HTML bytes"]
    for code, pages in data.get("page_weight", {}).items():
        if "principle" in pages:
            size = pages["principle"]["html_raw"]
            rows.append(
                {
                    "budget": f"principle page HTML raw, {code} (bytes)",
                    "value": size,
                    "limit": f"<= {limit}",
                    "ok": size <= limit,
                }
            )
    for run in data.get("lighthouse", []):
        scores = [run["scores"][category] for category in LIGHTHOUSE_CATEGORIES]
        minimums = [BUDGETS[f"lighthouse {category}"] for category in LIGHTHOUSE_CATEGORIES]
        rows.append(
            {
                "budget": f"Lighthouse {run['locale']} {run['page']} (perf/a11y/b-p/seo)",
                "value": "/".join(map(str, scores)),
                "limit": ">= " + "/".join(map(str, minimums)),
                "ok": all(score >= minimum for score, minimum in zip(scores, minimums, strict=True)),
                "failing": [c for c, sc, m in zip(LIGHTHOUSE_CATEGORIES, scores, minimums, strict=True) if sc < m],
            }
        )
    return rows


def kb(value: float | None) -> str:
    return "-" if value is None else f"{value / 1024:.1f}"


def table(data: dict[str, Any]) -> Iterator[str]:
    machine = data["machine"]
    yield (
        f"{machine['nproc']} cores, Python {machine['python']}, mkdocs {machine['mkdocs']},"
        f" Material {machine['mkdocs-material']}, i18n {machine['mkdocs-static-i18n']}, {machine['date']},"
        f" load average at start {machine['loadavg_start']}"
    )
    for key, build in data["builds"].items():
        yield ""
        yield f"Build, {key} handbook ({build['markdown_files']} .md files), wall s, {len(build['rounds'])} rounds"
        for kind in ("ours", "bare"):
            runs = ", ".join(f"{r[kind]['seconds']:.2f}" for r in build["rounds"])
            yield f"  {kind:<5} median {build[f'median_{kind}_s']:6.2f}   runs {runs}"
        ratios = ", ".join(f"{r:.2f}" for r in build["ratios"])
        yield f"  ratio ours/bare, median of rounds {build['median_ratio']:.2f}   rounds {ratios}"
        languages = ", ".join(f"{code} {s:.1f}" for code, s in build["ours_median_language_s"].items())
        yield (
            f"  ours: each language's process (median s) {languages};"
            f" outside them (start-up, checks, assembly) {build['ours_median_outside_languages_s']:.2f}"
        )
        warmup = build["warmup"]
        yield (
            f"  HTML files: ours {warmup['ours']['html_files']}, bare {warmup['bare']['html_files']};"
            f" bare build warnings: {warmup['bare']['warnings']}"
        )
    if data["checks"]:
        yield ""
        yield f"make check, median of {data['runs']} (s)         check_content  check_translations  total  exit"
        for key, check in data["checks"].items():
            content, translations = (check["median_s"][name] for name in CHECK_SCRIPTS)
            exits = "/".join(str(check["exit_status"][name]) for name in CHECK_SCRIPTS)
            yield f"  {key:<36} {content:>13.2f} {translations:>19.2f} {check['median_total_s']:>6.2f}  {exits}"
    for code, pages in data.get("page_weight", {}).items():
        yield ""
        yield f"Page weight, {code} (KB)           HTML raw   gz  req   JS raw/sent   CSS raw/sent   all raw/sent"
        for kind, row in pages.items():
            yield (
                f"  {kind:<28} {kb(row['html_raw']):>10} {kb(row['html_gzip']):>5} {row['requests']:>4}"
                f" {kb(row['js_raw']):>7}/{kb(row['js_transferred']):<5} {kb(row['css_raw']):>7}/{kb(row['css_transferred']):<5}"
                f"  {kb(row['all_raw']):>6}/{kb(row['all_transferred']):<5}"
            )
    editions = data.get("editions")
    if editions:
        yield ""
        yield f"Editions, median of {data['runs']} (wall s)"
        for script, seconds in editions["median_s"].items():
            runs = ", ".join(f"{x:.2f}" for x in editions["runs_s"][script])
            yield f"  {script:<18} median {seconds:6.2f}   runs {runs}"
        pdfs = ", ".join(f"{code} {row['kb']} KB / {row['pages']} pages" for code, row in editions["pdf"].items())
        yield f"  PDFs: {pdfs}"
        yield (
            f"  offline zip {editions['offline_zip_kb']} KB; LMS {editions['lms_files']} files, {editions['lms_kb']} KB"
        )
    if data.get("lighthouse"):
        yield ""
        yield "Lighthouse (mobile, simulated)  perf a11y  b-p  seo  FCP ms  LCP ms  audits that lost points"
        for run in data["lighthouse"]:
            scores = [run["scores"][category] for category in LIGHTHOUSE_CATEGORIES]
            lost = "; ".join(f"{c}: {', '.join(ids)}" for c, ids in run["lost_points"].items() if ids) or "-"
            yield (
                f"  {run['locale']} {run['page']:<27} {scores[0]:>4} {scores[1]:>4} {scores[2]:>4} {scores[3]:>4}"
                f" {run['fcp_ms']:>7} {run['lcp_ms']:>7}  {lost}"
            )
    yield ""
    yield "Budgets (reported, not enforced)"
    for row in data["budgets"]:
        yield f"  {'ok  ' if row['ok'] else 'OVER'}  {row['budget']:<46} {row['value']!s:>15}  {row['limit']}"


def machine_info() -> dict[str, Any]:
    def version(name: str) -> str:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    return {
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "mkdocs-static-i18n": version("mkdocs-static-i18n"),
        "pymdown-extensions": version("pymdown-extensions"),
        "playwright": version("playwright"),
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "loadavg_start": [round(x, 2) for x in os.getloadavg()],
    }


def missing_tools(skip_lighthouse: bool) -> str | None:
    if not Path(local_nginx.NGINX).exists():
        return (
            f"nginx is not installed ({local_nginx.NGINX}): run `make browser-deps` (or `sudo apt-get install nginx`)"
        )
    if not Path(CHROMIUM).exists():
        return f"Chromium is not installed at {CHROMIUM}: run `make browser-deps` (or `sudo apt-get install chromium`)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed in this Python: run `make bench` (it installs requirements/test.txt)"
    if not skip_lighthouse:
        if not LIGHTHOUSE.exists():
            return f"Lighthouse is not installed ({LIGHTHOUSE}): run `make node_modules/.installed`"
        if not shutil.which("node"):
            return "node is not installed: Lighthouse needs it (`sudo apt-get install nodejs`)"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed rounds per measurement (default 5, at least 5)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: allows fewer than 5 runs")
    parser.add_argument(
        "--pages", type=int, default=500, help="synthetic principles, each in 4 languages (default 500)"
    )
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--skip-editions", action="store_true", help="leave out the PDF, offline and LMS editions")
    parser.add_argument("--json", type=Path, default=BENCH_DIR / "bench.json", help="where to write the numbers")
    args = parser.parse_args(argv)
    if args.runs < 1 or (args.runs < 5 and not args.quick):
        parser.error("--runs must be at least 5 (or at least 1 with --quick)")
    if args.pages < 8:
        parser.error("--pages must be at least 8")

    missing = missing_tools(args.skip_lighthouse)
    if missing:
        print(f"error: {missing}", file=sys.stderr)
        return 1

    started = time.perf_counter()
    BENCH_DIR.mkdir(exist_ok=True)
    data: dict[str, Any] = {
        "machine": machine_info(),
        "runs": args.runs,
        "pages": args.pages,
        "builds": {},
        "checks": {},
    }
    try:
        with tempfile.TemporaryDirectory(prefix="run-", dir=BENCH_DIR) as tmp:
            work = Path(tmp)
            projects = [real_project(work)]
            if not args.skip_synthetic:
                print(f"[synthetic] generating {args.pages} principles x 4 languages", file=sys.stderr)
                projects.append(synthetic_project(work, args.pages))
            for project in projects:
                key = "real" if project.label == "real" else "synthetic"
                data["builds"][key] = compare_builds(project, args.runs, work)
                data["checks"][f"{project.label} ({data['builds'][key]['markdown_files']} files)"] = time_checks(
                    project, args.runs
                )
            if not args.skip_editions:
                data["editions"] = time_editions(work, args.runs)
            port = local_nginx.free_port()
            site = served_site(work, port)
            with local_nginx.nginx(work / "nginx", site, port=port) as base_url:
                data["page_weight"] = page_weights(site, base_url)
                if not args.skip_lighthouse:
                    data["lighthouse"] = lighthouse_runs(base_url, BENCH_DIR / "lighthouse")
    except (BenchError, local_nginx.NginxError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    data["budgets"] = budgets(data)
    data["machine"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    data["total_seconds"] = round(time.perf_counter() - started, 1)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for line in table(data):
        print(line)
    print(f"\ntotal {data['total_seconds']:.0f} s; numbers in {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
