import type { TestProject } from 'vitest/node'
import { buildStudio } from './studio.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Why `sanity build` failed in this run, or null when studio/dist is usable. */
    studioBuildFailure: string | null
  }
}

/**
 * Global setup of the studio project: one `sanity build` per test run (skipped when STUDIO_BUILT=1
 * and studio/dist is newer than the Studio's sources). Like the site's build, a failure is handed
 * to the test instead of thrown, so it cannot stop the other projects from running and reporting.
 */
export default async function buildStudioOnce(project: TestProject): Promise<void> {
  try {
    await buildStudio()
    project.provide('studioBuildFailure', null)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    console.error(`[studio] ${message}`)
    project.provide('studioBuildFailure', message)
  }
}
