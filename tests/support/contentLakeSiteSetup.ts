import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { studioEnvironmentFor } from '@microneedling/local-lake/editingEnvironment'
import type { TestProject } from 'vitest/node'
import {
  contentLakeDistDir,
  contentLakeSiteEnvironment,
  startTestLakeForSite,
  studioUrlOf,
  testSecrets,
} from './contentLakeSite.ts'
import { freePort } from './freePort.ts'
import { studioDir, testDistDir, webDir } from './paths.ts'
import { buildSite } from './site.ts'
import { buildStudio } from './studio.ts'

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
  const [port, studioPort, editingSitePort] = (reusing && portsOfLastBuild()) || [
    await freePort(),
    await freePort(),
    await freePort(),
  ]
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
  // The Studio editors use on this lake, built as `pnpm dev` serves it, in parallel with the site.
  const studioBuild = buildStudio({
    outDir: studioOutDir,
    env: studioEnvironmentFor({
      lakeUrl: lake.url,
      token: testSecrets.readToken,
      siteUrl: `http://localhost:${editingSitePort}`,
      studioUrl: studioUrlOf(studioPort),
      revalidateSecret: testSecrets.revalidateSecret,
    }),
  }).then(
    () => null,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  )
  try {
    await buildSite({ distDir: contentLakeDistDir, env: contentLakeSiteEnvironment(lake, studioPort) })
    if (!reusing) writeFileSync(portFile, JSON.stringify([port, studioPort, editingSitePort]))
  } catch (error) {
    failures.push(`the Content Lake site: ${error instanceof Error ? error.message : String(error)}`)
  } finally {
    await lake.close()
  }
  const studioBuildFailure = await studioBuild
  const buildFailure = failures.length > 0 ? failures.join('\n\n') : null
  if (buildFailure) console.error(`[contentlake] ${buildFailure}`)
  if (studioBuildFailure) console.error(`[contentlake] the Studio for the local lake: ${studioBuildFailure}`)
  project.provide('contentLakeSite', {
    port,
    distDir: contentLakeDistDir,
    buildFailure,
    studioPort,
    editingSitePort,
    studioOutDir,
    studioBuildFailure,
  })
}

const portFile = join(webDir, contentLakeDistDir, 'local-lake-ports.json')
const studioOutDir = join(studioDir, 'dist-local-lake')

function portsOfLastBuild(): [number, number, number] | undefined {
  try {
    const ports = JSON.parse(readFileSync(portFile, 'utf8')) as unknown
    return Array.isArray(ports) && ports.length === 3 && ports.every(Number.isInteger)
      ? (ports as [number, number, number])
      : undefined
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
