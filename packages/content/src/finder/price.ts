import type { DeviceSummary } from '../schemas.ts'

/**
 * The price the finder holds against a budget: the cheapest offer in pounds that a shopper can act
 * on, by the same rule as a device's "from" price. An offer that is out of stock never counts, and
 * nothing falls back to one, so a device is never shown as within budget on a price no shop offers.
 */
export function lowestBuyablePriceGbp(device: Pick<DeviceSummary, 'offers'>): number | undefined {
  const prices = device.offers
    .filter((offer) => offer.currency === 'GBP' && offer.availability !== 'outOfStock')
    .map((offer) => offer.price)
  return prices.length > 0 ? Math.min(...prices) : undefined
}
