import { describe, expect, it } from 'vitest'
import { shopperPrice } from '../src/offerPrice.ts'

const now = new Date('2026-03-10T12:00:00Z')

describe('shopperPrice', () => {
  it('is the price when there is no sale', () => {
    expect(shopperPrice({ price: 40 }, now)).toEqual({ amount: 40 })
    expect(shopperPrice({ price: 40, salePrice: null, salePriceEffective: null }, now)).toEqual({ amount: 40 })
  })

  it('is the sale price, with the regular price beside it, for a sale with no period', () => {
    expect(shopperPrice({ price: 40, salePrice: 32 }, now)).toEqual({ amount: 32, regularAmount: 40 })
  })

  it('is the sale price inside the sale period, start included, and says when it ends', () => {
    const salePriceEffective = { from: '2026-03-10T12:00:00.000Z', to: '2026-03-17T00:00:00.000Z' }
    expect(shopperPrice({ price: 40, salePrice: 32, salePriceEffective }, now)).toEqual({
      amount: 32,
      regularAmount: 40,
      saleEndsAt: '2026-03-17T00:00:00.000Z',
    })
  })

  it('is the price before the sale starts, and from the moment it ends', () => {
    const salePriceEffective = { from: '2026-03-11T00:00:00Z', to: '2026-03-17T00:00:00Z' }
    expect(shopperPrice({ price: 40, salePrice: 32, salePriceEffective }, now)).toEqual({ amount: 40 })
    const ended = { from: '2026-03-01T00:00:00Z', to: '2026-03-10T12:00:00Z' }
    expect(shopperPrice({ price: 40, salePrice: 32, salePriceEffective: ended }, now)).toEqual({ amount: 40 })
  })

  it('treats a missing end of the period as open on that side', () => {
    expect(
      shopperPrice({ price: 40, salePrice: 32, salePriceEffective: { from: '2026-03-01T00:00:00Z' } }, now),
    ).toEqual({ amount: 32, regularAmount: 40 })
    expect(shopperPrice({ price: 40, salePrice: 32, salePriceEffective: { to: '2026-03-01T00:00:00Z' } }, now)).toEqual(
      {
        amount: 40,
      },
    )
  })

  it('ignores a sale price that is not below the price, or a period it cannot read', () => {
    expect(shopperPrice({ price: 40, salePrice: 40 }, now)).toEqual({ amount: 40 })
    expect(shopperPrice({ price: 40, salePrice: 45 }, now)).toEqual({ amount: 40 })
    expect(shopperPrice({ price: 40, salePrice: 0 }, now)).toEqual({ amount: 40 })
    expect(shopperPrice({ price: 40, salePrice: 32, salePriceEffective: { from: 'soon' } }, now)).toEqual({
      amount: 40,
    })
  })
})
