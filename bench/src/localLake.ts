/**
 * `pnpm bench:lake`: what the local Content Lake (@microneedling/local-lake) costs on a large
 * catalogue. Writes the scale dataset (bench/.data/devices-<n>.ndjson, 10,000 devices by default),
 * copies it to a temporary folder and starts a lake on the copy, then through the real
 * @sanity/client:
 *   1. mutations: 1,000 offer price patches sent as 20 transactions of 50, one after the other;
 *      then, after `lake.flush()`, checks the export file holds every new price (exit 1 if not);
 *   2. queries: the site's device list page, its filter counts, a device page and the device count,
 *      on the lake and on the embedded content source reading the same export file, median and p95
 *      of each after a warm-up, and lake / embedded.
 * Each query run passes parameters no earlier run passed (another page or device, and an unused
 * `$benchRun`), so neither the embedded source's result cache nor the lake's parsed-query
 * cache answers it: both evaluate the query every time. Prints a table and writes
 * bench/results/local-lake.json. A benchmark, not a test: figures vary with the machine.
 */

import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { defaultApiVersion } from '@microneedling/content/apiVersion'
import { defaultDeviceSortOrder, deviceFacetParams, deviceListPageParams } from '@microneedling/content/deviceList'
import {
  deviceBySlugQuery,
  deviceFacetsQuery,
  deviceListPageQuery,
  listedDeviceCountQuery,
} from '@microneedling/content/queries'
import { createEmbeddedSource } from '@microneedling/content/source/embedded'
import { parseNdjson, type StoredDocument } from '@microneedling/content/source/ndjson'
import type { QueryParams } from '@microneedling/content/source/types'
import { type LocalLake, startLocalLake } from '@microneedling/local-lake'
import { createClient, type SanityClient } from '@sanity/client'
import { z } from 'zod'
import { type CommandLine, readCommandLine, runCommand } from './commandLine.ts'
import { inBatches, type LatencySummary, priceMismatches, pricePatches, summariseLatencies } from './lakeFigures.ts'
import { describeMachine } from './machine.ts'
import { datasetFile, resultsDir } from './paths.ts'
import { writeScaleDataset } from './scaleDataset.ts'

const transactions = 20
const patchesPerTransaction = 50
const warmupRuns = 3
const token = 'bench-local-lake-token'
const resultsFile = `${resultsDir}local-lake.json`

const usage = `Usage: pnpm bench:lake [options]
  --devices 10000   catalogue size (devices; at least 18, the sample)
  --runs 20         timed runs of each query on each source, after ${warmupRuns} warm-up runs
  --help            this text`

const optionsSchema = z.object({
  devices: z.coerce.number().int().min(18, 'at least 18 devices (the sample)').max(100_000).default(10_000),
  runs: z.coerce.number().int().min(1).max(500).default(20),
  help: z.boolean().default(false),
})
const command: CommandLine<typeof optionsSchema> = {
  usage,
  flags: { devices: 'string', runs: 'string' },
  schema: optionsSchema,
}

const log = (message: string) => console.log(`[bench:lake] ${message}`)

interface MutationFigures {
  transactions: number
  patchesPerTransaction: number
  patches: number
  totalMs: number
  transactionsPerSecond: number
  patchesPerSecond: number
  transactionMs: LatencySummary
  /** Each transaction's commit, in the order sent. */
  eachTransactionMs: number[]
  flushMs: number
  /** Offers checked in the export file after the flush; the run fails unless all hold their new price. */
  verifiedOffers: number
}

interface QueryFigures {
  name: string
  lake: LatencySummary
  embedded: LatencySummary
  /** lake / embedded, of the medians and of the p95s. */
  ratio: { median: number; p95: number }
  /** Whether the two answered the first warm-up run alike. */
  sameAnswer: boolean
}

/**
 * A site query and the parameters of its run `run` (negative for warm-up runs): those the site's
 * loader builds, varied where the query takes any, plus `benchRun`, which no query reads, so that
 * no two runs pass the same parameters whatever the catalogue's size.
 */
interface BenchQuery {
  name: string
  query: string
  params(run: number): QueryParams
}

