import { gzipSync } from 'node:zlib'
import { gtinProblem } from '@microneedling/content/gtin'
import { planFeedImport } from '@microneedling/feeds/planImport'
import { type FeedReadResult, readFeed } from '@microneedling/feeds/readFeed'
import { describe, expect, it } from 'vitest'
import { awinFeedLines, csvLine, ean13, expectedPlan, feedPrice, isOfferRow, offerRowKind } from '../src/awinFeed.ts'

const partner = { id: 'partner-dermamart', allowedHosts: ['www.dermamart.example', 'dermamart.example'] }

/** `count` catalogue offers of the partner, as loadPartnerCatalogue gives them. */
function catalogueOffers(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    deviceId: `device-${index}`,
    deviceName: `Fernhill "Glide" ${index}, 0.5 mm`,
    offerKey: `offer-${index}`,
    partnerId: partner.id,
    feedItemId: `device-${index}:offer-${index}`,
    url: `https://www.dermamart.example/p/device-${index}`,
    price: 20 + index * 3.5,
    currency: 'GBP',
    availability: 'inStock' as const,
  }))
}

async function readAll(bytes: Uint8Array): Promise<FeedReadResult[]> {
  const results: FeedReadResult[] = []
  async function* chunks() {
    yield bytes
  }
  for await (const result of readFeed(chunks(), 'awin-csv')) results.push(result)
  return results
}

describe('csvLine', () => {
  it('quotes cells with a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvLine(['a', 'b, c', 'say "hi"', 'two\nlines', ''])).toBe('a,"b, c","say ""hi""","two\nlines",\n')
  })
})

describe('ean13', () => {
  it('gives 13 digits with a correct check digit', () => {
    for (const n of [0, 1, 7, 12_345, 199_999, 9_999_999_999]) {
      expect(ean13(n)).toHaveLength(13)
      expect(gtinProblem(ean13(n))).toBeUndefined()
    }
    expect(ean13(1)).not.toBe(ean13(2))
  })
})

describe('offer rows', () => {
  it('holds one price in twenty, keeps three and moves the rest', () => {
    const kinds = Array.from({ length: 40 }, (_, index) => offerRowKind(index))
    expect(kinds.filter((kind) => kind === 'held')).toHaveLength(2)
    expect(kinds.filter((kind) => kind === 'samePrice')).toHaveLength(6)
    expect(kinds.filter((kind) => kind === 'priceChange')).toHaveLength(32)
  })

  it('moves a held price by 60% up or down, a changed one by 1 to 4%, and keeps the same one', () => {
    for (let index = 0; index < 200; index++) {
      const share = Math.abs(feedPrice(80, index) - 80) / 80
      const kind = offerRowKind(index)
      if (kind === 'held') expect(share).toBeCloseTo(0.6)
      else if (kind === 'samePrice') expect(share).toBe(0)
      else {
        expect(share).toBeGreaterThan(0.009)
        expect(share).toBeLessThan(0.041)
      }
    }
    expect(new Set([0, 20].map((index) => feedPrice(80, index) > 80))).toEqual(new Set([true, false]))
  })

  it('still changes a price of a few pence', () => {
    expect(feedPrice(0.1, 4)).not.toBe(0.1)
  })

  it('spreads exactly the offers over the rows, all rows when there are as many', () => {
    for (const [offers, size] of [
      [0, 10],
      [3, 10],
      [7, 7],
      [777, 20_000],
    ] as const) {
      const rows = Array.from({ length: size }, (_, row) => row).filter((row) => isOfferRow(row, offers, size))
      expect(rows).toHaveLength(offers)
      if (offers > 1) expect(rows.at(-1)).toBe(size - 1)
    }
  })
})

describe('awinFeedLines', () => {
  it('writes the header and one line per item', () => {
    const lines = [...awinFeedLines(catalogueOffers(5), 12, 'www.dermamart.example')]
    expect(lines).toHaveLength(13)
    expect(lines[0]).toMatch(/^aw_product_id,merchant_product_id,product_name,search_price,currency,in_stock,/)
  })

  it('gives, read as a gzipped Awin feed and planned, exactly the expected plan', async () => {
    const offers = catalogueOffers(60)
    const feed = gzipSync([...awinFeedLines(offers, 500, partner.allowedHosts[0]!)].join(''))
    const results = await readAll(feed)
    expect(results.filter((result) => result.kind === 'refused')).toEqual([])
    const plan = planFeedImport({ partner, offers, previousMisses: new Map(), now: new Date(), items: results })
    const expected = expectedPlan(offers, 500)
    expect(plan.summary).toMatchObject({
      read: expected.read,
      matched: expected.matched,
      held: expected.held,
      refused: 0,
      unmatched: expected.unmatched,
      missing: 0,
    })
    expect(plan.changes.filter((change) => change.fields.some((field) => field.field === 'price'))).toHaveLength(
      expected.priceChanges,
    )
    // Every offer kept its link: each row gives the offer's own page.
    expect(plan.changes.flatMap((change) => change.fields).filter((field) => field.field === 'url')).toEqual([])
  })

  it('lists only as many offers as there are items, the rest missing', async () => {
    const offers = catalogueOffers(30)
    const results = await readAll(Buffer.from([...awinFeedLines(offers, 20, 'dermamart.example')].join('')))
    const plan = planFeedImport({ partner, offers, previousMisses: new Map(), now: new Date(), items: results })
    expect(expectedPlan(offers, 20)).toMatchObject({ matched: 20, unmatched: 0, missing: 10 })
    expect(plan.summary).toMatchObject({ read: 20, matched: 20, unmatched: 0, missing: 10 })
  })
})
