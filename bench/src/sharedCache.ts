/**
 * `pnpm bench:shared-cache`: what Next's cache in Redis (REDIS_URL: the site's several-servers
 * configuration, @fortedigital/nextjs-cache-handler) costs against the filesystem cache of one
 * server, and what a Redis outage costs. Builds the site once on the sample dataset
 * (web/.next-bench-shared; `--skip-build` serves an earlier run's), copies the build for each
 * configuration (the filesystem server writes its cache into its own copy) and serves both side by
 * side with `next start`: one without REDIS_URL, one with REDIS_URL on a Redis of its own
 * (redis-server on a free loopback port, nothing saved), both with DATABASE_URL on one throwaway
 * PostgreSQL (tests/support/postgresServer.ts), so the cache is all that differs. Then:
 *   1. warms a prerendered device page and a kept list view (/devices?form=microneedlingPen, which
 *      the proxy rewrites to a kept view) on each server;
 *   2. loads each page with autocannon at 20 clients for `--duration` seconds, `--rounds` times on
 *      each server, the two servers taken in turn (the first alternating) so a busy moment weighs
 *      on both alike: requests a second, p50 and p99, and Redis / filesystem throughput
 *      (target: at least 0.8);
 *   3. kills redis-server and loads each page again on the Redis server and, in turn with it, on the
 *      filesystem server (how much busier the machine got meanwhile): p99 with Redis stopped against
 *      running (target: at most 1.5), and the non-2xx answers and errors (target: none).
 * Prints a table and the targets, and writes bench/results/shared-cache.json. Targets are reported,
 * not asserted: exit 0 when every step ran, 1 when one failed (a build, a server, Redis or
 * PostgreSQL, a page not answering 200 while Redis runs), 2 on bad options.
 */

import { cp, mkdir, rm, writeFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import autocannon from 'autocannon'
import { z } from 'zod'
import { type PostgresServer, startPostgres } from '../../tests/support/postgresServer.ts'
import { type RedisServer, redisInfoField, redisReply, startRedis } from '../../tests/support/redisServer.ts'
import { type CommandLine, readCommandLine, runCommand } from './commandLine.ts'
import { type FirstRequest, firstRequest, percentile, settle } from './load.ts'
import { describeMachine } from './machine.ts'
import {
  type BuildFigures,
  buildApp,
  isBuilt,
  type NextApp,
  prerenderedPaths,
  type ServedApp,
  StepError,
  serveApp,
} from './nextApp.ts'
import { benchPages } from './pages.ts'
import { repoRoot, resultsDir, webDir } from './paths.ts'
import { stopAll } from './processTree.ts'
import { sampleDeviceCount } from './scaleDataset.ts'

const connections = 20
const throughputTarget = 0.8
const outageP99Target = 1.5
/** Seconds of load that warm each page on each server (the JIT, Next's caches) before anything counts. */
const warmupSeconds = 3
/** A run's request that waits this long is counted as an error (autocannon's time-out, in seconds). */
const requestTimeoutSeconds = 30
const sampleDataset = join(repoRoot, 'packages/content/sample/dataset.ndjson')
/** The build, never served, and a copy of it for each configuration (git-ignored like every `.next-*`). */
const builtDistDir = '.next-bench-shared'
const servedDistDirs = { filesystem: '.next-bench-sharedfs', redis: '.next-bench-sharedredis' } as const
/** What the site logs when it shares its cache through Redis (web/src/lib/sharedStore/). */
const sharedStoreLine = /\[shared store\]/

const usage = `Usage: pnpm bench:shared-cache [options]
  --duration 10        seconds of load per run (${connections} clients)
  --rounds 2           runs of each page on each server, the servers taken in turn; as many with Redis stopped
  --skip-build         serve the build an earlier run left (web/${builtDistDir})
  --build-timeout 30   minutes next build may take before it is stopped
  --out <file>         where to write the JSON (default bench/results/shared-cache.json)
  --help               this text`

const optionsSchema = z.object({
  duration: z.coerce.number().int().min(1).max(120).default(10),
  rounds: z.coerce.number().int().min(1).max(10).default(2),
  skipBuild: z.boolean().default(false),
  buildTimeout: z.coerce.number().positive().default(30),
  out: z.string().default(`${resultsDir}shared-cache.json`),
  help: z.boolean().default(false),
})

const command: CommandLine<typeof optionsSchema> = {
  usage,
  flags: { duration: 'string', rounds: 'string', 'skip-build': 'boolean', 'build-timeout': 'string', out: 'string' },
  schema: optionsSchema,
}

const log = (message: string) => console.log(`[bench:shared-cache] ${message}`)
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error))

