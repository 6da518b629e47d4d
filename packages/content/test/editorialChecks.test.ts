import { evaluate, parse } from 'groq-js'
import { describe, expect, it } from 'vitest'
import {
  defaultPriceStaleDays,
  editorialChecks,
  parsePriceStaleDays,
  reviewedBefore,
  staleBefore,
} from '../src/editorialChecks.ts'

const dayMs = 86_400_000
const now = new Date('2025-06-15T10:00:00Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * dayMs).toISOString().slice(0, 10)

describe('parsePriceStaleDays', () => {
  it('uses the shared default when the variable is unset or blank', () => {
    expect(defaultPriceStaleDays).toBe(30)
    expect(parsePriceStaleDays(undefined, 'PRICE_STALE_DAYS')).toBe(30)
    expect(parsePriceStaleDays('  ', 'PRICE_STALE_DAYS')).toBe(30)
  })

  it('reads a whole number of days', () => {
    expect(parsePriceStaleDays('14', 'PRICE_STALE_DAYS')).toBe(14)
    expect(parsePriceStaleDays(' 7 ', 'PRICE_STALE_DAYS')).toBe(7)
  })

  it('refuses anything else, naming the variable', () => {
    for (const value of ['0', '-3', '1.5', 'a month', '30 days']) {
      expect(() => parsePriceStaleDays(value, 'SANITY_STUDIO_PRICE_STALE_DAYS')).toThrow(
        'SANITY_STUDIO_PRICE_STALE_DAYS must be a whole number of days, at least 1.',
      )
    }
  })
})

describe('staleBefore', () => {
  it('is the first day whose start is not more than the given days before now', () => {
    // 30 days before 10:00 on 15 June is 10:00 on 16 May, after 16 May began.
    expect(staleBefore(now, 30)).toBe('2025-05-17')
    // At midnight, a price checked 16 May is exactly 30 days old: not more.
    expect(staleBefore(new Date('2025-06-15T00:00:00Z'), 30)).toBe('2025-05-16')
    // A price checked yesterday, 14 June, is 34 hours old.
    expect(staleBefore(now, 1)).toBe('2025-06-15')
  })

  it('puts a date before it exactly when the date began more than the days before now (the site’s rule)', () => {
    const moments = ['2025-06-15T00:00:00Z', '2025-06-15T00:00:00.001Z', '2025-06-15T10:00:00Z', '2025-06-15T23:59:59Z']
    for (const moment of moments.map((text) => new Date(text))) {
      for (const staleDays of [1, 7, 30]) {
        for (let age = 0; age <= staleDays + 2; age++) {
          const checked = new Date(moment.getTime() - age * dayMs).toISOString().slice(0, 10)
          const moreThanStaleDays = moment.getTime() - Date.parse(checked) > staleDays * dayMs
          expect(checked < staleBefore(moment, staleDays), `${checked} at ${moment.toISOString()}`).toBe(
            moreThanStaleDays,
          )
        }
      }
    }
  })
})

describe('reviewedBefore', () => {
  it('is the first day whose start is not more than a year before now', () => {
    expect(reviewedBefore(now)).toBe('2024-06-16')
    expect(reviewedBefore(new Date('2025-06-15T00:00:00Z'))).toBe('2024-06-15')
    // A year before a leap day is 1 March.
    expect(reviewedBefore(new Date('2024-02-29T12:00:00Z'))).toBe('2023-03-02')
  })
})

function offer(fields: Record<string, unknown>) {
  return { _type: 'offer', _key: Math.random().toString(36).slice(2), price: 10, currency: 'GBP', ...fields }
}

/** Devices (and one guide) that each test one part of a filter; the name says what is special. */
const dataset = [
  {
    _id: 'up-to-date',
    _type: 'device',
    lastReviewedAt: daysAgo(10),
    offers: [offer({ availability: 'inStock', priceCheckedAt: daysAgo(5) })],
  },
  {
    _id: 'checked-40-days-ago',
    _type: 'device',
    lastReviewedAt: daysAgo(10),
    offers: [offer({ availability: 'inStock', priceCheckedAt: daysAgo(40) })],
  },
  {
    _id: 'checked-30-days-ago-at-10',
    _type: 'device',
    lastReviewedAt: daysAgo(10),
    // Checked on 16 May: 30 days and 10 hours before now, so more than 30 days.
    offers: [offer({ availability: 'inStock', priceCheckedAt: daysAgo(30) })],
  },
  {
    _id: 'checked-29-days-ago',
    _type: 'device',
    lastReviewedAt: daysAgo(10),
    offers: [offer({ availability: 'inStock', priceCheckedAt: daysAgo(29) })],
  },
  {
    _id: 'price-never-checked',
    _type: 'device',
    lastReviewedAt: daysAgo(10),
    offers: [offer({ availability: 'inStock' })],
  },
  {
    _id: 'reviewed-400-days-ago',
    _type: 'device',
    lastReviewedAt: daysAgo(400),
    offers: [offer({ availability: 'inStock', priceCheckedAt: daysAgo(5) })],
  },
  {
    _id: 'reviewed-365-days-ago',
    _type: 'device',
    lastReviewedAt: '2024-06-15',
    offers: [offer({ availability: 'inStock', priceCheckedAt: daysAgo(5) })],
  },
  {
    _id: 'reviewed-364-days-ago',
    _type: 'device',
    lastReviewedAt: '2024-06-16',
    offers: [offer({ availability: 'inStock', priceCheckedAt: daysAgo(5) })],
  },
  { _id: 'never-reviewed', _type: 'device', offers: [offer({ availability: 'inStock', priceCheckedAt: daysAgo(5) })] },
  {
    _id: 'all-out-of-stock',
    _type: 'device',
    lastReviewedAt: daysAgo(10),
    offers: [
      offer({ availability: 'outOfStock', priceCheckedAt: daysAgo(5) }),
      offer({ availability: 'outOfStock', priceCheckedAt: daysAgo(5) }),
    ],
  },
  {
    _id: 'one-in-stock',
    _type: 'device',
    lastReviewedAt: daysAgo(10),
    offers: [
      offer({ availability: 'outOfStock', priceCheckedAt: daysAgo(5) }),
      offer({ availability: 'inStock', priceCheckedAt: daysAgo(5) }),
    ],
  },
  // The site sells from every availability but out of stock, and reads a missing one as in stock.
  {
    _id: 'limited-stock',
    _type: 'device',
    lastReviewedAt: daysAgo(10),
    offers: [offer({ availability: 'limitedStock', priceCheckedAt: daysAgo(5) })],
  },
  {
    _id: 'pre-order',
    _type: 'device',
    lastReviewedAt: daysAgo(10),
    offers: [offer({ availability: 'preOrder', priceCheckedAt: daysAgo(5) })],
  },
  {
    _id: 'availability-missing',
    _type: 'device',
    lastReviewedAt: daysAgo(10),
    offers: [offer({ priceCheckedAt: daysAgo(5) })],
  },
  { _id: 'no-offers', _type: 'device', lastReviewedAt: daysAgo(10) },
  { _id: 'empty-offers', _type: 'device', lastReviewedAt: daysAgo(10), offers: [] },
  // Not devices: they match no list, however old or empty.
  { _id: 'guide-reviewed-400-days-ago', _type: 'guide', lastReviewedAt: daysAgo(400) },
  { _id: 'brand', _type: 'brand', offers: [offer({ availability: 'outOfStock' })] },
]

const settings = { priceStaleDays: defaultPriceStaleDays }

async function idsMatching(filter: string, params: Record<string, unknown>): Promise<string[]> {
  const result = await evaluate(parse(`*[${filter}]._id`), { dataset, params })
  return ((await result.get()) as string[]).sort()
}

describe('editorialChecks', () => {
  it('"Prices to check": devices with an offer checked more than PRICE_STALE_DAYS days ago, or never', async () => {
    const { filter, params } = editorialChecks.pricesToCheck
    expect(await idsMatching(filter, params(now, settings))).toEqual([
      'checked-30-days-ago-at-10',
      'checked-40-days-ago',
      'price-never-checked',
    ])
    expect(await idsMatching(filter, params(now, { priceStaleDays: 45 }))).toEqual(['price-never-checked'])
  })

  it('"Due for medical review": devices last reviewed more than a year ago, or never', async () => {
    const { filter, params } = editorialChecks.dueForMedicalReview
    expect(await idsMatching(filter, params(now, settings))).toEqual([
      'never-reviewed',
      'reviewed-365-days-ago',
      'reviewed-400-days-ago',
    ])
  })

  it('"No offer in stock": devices with no offer a shopper can buy, offers or none', async () => {
    const { filter, params } = editorialChecks.noOfferInStock
    expect(await idsMatching(filter, params(now, settings))).toEqual(['all-out-of-stock', 'empty-offers', 'no-offers'])
  })

  it('keeps its meaning when another condition is added (each filter is parenthesised)', async () => {
    const only = [
      'up-to-date',
      'checked-40-days-ago',
      'reviewed-400-days-ago',
      'no-offers',
      'guide-reviewed-400-days-ago',
      'brand',
    ]
    for (const { filter, params } of Object.values(editorialChecks)) {
      const all = await idsMatching(filter, params(now, settings))
      const narrowed = await idsMatching(`${filter} && (_id in $only)`, { ...params(now, settings), only })
      expect(narrowed).toEqual(all.filter((id) => only.includes(id)))
      expect(narrowed).toHaveLength(1)
    }
  })
})
