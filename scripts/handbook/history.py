"""When a page last changed: its last commit, or its file time outside git."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def last_changed(path: Path) -> dt.date:
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
        # a file with uncommitted changes changed today, whatever git's last commit says
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
        if result.returncode == 0 and result.stdout.strip() and not dirty.stdout.strip():
            return dt.date.fromisoformat(result.stdout.strip())
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    return dt.date.fromtimestamp(path.stat().st_mtime)
