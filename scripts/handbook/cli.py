"""Shared command-line plumbing for the check scripts.

Exit status: 0 clean, 1 problems found, 2 usage error (argparse's own).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from .catalog import Catalog
from .problems import Problem

ROOT = Path(__file__).resolve().parents[2]


def parser(description: str) -> argparse.ArgumentParser:
    cli = argparse.ArgumentParser(description=description)
    cli.add_argument("--docs-dir", type=Path, default=ROOT / "docs", help="content folder (default: docs/)")
    cli.add_argument("--json", action="store_true", help="print the findings as JSON")
    return cli


def load(args: argparse.Namespace) -> Catalog:
    docs_dir: Path = args.docs_dir
    if not docs_dir.is_dir():
        print(f"error: {docs_dir} is not a folder — pass --docs-dir with the handbook's docs/ folder", file=sys.stderr)
        raise SystemExit(2)
    return Catalog.load(docs_dir, docs_dir.resolve().parent)


def report(
    problems: list[Problem],
    *,
    as_json: bool,
    extra: dict[str, object] | None = None,
    summary: Callable[[], str] | None = None,
    fail_on_warnings: bool = False,
) -> int:
    problems = sorted(problems, key=lambda p: (p.path, p.line, p.message))
    failing = [p for p in problems if p.severity == "error" or fail_on_warnings]
    if as_json:
        payload: dict[str, object] = {"ok": not failing, "problems": [p.to_dict() for p in problems]}
        payload.update(extra or {})
        print(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
    else:
        for problem in problems:
            print(problem)
        if summary is not None:
            print(summary())
        errors = sum(p.severity == "error" for p in problems)
        warnings = len(problems) - errors
        print(f"{errors} error(s), {warnings} warning(s)" if problems else "all clear")
    return 1 if failing else 0
