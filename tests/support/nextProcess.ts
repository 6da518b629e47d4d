import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { testDistDir, webDir } from './paths.ts'

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

export interface NextProcess {
  child: ChildProcess
  /** Everything the process wrote, stdout and stderr interleaved, for error messages. */
  output(): string
  exited: Promise<number | null>
  stop(): Promise<void>
}

export function runNext(args: string[], environment: NodeJS.ProcessEnv): NextProcess {
  // Its own process group, so stopping it also stops any worker processes Next starts.
  const child = spawn(process.execPath, [nextCli, ...args], {
    cwd: webDir,
    env: environment,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8')
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code, signal) => resolve(code ?? (signal ? null : 0)))
  })

  async function stop() {
    if (child.exitCode !== null || child.signalCode !== null) return
    signalGroup(child, 'SIGTERM')
    const stopped = await Promise.race([exited.then(() => true), delay(5000).then(() => false)])
    if (!stopped) {
      signalGroup(child, 'SIGKILL')
      await exited
    }
  }

  return { child, output: () => output, exited, stop }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid) process.kill(-child.pid, signal)
  } catch {
    // Already gone.
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** The last lines of a process's output: enough to see why it failed without flooding the report. */
export function tail(text: string, lines = 40): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n')
}
