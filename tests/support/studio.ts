import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { dirname, extname, join, relative, resolve, sep } from 'node:path'
import type { Page } from 'playwright-core'
import { contentSrcDir, studioDir } from './paths.ts'

/**
 * The Sanity Studio's static build (`sanity build` -> studio/dist), served the way any static host
 * serves it, for the Studio boot test.
 */

export const studioDistDir = join(studioDir, 'dist')
const studioIndexPath = join(studioDistDir, 'index.html')

/** What the Studio bundle is built from: its own sources and the shared content package it imports. */
const studioSources = [
  join(studioDir, 'package.json'),
  join(studioDir, 'sanity.config.ts'),
  join(studioDir, 'sanity.cli.ts'),
  join(studioDir, 'environment.ts'),
  join(studioDir, 'localLakeWorkspace.ts'),
  join(studioDir, 'structure.ts'),
  join(studioDir, 'singletons.ts'),
  join(studioDir, 'schemaTypes'),
  join(studioDir, 'presentation'),
  contentSrcDir,
]

async function newestModification(paths: string[]): Promise<number> {
  let newest = 0
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined)
    if (!info) continue
    if (info.isDirectory()) {
      const entries = await readdir(path)
      newest = Math.max(newest, await newestModification(entries.map((entry) => join(path, entry))))
    } else {
      newest = Math.max(newest, info.mtimeMs)
    }
  }
  return newest
}

/** Why studio/dist cannot be reused as it is, or null when it is newer than every source. */
export async function studioBuildStaleness(): Promise<string | null> {
  const built = await stat(studioIndexPath).catch(() => undefined)
  if (!built) return `there is no build at ${studioIndexPath}`
  const newestSource = await newestModification(studioSources)
  if (newestSource > built.mtimeMs) return 'a Studio source file changed after the last build'
  return null
}

/**
 * Builds the Studio into studio/dist, as `pnpm --filter @microneedling/studio build` does. Set
 * STUDIO_BUILT=1 to reuse a build you know is fresh (scripts/test.sh builds the Studio just before
 * the tests); a build older than its sources is rebuilt even then.
 */
export async function buildStudio(options: { outDir?: string; env?: Record<string, string> } = {}): Promise<void> {
  const outDir = options.outDir ?? studioDistDir
  const indexPath = join(outDir, 'index.html')
  if (!options.outDir && process.env.STUDIO_BUILT === '1') {
    const staleness = await studioBuildStaleness()
    if (!staleness) return
    console.info(`[studio] STUDIO_BUILT=1, but ${staleness}: building again`)
  }
  const started = Date.now()
  // The `sanity` binary of the Studio's own `sanity` (bin/ is not in its package exports).
  const sanityPackage = createRequire(join(studioDir, 'package.json')).resolve('sanity/package.json')
  const sanityCli = join(dirname(sanityPackage), 'bin', 'sanity')
  const environment = {
    ...Object.fromEntries(
      // Vitest's NODE_ENV=test would give a bundle other than the one editors get.
      Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')),
    ),
    ...options.env,
  }
  // The Node that runs the tests (the repo's Node 24), not whatever `node` is first on PATH.
  const build = spawn(process.execPath, [sanityCli, 'build', outDir, '--yes'], { cwd: studioDir, env: environment })
  let output = ''
  build.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  build.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  const code = await new Promise<number | null>((resolvePromise, reject) => {
    build.once('error', reject)
    build.once('exit', (exitCode) => resolvePromise(exitCode))
  })
  if (code !== 0 || !existsSync(indexPath)) {
    throw new Error(`sanity build failed (exit ${code}):\n${output.trimEnd().split('\n').slice(-40).join('\n')}`)
  }
  console.info(`[studio] built into ${relative(studioDir, outDir)} in ${Math.round((Date.now() - started) / 1000)} s`)
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

export interface StaticServer {
  url: string
  close(): Promise<void>
}

/**
 * Serves a directory on 127.0.0.1, on a free port unless one is given. Paths without a file get index.html (the Studio
 * routes in the browser, e.g. /structure/device), except under /static/: a missing bundle chunk
 * must fail as a 404, not load an HTML page as JavaScript.
 */
export async function serveStatic(root: string, port = 0): Promise<StaticServer> {
  const rootDir = resolve(root)
  const server = createServer(async (request, response) => {
    try {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
      const requested = resolve(rootDir, `.${pathname}`)
      if (requested !== rootDir && !requested.startsWith(rootDir + sep)) {
        response.writeHead(403).end()
        return
      }
      let file = requested
      const isFile = await stat(file).then(
        (info) => info.isFile(),
        () => false,
      )
      if (!isFile) {
        if (relative(rootDir, requested).startsWith(`static${sep}`)) {
          response.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
          return
        }
        file = join(rootDir, 'index.html')
      }
      const body = await readFile(file)
      response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' })
      response.end(request.method === 'HEAD' ? undefined : body)
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error))
    }
  })
  // Port 0: the OS picks a free port, so parallel test files never collide.
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolvePromise())
  })
  const address = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections()
        server.close(() => resolvePromise())
      }),
  }
}

