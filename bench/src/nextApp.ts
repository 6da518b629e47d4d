import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { z } from 'zod'
import { nextProcessEnvironment, serveHost } from '../../tests/support/nextProcess.ts'
import { resultsDir } from './paths.ts'
import { delay, type RunningProcess, sampleTreeMemory, startProcess, tail } from './processTree.ts'

/**
 * Builds and serves a Next.js app (the site in web/, or the bare app) the way a deployment does:
 * `next build` into a dist directory of its own, then `next start`, both with the Node running
 * this benchmark (the repo's Node 24).
 */

export interface NextApp {
  /** The app's folder, where `next` runs. */
  dir: string
  /** Dist directory under `dir`, passed as NEXT_DIST_DIR (both next.config.ts files honour it). */
  distDir: string
  /** Name used in messages and log file names. */
  label: string
  env: Record<string, string>
}

/** The shell's environment without what chooses the content source: the benchmark decides that. */
function appEnvironment(app: NextApp): NodeJS.ProcessEnv {
  return nextProcessEnvironment({ ...app.env, NEXT_DIST_DIR: app.distDir })
}

function nextCli(app: NextApp): string {
  return createRequire(join(app.dir, 'package.json')).resolve('next/dist/bin/next')
}

export const isBuilt = (app: NextApp) => existsSync(join(app.dir, app.distDir, 'BUILD_ID'))

async function writeLog(name: string, text: string): Promise<string> {
  const file = join(resultsDir, 'logs', name)
  await mkdir(join(resultsDir, 'logs'), { recursive: true })
  await writeFile(file, text)
  return file
}

export interface BuildFigures {
  seconds: number
  peakRssBytes: number
}

export class StepError extends Error {
  override name = 'StepError'
}

/**
 * A clean `next build`, stopped after `timeoutMs`. Next.js rewrites next-env.d.ts (and may add include
 * entries to tsconfig.json) to point at the dist directory: those edits are undone afterwards, so a
 * benchmark build never leaves the working tree pointing at its own build.
 */
export async function buildApp(app: NextApp, timeoutMs: number): Promise<BuildFigures> {
  // A clean build, as a deployment makes: an earlier build's cache in the dist directory would make it look faster.
  if (!/^\.next-bench(-[a-z0-9]+)?$/.test(app.distDir))
    throw new Error(`not a benchmark dist directory: ${app.distDir}`)
  await rm(join(app.dir, app.distDir), { recursive: true, force: true })
  const rewritten = [join(app.dir, 'next-env.d.ts'), join(app.dir, 'tsconfig.json')]
  const before = new Map(rewritten.map((file) => [file, existsSync(file) ? readFileSync(file, 'utf8') : null]))
  const started = performance.now()
  const build = startProcess(process.execPath, [nextCli(app), 'build'], { cwd: app.dir, env: appEnvironment(app) })
  const memory = sampleTreeMemory(build.pid)
  const timedOut = delay(timeoutMs).then(() => 'timeout' as const)
  let outcome: number | null | 'timeout'
  try {
    outcome = await Promise.race([build.exited, timedOut])
    if (outcome === 'timeout') await build.stop()
  } finally {
    memory.stop()
    for (const [file, previous] of before) {
      if (previous === null || previous.includes(app.distDir) || !existsSync(file)) continue
      // Only Next's own edit (it names the dist directory): an edit someone made meanwhile stays.
      const current = readFileSync(file, 'utf8')
      if (current !== previous && current.includes(app.distDir)) writeFileSync(file, previous)
    }
  }
  const seconds = (performance.now() - started) / 1000
  const log = await writeLog(`build-${app.label}.log`, build.output())
  if (outcome === 'timeout') {
    throw new StepError(
      `next build of ${app.label} did not finish within ${Math.round(timeoutMs / 60_000)} min and was stopped ` +
        `(raise the limit with --build-timeout <minutes>); log: ${log}\n${tail(build.output(), 15)}`,
    )
  }
  if (outcome !== 0) {
    throw new StepError(`next build of ${app.label} failed (exit ${outcome}); log: ${log}\n${tail(build.output())}`)
  }
  return { seconds, peakRssBytes: memory.peak() }
}

export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (!address || typeof address === 'string') throw new Error('could not find a free port')
  return address.port
}

export interface ServedApp {
  url: string
  process: RunningProcess
  stop(): Promise<void>
}

/** `next start` on a free port; resolves once the server answers HTTP. */
export async function serveApp(app: NextApp, readyTimeoutMs = 60_000): Promise<ServedApp> {
  if (!isBuilt(app)) throw new StepError(`no build of ${app.label} in ${join(app.dir, app.distDir)}: build it first`)
  const port = await freePort()
  const url = `http://${serveHost}:${port}`
  const server = startProcess(
    process.execPath,
    [nextCli(app), 'start', '--hostname', serveHost, '--port', String(port)],
    { cwd: app.dir, env: appEnvironment(app) },
  )
  const stop = async () => {
    await server.stop()
    await writeLog(`server-${app.label}.log`, server.output())
  }
  const deadline = Date.now() + readyTimeoutMs
  let exitCode: number | null | undefined
  void server.exited.then((code) => {
    exitCode = code
  })
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new StepError(`next start of ${app.label} exited (code ${exitCode}):\n${tail(server.output())}`)
    }
    try {
      await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) })
      return { url, process: server, stop }
    } catch {
      await delay(200)
    }
  }
  await stop()
  throw new StepError(
    `next start of ${app.label} did not answer within ${readyTimeoutMs} ms:\n${tail(server.output())}`,
  )
}

const prerenderManifestSchema = z.object({ routes: z.record(z.string(), z.unknown()) })

/** The paths `next build` prerendered, from the build's prerender manifest. */
export async function prerenderedPaths(app: NextApp): Promise<Set<string>> {
  const text = await readFile(join(app.dir, app.distDir, 'prerender-manifest.json'), 'utf8')
  return new Set(Object.keys(prerenderManifestSchema.parse(JSON.parse(text)).routes))
}