type Configuration = keyof typeof servedDistDirs
/**
 * What each page is loaded on: each server while Redis runs, then the Redis server with Redis
 * stopped and, in turn with it, the filesystem server again (whether the machine got busier meanwhile).
 */
const measurements = ['filesystem', 'redis', 'redisStopped', 'filesystemRedisStopped'] as const
type Measurement = (typeof measurements)[number]
const measurementLabels: Record<Measurement, string> = {
  filesystem: 'filesystem',
  redis: 'Redis',
  redisStopped: 'Redis stopped',
  filesystemRedisStopped: 'filesystem, during outage',
}

interface Page {
  id: 'device' | 'list'
  label: string
  path: string
}

function sharedCachePages(): Page[] {
  const device = benchPages(sampleDeviceCount()).find((page) => page.id === 'deviceTop')!
  return [
    { id: 'device', label: 'device page (prerendered)', path: device.path },
    { id: 'list', label: 'kept list (pens)', path: '/devices?form=microneedlingPen' },
  ]
}

// Redis ---------------------------------------------------------------------------------------

async function redisKeyCount(redis: RedisServer): Promise<number> {
  const reply = await redisReply(redis.port, 'DBSIZE')
  if (!reply.startsWith(':')) throw new Error(`Redis answered DBSIZE with ${reply}`)
  return Number(reply.slice(1))
}

// Load ----------------------------------------------------------------------------------------

interface RunFigures {
  seconds: number
  responses: number
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** Responses with a status outside 200-299. */
  non2xx: number
  /** Connection errors and time-outs. */
  errors: number
  statuses: Record<string, number>
}

interface Run {
  figures: RunFigures
  latencies: number[]
}

function summarise(
  latencies: number[],
  seconds: number,
  non2xx: number,
  errors: number,
  statuses: Record<string, number>,
): RunFigures {
  const sorted = [...latencies].sort((a, b) => a - b)
  return {
    seconds,
    responses: sorted.length,
    requestsPerSecond: sorted.length / seconds,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    non2xx,
    errors,
    statuses,
  }
}

/** autocannon at 20 clients for `seconds`, keeping every response's latency (its histogram has no exact p99). */
async function loadRun(url: string, seconds: number): Promise<Run> {
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, timeout: requestTimeoutSeconds },
      (error, done) => {
        clearTimeout(cap)
        if (error) reject(error)
        else resolve(done)
      },
    )
    // Whatever happens, a run ends: its seconds plus a time-out and a margin.
    const cap = setTimeout(() => instance.stop(), (seconds + requestTimeoutSeconds + 30) * 1000)
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime)
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1
    })
  })
  const non2xx = Object.entries(statuses).reduce((sum, [status, count]) => (/^2/.test(status) ? sum : sum + count), 0)
  return { figures: summarise(latencies, result.duration, non2xx, result.errors, statuses), latencies }
}

/** Several runs as one sample: all their responses over all their seconds, percentiles of all their latencies. */
function merge(runs: readonly Run[]): RunFigures | undefined {
  if (runs.length === 0) return undefined
  const statuses: Record<string, number> = {}
  for (const run of runs) {
    for (const [status, count] of Object.entries(run.figures.statuses))
      statuses[status] = (statuses[status] ?? 0) + count
  }
  const sum = (pick: (figures: RunFigures) => number) => runs.reduce((total, run) => total + pick(run.figures), 0)
  return summarise(
    runs.flatMap((run) => run.latencies),
    sum((figures) => figures.seconds),
    sum((figures) => figures.non2xx),
    sum((figures) => figures.errors),
    statuses,
  )
}

// Results -------------------------------------------------------------------------------------