/**
 * Sanity's own hosts: its APIs (`<projectId>.api.sanity.io`), the design system's fonts
 * (design-system-static.sanity.io) and the script `sanity build` adds to index.html
 * (core.sanity-cdn.com/bridge.js). None can be reached here.
 */
export function isSanityHost(hostname: string): boolean {
  return ['sanity.io', 'sanity-cdn.com'].some((domain) => hostname === domain || hostname.endsWith(`.${domain}`))
}

export interface StudioErrors {
  /** Every error the page produced, except failed requests to Sanity's hosts. */
  errors(): Promise<string[]>
  /** The URLs of failed requests to Sanity's hosts: expected here, and proof the Studio tried. */
  failedSanityRequests: string[]
}

/**
 * Collects the Studio's JavaScript errors. Console errors and `pageerror` are not enough: the
 * Studio's index.html installs a `window.onerror` that returns true (so an uncaught exception
 * never reaches `pageerror`) and hands each error to `window.__sanityErrorChannel`, whose
 * subscriber shows Sanity's "Uncaught error" screen. So the channel is subscribed to as well,
 * before the Studio's own scripts run. Call before the page loads the Studio.
 */
export async function collectStudioErrors(page: Page): Promise<StudioErrors> {
  const errors: string[] = []
  const failedSanityRequests: string[] = []
  page.on('requestfailed', (request) => {
    if (isSanityHost(new URL(request.url()).hostname)) failedSanityRequests.push(request.url())
  })
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const source = message.location().url
    // Chromium logs every failed request as a console error; those to Sanity are expected here.
    const failedSanityRequest =
      message.text().startsWith('Failed to load resource:') && source !== '' && isSanityHost(new URL(source).hostname)
    if (!failedSanityRequest) errors.push(`console: ${message.text()}${source ? ` (${source})` : ''}`)
  })
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.stack ?? error.message}`))
  await page.addInitScript(() => {
    const recorded: string[] = []
    let channel: { subscribe(listener: (event: { error: unknown }) => void): () => void } | undefined
    Object.defineProperty(window, '__studioTestErrors', { value: recorded })
    Object.defineProperty(window, '__sanityErrorChannel', {
      configurable: true,
      get: () => channel,
      set(value: typeof channel) {
        channel = value
        channel?.subscribe(({ error }) => {
          recorded.push(error instanceof Error ? (error.stack ?? error.message) : String(error))
        })
      },
    })
  })
  return {
    failedSanityRequests,
    async errors() {
      const fromChannel = await page
        .evaluate(() => (window as unknown as { __studioTestErrors?: string[] }).__studioTestErrors ?? [])
        .catch(() => [] as string[])
      return [...errors, ...fromChannel.map((error) => `uncaught (Sanity error channel): ${error}`)]
    },
  }
}

/** Makes every request leave 127.0.0.1 fail at once, as it would on these machines anyway. */
export async function offline(page: Page, serverUrl: string): Promise<void> {
  const local = new URL(serverUrl).host
  await page.route(
    (url) => url.host !== local,
    (route) => route.abort('internetdisconnected'),
  )
}
