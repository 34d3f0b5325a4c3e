"""Debian's Chromium, as the tests and the benchmark launch it (never a downloaded browser).

The flags keep it from reaching for the network on its own: no background
networking, component updates or sync, which a closed network refuses.
"""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("HANDBOOK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
