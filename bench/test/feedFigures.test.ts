import type { StoredDocument } from '@microneedling/content/source/ndjson'
import type { ImportSummary, OfferChange } from '@microneedling/feeds/planImport'
import { describe, expect, it } from 'vitest'
import type { ExpectedPlan } from '../src/awinFeed.ts'
import {
  createPeakTracker,
  megabytes,
  planProblems,
  priceChangesOf,
  withUniqueFeedItemIds,
} from '../src/feedFigures.ts'

const offer = (key: string, partner: string, feedItemId?: string) => ({
  _key: key,
  partner: { _type: 'reference', _ref: partner },
  price: 10,
  ...(feedItemId ? { feedItemId } : {}),
})

describe('withUniqueFeedItemIds', () => {
  const documents: StoredDocument[] = [
    { _id: 'partner-dermamart', _type: 'partner' },
    {
      _id: 'device-a',
      _type: 'device',
      offers: [offer('a-dm', 'partner-dermamart', 'DM-1'), offer('a-gs', 'gs', 'G1')],
    },
    // A clone of device-a: same feed item id, its own offer key.
    { _id: 'device-a-2', _type: 'device', offers: [offer('a-dm-2', 'partner-dermamart', 'DM-1')] },
    { _id: 'device-b', _type: 'device', offers: [offer('b-dm', 'partner-dermamart')] },
    { _id: 'device-c', _type: 'device' },
  ]

  it("gives each of the partner's offers its own id, with or without one before, and leaves the rest", () => {
    const { documents: rewritten, rewritten: count } = withUniqueFeedItemIds(documents, 'partner-dermamart')
    expect(count).toBe(3)
    const ids = rewritten.flatMap((document) =>
      ((document.offers ?? []) as { _key: string; feedItemId?: string }[]).map((o) => [o._key, o.feedItemId]),
    )
    expect(ids).toEqual([
      ['a-dm', 'device-a:a-dm'],
      ['a-gs', 'G1'],
      ['a-dm-2', 'device-a-2:a-dm-2'],
      ['b-dm', 'device-b:b-dm'],
    ])
    expect(rewritten[0]).toBe(documents[0])
    expect(rewritten[4]).toBe(documents[4])
    // The input is not changed.
    expect((documents[1]!.offers as { feedItemId: string }[])[0]!.feedItemId).toBe('DM-1')
  })
})

describe('createPeakTracker', () => {
  it('keeps the highest of each part above the baseline, each from its own sample', () => {
    const tracker = createPeakTracker({ rss: 100, heapUsed: 50, external: 10, arrayBuffers: 5 })
    tracker.sample({ rss: 180, heapUsed: 60, external: 10, arrayBuffers: 5 })
    tracker.sample({ rss: 150, heapUsed: 90, external: 12, arrayBuffers: 4 })
    expect(tracker.peaks()).toEqual({ samples: 2, above: { rss: 80, heapUsed: 40, external: 2, arrayBuffers: 0 } })
  })

  it('reports no growth when nothing rose above the baseline, or nothing was sampled', () => {
    const tracker = createPeakTracker({ rss: 100, heapUsed: 50, external: 10, arrayBuffers: 5 })
    expect(tracker.peaks().above).toEqual({ rss: 0, heapUsed: 0, external: 0, arrayBuffers: 0 })
    tracker.sample({ rss: 90, heapUsed: 40, external: 9, arrayBuffers: 1 })
    expect(tracker.peaks()).toEqual({ samples: 1, above: { rss: 0, heapUsed: 0, external: 0, arrayBuffers: 0 } })
  })
})

function change(deviceId: string, fields: [string, unknown][]): OfferChange {
  const offerKey = `${deviceId}-dm`
  const changed = fields.map(([field, after]) => ({
    field: field as OfferChange['fields'][number]['field'],
    path: `offers[_key=="${offerKey}"].${field}`,
    before: undefined,
    after,
  }))
  return {
    offerKey,
    deviceId,
    deviceName: deviceId,
    cause: 'feed',
    fields: changed,
    patch: { documentId: deviceId, set: Object.fromEntries(changed.map((f) => [f.path, f.after])), unset: [] },
  }
}

describe('priceChangesOf', () => {
  const changes = [
    change('d1', [
      ['price', 11],
      ['priceCheckedAt', '2026-11-24'],
    ]),
    change('d2', [['availability', 'outOfStock']]),
    change('d3', [['priceCheckedAt', '2026-11-24']]),
    change('d4', [
      ['availability', 'inStock'],
      ['price', 42.5],
    ]),
    change('d5', [['price', 7]]),
  ]

  it('takes the first changes that set a price, with their whole patches and new prices', () => {
    const { patches, expected } = priceChangesOf(changes, 2)
    expect(patches).toEqual([changes[0]!.patch, changes[3]!.patch])
    expect(expected).toEqual([
      { id: 'd1', key: 'd1-dm', price: 11 },
      { id: 'd4', key: 'd4-dm', price: 42.5 },
    ])
  })

  it('refuses to apply fewer than asked', () => {
    expect(() => priceChangesOf(changes, 4)).toThrow(/3 price changes, fewer than the 4/)
  })
})

describe('planProblems', () => {
  const expected: ExpectedPlan = {
    read: 100,
    matched: 40,
    held: 2,
    refused: 0,
    unmatched: 60,
    missing: 0,
    priceChanges: 32,
  }
  const summary: ImportSummary = {
    read: 100,
    matched: 40,
    changed: 36,
    unchanged: 2,
    held: 2,
    refused: 0,
    unmatched: 60,
    missing: 0,
  }

  it('finds nothing when the plan is the expected one (changed and unchanged depend on stock, not checked)', () => {
    expect(planProblems(summary, 32, expected)).toEqual([])
  })

  it('names each figure that differs', () => {
    expect(planProblems({ ...summary, matched: 39, refused: 1 }, 31, expected)).toEqual([
      'matched: 39, expected 40',
      'refused: 1, expected 0',
      'price changes: 31, expected 32',
    ])
  })
})

describe('megabytes', () => {
  it('counts 1,048,576 bytes to the megabyte', () => {
    expect(megabytes(150 * 1024 * 1024)).toBe(150)
  })
})
