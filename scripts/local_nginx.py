"""Serve a built site locally the way it is deployed: nginx with deploy/nginx.conf (gzip on).

Used by the tests and by the benchmark. nginx runs in the foreground, on a
free loopback port, with its pid, logs and temporary files in ``workdir``:
nothing depends on a server left from earlier, and nothing outlives the
``with`` block.

    with nginx(workdir, site_dir) as url:   # "http://127.0.0.1:PORT"
        ...
"""

from __future__ import annotations

import contextlib
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SAMPLE = ROOT / "deploy" / "nginx.conf"


class NginxError(RuntimeError):
    """nginx is missing, or stopped before it served."""


def nginx_config(workdir: Path, site: Path, port: int) -> Path:
    """The sample server block, pointed at ``site`` and ``port``, inside a minimal main config."""
    server = SAMPLE.read_text(encoding="utf-8")
    server, listens = re.subn(r"^(\s*)listen\s+80;", rf"\1listen 127.0.0.1:{port};", server, flags=re.M)
    server, roots = re.subn(r"^(\s*)root\s+[^;]+;", rf"\1root {site};", server, flags=re.M)
    if listens != 1 or roots != 1:
        raise NginxError(f"{SAMPLE}: the sample must have one 'listen 80;' and one 'root ...;'")
    (workdir / "handbook.conf").write_text(server, encoding="utf-8")
    main = workdir / "nginx.conf"
    temp = workdir / "temp"
    temp.mkdir(exist_ok=True)
    main.write_text(
        f"""pid {workdir}/nginx.pid;
error_log {workdir}/error.log;
events {{}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {workdir}/handbook.conf;
}}
""",
        encoding="utf-8",
    )
    return main


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def nginx(workdir: Path, site: Path, port: int | None = None) -> Iterator[str]:
    """Serve ``site`` with the sample configuration; yield ``http://127.0.0.1:PORT``."""
    if not Path(NGINX).exists():
        raise NginxError(
            "nginx is not installed: run `scripts/ensure_system_deps.sh browser` (or `sudo apt-get install nginx`)"
        )
    workdir.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    config = nginx_config(workdir, site.resolve(), port)
    process = subprocess.Popen(
        [NGINX, "-c", str(config), "-p", str(workdir), "-g", "daemon off; master_process off;"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stdout.read().decode() if process.stdout and process.poll() is not None else ""
                raise NginxError(f"nginx did not start on port {port}: {output}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
