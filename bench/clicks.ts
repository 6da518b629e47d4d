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
import { serveHost } from '../tests/support/nextProcess.ts'
import { startPostgres } from '../tests/support/postgresServer.ts'

const webDir = fileURLToPath(new URL('../web/', import.meta.url))
const distDir = '.next-bench'
const clients = 20
const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const warmupSeconds = 5
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
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      // A production build and server refuse to start without their public address.
      NEXT_PUBLIC_SITE_URL: 'http://localhost:3000',
      NEXT_DIST_DIR: distDir,
      ...env,
    },
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
  const child = run(['start', '--hostname', serveHost, '--port', String(port)], env)
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const url = `http://${serveHost}:${port}`
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

async function loadSeries(url: string, paths: string[], duration: number) {
  const result = await load(url, paths, duration)
  return { latencies: result.latencies, seconds: result.seconds, errors: result.errors }
}

interface Result {
  requests: number
  perSecond: number
  p50: number
  p99: number
  errors: number
}

/** `clients` loops, each sending the next request when the last answered, for `duration` seconds. */
async function load(
  url: string,
  paths: string[],
  duration: number,
): Promise<{ latencies: number[]; seconds: number; errors: number }> {
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
  agent.destroy()
  return { latencies, seconds: (performance.now() - started) / 1000, errors }
}

const secret = 'bench-reports-secret-0123456789'

/** Until the reports API answers, the database is still opening (PGlite) or unreachable. */
async function databaseReady(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const response = await fetch(`${url}/api/reports/clicks`, { headers: { authorization: `Bearer ${secret}` } }).catch(
      () => null,
    )
    if (response?.status === 200) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`the click database behind ${url} did not become ready`)
}

interface Series {
  latencies: number[]
  requests: number
  seconds: number
  errors: number
}

function summary(series: Series): Result {
  const latencies = [...series.latencies].sort((a, b) => a - b)
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? 0
  return {
    requests: series.requests,
    perSecond: series.requests / series.seconds,
    p50: at(0.5),
    p99: at(0.99),
    errors: series.errors,
  }
}

function print(name: string, result: Result) {
  console.log(
    `${name.padEnd(9)} ${result.perSecond.toFixed(0).padStart(6)} req/s  p50 ${result.p50.toFixed(1).padStart(6)} ms  p99 ${result.p99.toFixed(1).padStart(6)} ms  (${result.requests} requests, ${result.errors} not 302)`,
  )
}

async function main() {
  if (process.argv.includes('--build') || !existsSync(join(webDir, distDir, 'BUILD_ID'))) await build()
  const paths = goPaths()
  const scratch = await mkdtemp(join(tmpdir(), 'bench-clicks-'))
  const rounds = Number(process.env.BENCH_ROUNDS ?? 4)
  console.log(
    `/go/ with ${clients} concurrent clients: ${rounds} rounds of ${seconds} s per set-up, taken in turn so a busy machine weighs on each alike\n`,
  )
  const postgres = await startPostgres()
  const servers: Server[] = []
  const series: Record<string, Series> = {}
  try {
    const targets = {
      off: await serve({ CLICKS_RECORDING: 'off', CLICKS_DATA_DIR: join(scratch, 'off'), REPORTS_SECRET: secret }),
      pglite: await serve({ CLICKS_DATA_DIR: join(scratch, 'pglite'), REPORTS_SECRET: secret }),
      postgres: await serve({ DATABASE_URL: postgres.url, REPORTS_SECRET: secret }),
    }
    servers.push(...Object.values(targets))
    for (const server of servers) await databaseReady(server.url)
    // Warm-up: let each server compile its code paths before anything counts.
    for (const server of servers) await load(server.url, paths, warmupSeconds)
    const add = (name: string, result: Awaited<ReturnType<typeof loadSeries>>) => {
      series[name] ??= { latencies: [], requests: 0, seconds: 0, errors: 0 }
      const into = series[name]
      into.latencies.push(...result.latencies)
      into.requests += result.latencies.length
      into.seconds += result.seconds
      into.errors += result.errors
    }
    for (let round = 0; round < rounds; round++) {
      // A different one first each round, so none always follows the database restart below.
      const order = Object.entries(targets)
      for (const [name, server] of [...order.slice(round % order.length), ...order.slice(0, round % order.length)]) {
        add(name, await loadSeries(server.url, paths, seconds))
      }
      await postgres.stop()
      add('pg-down', await loadSeries(targets.postgres.url, paths, seconds))
      await postgres.start()
      // Wait until the held clicks are written, so the next rounds measure a database that is up.
      await databaseReady(targets.postgres.url)
      await new Promise((resolve) => setTimeout(resolve, 3000))
    }
  } finally {
    for (const server of servers) await server.stop()
    await postgres.destroy()
    await rm(scratch, { recursive: true, force: true })
  }
  const results = Object.fromEntries(Object.entries(series).map(([name, one]) => [name, summary(one)]))
  for (const [name, result] of Object.entries(results)) print(name, result)
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
