import { describe, expect, it } from 'vitest'
import {
  dailyPrices,
  type PriceHistoryRow,
  priceDropClaim,
  pricePeriods,
  summarisePriceHistory,
  typicalPriceRange,
} from '../src/priceHistory.ts'
import type { Availability } from '../src/vocabulary.ts'

const now = new Date('2026-06-30T12:00:00Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000)

/** A row seen daily from `from` days ago until `to` days ago (0: today). */
function row(
  price: number,
  from: number,
  to: number,
  options: { currency?: string; availability?: Availability } = {},
): PriceHistoryRow {
  return {
    price,
    currency: options.currency ?? 'GBP',
    availability: options.availability ?? 'inStock',
    firstSeenAt: daysAgo(from),
    lastSeenAt: daysAgo(to),
  }
}

const inStock = (price: number, currency = 'GBP') => ({ price, currency, availability: 'inStock' as const })

describe('pricePeriods', () => {
  it('holds a price until the next one starts, and the latest until now', () => {
    const periods = pricePeriods([row(20, 10, 1), row(30, 40, 11)], now)
    expect(periods).toEqual([
      { from: daysAgo(40), to: daysAgo(10), price: 30, currency: 'GBP' },
      { from: daysAgo(10), to: now, price: 20, currency: 'GBP' },
    ])
  })

  it('joins a change of stock level at the same price, and keeps out of stock apart as no price', () => {
    const periods = pricePeriods(
      [
        row(30, 40, 21),
        row(30, 20, 11, { availability: 'limitedStock' }),
        row(30, 10, 0, { availability: 'outOfStock' }),
      ],
      now,
    )
    expect(periods).toEqual([
      { from: daysAgo(40), to: daysAgo(10), price: 30, currency: 'GBP' },
      { from: daysAgo(10), to: now, price: null, currency: 'GBP' },
    ])
  })

  it('leaves the time after a price was last seen unknown when it went unseen for long', () => {
    const periods = pricePeriods([row(30, 60, 50), row(28, 20, 20)], now)
    expect(periods).toEqual([
      { from: daysAgo(60), to: daysAgo(50), price: 30, currency: 'GBP' },
      // Last seen 20 days ago: nothing is claimed for the days since.
      { from: daysAgo(20), to: daysAgo(20), price: 28, currency: 'GBP' },
    ])
  })
})

describe('dailyPrices', () => {
  it('gives each of the last 180 days its lowest price, out of stock and unknown days apart', () => {
    const periods = pricePeriods([row(25, 5, 3), row(20, 2, 2, { availability: 'outOfStock' })], now)
    const days = dailyPrices(periods, 'GBP', now)
    expect(days).toHaveLength(180)
    expect(days.at(-1)).toEqual({ day: '2026-06-30', price: null, state: 'outOfStock' })
    // The day it went out of stock shows the price it still had that morning.
    expect(days.slice(-7, -1)).toEqual([
      { day: '2026-06-24', price: null, state: 'unknown' },
      { day: '2026-06-25', price: 25, state: 'price' },
      { day: '2026-06-26', price: 25, state: 'price' },
      { day: '2026-06-27', price: 25, state: 'price' },
      { day: '2026-06-28', price: 25, state: 'price' },
      { day: '2026-06-29', price: null, state: 'outOfStock' },
    ])
    expect(days[0]).toEqual({ day: '2026-01-02', price: null, state: 'unknown' })
  })

  it('shows a price held for part of a day on that day', () => {
    const periods = pricePeriods(
      [
        row(30, 3, 1),
        {
          ...row(18, 1, 1),
          firstSeenAt: new Date('2026-06-29T09:00:00Z'),
          lastSeenAt: new Date('2026-06-29T10:00:00Z'),
        },
        { ...row(30, 1, 0), firstSeenAt: new Date('2026-06-29T11:00:00Z') },
      ],
      now,
    )
    const days = dailyPrices(periods, 'GBP', now)
    expect(days.slice(-3).map((day) => day.price)).toEqual([30, 18, 30])
  })
})

describe('typicalPriceRange', () => {
  it('is the lowest to the highest with few days known', () => {
    const days = dailyPrices(pricePeriods([row(20, 10, 6), row(26, 5, 0)], now), 'GBP', now)
    expect(typicalPriceRange(days)).toEqual({ low: 20, high: 26, basis: 'lowestToHighest', days: 11 })
  })

  it('is the 10th to 90th percentile over many days, so a one-day blip does not stretch it', () => {
    const rows = [row(40, 179, 100), row(9, 99, 99), row(42, 98, 1), row(60, 0, 0)]
    const range = typicalPriceRange(dailyPrices(pricePeriods(rows, now), 'GBP', now))
    expect(range).toEqual({ low: 40, high: 42, basis: 'percentiles', days: 180 })
  })

  it('is nothing when no price is known', () => {
    expect(typicalPriceRange(dailyPrices([], 'GBP', now))).toBeUndefined()
  })
})

describe('priceDropClaim', () => {
  it('claims nothing with no history, or only today', () => {
    expect(priceDropClaim(inStock(20), [], now)).toBeUndefined()
    expect(priceDropClaim(inStock(20), [row(20, 0, 0)], now)).toBeUndefined()
  })

  it('claims nothing when the price rose', () => {
    expect(priceDropClaim(inStock(30), [row(25, 60, 6), row(30, 5, 0)], now)).toBeUndefined()
  })

  it('claims a drop below the lowest price of the 30 days before it, and names that price', () => {
    const rows = [row(32, 90, 31), row(30, 30, 6), row(24, 5, 0)]
    expect(priceDropClaim(inStock(24), rows, now)).toEqual({ priorLowest: 30, currency: 'GBP', since: daysAgo(5) })
  })

  it('claims nothing for a drop to no lower than the prior lowest', () => {
    const rows = [row(25, 90, 21), row(20, 20, 11), row(25, 10, 6), row(20, 5, 0)]
    expect(priceDropClaim(inStock(20), rows, now)).toBeUndefined()
  })

  it('compares with the whole 30 days before the drop, not only the days since 30 days ago', () => {
    // A low of 22 forty days ago is inside the 30 days before a drop that began 20 days ago.
    const rows = [row(22, 60, 41), row(30, 40, 21), row(25, 20, 0)]
    expect(priceDropClaim(inStock(25), rows, now)).toBeUndefined()
  })

  it('claims nothing once the lower price has lasted more than 30 days: it is then simply the price', () => {
    const rows = [row(30, 120, 41), row(24, 40, 0)]
    expect(priceDropClaim(inStock(24), rows, now)).toBeUndefined()
  })

  it('never counts an out-of-stock price as the prior price', () => {
    const rows = [row(30, 90, 21), row(15, 20, 11, { availability: 'outOfStock' }), row(28, 10, 6), row(24, 5, 0)]
    expect(priceDropClaim(inStock(24), rows, now)).toEqual({ priorLowest: 28, currency: 'GBP', since: daysAgo(5) })
  })

  it('claims nothing when the 30 days before hold no in-stock price at all', () => {
    const rows = [row(30, 60, 6, { availability: 'outOfStock' }), row(24, 5, 0)]
    expect(priceDropClaim(inStock(24), rows, now)).toBeUndefined()
  })

  it('claims nothing across a change of currency', () => {
    const rows = [row(35, 90, 6, { currency: 'EUR' }), row(24, 5, 0)]
    expect(priceDropClaim(inStock(24), rows, now)).toBeUndefined()
  })

  it('claims nothing when part of the 30 days before is unknown', () => {
    // Seen until 30 days ago, then not until 15 days ago: those unseen days fall inside the 30 days.
    const rows = [row(30, 90, 30), row(31, 15, 6), row(24, 5, 0)]
    expect(priceDropClaim(inStock(24), rows, now)).toBeUndefined()
    // History that only starts 20 days before the drop cannot say what the 30 days held.
    expect(priceDropClaim(inStock(24), [row(30, 25, 6), row(24, 5, 0)], now)).toBeUndefined()
  })

  it('claims nothing when the history does not know the current price, or it is not buyable', () => {
    const rows = [row(32, 90, 6), row(24, 5, 0)]
    expect(priceDropClaim(inStock(22), rows, now)).toBeUndefined()
    expect(priceDropClaim({ price: 24, currency: 'GBP', availability: 'outOfStock' }, rows, now)).toBeUndefined()
    // Last seen 20 days ago: the history cannot vouch for the price now.
    expect(priceDropClaim(inStock(24), [row(32, 90, 26), row(24, 25, 20)], now)).toBeUndefined()
  })
})

describe('summarisePriceHistory', () => {
  it('is nothing with no rows, or none with a price in the last 180 days', () => {
    expect(summarisePriceHistory([], now)).toBeUndefined()
    expect(summarisePriceHistory([row(30, 400, 300)], now)).toBeUndefined()
    expect(summarisePriceHistory([row(30, 10, 0, { availability: 'outOfStock' })], now)).toBeUndefined()
  })

  it('gives the chart its days, the periods cut to 180 days, the 30-day lowest and the range', () => {
    const summary = summarisePriceHistory([row(30, 300, 41), row(24, 40, 0)], now)
    expect(summary?.currency).toBe('GBP')
    expect(summary?.days).toHaveLength(180)
    expect(summary?.periods).toEqual([
      { from: new Date('2026-01-02T00:00:00Z'), to: daysAgo(40), price: 30, currency: 'GBP' },
      { from: daysAgo(40), to: now, price: 24, currency: 'GBP' },
    ])
    expect(summary?.lowestInLast30Days).toBe(24)
    expect(summary?.typicalRange).toEqual({ low: 24, high: 30, basis: 'percentiles', days: 180 })
  })

  it('uses the latest currency, leaving days in an older one out', () => {
    const summary = summarisePriceHistory([row(35, 20, 6, { currency: 'EUR' }), row(24, 5, 0)], now)
    expect(summary?.currency).toBe('GBP')
    expect(summary?.days.filter((day) => day.state === 'price')).toHaveLength(6)
    expect(summary?.lowestInLast30Days).toBe(24)
  })
})
