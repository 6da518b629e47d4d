/**
 * One feed read by `pnpm bench:feeds` (feeds.ts), in a process of its own so that what it measures
 * is this read's memory alone: the parent starts it with `node --expose-gc feedWorker.ts <input>`.
 * It loads the partner's catalogue from the lake as the import does, collects the garbage and takes
 * that as the baseline, then streams the gzipped feed through `readFeed` into the import planner,
 * sampling the memory as it goes, and writes its figures to stdout as one JSON line.
 */

import { createReadStream, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { loadFeedPartners, loadPartnerCatalogue } from '@microneedling/feeds/feedCatalogue'
import { createImportPlanner, type ImportSummary } from '@microneedling/feeds/planImport'
import { readFeed } from '@microneedling/feeds/readFeed'
import { createClient } from '@sanity/client'
import { createPeakTracker, type MemoryPeaks, type MemorySnapshot } from './feedFigures.ts'

/** This file, for the parent to start. */
export const feedWorkerFile = fileURLToPath(import.meta.url)

export interface FeedWorkerInput {
  lakeUrl: string
  projectId: string
  dataset: string
  apiVersion: string
  partnerId: string
  feedFile: string
  /** The import's time, ISO 8601. */
  now: string
}

export interface FeedWorkerResult {
  catalogue: { offers: number; loadMs: number }
  baseline: MemorySnapshot
  readPlanMs: number
  itemsPerSecond: number
  /** The peaks of the samples taken every few milliseconds and every 1,000 items. */
  sampled: MemoryPeaks
  /**
   * The kernel's peak RSS of the process (getrusage's maxRSS) less the baseline's RSS, when the peak
   * could be reset at the baseline (Linux); otherwise undefined, as it would count the catalogue's load.
   */
  kernelPeakRssAbove: number | undefined
  /** What the target is judged on: the higher of the sampled and the kernel's peak RSS above the baseline. */
  peakRssAbove: number
  /**
   * The heap still used after a collection at the end, above the baseline: what the read kept (the
   * plan). Against the peak it tells memory held from garbage the collector had not yet reclaimed.
   */
  keptHeapAbove: number
  summary: ImportSummary
  changes: number
  priceChanges: number
}

const sampleEveryMs = 5
const sampleEveryItems = 1_000

const snapshot = (): MemorySnapshot => {
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage()
  return { rss, heapUsed, external, arrayBuffers }
}

/**
 * Sets the kernel's peak RSS of this process back to its current RSS (Linux: writing 5 to
 * /proc/self/clear_refs), so that getrusage's maxRSS is afterwards the peak since this moment.
 */
function resetKernelPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5')
    return true
  } catch {
    return false
  }
}

async function run(input: FeedWorkerInput): Promise<FeedWorkerResult> {
  const collectGarbage = globalThis.gc
  if (!collectGarbage) throw new Error('start the worker with --expose-gc: its baseline is the heap after a collection')
  const client = createClient({
    apiHost: input.lakeUrl,
    useProjectHostname: false,
    useCdn: false,
    projectId: input.projectId,
    dataset: input.dataset,
    apiVersion: input.apiVersion,
  })
  // As the site's content source asks: published documents only.
  const query = (groq: string, params: Record<string, string>) =>
    client.fetch(groq, params, { perspective: 'published', useCdn: false })
  const loadStarted = performance.now()
  const partner = (await loadFeedPartners(query)).find((candidate) => candidate._id === input.partnerId)
  if (!partner?.feed) throw new Error(`partner ${input.partnerId} is not in the lake, or names no feed`)
  const catalogue = await loadPartnerCatalogue(query, partner._id)
  const loadMs = performance.now() - loadStarted

  // Twice: the first collection can leave garbage that finalizers only release for the second.
  collectGarbage()
  collectGarbage()
  const kernelPeakReset = resetKernelPeak()
  const baseline = snapshot()
  const tracker = createPeakTracker(baseline)
  const sampler = setInterval(() => tracker.sample(snapshot()), sampleEveryMs)

  const started = performance.now()
  const planner = createImportPlanner({
    partner: { id: partner._id, allowedHosts: partner.allowedHosts },
    offers: catalogue.offers,
    previousMisses: new Map(),
    now: new Date(input.now),
  })
  let entries = 0
  for await (const entry of readFeed(createReadStream(input.feedFile), partner.feed.format)) {
    planner.add(entry)
    if (++entries % sampleEveryItems === 0) tracker.sample(snapshot())
  }
  const plan = planner.finish()
  const readPlanMs = performance.now() - started
  tracker.sample(snapshot())
  clearInterval(sampler)
  const kernelPeakRssAbove = kernelPeakReset ? process.resourceUsage().maxRSS * 1024 - baseline.rss : undefined
  collectGarbage()
  const keptHeapAbove = process.memoryUsage().heapUsed - baseline.heapUsed

  const sampled = tracker.peaks()
  return {
    catalogue: { offers: catalogue.offers.length, loadMs },
    baseline,
    readPlanMs,
    itemsPerSecond: plan.summary.read / (readPlanMs / 1000),
    sampled,
    kernelPeakRssAbove,
    peakRssAbove: Math.max(sampled.above.rss, kernelPeakRssAbove ?? 0),
    keptHeapAbove,
    summary: plan.summary,
    changes: plan.changes.length,
    priceChanges: plan.changes.filter((change) => change.fields.some((field) => field.field === 'price')).length,
  }
}

if (import.meta.main) {
  try {
    const result = await run(JSON.parse(process.argv[2] ?? '') as FeedWorkerInput)
    // Exits once the line is written: the client's kept-alive socket to the lake would hold the process open.
    process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0))
  } catch (error) {
    console.error(error)
    process.exit(1)
  }
}
