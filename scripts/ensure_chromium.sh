#!/usr/bin/env bash
# Make sure Debian's Chromium is at /usr/bin/chromium for the browser tests.
# Installs it with apt-get when we can (root, Debian); otherwise fails loudly.
# The tests never download a browser of their own and never skip silently.
set -euo pipefail
CHROMIUM=${HANDBOOK_CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
echo "Chromium not found at $CHROMIUM; installing Debian's chromium package..." >&2
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ ! -x "$CHROMIUM" ]; then
  echo "error: the browser tests need Chromium at $CHROMIUM and it could not be installed." >&2
  echo "       Install it with 'sudo apt-get install chromium' (Debian/Ubuntu), or point" >&2
  echo "       HANDBOOK_CHROMIUM at a Chromium binary, then run 'make test' again." >&2
  exit 1
fi
