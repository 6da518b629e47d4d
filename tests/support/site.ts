import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import { freePort } from './freePort.ts'
import { delay, nextProcessEnvironment, runNext, serveHost, tail } from './nextProcess.ts'
import { testDistDir, testsDir, webDir } from './paths.ts'
import { undoingRewrites } from './undoingRewrites.ts'

/**
 * Builds and serves the real Next.js site for browser tests: `next build` once per test run, then
 * `next start` per test file, each on its own free port, with the environment the file asks for.
 *
 * Most files share the one build in web/.next-test. A file that needs the site built from other
 * content (static pages read the dataset at build time) builds into its own dist directory
 * (`distDir`), and serves that.
 */

const buildIdPath = (distDir: string) => join(webDir, distDir, 'BUILD_ID')
/** The shared build logs to site-build.log; every other build to a log named after its dist directory. */
const buildLogPath = (distDir: string) =>
  join(
    testsDir,
    'artifacts',
    distDir === testDistDir ? 'site-build.log' : `site-build${distDir.replace(/^\.next/, '')}.log`,
  )
/** Files `next build` rewrites to match its dist directory; shared with developers, so restored after. */
const filesNextRewrites = [join(webDir, 'next-env.d.ts'), join(webDir, 'tsconfig.json')]

export interface BuildSiteOptions {
  /** Environment for the build; Next inlines NEXT_PUBLIC_* values into the bundles at this point. */
  env?: Record<string, string | undefined>
  /** Rebuild even when SITE_BUILT=1 says the build is fresh. */
  force?: boolean
  /**
   * The dist directory under web/ (default `.next-test`, the build every file shares). Must start
   * with `.next-` so it is git-ignored and never a developer's `.next`.
   */
  distDir?: string
}

export interface SiteBuild {
  distDir: string
  /** What `next build` printed: static pages are rendered here, so content rejected at build time is logged here. */
  output: string
}

const builds = new Map<string, Promise<SiteBuild>>()

/**
 * Runs `next build` into web/.next-test (or `distDir`), at most once per process and directory.
 * Set SITE_BUILT=1 to reuse builds you know are fresh (e.g. re-running one browser test while
 * editing it); the output is then the log the last build left.
 */
export function buildSite(options: BuildSiteOptions = {}): Promise<SiteBuild> {
  const distDir = checkedDistDir(options.distDir)
  if (process.env.SITE_BUILT === '1' && !options.force) {
    if (!existsSync(buildIdPath(distDir))) {
      return Promise.reject(
        new Error(`SITE_BUILT=1, but there is no build at ${buildIdPath(distDir)}: run without SITE_BUILT once`),
      )
    }
    return readFile(buildLogPath(distDir), 'utf8').then(
      (output) => ({ distDir, output }),
      () => ({ distDir, output: '' }),
    )
  }
  let build = builds.get(distDir)
  if (!build) {
    build = runBuild(distDir, options.env ?? {})
    builds.set(distDir, build)
  }
  return build
}

function checkedDistDir(distDir: string = testDistDir): string {
  if (!/^\.next-[a-z0-9-]+$/.test(distDir))
    throw new Error(`distDir must look like ".next-something", not "${distDir}"`)
  return distDir
}

async function runBuild(distDir: string, env: Record<string, string | undefined>): Promise<SiteBuild> {
  const started = Date.now()
  const next = runNext(['build'], nextProcessEnvironment({ ...env, NEXT_DIST_DIR: distDir }))
  const code = await undoingRewrites(filesNextRewrites, distDir, () => next.exited)
  await mkdir(join(testsDir, 'artifacts'), { recursive: true })
  await writeFile(buildLogPath(distDir), next.output())
  if (code !== 0) {
    throw new Error(`next build failed (exit ${code}); full log in ${buildLogPath(distDir)}\n${tail(next.output())}`)
  }
  console.info(`[site] built into web/${distDir} in ${Math.round((Date.now() - started) / 1000)} s`)
  return { distDir, output: next.output() }
}

export interface StartSiteOptions {
  /** Content source and other settings for this server, e.g. the local Content Lake. */
  env?: Record<string, string | undefined>
  port?: number
  /** How long to wait for the first answer before giving up. */
  readyTimeoutMs?: number
  /** Serve this build (from buildSite({ distDir })) instead of the shared one in web/.next-test. */
  distDir?: string
  /**
   * Serve a copy of the build made for this server, named `<distDir>-<ownCopy>` and removed on
   * close. Needed when the server reads other content than the build: the pages it regenerates are
   * written into the build's cache, where other servers of the same build would read them.
   */
  ownCopy?: string
}

export interface RunningSite {
  url: string
  port: number
  /** The build it serves, under web/ (its own copy with `ownCopy`). */
  distDir: string
  /** What the server has logged so far: look here when a page misbehaves. */
  output(): string
  close(): Promise<void>
}

/** Starts `next start` on the built site and resolves once it answers HTTP. */
export async function startSite(options: StartSiteOptions = {}): Promise<RunningSite> {
  const builtDir = checkedDistDir(options.distDir)
  if (builtDir === testDistDir) {
    // Set by the browser project's global setup; serving an older build would test the wrong site.
    const buildFailure = inject('siteBuildFailure')
    if (buildFailure) throw new Error(`the site did not build, so there is nothing to test:\n${buildFailure}`)
  }
  if (!existsSync(buildIdPath(builtDir))) {
    throw new Error(
      builtDir === testDistDir
        ? `no site build at ${buildIdPath(builtDir)}: the browser project's global setup runs buildSite() first`
        : `no site build at ${buildIdPath(builtDir)}: call buildSite({ distDir: '${builtDir}' }) first`,
    )
  }
  const distDir = options.ownCopy ? await copyBuild(builtDir, `${builtDir}-${options.ownCopy}`) : builtDir
  const port = options.port ?? (await freePort())
  const url = `http://${serveHost}:${port}`
  // Every server its own click database unless the file chose one: PGlite allows one process per folder.
  const ownClicks =
    options.env?.CLICKS_DATA_DIR || options.env?.DATABASE_URL ? null : await mkdtemp(join(tmpdir(), 'site-clicks-'))
  const next = runNext(
    ['start', '--hostname', serveHost, '--port', String(port)],
    nextProcessEnvironment({
      ...(ownClicks ? { CLICKS_DATA_DIR: ownClicks } : {}),
      ...options.env,
      NEXT_DIST_DIR: distDir,
    }),
  )
  const close = async () => {
    await next.stop()
    if (ownClicks) await rm(ownClicks, { recursive: true, force: true })
    if (distDir !== builtDir) await rm(join(webDir, distDir), { recursive: true, force: true })
  }
  try {
    await waitUntilAnswering(url, next.exited, options.readyTimeoutMs ?? 60_000)
  } catch (error) {
    await close()
    throw new Error(`${(error as Error).message}\n--- next start output ---\n${tail(next.output())}`)
  }
  return { url, port, distDir, output: next.output, close }
}

/** A fresh copy of a build under web/, without Turbopack's build cache (most of the size), which `next start` never reads. */
async function copyBuild(from: string, to: string): Promise<string> {
  const target = join(webDir, to)
  await rm(target, { recursive: true, force: true })
  await cp(join(webDir, from), target, {
    recursive: true,
    filter: (source) => !source.startsWith(join(webDir, from, 'cache', 'turbopack')),
  })
  return to
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
