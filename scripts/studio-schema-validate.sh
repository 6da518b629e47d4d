#!/usr/bin/env bash
# `sanity schema validate` exits 0 on warnings; the project allows none, so read its summary.
set -euo pipefail
cd "$(dirname "$0")/../studio"
output=$(pnpm exec sanity schema validate 2>&1) || { echo "$output"; exit 1; }
echo "$output"
echo "$output" | grep -qE '0 errors' && echo "$output" | grep -qE '0 warnings' || {
  echo "Schema validation reported errors or warnings." >&2
  exit 1
}