interface PageResult extends Page {
  prerendered?: boolean
  /** The first request on each server, and the last warm-up request (x-nextjs-cache shows whether it is kept). */
  warmup: Partial<Record<Configuration, { first: FirstRequest; last: FirstRequest }>>
  /** The first request of each page once Redis was killed. */
  firstAfterRedisStopped?: FirstRequest
  runs: Record<Measurement, RunFigures[]>
  merged: Partial<Record<Measurement, RunFigures>>
  /**
   * Redis / filesystem requests a second; p99 with Redis stopped / running; and, for reading the
   * latter, the filesystem server's p99 while Redis was stopped / before (no target: above 1, the
   * machine was busier during the outage runs).
   */
  ratios: { throughput?: number; outageP99?: number; filesystemP99Meanwhile?: number }
}

interface Target {
  page: string
  name: string
  value: number
  limit: number
  /** `atLeast`: the value must reach the limit; `atMost`: it must not pass it. */
  kind: 'atLeast' | 'atMost'
  met: boolean
}

interface SharedCacheResults {
  startedAt: string
  finishedAt: string
  machine: ReturnType<typeof describeMachine> & { loadAverage: { start: number; end?: number } }
  options: z.output<typeof optionsSchema> & { connections: number; warmupSeconds: number }
  redisTimeoutMs: string
  build?: ({ reused: false } & BuildFigures) | { reused: true }
  redis: {
    url?: string
    /** Keys in Redis after the warm-up, and before it was stopped. */
    keysAfterWarmup?: number
    keysBeforeStop?: number
    /** Commands Redis processed per request served with the Redis cache under load (0: served from the server's copies). */
    commandsPerRequest?: number
    /** Lines of the Redis server's log from the site's shared store, and whether the filesystem server printed any. */
    sharedStoreLog: string[]
    filesystemServerMentionsIt?: boolean
    /** Whether REDIS_URL changed anything: Redis holds keys, or the site says it shares through it. */
    inEffect?: boolean
  }
  pages: PageResult[]
  targets: Target[]
  errors: string[]
}

function targetsOf(pages: readonly PageResult[]): Target[] {
  const targets: Target[] = []
  for (const page of pages) {
    const { throughput, outageP99 } = page.ratios
    if (throughput !== undefined) {
      targets.push({
        page: page.label,
        name: 'throughput, Redis / filesystem',
        value: throughput,
        limit: throughputTarget,
        kind: 'atLeast',
        met: throughput >= throughputTarget,
      })
    }
    if (outageP99 !== undefined) {
      targets.push({
        page: page.label,
        name: 'p99, Redis stopped / running',
        value: outageP99,
        limit: outageP99Target,
        kind: 'atMost',
        met: outageP99 <= outageP99Target,
      })
    }
    const stopped = page.merged.redisStopped
    if (stopped) {
      const failed = stopped.non2xx + stopped.errors
      targets.push({
        page: page.label,
        name: 'non-2xx answers and errors, Redis stopped',
        value: failed,
        limit: 0,
        kind: 'atMost',
        met: failed === 0,
      })
    }
  }
  return targets
}

