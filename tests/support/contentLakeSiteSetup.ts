import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { contentLakeDistDir, contentLakeSiteEnvironment, startTestLakeForSite } from './contentLakeSite.ts'
import { freePort } from './freePort.ts'
import { testDistDir, webDir } from './paths.ts'
import { buildSite } from './site.ts'

/**
 * Global setup of the contentlake project: the site built against the local Content Lake
 * (packages/local-lake, on a port chosen here and handed to the tests), plus the sample-dataset build in web/.next-test that
 * the tests compare it with. The browser project's setup builds the latter earlier in the same run;
 * it is built here only when it is missing or older than this run (e.g. `--project contentlake`).
 * Failures are handed to the tests, as in the other setups, so they cannot stop other projects.
 */
export default async function buildContentLakeSite(project: TestProject): Promise<void> {
  // With SITE_BUILT=1 the last build is served again, so the lake must answer where it did then.
  const reusing = process.env.SITE_BUILT === '1'
  const port = (reusing && portOfLastBuild()) || (await freePort())
  const failures: string[] = []
  if (process.env.SITE_BUILT !== '1' && !builtDuringThisRun(testDistDir)) {
    try {
      await buildSite()
    } catch (error) {
      failures.push(`the sample site: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const lake = await startTestLakeForSite(port)
  // `next build` keeps the data cache of earlier builds, whose answers came from other ports.
  if (!reusing) rmSync(join(webDir, contentLakeDistDir, 'cache', 'fetch-cache'), { recursive: true, force: true })
  try {
    await buildSite({ distDir: contentLakeDistDir, env: contentLakeSiteEnvironment(lake) })
    if (!reusing) writeFileSync(portFile, String(port))
  } catch (error) {
    failures.push(`the Content Lake site: ${error instanceof Error ? error.message : String(error)}`)
  } finally {
    await lake.close()
  }
  const buildFailure = failures.length > 0 ? failures.join('\n\n') : null
  if (buildFailure) console.error(`[contentlake] ${buildFailure}`)
  project.provide('contentLakeSite', { port, distDir: contentLakeDistDir, buildFailure })
}

const portFile = join(webDir, contentLakeDistDir, 'local-lake-port')

function portOfLastBuild(): number | undefined {
  try {
    return Number(readFileSync(portFile, 'utf8')) || undefined
  } catch {
    return undefined
  }
}

function builtDuringThisRun(distDir: string): boolean {
  const runStartedAt = Date.now() - process.uptime() * 1000
  try {
    return statSync(join(webDir, distDir, 'BUILD_ID')).mtimeMs >= runStartedAt
  } catch {
    return false
  }
}
