import type { StoredDocument } from '@microneedling/content/source/ndjson'
import { describe, expect, it } from 'vitest'
import { inBatches, priceMismatches, pricePatches, summariseLatencies } from '../src/lakeFigures.ts'

const device = (id: string, prices: number[]): StoredDocument => ({
  _id: id,
  _type: 'device',
  offers: prices.map((price, index) => ({ _key: `${id}-o${index}`, url: 'https://shop.example/x', price })),
})

const documents: StoredDocument[] = [
  { _id: 'brand-a', _type: 'brand' },
  device('device-a', [10, 20]),
  device('drafts.device-a', [99]),
  device('device-b', [30]),
  device('device-c', [40, 50, 60]),
]

/** The documents with the patches applied in order, as the lake should leave them. */
function applied(patches: ReturnType<typeof pricePatches>): StoredDocument[] {
  const copy = structuredClone(documents)
  for (const { id, key, price } of patches) {
    const offers = copy.find((document) => document._id === id)?.offers as { _key: string; price: number }[]
    offers.find((offer) => offer._key === key)!.price = price
  }
  return copy
}

describe('pricePatches', () => {
  it("patches every published device's first offer before any second offer, leaving drafts alone", () => {
    const patches = pricePatches(documents, 6)
    expect(patches.map((patch) => patch.key)).toEqual([
      'device-a-o0',
      'device-b-o0',
      'device-c-o0',
      'device-a-o1',
      'device-c-o1',
      'device-c-o2',
    ])
  })

  it('sets prices that differ from the stored ones and from each other', () => {
    const patches = pricePatches(documents, 6)
    expect(patches.map((patch) => patch.price)).toEqual([11, 31.01, 41.02, 21.03, 51.04, 61.05])
  })

  it('starts again from the first offer when there are more patches than offers', () => {
    const patches = pricePatches(documents, 8)
    expect(patches.slice(6).map((patch) => [patch.key, patch.price])).toEqual([
      ['device-a-o0', 11.06],
      ['device-b-o0', 31.07],
    ])
  })

  it('refuses a dataset with nothing to patch', () => {
    expect(() => pricePatches([{ _id: 'brand-a', _type: 'brand' }], 1)).toThrow(/no device/)
  })
})

describe('inBatches', () => {
  it('cuts 1,000 patches into 20 transactions of 50, in order', () => {
    const items = Array.from({ length: 1000 }, (_, index) => index)
    const batches = inBatches(items, 50)
    expect(batches).toHaveLength(20)
    expect(batches.every((batch) => batch.length === 50)).toBe(true)
    expect(batches.flat()).toEqual(items)
  })

  it('leaves a shorter last batch, and refuses an empty batch size', () => {
    expect(inBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(inBatches([], 3)).toEqual([])
    expect(() => inBatches([1], 0)).toThrow(RangeError)
  })
})

describe('priceMismatches', () => {
  it('finds nothing wrong when every patch was applied, the last patch of an offer winning', () => {
    const patches = pricePatches(documents, 8)
    expect(priceMismatches(applied(patches), patches)).toEqual([])
  })

  it('names each offer that lacks its new price, and documents or offers that are gone', () => {
    const patches = pricePatches(documents, 8)
    const stale = applied(patches.slice(0, 7))
    expect(priceMismatches(stale, patches)).toEqual(['device-b offer device-b-o0: price 31.01, expected 31.07'])
    const gone = applied(patches).filter((document) => document._id !== 'device-c')
    expect(priceMismatches(gone, patches)).toEqual(Array(3).fill('device-c: no such document'))
    const noOffer = applied(patches).map((document) =>
      document._id === 'device-b' ? { ...document, offers: [] } : document,
    )
    expect(priceMismatches(noOffer, patches)).toEqual(['device-b offer device-b-o0: no such offer'])
  })
})

describe('summariseLatencies', () => {
  it('gives the nearest-rank median and p95 whatever the order of the samples', () => {
    const samples = Array.from({ length: 20 }, (_, index) => 20 - index)
    expect(summariseLatencies(samples)).toEqual({ runs: 20, medianMs: 10, p95Ms: 19 })
  })
})
