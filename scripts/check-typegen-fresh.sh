#!/usr/bin/env bash
# The Studio's extracted schema and the TypeGen types generated from it and from the GROQ queries
# are committed, so the site and src/typeAgreement.ts type-check without running the Sanity CLI.
# This regenerates both into the working tree and fails when they differ from what is committed:
# a schema or query changed without `pnpm typegen`.
set -euo pipefail
cd "$(dirname "$0")/.."

generated=(studio/schema.json packages/content/src/sanity.types.ts)

if ! output=$(pnpm --silent typegen 2>&1); then
  echo "$output" >&2
  echo "check-typegen-fresh: \`pnpm typegen\` failed (output above)." >&2
  exit 1
fi

for file in "${generated[@]}"; do
  if ! git ls-files --error-unmatch -- "$file" >/dev/null 2>&1; then
    echo "check-typegen-fresh: $file is not committed. Run \`pnpm typegen\` and commit it." >&2
    exit 1
  fi
done

if ! git --no-pager diff --exit-code --stat --patch -- "${generated[@]}"; then
  {
    echo
    echo "check-typegen-fresh: the committed Sanity TypeGen output is stale (diff above)."
    echo "The Studio schema or a query in packages/content/src/queries.ts changed without regenerating."
    echo "Run \`pnpm typegen\` and commit ${generated[*]}."
  } >&2
  exit 1
fi
echo "Sanity TypeGen output is up to date: ${generated[*]}"
