/**
 * `pnpm bench:feeds`: what a partner feed import costs on a large catalogue and a large feed.
 * Writes the scale dataset (bench/.data/devices-<n>.ndjson, 10,000 devices by default), copies it
 * to a temporary folder with every offer of the Awin partner `dermamart` given its own feed item id
 * (the clones share their source's), and starts a lake on the copy. Then:
 *   1. read: for each size (20,000 and 200,000 items by default) writes a gzipped Awin CSV feed
 *      (awinFeed.ts: a row for each of the partner's offers, most a few percent dearer or cheaper,
 *      one in twenty moved by 60% so held, one row in ten out of stock, the rest products the site
 *      does not list) and reads it in a child process of its own (feedWorker.ts): the catalogue
 *      through @sanity/client, then the feed through `readFeed` and the import planner, timed, with
 *      its peak memory above the child's baseline. Exit 1 when a plan differs from the one the feed
 *      must give, or a read's peak RSS above its baseline reaches the target;
 *   2. apply: plans the smallest feed with `planPartnerImport`, as an import does, and writes the
 *      first 1,000 of its price changes with `applyOfferPatches`, timed; after `lake.flush()`
 *      checks the export file holds every new price (exit 1 if not).
 * Prints a table and writes bench/results/feeds.json. A benchmark, not a test: figures vary with
 * the machine.
 */

import { spawn } from 'node:child_process'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { defaultApiVersion } from '@microneedling/content/apiVersion'
import { parseNdjson, type StoredDocument } from '@microneedling/content/source/ndjson'
import { applyOfferPatches } from '@microneedling/feeds/applyOfferPatches'
import type { CatalogueOffer } from '@microneedling/feeds/catalogueOffer'
import { type FeedPartner, loadFeedPartners, loadPartnerCatalogue } from '@microneedling/feeds/feedCatalogue'
import { planPartnerImport } from '@microneedling/feeds/planPartnerImport'
import { type LocalLake, startLocalLake } from '@microneedling/local-lake'
import { createClient, type SanityClient } from '@sanity/client'
import { z } from 'zod'
import { awinFeedLines, type ExpectedPlan, expectedPlan } from './awinFeed.ts'
import { type CommandLine, readCommandLine, runCommand } from './commandLine.ts'
import { megabytes, planProblems, priceChangesOf, withUniqueFeedItemIds } from './feedFigures.ts'
import { type FeedWorkerInput, type FeedWorkerResult, feedWorkerFile } from './feedWorker.ts'
import { priceMismatches } from './lakeFigures.ts'
import { describeMachine } from './machine.ts'
import { datasetFile, resultsDir } from './paths.ts'
import { writeScaleDataset } from './scaleDataset.ts'

const partnerSlug = 'dermamart'
const targetBytes = 150 * 1024 * 1024
const linesPerChunk = 500
const token = 'bench-feeds-token'
const resultsFile = `${resultsDir}feeds.json`

const usage = `Usage: pnpm bench:feeds [options]
  --devices 10000        catalogue size (devices; at least 18, the sample)
  --sizes 20000,200000   feed sizes (items), each read in a process of its own
  --changes 1000         price changes of the plan applied to the lake
  --help                 this text`

const optionsSchema = z.object({
  devices: z.coerce.number().int().min(18, 'at least 18 devices (the sample)').max(100_000).default(10_000),
  sizes: z
    .string()
    .default('20000,200000')
    .transform((text) => text.split(',').map((size) => Number(size.trim())))
    .pipe(z.array(z.number().int().min(1).max(5_000_000)).min(1)),
  changes: z.coerce.number().int().min(1).max(100_000).default(1000),
  help: z.boolean().default(false),
})
const command: CommandLine<typeof optionsSchema> = {
  usage,
  flags: { devices: 'string', sizes: 'string', changes: 'string' },
  schema: optionsSchema,
}

const log = (message: string) => console.log(`[bench:feeds] ${message}`)

interface FeedFile {
  size: number
  path: string
  bytes: number
  gzippedBytes: number
  writeMs: number
}

interface ReadFigures extends FeedWorkerResult {
  size: number
  feed: FeedFile
  expected: ExpectedPlan
  planProblems: string[]
  withinTarget: boolean
}

interface ApplyFigures {
  planReadMs: number
  priceChanges: number
  documents: number
  applyMs: number
  patchesPerSecond: number
  notApplied: { documentId: string; reason?: string }[]
  /** Documents committed on their planned revision, in one go with their batch. */
  firstTry: number
  flushMs: number
  mismatches: string[]
}

function lakeClient(lake: LocalLake): SanityClient {
  return createClient({
    apiHost: lake.url,
    useProjectHostname: false,
    useCdn: false,
    projectId: lake.projectId,
    dataset: lake.dataset,
    apiVersion: defaultApiVersion,
    token: lake.token,
    maxRetries: 0,
  })
}