function formatReport(results: SharedCacheResults): string {
  const whole = (value: number) => Math.round(value).toLocaleString('en')
  const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '-')
  const header = ['page', 'cache', 'requests/s', 'p50', 'p99', 'non-2xx', 'errors', 'responses']
  const rows: string[][] = []
  for (const page of results.pages) {
    const configurations = measurements.filter((name) => page.merged[name])
    for (const [index, configuration] of configurations.entries()) {
      const figures = page.merged[configuration]!
      rows.push([
        index === 0 ? page.label : '',
        measurementLabels[configuration],
        whole(figures.requestsPerSecond),
        ms(figures.p50Ms),
        ms(figures.p99Ms),
        String(figures.non2xx),
        String(figures.errors),
        whole(figures.responses),
      ])
    }
  }
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)))
  const format = (row: string[]) =>
    row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')
  const { duration, rounds } = results.options
  const redis = results.redis
  const effect =
    redis.inEffect === undefined
      ? 'REDIS_URL: not measured'
      : redis.inEffect
        ? `REDIS_URL in effect: ${redis.keysAfterWarmup ?? 0} keys in Redis after the warm-up${redis.sharedStoreLog[0] ? `; the server logged "${redis.sharedStoreLog[0]}"` : ''}${redis.commandsPerRequest === undefined ? '' : `; Redis commands per request under load: ${redis.commandsPerRequest.toFixed(2)}`}`
        : 'REDIS_URL had NO visible effect: Redis holds no keys after the warm-up and the server never mentions it, so both rows measure the filesystem cache'
  const lines = [
    `Next's cache in Redis against the filesystem: sample dataset, ${connections} clients, ${rounds} run(s) of ${duration} s per page and cache, the two servers taken in turn`,
    effect,
    '',
    format(header),
    ...rows.map(format),
    '',
    'Targets (reported, not asserted)',
    ...results.targets.map((target) => {
      const value = target.limit === 0 ? String(target.value) : target.value.toFixed(2)
      const limit =
        target.kind === 'atLeast' ? `at least ${target.limit}` : target.limit === 0 ? 'none' : `at most ${target.limit}`
      return `  ${target.met ? 'met    ' : 'NOT MET'}  ${target.page}: ${target.name} ${value} (${limit})`
    }),
  ]
  lines.push('')
  for (const page of results.pages) {
    if (page.prerendered === false) lines.push(`NOTE: ${page.path} was not prerendered by this build`)
    for (const [configuration, warmup] of Object.entries(page.warmup)) {
      const verdict = warmup.last.nextCache
      if (verdict !== 'HIT') {
        lines.push(
          `NOTE: ${page.path} on the ${measurementLabels[configuration as Configuration]} server was not served from the cache after the warm-up (x-nextjs-cache: ${verdict ?? 'none'})`,
        )
      }
    }
  }
  for (const page of results.pages) {
    const meanwhile = page.ratios.filesystemP99Meanwhile
    if (meanwhile === undefined) continue
    lines.push(
      `${page.label}: the filesystem server's p99 during the outage runs / before ${meanwhile.toFixed(2)} (above 1, the machine was busier then)`,
    )
  }
  for (const page of results.pages) {
    const first = page.firstAfterRedisStopped
    if (first)
      lines.push(`${page.label}: the first request after Redis was killed answered ${first.status} in ${ms(first.ms)}`)
  }
  if (results.errors.length > 0) lines.push('', 'Steps that failed:', ...results.errors.map((error) => `  ${error}`))
  return lines.join('\n')
}

