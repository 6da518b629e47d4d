/**
 * `pnpm bench:clicks`: what recording clicks costs the /go/ redirect. Serves the built site
 * (web/.next-bench, built on first run or with --build) and drives /go/ with 20 concurrent
 * keep-alive clients for a fixed time, in four set-ups:
 *   off       CLICKS_RECORDING=off (the baseline)
 *   pglite    recording into the embedded PGlite
 *   postgres  recording into a PostgreSQL 15 server (started here, as in the tests)
 *   pg-down   the same server stopped: clicks held in memory
 * and prints throughput relative to "off" (target: at least 0.8) and p99 latency with the database
 * down relative to up (target: at most 1.5). A benchmark, not a test: figures vary with the machine.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { Agent, request } from 'node:http'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from '../tests/support/freePort.ts'
import { startPostgres } from '../tests/support/postgresServer.ts'

const webDir = fileURLToPath(new URL('../web/', import.meta.url))
const distDir = '.next-bench'
const clients = 20
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const warmupSeconds = 2
const nextCli = createRequire(join(webDir, 'package.json')).resolve('next/dist/bin/next')

/** /go/ paths of the sample's offers, read from the dataset like the site does. */
function goPaths(): string[] {
  const dataset = readFileSync(new URL('../packages/content/sample/dataset.ndjson', import.meta.url), 'utf8')
  const paths: string[] = []
  for (const line of dataset.split('\n')) {
    if (!line.trim()) continue
    const document = JSON.parse(line) as {
      _type: string
      _id: string
      slug?: { current: string }
      offers?: { _key: string }[]
    }
    if (document._type !== 'device' || document._id.startsWith('drafts.') || !document.slug) continue
    for (const offer of document.offers ?? []) paths.push(`/go/${document.slug.current}/${offer._key}?from=device`)
  }
  return paths
}

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [nextCli, ...args], {
    cwd: webDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
}

async function build(): Promise<void> {
  console.log(`Building the site into web/${distDir} (once)...`)
  const child = run(['build'], {})
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`next build failed:\n${output.slice(-4000)}`)
}

interface Server {
  url: string
  stop(): Promise<void>
}

async function serve(env: Record<string, string>): Promise<Server> {
  const port = await freePort()
  const child = run(['start', '--hostname', '127.0.0.1', '--port', String(port)], env)
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const url = `http://127.0.0.1:${port}`
  for (let tries = 0; ; tries++) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) })
      break
    } catch {
      if (tries > 150 || child.exitCode !== null) throw new Error(`next start did not answer:\n${output}`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return
      process.kill(-child.pid!, 'SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    },
  }
}

interface Result {
  requests: number
  perSecond: number
  p50: number
  p99: number
  errors: number
}

/** `clients` loops, each sending the next request when the last answered, for `duration` seconds. */
async function load(url: string, paths: string[], duration: number): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients })
  const latencies: number[] = []
  let errors = 0
  let next = 0
  const until = performance.now() + duration * 1000
  const one = (path: string) =>
    new Promise<number>((resolve) => {
      const req = request(
        `${url}${path}`,
        {
          agent,
          headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36' },
        },
        (response) => {
          response.resume()
          response.on('end', () => resolve(response.statusCode ?? 0))
        },
      )
      req.on('error', () => resolve(0))
      req.end()
    })
  const started = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const path = paths[next++ % paths.length]!
        const sent = performance.now()
        const status = await one(path)
        latencies.push(performance.now() - sent)
        if (status !== 302) errors += 1
      }
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? 0
  return { requests: latencies.length, perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors }
}

async function measure(name: string, url: string, paths: string[]): Promise<Result> {
  await load(url, paths, warmupSeconds)
  const result = await load(url, paths, seconds)
  console.log(
    `${name.padEnd(9)} ${result.perSecond.toFixed(0).padStart(6)} req/s  p50 ${result.p50.toFixed(1).padStart(6)} ms  p99 ${result.p99.toFixed(1).padStart(6)} ms  (${result.requests} requests, ${result.errors} not 302)`,
  )
  return result
}

async function main() {
  if (process.argv.includes('--build') || !existsSync(join(webDir, distDir, 'BUILD_ID'))) await build()
  const paths = goPaths()
  const scratch = await mkdtemp(join(tmpdir(), 'bench-clicks-'))
  const results: Record<string, Result> = {}
  console.log(`/go/ with ${clients} concurrent clients, ${seconds} s per set-up after ${warmupSeconds} s warm-up\n`)
  try {
    for (const [name, env] of [
      ['off', { CLICKS_RECORDING: 'off', CLICKS_DATA_DIR: join(scratch, 'off') }],
      ['pglite', { CLICKS_DATA_DIR: join(scratch, 'pglite') }],
    ] as const) {
      const server = await serve(env)
      try {
        results[name] = await measure(name, server.url, paths)
      } finally {
        await server.stop()
      }
    }
    const postgres = await startPostgres()
    try {
      const server = await serve({ DATABASE_URL: postgres.url })
      try {
        results.postgres = await measure('postgres', server.url, paths)
        await postgres.stop()
        results['pg-down'] = await measure('pg-down', server.url, paths)
        await postgres.start()
      } finally {
        await server.stop()
      }
    } finally {
      await postgres.destroy()
    }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
  const ratio = (a: number, b: number) => (a / b).toFixed(2)
  const off = results.off!.perSecond
  console.log('\nThroughput relative to recording off (target >= 0.80):')
  console.log(`  PGlite      ${ratio(results.pglite!.perSecond, off)}`)
  console.log(`  PostgreSQL  ${ratio(results.postgres!.perSecond, off)}`)
  console.log(`  PG stopped  ${ratio(results['pg-down']!.perSecond, off)}`)
  console.log('p99 latency, PostgreSQL stopped relative to up (target <= 1.50):')
  console.log(`  ${ratio(results['pg-down']!.p99, results.postgres!.p99)}`)
}

await main()
