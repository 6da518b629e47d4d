import type { DeviceSummary, Offer } from '@microneedling/content/schemas'

export interface Price {
  amount: number
  currency: string
}

/** Prices in different currencies cannot be ranked by number, so "from" prices prefer this one. */
export const primaryCurrency = 'GBP'

/**
 * The offer behind a device's "from" price: the cheapest one a shopper can act on (out of stock
 * only when nothing else is listed), in pounds when any shop quotes pounds.
 */
export function lowestOffer(offers: readonly Offer[]): Offer | undefined {
  const buyable = offers.filter((offer) => offer.availability !== 'outOfStock')
  const pool = buyable.length > 0 ? buyable : offers
  const primary = pool.filter((offer) => offer.currency === primaryCurrency)
  return (primary.length > 0 ? primary : pool).reduce<Offer | undefined>(
    (lowest, offer) => (!lowest || offer.price < lowest.price ? offer : lowest),
    undefined,
  )
}

export function lowestPrice(device: Pick<DeviceSummary, 'offers'>): Price | undefined {
  const offer = lowestOffer(device.offers)
  return offer ? { amount: offer.price, currency: offer.currency } : undefined
}

/** Offers cheapest first within each currency (pounds first), out-of-stock ones last. */
export function sortOffers(offers: readonly Offer[]): Offer[] {
  const currencyRank = (offer: Offer) => (offer.currency === primaryCurrency ? 0 : 1)
  return [...offers].sort((a, b) => {
    const stock = Number(a.availability === 'outOfStock') - Number(b.availability === 'outOfStock')
    if (stock !== 0) return stock
    const currency = currencyRank(a) - currencyRank(b) || a.currency.localeCompare(b.currency)
    return currency !== 0 ? currency : a.price - b.price
  })
}