async function save(results: SharedCacheResults, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`)
}

// The run -------------------------------------------------------------------------------------

/** The first request, then more until Next says it served a kept copy (at most five), then a short load. */
async function warm(
  served: ServedApp,
  page: Page,
  label: string,
): Promise<{ first: FirstRequest; last: FirstRequest }> {
  const url = `${served.url}${page.path}`
  const first = await firstRequest(url)
  let last = first
  for (let attempt = 0; ; attempt++) {
    if (last.status !== 200) throw new StepError(`${label}: ${page.path} answered ${last.status} while warming up`)
    if (last.nextCache === 'HIT' || attempt >= 5) break
    last = await firstRequest(url)
  }
  const run = await loadRun(url, warmupSeconds)
  if (run.figures.non2xx > 0 || run.figures.errors > 0) {
    throw new StepError(
      `${label}: ${page.path} gave ${run.figures.non2xx} non-2xx answers and ${run.figures.errors} errors while warming up (${JSON.stringify(run.figures.statuses)})`,
    )
  }
  await settle(served.url)
  return { first, last }
}

/** A copy of the build for one server, without Turbopack's build cache (next start never reads it). */
async function copyBuild(distDir: string): Promise<void> {
  const source = join(webDir, builtDistDir)
  const buildCache = join(source, 'cache', 'turbopack')
  const target = join(webDir, distDir)
  await rm(target, { recursive: true, force: true })
  await cp(source, target, { recursive: true, filter: (path) => path !== buildCache })
}

async function run(options: z.output<typeof optionsSchema>, results: SharedCacheResults, out: string): Promise<void> {
  const pages = results.pages
  const built: NextApp = {
    dir: webDir,
    distDir: builtDistDir,
    label: 'shared',
    env: { CONTENT_DATASET: sampleDataset },
  }
  if (options.skipBuild) {
    if (!isBuilt(built))
      throw new StepError(`--skip-build, but web/${builtDistDir} has no build yet: run once without it`)
    results.build = { reused: true }
  } else {
    log(`next build into web/${builtDistDir} (sample dataset)`)
    const figures = await buildApp(built, options.buildTimeout * 60_000)
    log(`built in ${figures.seconds.toFixed(1)} s`)
    results.build = { reused: false, ...figures }
  }
  const prerendered = await prerenderedPaths(built)
  for (const page of pages) if (page.id === 'device') page.prerendered = prerendered.has(page.path)
  for (const distDir of Object.values(servedDistDirs)) await copyBuild(distDir)

  log('PostgreSQL and Redis')
  postgres = await startPostgres()
  const redis = await startRedis().catch((error: unknown) => {
    throw new StepError(describe(error))
  })
  results.redis.url = redis.url
  const env = { CONTENT_DATASET: sampleDataset, DATABASE_URL: postgres.url }
  const apps: Record<Configuration, NextApp> = {
    filesystem: { dir: webDir, distDir: servedDistDirs.filesystem, label: 'shared-filesystem', env },
    redis: { dir: webDir, distDir: servedDistDirs.redis, label: 'shared-redis', env: { ...env, REDIS_URL: redis.url } },
  }
  // One after the other: both prepare the same database at start-up.
  const servers: Partial<Record<Configuration, ServedApp>> = {}
  try {
    for (const configuration of ['filesystem', 'redis'] as const) {
      log(`next start, ${measurementLabels[configuration]} cache`)
      servers[configuration] = await serveApp(apps[configuration])
    }
    const served = servers as Record<Configuration, ServedApp>

    for (const page of pages) {
      for (const configuration of ['filesystem', 'redis'] as const) {
        log(`${measurementLabels[configuration]}: warming ${page.path}`)
        page.warmup[configuration] = await warm(served[configuration], page, measurementLabels[configuration])
      }
    }
    results.redis.keysAfterWarmup = await redisKeyCount(redis)
    results.redis.sharedStoreLog = served.redis.process
      .output()
      .split('\n')
      .filter((line) => sharedStoreLine.test(line))
    results.redis.filesystemServerMentionsIt = sharedStoreLine.test(served.filesystem.process.output())
    results.redis.inEffect = results.redis.keysAfterWarmup > 0 || results.redis.sharedStoreLog.length > 0
    if (!results.redis.inEffect) log('REDIS_URL had no visible effect: Redis holds no keys after the warm-up')

    // Every run's latencies, by page and configuration, for the percentiles of all of them.
    const commandsBefore = await redisInfoField(redis.port, 'stats', 'total_commands_processed')
    let redisResponses = 0
    const samples = new Map<string, Run[]>()
    const keep = (key: string, result: Run) => samples.set(key, [...(samples.get(key) ?? []), result])
    for (let round = 0; round < options.rounds; round++) {
      for (const [index, page] of pages.entries()) {
        const order: Configuration[] = (round + index) % 2 === 0 ? ['filesystem', 'redis'] : ['redis', 'filesystem']
        for (const configuration of order) {
          log(
            `round ${round + 1}/${options.rounds}: ${page.path}, ${measurementLabels[configuration]} cache, ${connections} clients for ${options.duration} s`,
          )
          const result = await loadRun(`${served[configuration].url}${page.path}`, options.duration)
          page.runs[configuration].push(result.figures)
          if (configuration === 'redis') redisResponses += result.figures.responses
          keep(`${page.id} ${configuration}`, result)
          const { non2xx, errors, statuses } = result.figures
          if (non2xx > 0 || errors > 0) {
            results.errors.push(
              `${page.path}, ${measurementLabels[configuration]} cache: ${non2xx} non-2xx answers and ${errors} errors under load (${JSON.stringify(statuses)})`,
            )
          }
          await settle(served[configuration].url)
        }
      }
    }
    for (const page of pages) {
      for (const configuration of ['filesystem', 'redis'] as const) {
        page.merged[configuration] = merge(samples.get(`${page.id} ${configuration}`) ?? [])
      }
      const { filesystem, redis: shared } = page.merged
      if (filesystem && shared) page.ratios.throughput = shared.requestsPerSecond / filesystem.requestsPerSecond
    }
    const commandsAfter = await redisInfoField(redis.port, 'stats', 'total_commands_processed')
    results.redis.commandsPerRequest = (commandsAfter - commandsBefore) / Math.max(1, redisResponses)
    await save(results, out)

    results.redis.keysBeforeStop = await redisKeyCount(redis)
    log('killing redis-server')
    await redis.stop()
    for (const page of pages) page.firstAfterRedisStopped = await firstRequest(`${served.redis.url}${page.path}`)
    for (let round = 0; round < options.rounds; round++) {
      for (const [index, page] of pages.entries()) {
        const order: Measurement[] =
          (round + index) % 2 === 0
            ? ['redisStopped', 'filesystemRedisStopped']
            : ['filesystemRedisStopped', 'redisStopped']
        for (const measurement of order) {
          const server = measurement === 'redisStopped' ? served.redis : served.filesystem
          log(
            `Redis stopped, round ${round + 1}/${options.rounds}: ${page.path}, ${measurement === 'redisStopped' ? 'Redis' : 'filesystem'} server, ${connections} clients for ${options.duration} s`,
          )
          const result = await loadRun(`${server.url}${page.path}`, options.duration)
          page.runs[measurement].push(result.figures)
          keep(`${page.id} ${measurement}`, result)
          await settle(server.url)
        }
      }
    }
    for (const page of pages) {
      for (const measurement of ['redisStopped', 'filesystemRedisStopped'] as const) {
        page.merged[measurement] = merge(samples.get(`${page.id} ${measurement}`) ?? [])
      }
      const { filesystem, redis: running, redisStopped, filesystemRedisStopped } = page.merged
      if (running && redisStopped) page.ratios.outageP99 = redisStopped.p99Ms / running.p99Ms
      if (filesystem && filesystemRedisStopped) {
        page.ratios.filesystemP99Meanwhile = filesystemRedisStopped.p99Ms / filesystem.p99Ms
      }
    }
    results.redis.sharedStoreLog = served.redis.process
      .output()
      .split('\n')
      .filter((line) => sharedStoreLine.test(line))
  } finally {
    for (const server of Object.values(servers)) await server.stop()
    await redis.stop()
  }
}

let postgres: PostgresServer | undefined

async function main(): Promise<number> {
  const commandLine = readCommandLine(process.argv.slice(2), command)
  if ('exitCode' in commandLine) return commandLine.exitCode
  const { options } = commandLine
  const out = resolve(process.env.INIT_CWD ?? process.cwd(), options.out)
  // The shell's Redis, if any, is not the benchmark's: only the Redis configuration gets one, its own.
  delete process.env.REDIS_URL
  const results: SharedCacheResults = {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    machine: { ...describeMachine(), loadAverage: { start: loadavg()[0]! } },
    options: { ...options, out, connections, warmupSeconds },
    redisTimeoutMs: process.env.REDIS_TIMEOUT_MS ?? 'the site default (500)',
    redis: { sharedStoreLog: [] },
    pages: sharedCachePages().map((page) => ({
      ...page,
      warmup: {},
      runs: { filesystem: [], redis: [], redisStopped: [], filesystemRedisStopped: [] },
      merged: {},
      ratios: {},
    })),
    targets: [],
    errors: [],
  }
  try {
    await run(options, results, out)
  } catch (error) {
    results.errors.push(describe(error))
  } finally {
    await postgres?.destroy().catch((error: unknown) => results.errors.push(`PostgreSQL: ${describe(error)}`))
    postgres = undefined
  }
  results.targets = targetsOf(results.pages)
  results.machine.loadAverage.end = loadavg()[0]!
  results.finishedAt = new Date().toISOString()
  await save(results, out)
  console.log(
    `\n${formatReport(results)}\n\n${results.machine.cpus} cores, load average ${results.machine.loadAverage.start.toFixed(1)} at the start and ${results.machine.loadAverage.end.toFixed(1)} at the end\nServer logs: ${join(resultsDir, 'logs')}\nJSON: ${out}`,
  )
  return results.errors.length > 0 ? 1 : 0
}

await runCommand(main, () => Promise.allSettled([stopAll(), postgres?.destroy()]))
