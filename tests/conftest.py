"""Session fixtures: one real build of the handbook, a local server, Chromium.

Nothing depends on a server or process left from earlier: the site is built
into a temporary folder and served on a free port for this session only.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    log: str


def run_build(site_dir: Path, config_file: Path | None = None, site_url: str | None = None) -> tuple[int, str]:
    """`scripts/build_site.py` in its own process, as `make build` runs it: its exit status and output.

    Its own process, because the build forks one process per language, and
    forking this one (with the browser's threads running) would not be safe.
    """
    command = [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--site-dir", str(site_dir)]
    if config_file is not None:
        command += ["--config-file", str(config_file)]
    env = {key: value for key, value in os.environ.items() if key != "HANDBOOK_SITE_URL"}
    if site_url:
        env["HANDBOOK_SITE_URL"] = site_url
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    return result.returncode, result.stdout + result.stderr


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """A folder that one pytest-xdist worker builds and the others of the same run share.

    pytest-xdist's documented pattern for a costly session fixture: the folder sits in
    the run's temporary root, shared by its workers, and a lock lets the first worker
    build it while the others wait (the site's builds, the PDFs, the offline copy).
    """
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    target = shared / name
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (target / ".built").exists():
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir()
            build(target)
            (target / ".built").write_text("", encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real handbook, built the way `make build` does, once per run (built_once)."""

    def build(folder: Path) -> None:
        code, log = run_build(folder / "site")
        assert code == 0, f"the site did not build:\n{log}"
        (folder / "build.log").write_text(log, encoding="utf-8")

    folder = built_once(tmp_path_factory, "built-site", build)
    return BuiltSite(folder / "site", (folder / "build.log").read_text(encoding="utf-8"))


# The address the "published" build is made for: a sub-path of another host.
PUBLISHED_URL = "https://intranet.example/handbook/"


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The handbook built with a site address under a sub-path, as it is deployed (once per run).

    Its root is the server's root: the site itself is in ``root / "handbook"``.
    """

    def build(folder: Path) -> None:
        code, log = run_build(folder / "root" / "handbook", site_url=PUBLISHED_URL)
        assert code == 0, f"the site did not build:\n{log}"
        (folder / "build.log").write_text(log, encoding="utf-8")

    folder = built_once(tmp_path_factory, "published-site", build)
    return BuiltSite(folder / "root", (folder / "build.log").read_text(encoding="utf-8"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free loopback port; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    with serve(built_site.root) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright. Missing Chromium fails, never skips."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}: run `scripts/ensure_system_deps.sh browser` "
            "(or `sudo apt-get install chromium`), or set HANDBOOK_CHROMIUM",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context()  # type: ignore[attr-defined]
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()
