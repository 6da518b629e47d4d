#!/usr/bin/env bash
# Click storage is tested on a real PostgreSQL 15 server as well as on PGlite: Debian's package
# gives initdb and pg_ctl; the tests start their own server in a temporary folder and stop it.
set -euo pipefail
bin_dir="${POSTGRES_BIN_DIR:-/usr/lib/postgresql/15/bin}"
if [ -x "$bin_dir/initdb" ] && [ -x "$bin_dir/pg_ctl" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing PostgreSQL from Debian's packages for the click storage tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  exit 0
fi
echo "PostgreSQL is missing at $bin_dir. Install it (Debian: sudo apt-get install postgresql)," >&2
echo "or set POSTGRES_BIN_DIR to a folder with initdb and pg_ctl." >&2
exit 1
