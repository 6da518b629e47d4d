import type { StoredDocument } from '@microneedling/content/source/ndjson'
import type { ImportSummary, OfferChange, OfferPatch } from '@microneedling/feeds/planImport'
import type { ExpectedPlan } from './awinFeed.ts'
import type { PricePatch } from './lakeFigures.ts'

/**
 * The pure parts of `pnpm bench:feeds` (feeds.ts and feedWorker.ts): the dataset's feed item ids,
 * the memory peaks a read reaches above its baseline, the price changes applied and the checks on
 * the plan. Kept apart from the runner so they are unit-tested.
 */

interface StoredOffer {
  _key: string
  partner?: { _ref?: unknown }
  [field: string]: unknown
}

/**
 * The documents with every offer of `partnerId` given the feed item id `<device id>:<offer key>`.
 * The scale dataset's clones keep their source device's offers, feed item ids included, so one id
 * would name several offers and the import would refuse every row that matches them.
 */
export function withUniqueFeedItemIds(
  documents: readonly StoredDocument[],
  partnerId: string,
): { documents: StoredDocument[]; rewritten: number } {
  let rewritten = 0
  const rewrittenDocuments = documents.map((document) => {
    if (document._type !== 'device' || !Array.isArray(document.offers)) return document
    const offers = (document.offers as StoredOffer[]).map((offer) => {
      if (offer.partner?._ref !== partnerId) return offer
      rewritten++
      return { ...offer, feedItemId: `${document._id}:${offer._key}` }
    })
    return { ...document, offers }
  })
  return { documents: rewrittenDocuments, rewritten }
}

/** The parts of `process.memoryUsage()` a read is judged on, in bytes. */
export interface MemorySnapshot {
  rss: number
  heapUsed: number
  external: number
  arrayBuffers: number
}

export interface MemoryPeaks {
  samples: number
  /** The highest value each part reached in any sample, less the baseline's. */
  above: MemorySnapshot
}

/** Keeps the highest of each part over the samples given, as growth above `baseline`. */
export function createPeakTracker(baseline: MemorySnapshot): {
  sample(usage: MemorySnapshot): void
  peaks(): MemoryPeaks
} {
  const highest: MemorySnapshot = { ...baseline }
  let samples = 0
  return {
    sample(usage) {
      samples++
      highest.rss = Math.max(highest.rss, usage.rss)
      highest.heapUsed = Math.max(highest.heapUsed, usage.heapUsed)
      highest.external = Math.max(highest.external, usage.external)
      highest.arrayBuffers = Math.max(highest.arrayBuffers, usage.arrayBuffers)
    },
    peaks: () => ({
      samples,
      above: {
        rss: highest.rss - baseline.rss,
        heapUsed: highest.heapUsed - baseline.heapUsed,
        external: highest.external - baseline.external,
        arrayBuffers: highest.arrayBuffers - baseline.arrayBuffers,
      },
    }),
  }
}

/**
 * The first `count` of the plan's changes that set a price, their patches as planned (check times
 * and any other field of the offer included), and each offer's new price to look for afterwards.
 */
export function priceChangesOf(
  changes: readonly OfferChange[],
  count: number,
): { patches: OfferPatch[]; expected: PricePatch[] } {
  const priced = changes.filter((change) => change.fields.some((field) => field.field === 'price')).slice(0, count)
  if (priced.length < count) {
    throw new Error(`the plan has ${priced.length} price changes, fewer than the ${count} to apply`)
  }
  return {
    patches: priced.map((change) => change.patch),
    expected: priced.map((change) => ({
      id: change.deviceId,
      key: change.offerKey,
      price: change.fields.find((field) => field.field === 'price')!.after as number,
    })),
  }
}

/** Where the plan's summary and price changes differ from what the generated feed must give; empty when they agree. */
export function planProblems(summary: ImportSummary, priceChanges: number, expected: ExpectedPlan): string[] {
  const problems: string[] = []
  for (const name of ['read', 'matched', 'held', 'refused', 'unmatched', 'missing'] as const) {
    if (summary[name] !== expected[name]) problems.push(`${name}: ${summary[name]}, expected ${expected[name]}`)
  }
  if (priceChanges !== expected.priceChanges) {
    problems.push(`price changes: ${priceChanges}, expected ${expected.priceChanges}`)
  }
  return problems
}

export const megabytes = (bytes: number) => bytes / (1024 * 1024)
