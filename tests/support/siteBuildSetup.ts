import type { TestProject } from 'vitest/node'
import { buildSite } from './site.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Why `next build` failed in this run, or null when the build is usable. */
    siteBuildFailure: string | null
  }
}

/**
 * Global setup of the browser project: one `next build` per test run, before any browser test
 * file starts its server. Skipped when SITE_BUILT=1 says web/.next-test is fresh.
 *
 * Vitest runs every project's global setup before any test, so a failure here is handed to the
 * browser tests (startSite throws it) instead of thrown: a broken site build must not stop the
 * contract tests from running and reporting.
 */
export default async function buildSiteOnce(project: TestProject): Promise<void> {
  try {
    await buildSite()
    project.provide('siteBuildFailure', null)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    console.error(`[site] ${message}`)
    project.provide('siteBuildFailure', message)
  }
}
