#!/usr/bin/env bash
# What the tests need from the system, installed from Debian's packages when missing (as root):
# - Chromium for the browser tests (test tools may not download browsers of their own here);
# - PostgreSQL 15's initdb and pg_ctl: click storage is tested on a real server as well as on
#   PGlite, and the tests start their own server in a temporary folder and stop it;
# - Redis (redis-server): the several-servers tests share caches and state through it, on a server
#   of their own on loopback.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
postgres_bin_dir="${POSTGRES_BIN_DIR:-/usr/lib/postgresql/15/bin}"
redis_server="${REDIS_SERVER:-redis-server}"

missing=()
[ -x "$chromium_path" ] || missing+=(chromium)
{ [ -x "$postgres_bin_dir/initdb" ] && [ -x "$postgres_bin_dir/pg_ctl" ]; } || missing+=(postgresql)
command -v "$redis_server" >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} from Debian's packages for the tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
for package in "${missing[@]}"; do
  case "$package" in
    chromium) echo "Chromium is missing at $chromium_path: install it (Debian: sudo apt-get install chromium), or set CHROMIUM_PATH to a Chromium or Chrome binary." >&2 ;;
    redis-server) echo "Redis is missing ($redis_server): install it (Debian: sudo apt-get install redis-server), or set REDIS_SERVER to a redis-server binary." >&2 ;;
    postgresql) echo "PostgreSQL is missing at $postgres_bin_dir: install it (Debian: sudo apt-get install postgresql), or set POSTGRES_BIN_DIR to a folder with initdb and pg_ctl." >&2 ;;
  esac
done
exit 1
