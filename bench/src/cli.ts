/**
 * `pnpm bench`: builds and serves the site on catalogues of 18, 500 and 10,000 devices and on a
 * bare Next.js page, loads each with autocannon, prints a table and the targets, and
 * writes everything to bench/results/latest.json. Run `pnpm bench --help` for the options.
 *
 * Exits 0 when every step ran, whatever the targets say (they are reported, not asserted);
 * 1 when a step failed (a build, a server, a page answering 5xx), 2 on bad options.
 */

import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { z } from 'zod'
import { type CommandLine, readCommandLine, runCommand } from './commandLine.ts'
import { timeContentCheck } from './contentCheck.ts'
import { ratiosTo } from './figures.ts'
import { firstRequest, measureLoad, settle } from './load.ts'
import { describeMachine } from './machine.ts'
import { buildApp, isBuilt, type NextApp, prerenderedPaths, StepError, serveApp } from './nextApp.ts'
import { benchPages } from './pages.ts'
import { bareDistDir, bareNextDir, datasetFile, resultsDir, siteDistDir, webDir } from './paths.ts'
import { sampleTreeMemory, stopAll, treeResidentBytes } from './processTree.ts'
import { formatReport } from './report.ts'
import type { BareResult, BenchResults, BuildResult, PageResult, SizeResult } from './results.ts'
import { scaleDataset, writeScaleDataset } from './scaleDataset.ts'
import { baselineSize, checkTargets } from './targets.ts'

const usage = `Usage: pnpm bench [options]
  --sizes 18,500,10000   catalogue sizes to measure (devices; at least 18)
  --skip-build           serve the builds an earlier run left (web/.next-bench-<size>, bench/bare-next/.next-bench)
  --skip-check           do not time content:check
  --duration 5           seconds of load per page and concurrency (1 and 20 clients)
  --build-timeout 30     minutes one next build may take before it is stopped
  --check-timeout 20     minutes one content:check may take before it is stopped
  --out <file>           where to write the JSON (default bench/results/latest.json)`

const optionsSchema = z.object({
  sizes: z
    .string()
    .default('18,500,10000')
    .transform((text) => text.split(',').map((part) => Number(part.trim())))
    .pipe(z.array(z.number().int().min(18, 'sizes are at least 18 (the sample)')).min(1)),
  skipBuild: z.boolean().default(false),
  skipCheck: z.boolean().default(false),
  duration: z.coerce.number().int().min(1).max(120).default(5),
  buildTimeout: z.coerce.number().positive().default(30),
  checkTimeout: z.coerce.number().positive().default(20),
  out: z.string().default(`${resultsDir}latest.json`),
  help: z.boolean().default(false),
})
type Options = z.output<typeof optionsSchema>

const command: CommandLine<typeof optionsSchema> = {
  usage,
  flags: {
    sizes: 'string',
    'skip-build': 'boolean',
    'skip-check': 'boolean',
    duration: 'string',
    'build-timeout': 'string',
    'check-timeout': 'string',
    out: 'string',
  },
  schema: optionsSchema,
}

const log = (message: string) => console.log(`[bench] ${message}`)
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error))
const minutes = (value: number) => value * 60_000

async function buildOrReuse(app: NextApp, options: Options): Promise<BuildResult> {
  if (options.skipBuild) {
    if (!isBuilt(app)) throw new StepError(`--skip-build, but ${app.label} has no build yet: run once without it`)
    return { reused: true }
  }
  log(`${app.label}: next build`)
  const figures = await buildApp(app, minutes(options.buildTimeout))
  log(`${app.label}: built in ${figures.seconds.toFixed(1)} s`)
  return { reused: false, ...figures }
}

async function measureBare(options: Options): Promise<BareResult> {
  const app: NextApp = { dir: bareNextDir, distDir: bareDistDir, label: 'bare', env: {} }
  const result: BareResult = { errors: [] }
  try {
    result.build = await buildOrReuse(app, options)
    const served = await serveApp(app)
    try {
      result.first = await firstRequest(`${served.url}/`)
      log('bare: 20 clients')
      result.load = await measureLoad(`${served.url}/`, { connections: 20, seconds: options.duration })
    } finally {
      await served.stop()
    }
  } catch (error) {
    result.errors.push(describe(error))
  }
  return result
}

