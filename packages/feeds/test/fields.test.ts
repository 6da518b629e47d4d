import { describe, expect, it } from 'vitest'
import { feedItemSchema } from '../src/feedItem.ts'
import { parseEffectivePeriod } from '../src/fields/effectivePeriod.ts'
import { parseGtin } from '../src/fields/gtin.ts'
import { parseGooglePrice } from '../src/fields/money.ts'
import { siteAvailabilityOf } from '../src/siteAvailability.ts'

describe('values as feeds write them', () => {
  it('reads prices with the amount first or last, in any case, and refuses the rest plainly', () => {
    expect(parseGooglePrice('15.00 GBP', 'price', 100_000)).toEqual({ amount: 15, currency: 'GBP' })
    expect(parseGooglePrice('USD 7.5', 'price', 100_000)).toEqual({ amount: 7.5, currency: 'USD' })
    expect(parseGooglePrice('1200eur', 'price', 100_000)).toEqual({ amount: 1200, currency: 'EUR' })
    expect(() => parseGooglePrice('£15.00', 'price', 100_000)).toThrow(
      'price "£15.00" is not an amount and a currency code, like "15.00 GBP".',
    )
    expect(() => parseGooglePrice('1,500.00 GBP', 'sale_price', 100_000)).toThrow(/sale_price "1,500.00" has a comma/)
  })

  it('reads sale periods with any ISO 8601 offset, a missing offset as UTC, and refuses impossible dates', () => {
    expect(parseEffectivePeriod('2025-03-01T10:00+0100/2025-03-02T10:00:30.5-05')).toEqual({
      from: '2025-03-01T09:00:00.000Z',
      to: '2025-03-02T15:00:30.500Z',
    })
    expect(parseEffectivePeriod('2025-03-01 / 2025-03-08T12:00')).toEqual({
      from: '2025-03-01T00:00:00.000Z',
      to: '2025-03-08T12:00:00.000Z',
    })
    expect(() => parseEffectivePeriod('2025-03-08T00:00Z/2025-03-01T00:00Z')).toThrow(/ends before it starts/)
    expect(() => parseEffectivePeriod('2025-03-01T00:00Z')).toThrow(/is not two ISO 8601 times joined by "\/"/)
    expect(() => parseEffectivePeriod('2025-02-29T00:00Z/2025-03-01T00:00Z')).toThrow(/"2025-02-29T00:00Z" is not/)
    expect(parseEffectivePeriod('2024-02-29T00:00Z/2024-03-01T00:00Z').from).toBe('2024-02-29T00:00:00.000Z')
  })

  it('keeps GTINs with a correct check digit, spaces and hyphens removed', () => {
    expect(parseGtin('400-6381 333931', 'gtin')).toEqual({ gtin: '4006381333931' })
    expect(parseGtin('96385074', 'gtin')).toEqual({ gtin: '96385074' })
    expect(parseGtin('036000291452', 'gtin')).toEqual({ gtin: '036000291452' })
    expect(parseGtin('4006381333932', 'ean').warning).toMatch(/^ean "4006381333932" was left out/)
    expect(parseGtin('', 'gtin')).toEqual({})
  })

  it('checks every item against one schema: ISO 4217 codes, sale below price, https links', () => {
    const item = {
      itemId: 'x',
      link: 'https://shop.example.com/x',
      price: { amount: 10, currency: 'GBP' },
      availability: 'inStock',
    }
    expect(feedItemSchema.safeParse(item).success).toBe(true)
    expect(feedItemSchema.safeParse({ ...item, price: { amount: 10, currency: 'gbp' } }).success).toBe(false)
    expect(feedItemSchema.safeParse({ ...item, price: { amount: 10, currency: 'ABC' } }).success).toBe(false)
    expect(feedItemSchema.safeParse({ ...item, salePrice: { amount: 10, currency: 'GBP' } }).success).toBe(false)
    expect(feedItemSchema.safeParse({ ...item, link: 'javascript:alert(1)' }).success).toBe(false)
    expect(feedItemSchema.safeParse({ ...item, availability: 'limitedStock' }).success).toBe(false)
  })

  it('shows availability in the site’s terms: a backorder is out of stock, never pre-order', () => {
    expect(siteAvailabilityOf('inStock')).toBe('inStock')
    expect(siteAvailabilityOf('outOfStock')).toBe('outOfStock')
    expect(siteAvailabilityOf('preOrder')).toBe('preOrder')
    expect(siteAvailabilityOf('backorder')).toBe('outOfStock')
  })
})
