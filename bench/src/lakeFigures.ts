import type { StoredDocument } from '@microneedling/content/source/ndjson'
import { percentile } from './load.ts'

/**
 * The pure parts of `pnpm bench:lake` (localLake.ts): which offer prices it patches, how it
 * batches them into transactions, how it checks the export file holds them, and how it sums up
 * latencies. Kept apart from the runner so they are unit-tested.
 */

/** One price patch: set the price of the offer with `_key` `key` on document `id`. */
export interface PricePatch {
  id: string
  key: string
  price: number
}

interface Offer {
  _key: string
  price: number
}

const offersOf = (document: StoredDocument) =>
  (Array.isArray(document.offers) ? document.offers : []).filter(
    (offer): offer is Offer =>
      typeof offer === 'object' && offer !== null && typeof offer._key === 'string' && typeof offer.price === 'number',
  )

const cents = (value: number) => Math.round(value * 100) / 100

/**
 * `count` price patches over the published devices' offers: the first offer of every device in
 * file order, then every device's second offer, and so on, starting again from the first when
 * there are fewer offers than patches (a later patch of an offer then wins). Patch `n` sets the
 * offer's price to its price in `documents` plus 1 + n/100, so every new price differs from the
 * stored one and from every other patch's.
 */
export function pricePatches(documents: readonly StoredDocument[], count: number): PricePatch[] {
  const devices = documents.filter((document) => document._type === 'device' && !document._id.startsWith('drafts.'))
  const order: { id: string; offer: Offer }[] = []
  const deepest = Math.max(0, ...devices.map((device) => offersOf(device).length))
  for (let index = 0; index < deepest; index++) {
    for (const device of devices) {
      const offer = offersOf(device)[index]
      if (offer) order.push({ id: device._id, offer })
    }
  }
  if (order.length === 0) throw new Error('the dataset has no device with a priced offer to patch')
  return Array.from({ length: count }, (_, n) => {
    const { id, offer } = order[n % order.length]!
    return { id, key: offer._key, price: cents(offer.price + 1 + n / 100) }
  })
}

/** `items` cut into consecutive runs of `size` (the last may be shorter). */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('a batch holds at least one item')
  const batches: T[][] = []
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size))
  return batches
}

/**
 * What the documents get wrong against the patches applied in order (the last patch of an offer
 * wins): one line per offer whose price is not the expected one, or whose document or offer is
 * missing. Empty when every patch is there.
 */
export function priceMismatches(documents: readonly StoredDocument[], patches: readonly PricePatch[]): string[] {
  const expected = new Map<string, PricePatch>()
  for (const patch of patches) expected.set(`${patch.id}\u0000${patch.key}`, patch)
  const byId = new Map(documents.map((document) => [document._id, document]))
  const mismatches: string[] = []
  for (const { id, key, price } of expected.values()) {
    const document = byId.get(id)
    if (!document) {
      mismatches.push(`${id}: no such document`)
      continue
    }
    const offer = offersOf(document).find((candidate) => candidate._key === key)
    if (!offer) mismatches.push(`${id} offer ${key}: no such offer`)
    else if (offer.price !== price) mismatches.push(`${id} offer ${key}: price ${offer.price}, expected ${price}`)
  }
  return mismatches
}

export interface LatencySummary {
  runs: number
  medianMs: number
  p95Ms: number
}

/** Median and p95 (nearest rank) of `samples`, in milliseconds. */
export function summariseLatencies(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b)
  return { runs: sorted.length, medianMs: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95) }
}
