/**
 * What a shopper pays for an offer at a given moment: its sale price while the sale applies,
 * otherwise its price. Pages, the price history and the feed import all read it from here, so the
 * price a page shows is the price the history records.
 */

/** When a sale applies: `from` inclusive, `to` exclusive, as the Studio and partners' feeds store it. */
export interface SalePeriod {
  from?: string | null
  to?: string | null
}

export interface PricedOffer {
  price: number
  salePrice?: number | null
  salePriceEffective?: SalePeriod | null
}

export interface ShopperPrice {
  /** The price to pay now. */
  amount: number
  /** The offer's price before the sale, only while a sale applies. */
  regularAmount?: number
  /** When the sale ends, if the shop said. */
  saleEndsAt?: string
}

/**
 * A sale applies when its price is below the offer's price (the Studio and the import refuse any
 * other) and now is inside its period. A sale with no period applies until it is cleared; a period
 * with one end missing is open on that side; a date that cannot be read means no sale, since the
 * regular price is the one known to be true.
 */
export function shopperPrice(offer: PricedOffer, now: Date): ShopperPrice {
  const sale = offer.salePrice
  if (sale === null || sale === undefined || !(sale > 0) || sale >= offer.price) return { amount: offer.price }
  const from = timeOf(offer.salePriceEffective?.from)
  const to = timeOf(offer.salePriceEffective?.to)
  if (Number.isNaN(from) || Number.isNaN(to)) return { amount: offer.price }
  if ((from !== undefined && now.getTime() < from) || (to !== undefined && now.getTime() >= to)) {
    return { amount: offer.price }
  }
  return {
    amount: sale,
    regularAmount: offer.price,
    ...(to !== undefined ? { saleEndsAt: new Date(to).toISOString() } : {}),
  }
}

function timeOf(value: string | null | undefined): number | undefined {
  return value ? Date.parse(value) : undefined
}
