import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { inject } from 'vitest'
import { freePort } from './freePort.ts'
import { undoingRewrites } from './undoingRewrites.ts'
import { delay, runNext, siteEnvironment, tail } from './nextProcess.ts'
import { testDistDir, testsDir, webDir } from './paths.ts'

/**
 * Builds and serves the real Next.js site for browser tests: `next build` once per test run, then
 * `next start` per test file, each on its own free port, with the environment the file asks for.
 */

const buildIdPath = join(webDir, testDistDir, 'BUILD_ID')
const buildLogPath = join(testsDir, 'artifacts', 'site-build.log')
/** Files `next build` rewrites to match its dist directory; shared with developers, so restored after. */
const filesNextRewrites = [join(webDir, 'next-env.d.ts'), join(webDir, 'tsconfig.json')]

export interface BuildSiteOptions {
  /** Environment for the build; Next inlines NEXT_PUBLIC_* values into the bundles at this point. */
  env?: Record<string, string | undefined>
  /** Rebuild even when SITE_BUILT=1 says the build is fresh. */
  force?: boolean
}

let build: Promise<void> | undefined

/**
 * Runs `next build` into web/.next-test, at most once per process. Set SITE_BUILT=1 to reuse a
 * build you know is fresh (e.g. re-running one browser test while editing it).
 */
export function buildSite(options: BuildSiteOptions = {}): Promise<void> {
  if (process.env.SITE_BUILT === '1' && !options.force) {
    if (!existsSync(buildIdPath)) {
      return Promise.reject(new Error(`SITE_BUILT=1, but there is no build at ${buildIdPath}: run without SITE_BUILT once`))
    }
    return Promise.resolve()
  }
  build ??= runBuild(options.env ?? {})
  return build
}

async function runBuild(env: Record<string, string | undefined>): Promise<void> {
  const started = Date.now()
  const next = runNext(['build'], siteEnvironment(env))
  const code = await undoingRewrites(filesNextRewrites, testDistDir, () => next.exited)
  await mkdir(join(testsDir, 'artifacts'), { recursive: true })
  await writeFile(buildLogPath, next.output())
  if (code !== 0) {
    throw new Error(`next build failed (exit ${code}); full log in ${buildLogPath}\n${tail(next.output())}`)
  }
  console.info(`[site] built into web/${testDistDir} in ${Math.round((Date.now() - started) / 1000)} s`)
}

export interface StartSiteOptions {
  /** Content source and other settings for this server, e.g. a Content Lake stand-in. */
  env?: Record<string, string | undefined>
  port?: number
  /** How long to wait for the first answer before giving up. */
  readyTimeoutMs?: number
}

export interface RunningSite {
  url: string
  port: number
  /** What the server has logged so far: look here when a page misbehaves. */
  output(): string
  close(): Promise<void>
}

/** Starts `next start` on the built site and resolves once it answers HTTP. */
export async function startSite(options: StartSiteOptions = {}): Promise<RunningSite> {
  // Set by the browser project's global setup; serving an older build would test the wrong site.
  const buildFailure = inject('siteBuildFailure')
  if (buildFailure) throw new Error(`the site did not build, so there is nothing to test:\n${buildFailure}`)
  if (!existsSync(buildIdPath)) {
    throw new Error(`no site build at ${buildIdPath}: the browser project's global setup runs buildSite() first`)
  }
  const port = options.port ?? (await freePort())
  const url = `http://127.0.0.1:${port}`
  const next = runNext(['start', '--hostname', '127.0.0.1', '--port', String(port)], siteEnvironment(options.env))
  try {
    await waitUntilAnswering(url, next.exited, options.readyTimeoutMs ?? 60_000)
  } catch (error) {
    await next.stop()
    throw new Error(`${(error as Error).message}\n--- next start output ---\n${tail(next.output())}`)
  }
  return { url, port, output: next.output, close: next.stop }
}

async function waitUntilAnswering(url: string, exited: Promise<number | null>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let exitCode: number | null | undefined
  void exited.then((code) => {
    exitCode = code
  })
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`next start exited (code ${exitCode}) before answering on ${url}`)
    try {
      // Any HTTP answer, even an error page, means the server is up; the tests judge the pages.
      await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) })
      return
    } catch {
      await delay(200)
    }
  }
  throw new Error(`next start did not answer on ${url} within ${timeoutMs} ms`)
}
