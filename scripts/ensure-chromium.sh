#!/usr/bin/env bash
# Browser tests run in Debian's Chromium: test tools may not download browsers of their own here.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Chromium from Debian's packages for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is missing at $chromium_path. Install it (Debian: sudo apt-get install chromium)," >&2
echo "or set CHROMIUM_PATH to a Chromium or Chrome binary." >&2
exit 1
