import { shopperPrice } from '@microneedling/content/offerPrice'
import type { DeviceSummary, Offer } from '@microneedling/content/schemas'

export interface Price {
  amount: number
  currency: string
}

/** Prices in different currencies cannot be ranked by number, so "from" prices prefer this one. */
export const primaryCurrency = 'GBP'

/**
 * The offer behind a device's "from" price: the cheapest one a shopper can buy now, in pounds when
 * any shop in stock quotes pounds. An offer out of stock never sets it (nor the list's price sort
 * and filter, in packages/content/src/queries.ts).
 */
export function lowestOffer(offers: readonly Offer[], now: Date = new Date()): Offer | undefined {
  const buyable = offers.filter((offer) => offer.availability !== 'outOfStock')
  const primary = buyable.filter((offer) => offer.currency === primaryCurrency)
  return (primary.length > 0 ? primary : buyable).reduce<Offer | undefined>(
    (lowest, offer) => (!lowest || paying(offer, now) < paying(lowest, now) ? offer : lowest),
    undefined,
  )
}

/** What a shopper pays for the offer now: its sale price while a sale applies. */
const paying = (offer: Offer, now: Date) => shopperPrice(offer, now).amount

export function lowestPrice(device: Pick<DeviceSummary, 'offers'>, now: Date = new Date()): Price | undefined {
  const offer = lowestOffer(device.offers, now)
  return offer ? { amount: paying(offer, now), currency: offer.currency } : undefined
}

/** What a device's price reads as when it has no "from" price: none listed, or none in stock. */
export function noPriceText(device: Pick<DeviceSummary, 'offers'>): string {
  return device.offers.length > 0 ? 'Out of stock at every shop' : 'No current offers'
}

/** Offers cheapest first within each currency (pounds first), out-of-stock ones last. */
export function sortOffers(offers: readonly Offer[], now: Date = new Date()): Offer[] {
  const currencyRank = (offer: Offer) => (offer.currency === primaryCurrency ? 0 : 1)
  return [...offers].sort((a, b) => {
    const stock = Number(a.availability === 'outOfStock') - Number(b.availability === 'outOfStock')
    if (stock !== 0) return stock
    const currency = currencyRank(a) - currencyRank(b) || a.currency.localeCompare(b.currency)
    return currency !== 0 ? currency : paying(a, now) - paying(b, now)
  })
}
