#!/usr/bin/env bash
# Every test, in the order that fails fastest: generated types, types, unit tests, the Studio's
# schema and build, the sample dataset, then the site in a real browser. Run through `pnpm test`,
# so `node` is the repository's own Node 24.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "Node $(node --version)"
step "Formatting and lint (Biome), unused code (knip)"
pnpm lint
step "Sanity TypeGen output is committed and fresh"
bash scripts/check-typegen-fresh.sh
step "Type check"
pnpm -r --workspace-concurrency=1 typecheck
tsc --noEmit -p scripts
step "Unit tests: content, local Content Lake, partner feeds, Studio, site, benchmark"
pnpm --filter @microneedling/content --filter @microneedling/local-lake --filter @microneedling/feeds --filter @microneedling/studio --filter @microneedling/web --filter @microneedling/bench --workspace-concurrency=1 test
step "Studio schema validation (no errors, no warnings)"
bash scripts/studio-schema-validate.sh
step "Studio build"
pnpm --filter @microneedling/studio build
step "Sample dataset check"
pnpm content:check
step "Contract, database, Studio and browser tests"
bash scripts/ensure-test-tools.sh
# The Studio was built above; the Studio test reuses that build unless a source changed since.
STUDIO_BUILT=1 pnpm --filter @microneedling/tests test
