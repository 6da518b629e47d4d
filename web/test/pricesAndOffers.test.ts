import { describe, expect, it } from 'vitest'
import { lowestOffer, lowestPrice, noPriceText, sortOffers } from '@/lib/catalogue/prices'
import { usableOffers } from '@/lib/partnerLinks/usableOffers'
import { makeOffer } from './support/devices'

describe('lowestOffer', () => {
  it('picks the cheapest offer a shopper can buy', () => {
    const cheapButGone = makeOffer({ price: 5, availability: 'outOfStock' })
    const cheapest = makeOffer({ price: 12 })
    expect(lowestOffer([makeOffer({ price: 20 }), cheapButGone, cheapest])).toBe(cheapest)
  })

  it('has no "from" price when every offer is out of stock, and says which of the two it is', () => {
    const device = { offers: [makeOffer({ price: 30, availability: 'outOfStock' })] }
    expect(lowestOffer(device.offers)).toBeUndefined()
    expect(noPriceText(device)).toBe('Out of stock at every shop')
    expect(lowestOffer([])).toBeUndefined()
    expect(noPriceText({ offers: [] })).toBe('No current offers')
  })

  it('ranks by what a shopper pays now: a sale price while its sale applies', () => {
    const now = new Date('2026-06-10T12:00:00Z')
    const onSale = makeOffer({
      price: 40,
      salePrice: 18,
      salePriceEffective: { from: '2026-06-01T00:00:00Z', to: '2026-06-20T00:00:00Z' },
    })
    const saleOver = makeOffer({ price: 30, salePrice: 10, salePriceEffective: { to: '2026-06-05T00:00:00Z' } })
    const plain = makeOffer({ price: 20 })
    expect(lowestOffer([plain, saleOver, onSale], now)).toBe(onSale)
    expect(lowestPrice({ offers: [plain, saleOver, onSale] }, now)).toEqual({ amount: 18, currency: 'GBP' })
    expect(sortOffers([saleOver, plain, onSale], now)).toEqual([onSale, plain, saleOver])
  })

  it('prefers prices in pounds over smaller numbers in other currencies', () => {
    const pounds = makeOffer({ price: 74.99 })
    expect(lowestOffer([makeOffer({ price: 60, currency: 'USD' }), pounds])).toBe(pounds)
    const dollars = makeOffer({ price: 60, currency: 'USD' })
    expect(lowestOffer([makeOffer({ price: 70, currency: 'EUR' }), dollars])).toBe(dollars)
  })
})

describe('sortOffers', () => {
  it('lists pounds cheapest first, then other currencies, out of stock last', () => {
    const a = makeOffer({ price: 29 })
    const b = makeOffer({ price: 27.5 })
    const c = makeOffer({ price: 10, currency: 'USD' })
    const d = makeOffer({ price: 1, availability: 'outOfStock' })
    expect(sortOffers([d, c, a, b])).toEqual([b, a, c, d])
  })
})

describe('usableOffers', () => {
  it('leaves out offers /go/ would refuse, and says which', () => {
    const messages: string[] = []
    const good = makeOffer({ url: 'https://www.shop.example.com/p' })
    const wrongHost = makeOffer({ key: 'bad', url: 'https://evil.example/p' })
    expect(usableOffers('roller', [good, wrongHost], (message) => messages.push(message))).toEqual([good])
    expect(messages).toEqual([
      '[content] left out offer roller/bad (partner partner-shop): its URL is not https on a host its partner allows',
    ])
  })
})