async function readExport(path: string): Promise<StoredDocument[]> {
  const { documents, problems } = parseNdjson(await readFile(path, 'utf8'))
  if (problems.length > 0) throw new Error(`${path} has unreadable lines: ${JSON.stringify(problems.slice(0, 5))}`)
  return documents
}

/** The feed of `size` items as a gzipped file, streamed out a few hundred lines at a time. */
async function writeFeed(path: string, offers: readonly CatalogueOffer[], size: number, host: string) {
  const started = performance.now()
  let bytes = 0
  function* chunks(): Generator<string> {
    let chunk = ''
    let lines = 0
    for (const line of awinFeedLines(offers, size, host)) {
      chunk += line
      if (++lines % linesPerChunk === 0) {
        bytes += Buffer.byteLength(chunk)
        yield chunk
        chunk = ''
      }
    }
    bytes += Buffer.byteLength(chunk)
    yield chunk
  }
  await pipeline(Readable.from(chunks()), createGzip(), createWriteStream(path))
  return { size, path, bytes, gzippedBytes: (await stat(path)).size, writeMs: performance.now() - started }
}

/** Runs feedWorker.ts in a fresh node process, with the garbage collector exposed for its baseline. */
function readInChild(input: FeedWorkerInput): Promise<FeedWorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', feedWorkerFile, JSON.stringify(input)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      output += text
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`the feed worker for ${input.feedFile} exited with ${code}`))
      // The figures are the last line: anything a library prints goes to stderr, but stdout is not policed.
      else resolve(JSON.parse(output.trimEnd().split('\n').at(-1) ?? '') as FeedWorkerResult)
    })
  })
}

async function measureApply(
  client: SanityClient,
  lake: LocalLake,
  partner: FeedPartner,
  feed: FeedFile,
  changes: number,
  now: Date,
): Promise<ApplyFigures> {
  const query = (groq: string, params: Record<string, string>) =>
    client.fetch(groq, params, { perspective: 'published', useCdn: false })
  const { plan, catalogue, readMs } = await planPartnerImport({
    partner,
    feed: createReadStream(feed.path),
    query,
    previousMisses: new Map(),
    now,
  })
  const { patches, expected } = priceChangesOf(plan.changes, changes)
  log(`applying ${patches.length} price changes of the ${feed.size.toLocaleString('en')}-item plan`)
  const started = performance.now()
  const results = await applyOfferPatches(client, patches, catalogue.revisions)
  const applyMs = performance.now() - started
  const flushStarted = performance.now()
  await lake.flush()
  const flushMs = performance.now() - flushStarted
  return {
    planReadMs: readMs,
    priceChanges: patches.length,
    documents: results.length,
    applyMs,
    patchesPerSecond: patches.length / (applyMs / 1000),
    notApplied: results.flatMap((result) =>
      result.applied ? [] : [{ documentId: result.documentId, ...(result.reason ? { reason: result.reason } : {}) }],
    ),
    firstTry: results.filter((result) => result.applied && result.attempts === 1).length,
    flushMs,
    mismatches: priceMismatches(await readExport(lake.exportPath), expected),
  }
}

function formatTable(devices: number, offers: number, reads: ReadFigures[], apply: ApplyFigures): string {
  const mb = (bytes: number) => `${megabytes(bytes).toFixed(1)} MB`
  const whole = (value: number) => Math.round(value).toLocaleString('en')
  const header = [
    'feed items',
    'file (gzipped)',
    'read + plan',
    'items/s',
    'peak RSS above baseline',
    'peak heap above baseline',
    'heap kept',
    `under ${mb(targetBytes)}`,
  ]
  const rows = reads.map((read) => [
    whole(read.size),
    `${mb(read.feed.bytes)} (${mb(read.feed.gzippedBytes)})`,
    `${whole(read.readPlanMs)} ms`,
    whole(read.itemsPerSecond),
    mb(read.peakRssAbove),
    mb(read.sampled.above.heapUsed),
    mb(read.keptHeapAbove),
    read.withinTarget ? 'yes' : 'NO',
  ])
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)))
  const format = (row: string[]) => row.map((cell, column) => cell.padStart(widths[column]!)).join('  ')
  const baselines = reads.map((read) => `${mb(read.baseline.rss)} RSS / ${mb(read.baseline.heapUsed)} heap`)
  return [
    `Feed import, partner ${partnerSlug} (Awin CSV, gzipped), ${whole(devices)} devices: ${whole(offers)} offers of the partner`,
    '',
    format(header),
    ...rows.map(format),
    `baseline (catalogue loaded, after a collection): ${baselines.join('; ')}`,
    'heap kept: the heap above the baseline after a collection at the end (the plan)',
    ...reads.flatMap((read) =>
      read.planProblems.length > 0 ? [`plan of ${whole(read.size)} differs: ${read.planProblems.join('; ')}`] : [],
    ),
    '',
    `Apply: ${apply.priceChanges} price changes to ${apply.documents} documents with applyOfferPatches: ${whole(apply.applyMs)} ms, ${whole(apply.patchesPerSecond)} patches/s (${apply.firstTry} on their planned revision, ${apply.notApplied.length} not applied)`,
    `  flush ${whole(apply.flushMs)} ms; ${apply.mismatches.length === 0 ? `export file holds all ${apply.priceChanges} new prices` : `export file lacks ${apply.mismatches.length} new prices`}`,
  ].join('\n')
}

