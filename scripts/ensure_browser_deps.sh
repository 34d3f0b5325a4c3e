#!/usr/bin/env bash
# Make sure the Debian packages the browser tests need are there: Chromium at
# /usr/bin/chromium, and nginx (the tests serve the site with deploy/nginx.conf).
# Installs what is missing with apt-get when we can (root or sudo, Debian);
# otherwise fails loudly. The tests never download a browser of their own and
# never skip silently.
set -euo pipefail
CHROMIUM=${HANDBOOK_CHROMIUM:-/usr/bin/chromium}
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "missing for the browser tests: ${missing[*]}; installing Debian's packages..." >&2
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
status=0
if [ ! -x "$CHROMIUM" ]; then
  echo "error: the browser tests need Chromium at $CHROMIUM and it could not be installed." >&2
  echo "       Install it with 'sudo apt-get install chromium' (Debian/Ubuntu), or point" >&2
  echo "       HANDBOOK_CHROMIUM at a Chromium binary, then run 'make test' again." >&2
  status=1
fi
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "error: the tests serve the site with nginx, which could not be installed." >&2
  echo "       Install it with 'sudo apt-get install nginx', then run 'make test' again." >&2
  status=1
fi
exit $status
