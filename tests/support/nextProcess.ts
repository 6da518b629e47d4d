import { createRequire } from 'node:module'
import { join } from 'node:path'
import { testDistDir, webDir } from './paths.ts'
import { type ProcessGroup, startProcessGroup } from './processGroup.ts'

export { delay, tail } from './processGroup.ts'

/**
 * Runs the site's own `next` CLI with the Node that runs the tests (Node 24, from the repo's
 * `node` devDependency; the machine's plain `node` is older). Every run builds into and serves
 * from `.next-test`, so tests never touch a developer's `.next`.
 */

const nextCli = createRequire(join(webDir, 'package.json')).resolve('next/dist/bin/next')

/** Variables that choose the content source and the click database: the tests decide these, never the shell. */
const contentVariables = /^(NEXT_PUBLIC_SANITY_|SANITY_API_|CONTENT_DATASET$|DATABASE_URL$|CLICKS_|REPORTS_SECRET$)/

export function nextProcessEnvironment(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      // Vitest sets NODE_ENV=test, which Next refuses to build or serve with as expected.
      ([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST') && !contentVariables.test(name),
    ),
  )
  return {
    ...inherited,
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: testDistDir,
    // A production build and server refuse to start without their public address.
    NEXT_PUBLIC_SITE_URL: 'http://localhost:3000',
    ...overrides,
  }
}

/**
 * The host `next start` binds and clients call, in tests and the benchmark. Not 127.0.0.1: Next.js
 * writes a proxy rewrite's origin as localhost, and when bound to 127.0.0.1 takes that for another
 * origin and forwards every rewrite over HTTP to itself, a path production (bound to every
 * interface) never takes.
 */
export const serveHost = 'localhost'

export function runNext(args: string[], environment: NodeJS.ProcessEnv): ProcessGroup {
  return startProcessGroup(process.execPath, [nextCli, ...args], { cwd: webDir, env: environment })
}