async function main(): Promise<number> {
  const commandLine = readCommandLine(process.argv.slice(2), command)
  if ('exitCode' in commandLine) return commandLine.exitCode
  const { options } = commandLine
  const startedAt = new Date().toISOString()
  const loadAtStart = loadavg()[0]!
  const now = new Date()
  const dataset = datasetFile(options.devices)
  log(`${options.devices} devices: ${dataset}`)
  await writeScaleDataset(options.devices, dataset)
  const scratch = await mkdtemp(join(tmpdir(), 'bench-feeds-'))
  const exportPath = join(scratch, 'production.ndjson')
  let lake: LocalLake | undefined
  try {
    const sample = await readExport(dataset)
    const partnerId = sample.find(
      (document) => document._type === 'partner' && (document.slug as { current?: unknown })?.current === partnerSlug,
    )?._id
    if (!partnerId) throw new Error(`${dataset} has no partner ${partnerSlug}`)
    const { documents, rewritten } = withUniqueFeedItemIds(sample, partnerId)
    await writeFile(exportPath, `${documents.map((document) => JSON.stringify(document)).join('\n')}\n`)
    log(`${rewritten} offers of ${partnerId} given their own feed item id in ${exportPath}`)
    lake = await startLocalLake({ exportPath, token })
    const client = lakeClient(lake)
    const query = (groq: string, params: Record<string, string>) =>
      client.fetch(groq, params, { perspective: 'published', useCdn: false })
    const partner = (await loadFeedPartners(query)).find((candidate) => candidate._id === partnerId)
    if (partner?.feed?.format !== 'awin-csv') throw new Error(`partner ${partnerId} has no Awin CSV feed in the lake`)
    const host = partner.allowedHosts[0]
    if (!host) throw new Error(`partner ${partnerId} allows no host for its links`)
    const { offers } = await loadPartnerCatalogue(query, partnerId)

    const reads: ReadFigures[] = []
    for (const size of options.sizes) {
      const feed = await writeFeed(join(scratch, `feed-${size}.csv.gz`), offers, size, host)
      log(
        `${size} items: ${megabytes(feed.gzippedBytes).toFixed(1)} MB gzipped, written in ${feed.writeMs.toFixed(0)} ms`,
      )
      const result = await readInChild({
        lakeUrl: lake.url,
        projectId: lake.projectId,
        dataset: lake.dataset,
        apiVersion: defaultApiVersion,
        partnerId,
        feedFile: feed.path,
        now: now.toISOString(),
      })
      const expected = expectedPlan(offers, size)
      reads.push({
        ...result,
        size,
        feed,
        expected,
        planProblems: planProblems(result.summary, result.priceChanges, expected),
        withinTarget: result.peakRssAbove < targetBytes,
      })
      log(`${size} items read and planned in ${result.readPlanMs.toFixed(0)} ms`)
    }

    const smallest = reads.reduce((least, read) => (read.size < least.size ? read : least)).feed
    const apply = await measureApply(client, lake, partner, smallest, options.changes, now)

    const results = {
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: {
        ...describeMachine(),
        /** One-minute load averages: above the core count, other work shared the machine during the run. */
        loadAverage: { start: loadAtStart, end: loadavg()[0]! },
      },
      options,
      targetBytes,
      dataset: { devices: options.devices, documents: documents.length, file: dataset },
      partner: { id: partnerId, offers: offers.length, feedItemIdsRewritten: rewritten },
      reads: reads.map(({ feed: { path: _path, ...feed }, ...read }) => ({ ...read, feed })),
      apply,
    }
    await mkdir(resultsDir, { recursive: true })
    await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`)
    const { cpus: cores, loadAverage } = results.machine
    console.log(
      `\n${formatTable(options.devices, offers.length, reads, apply)}\n\n${cores} cores, load average ${loadAverage.start.toFixed(1)} at the start and ${loadAverage.end.toFixed(1)} at the end\nJSON: ${resultsFile}`,
    )
    const failures = [
      ...reads.flatMap((read) => (read.withinTarget ? [] : [`the read of ${read.size} items exceeded the target`])),
      ...reads.flatMap((read) => (read.planProblems.length > 0 ? [`the plan of ${read.size} items is wrong`] : [])),
      ...(apply.notApplied.length > 0 ? [`${apply.notApplied.length} documents were not patched`] : []),
      ...(apply.mismatches.length > 0
        ? [`the export file lacks new prices:\n  ${apply.mismatches.slice(0, 10).join('\n  ')}`]
        : []),
    ]
    for (const failure of failures) console.error(`[bench:feeds] FAIL: ${failure}`)
    return failures.length > 0 ? 1 : 0
  } finally {
    await lake?.close()
    await rm(scratch, { recursive: true, force: true })
  }
}

await runCommand(main)
