#!/usr/bin/env bash
# Make sure the Debian packages a make target needs are there, installing what is
# missing with apt-get when we can (root or sudo, Debian); otherwise fail loudly.
# Nothing is downloaded from elsewhere and nothing is skipped silently.
#   scripts/ensure_system_deps.sh check    Hunspell and its en_GB, es, hu_HU, pt_BR dictionaries
#   scripts/ensure_system_deps.sh browser  Chromium at /usr/bin/chromium, and nginx
#   scripts/ensure_system_deps.sh pdf      Pango (WeasyPrint lays out the PDFs with it) and the DejaVu fonts
set -euo pipefail
CHROMIUM=${HANDBOOK_CHROMIUM:-/usr/bin/chromium}
DICTS=/usr/share/hunspell
missing=()
for group in "$@"; do
  case "$group" in
    check)
      command -v hunspell >/dev/null 2>&1 || missing+=(hunspell)
      [ -f "$DICTS/en_GB.dic" ] || missing+=(hunspell-en-gb)
      [ -f "$DICTS/es_MX.dic" ] || missing+=(hunspell-es)
      [ -f "$DICTS/hu_HU.dic" ] || missing+=(hunspell-hu)
      [ -f "$DICTS/pt_BR.dic" ] || missing+=(hunspell-pt-br)
      ;;
    browser)
      [ -x "$CHROMIUM" ] || missing+=(chromium)
      command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
      ;;
    pdf)
      ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so.0' || [ -e /usr/lib/x86_64-linux-gnu/libpango-1.0.so.0 ] || missing+=(libpango-1.0-0)
      ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' || [ -e /usr/lib/x86_64-linux-gnu/libpangoft2-1.0.so.0 ] || missing+=(libpangoft2-1.0-0)
      [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
      [ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf ] || missing+=(fonts-dejavu-extra)
      ;;
    *) echo "usage: $0 check|browser|pdf ..." >&2; exit 2 ;;
  esac
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "missing Debian packages: ${missing[*]}; installing them..." >&2
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
status=0
for group in "$@"; do
  if [ "$group" = check ]; then
    for dict in en_GB es_MX hu_HU pt_BR; do
      if ! command -v hunspell >/dev/null 2>&1 || [ ! -f "$DICTS/$dict.dic" ]; then
        echo "error: the spelling check needs Hunspell and the $dict dictionary, which could not be installed." >&2
        echo "       Install them with 'sudo apt-get install hunspell hunspell-en-gb hunspell-es hunspell-hu hunspell-pt-br'," >&2
        echo "       then run 'make check' again." >&2
        status=1
        break
      fi
    done
  fi
  if [ "$group" = browser ]; then
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
  fi
  if [ "$group" = pdf ]; then
    if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf ] \
      || ! { ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' || [ -e /usr/lib/x86_64-linux-gnu/libpangoft2-1.0.so.0 ]; }; then
      echo "error: the PDFs need Pango and the DejaVu fonts (every Hungarian and Portuguese letter), which could not be installed." >&2
      echo "       Install them with 'sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-dejavu-extra'," >&2
      echo "       then run the make target again." >&2
      status=1
    fi
  fi
done
exit $status