async function measureSize(devices: number, options: Options): Promise<SizeResult> {
  const file = datasetFile(devices)
  await writeScaleDataset(devices, file)
  const documents = scaleDataset(devices).trimEnd().split('\n').length
  const result: SizeResult = { devices, documents, datasetFile: file, pages: {}, errors: [] }
  const app: NextApp = {
    dir: webDir,
    distDir: siteDistDir(devices),
    label: `site-${devices}`,
    env: { CONTENT_DATASET: file },
  }
  if (!options.skipCheck) {
    try {
      log(`${devices} devices: content:check`)
      result.contentCheck = await timeContentCheck(file, documents, minutes(options.checkTimeout))
    } catch (error) {
      result.errors.push(describe(error))
    }
  }
  try {
    result.build = await buildOrReuse(app, options)
  } catch (error) {
    result.errors.push(describe(error))
    return result
  }
  try {
    const prerendered = await prerenderedPaths(app)
    const served = await serveApp(app)
    const memory = sampleTreeMemory(served.process.pid, 500)
    try {
      for (const page of benchPages(devices)) {
        const url = `${served.url}${page.path}`
        const first = await firstRequest(url)
        if (first.status >= 500) result.errors.push(`${page.path} answered ${first.status}`)
        const load: PageResult = { ...page, first, load: {} }
        if (page.id === 'deviceTop' || page.id === 'deviceLow') load.prerendered = prerendered.has(page.path)
        log(`${devices} devices: ${page.path} at 1 client`)
        load.load.c1 = await measureLoad(url, { connections: 1, seconds: options.duration })
        await settle(served.url)
        log(`${devices} devices: ${page.path} at 20 clients`)
        // Two cores serve at most about twice what one client gets.
        const expectedRequestsPerSecond = 2 * load.load.c1.requestsPerSecond
        load.load.c20 = await measureLoad(url, {
          connections: 20,
          seconds: options.duration,
          expectedRequestsPerSecond,
        })
        await settle(served.url)
        for (const figures of [load.load.c1, load.load.c20]) {
          if (figures.errors > 0) result.errors.push(`${page.path}: ${figures.errors} connection errors or time-outs`)
        }
        result.pages[page.id] = load
      }
      result.server = { rssAfterBytes: treeResidentBytes(served.process.pid), peakRssBytes: memory.peak() }
    } finally {
      memory.stop()
      await served.stop()
    }
  } catch (error) {
    result.errors.push(describe(error))
  }
  return result
}

function finish(results: BenchResults): void {
  const bare = results.bare.load?.requestsPerSecond
  for (const size of results.sizes) {
    for (const page of Object.values(size.pages)) {
      const requestsPerSecond = page.load.c20?.requestsPerSecond
      if (bare && requestsPerSecond !== undefined) page.throughputVsBare = requestsPerSecond / bare
    }
  }
  const baseline = results.sizes.find((size) => size.devices === baselineSize)
  results.ratios = {}
  if (baseline) {
    for (const size of results.sizes) {
      if (size !== baseline) results.ratios[size.devices] = ratiosTo(baseline, size)
    }
  }
  results.targets = checkTargets(results.sizes, bare)
  results.finishedAt = new Date().toISOString()
}

async function save(results: BenchResults, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`)
}

async function main(): Promise<number> {
  const commandLine = readCommandLine(process.argv.slice(2), command)
  if ('exitCode' in commandLine) return commandLine.exitCode
  const { options } = commandLine
  const out = resolve(process.env.INIT_CWD ?? process.cwd(), options.out)
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    machine: describeMachine(),
    options: { ...options, out },
    bare: { errors: [] },
    sizes: [],
    ratios: {},
    targets: [],
  }
  results.bare = await measureBare(options)
  for (const devices of [...new Set(options.sizes)].sort((a, b) => a - b)) {
    results.sizes.push(await measureSize(devices, options))
    finish(results)
    await save(results, out)
  }
  finish(results)
  await save(results, out)
  console.log(`\n${formatReport(results)}\n\nJSON: ${out}`)
  const failed = results.bare.errors.length + results.sizes.reduce((count, size) => count + size.errors.length, 0)
  return failed > 0 ? 1 : 0
}

await runCommand(main, stopAll)
