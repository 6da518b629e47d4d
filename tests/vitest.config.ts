import { configDefaults, defineConfig } from 'vitest/config'

/**
 * Four sets of cross-package tests:
 * - `contract`: the content loaders through the real @sanity/client against the local Content Lake
 *   (packages/local-lake). Plain Node, a few seconds; run on every change (`pnpm test:contract`).
 * - `database`: click storage, reports and link checks on PGlite and on a throwaway PostgreSQL 15
 *   server (scripts/ensure-postgresql.sh installs it) (`pnpm test:database`).
 * - `studio`: the Studio's static build booting in headless Chromium. Its global setup runs
 *   `sanity build` once (skipped with STUDIO_BUILT=1 while studio/dist is fresh) (`pnpm test:studio`).
 * - `browser`: the built site in headless Chromium. Its global setup runs `next build` once
 *   (skipped with SITE_BUILT=1), so it runs after the contract tests (`pnpm test:browser`).
 * - `contentlake`: the site built and served against the local Content Lake (packages/local-lake),
 *   as on a real Sanity project: same pages as on the sample, webhook revalidation, outages. Its
 *   global setup builds into web/.next-contentlake (`pnpm test:contentlake`).
 */
const studioTests = 'e2e/studio.test.ts'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'contract',
          include: ['contract/**/*.test.ts'],
          environment: 'node',
          testTimeout: 15_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'database',
          include: ['database/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file starts its own PostgreSQL server: one at a time is plenty on a small machine.
          maxWorkers: 1,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'studio',
          include: [studioTests],
          environment: 'node',
          globalSetup: ['support/studioBuildSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          exclude: [...configDefaults.exclude, studioTests],
          environment: 'node',
          globalSetup: ['support/siteBuildSetup.ts'],
          // Each file starts its own `next start` and Chromium: a few at a time is enough.
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          name: 'contentlake',
          include: ['contentLake/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['support/contentLakeSiteSetup.ts'],
          // Every file starts its own local Content Lake on the one port the site was built against:
          // one at a time.
          maxWorkers: 1,
          testTimeout: 60_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
})