function benchQueries(documents: readonly StoredDocument[]): BenchQuery[] {
  const slugs = documents.flatMap((document) => {
    const slug = (document.slug as { current?: unknown } | undefined)?.current
    return document._type === 'device' && !document._id.startsWith('drafts.') && typeof slug === 'string' ? [slug] : []
  })
  const pages = Math.max(1, Math.ceil(slugs.length / 24))
  const wrap = (run: number, count: number) => (((run + warmupRuns) % count) + count) % count
  return [
    {
      name: '/devices list page',
      query: deviceListPageQuery,
      // The page as loadDeviceListPage asks for it: no filters, the default order, page 1, 2, ...
      params: (run) => ({
        ...deviceListPageParams({ sort: defaultDeviceSortOrder }, wrap(run, pages) + 1),
        benchRun: run,
      }),
    },
    {
      name: '/devices filter counts',
      query: deviceFacetsQuery,
      params: (run) => ({ ...deviceFacetParams({}), benchRun: run }),
    },
    {
      name: 'device by slug',
      query: deviceBySlugQuery,
      // Devices spread over the catalogue (a prime stride), as loadDevice asks for them.
      params: (run) => ({ slug: slugs[(wrap(run, slugs.length) * 7919) % slugs.length]!, benchRun: run }),
    },
    {
      name: 'listed device count',
      query: listedDeviceCountQuery,
      params: (run) => ({ benchRun: run }),
    },
  ]
}

function lakeClient(lake: LocalLake): SanityClient {
  return createClient({
    apiHost: lake.url,
    useProjectHostname: false,
    useCdn: false,
    projectId: 'local',
    dataset: 'production',
    apiVersion: defaultApiVersion,
    token: lake.token,
    perspective: 'published',
  })
}

async function readExport(path: string): Promise<StoredDocument[]> {
  const { documents, problems } = parseNdjson(await readFile(path, 'utf8'))
  if (problems.length > 0) throw new Error(`${path} has unreadable lines: ${JSON.stringify(problems.slice(0, 5))}`)
  return documents
}

async function measureMutations(
  client: SanityClient,
  lake: LocalLake,
  documents: StoredDocument[],
): Promise<MutationFigures> {
  const patches = pricePatches(documents, transactions * patchesPerTransaction)
  const transactionMs: number[] = []
  const started = performance.now()
  for (const batch of inBatches(patches, patchesPerTransaction)) {
    const transaction = client.transaction()
    for (const { id, key, price } of batch) {
      transaction.patch(client.patch(id).set({ [`offers[_key=="${key}"].price`]: price }))
    }
    const sent = performance.now()
    await transaction.commit()
    transactionMs.push(performance.now() - sent)
  }
  const totalMs = performance.now() - started
  const flushStarted = performance.now()
  await lake.flush()
  const flushMs = performance.now() - flushStarted
  const mismatches = priceMismatches(await readExport(lake.exportPath), patches)
  if (mismatches.length > 0) {
    throw new Error(
      `after lake.flush(), ${lake.exportPath} lacks ${mismatches.length} of the new prices:\n  ${mismatches.slice(0, 10).join('\n  ')}`,
    )
  }
  return {
    transactions,
    patchesPerTransaction,
    patches: patches.length,
    totalMs,
    transactionsPerSecond: transactions / (totalMs / 1000),
    patchesPerSecond: patches.length / (totalMs / 1000),
    transactionMs: summariseLatencies(transactionMs),
    eachTransactionMs: transactionMs.map((value) => Math.round(value * 10) / 10),
    flushMs,
    verifiedOffers: new Set(patches.map((patch) => `${patch.id} ${patch.key}`)).size,
  }
}

async function measureQueries(
  client: SanityClient,
  lake: LocalLake,
  exportPath: string,
  documents: StoredDocument[],
  runs: number,
): Promise<QueryFigures[]> {
  const embedded = createEmbeddedSource(exportPath)
  const sources = {
    lake: (query: string, params: QueryParams) => client.fetch(query, params),
    embedded: (query: string, params: QueryParams) => embedded.fetch(query, params, { perspective: 'published' }),
  }
  const figures: QueryFigures[] = []
  for (const { name, query, params } of benchQueries(documents)) {
    log(`${name}: ${warmupRuns} warm-up and ${runs} timed runs on each source`)
    const first = params(-warmupRuns)
    const sameAnswer = isDeepStrictEqual(await sources.lake(query, first), await sources.embedded(query, first))
    for (let run = -warmupRuns + 1; run < 0; run++) {
      await sources.lake(query, params(run))
      await sources.embedded(query, params(run))
    }
    const samples = { lake: [] as number[], embedded: [] as number[] }
    for (let run = 0; run < runs; run++) {
      // Taken in turn, the first one alternating, so a busy moment weighs on both alike.
      const order = run % 2 === 0 ? (['lake', 'embedded'] as const) : (['embedded', 'lake'] as const)
      for (const source of order) {
        const started = performance.now()
        await sources[source](query, params(run))
        samples[source].push(performance.now() - started)
      }
    }
    lake.clearRequests()
    const lakeFigures = summariseLatencies(samples.lake)
    const embeddedFigures = summariseLatencies(samples.embedded)
    figures.push({
      name,
      lake: lakeFigures,
      embedded: embeddedFigures,
      ratio: {
        median: lakeFigures.medianMs / embeddedFigures.medianMs,
        p95: lakeFigures.p95Ms / embeddedFigures.p95Ms,
      },
      sameAnswer,
    })
  }
  return figures
}

function formatTable(devices: number, mutations: MutationFigures, queries: QueryFigures[]): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`
  const lines = [
    `Local Content Lake, ${devices.toLocaleString('en')} devices`,
    '',
    `Mutations: ${mutations.patches} price patches in ${mutations.transactions} transactions of ${mutations.patchesPerTransaction}, sequential`,
    `  total ${ms(mutations.totalMs)}, ${mutations.transactionsPerSecond.toFixed(1)} transactions/s, ${mutations.patchesPerSecond.toFixed(0)} patches/s`,
    `  per transaction: median ${ms(mutations.transactionMs.medianMs)}, p95 ${ms(mutations.transactionMs.p95Ms)}, slowest ${ms(Math.max(...mutations.eachTransactionMs))}, first ${ms(mutations.eachTransactionMs[0] ?? 0)}`,
    `  flush ${ms(mutations.flushMs)}; export file holds all ${mutations.verifiedOffers} new prices`,
    '',
  ]
  const header = ['query', 'lake median', 'lake p95', 'embedded median', 'embedded p95', 'lake/embedded median', 'p95']
  const rows = queries.map((query) => [
    query.sameAnswer ? query.name : `${query.name} (answers differ!)`,
    ms(query.lake.medianMs),
    ms(query.lake.p95Ms),
    ms(query.embedded.medianMs),
    ms(query.embedded.p95Ms),
    `${query.ratio.median.toFixed(2)}x`,
    `${query.ratio.p95.toFixed(2)}x`,
  ])
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)))
  const format = (row: string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')
  lines.push(`Queries (${queries[0]?.lake.runs ?? 0} runs each after ${warmupRuns} warm-up runs)`, format(header))
  lines.push(...rows.map(format))
  return lines.join('\n')
}

async function main(): Promise<number> {
  const commandLine = readCommandLine(process.argv.slice(2), command)
  if ('exitCode' in commandLine) return commandLine.exitCode
  const { options } = commandLine
  const startedAt = new Date().toISOString()
  const loadAtStart = loadavg()[0]!
  const dataset = datasetFile(options.devices)
  log(`${options.devices} devices: ${dataset}`)
  await writeScaleDataset(options.devices, dataset)
  const scratch = await mkdtemp(join(tmpdir(), 'bench-local-lake-'))
  const exportPath = join(scratch, 'production.ndjson')
  let lake: LocalLake | undefined
  try {
    await copyFile(dataset, exportPath)
    const lakeStarted = performance.now()
    lake = await startLocalLake({ exportPath, seedPath: dataset, token })
    const lakeStartMs = performance.now() - lakeStarted
    log(`lake at ${lake.url} on ${exportPath}, started in ${lakeStartMs.toFixed(0)} ms`)
    const client = lakeClient(lake)
    const documents = await readExport(exportPath)
    log(`${transactions} transactions of ${patchesPerTransaction} price patches`)
    const mutations = await measureMutations(client, lake, documents)
    lake.clearRequests()
    const queries = await measureQueries(client, lake, exportPath, await readExport(exportPath), options.runs)
    const results = {
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: {
        ...describeMachine(),
        /** One-minute load averages: above the core count, other work shared the machine during the run. */
        loadAverage: { start: loadAtStart, end: loadavg()[0]! },
      },
      options: { ...options, warmupRuns },
      dataset: { devices: options.devices, documents: documents.length, file: dataset },
      lakeStartMs,
      mutations,
      queries,
    }
    await mkdir(resultsDir, { recursive: true })
    await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`)
    const { cpus: cores, loadAverage } = results.machine
    console.log(
      `\n${formatTable(options.devices, mutations, queries)}\n\n${cores} cores, load average ${loadAverage.start.toFixed(1)} at the start and ${loadAverage.end.toFixed(1)} at the end\nJSON: ${resultsFile}`,
    )
    const differing = queries.filter((query) => !query.sameAnswer)
    if (differing.length > 0) {
      console.error(`The lake and the embedded source answered differently: ${differing.map((q) => q.name).join(', ')}`)
      return 1
    }
    return 0
  } finally {
    await lake?.close()
    await rm(scratch, { recursive: true, force: true })
  }
}

await runCommand(main)
