import { formatPrice } from '@microneedling/content/formatting'

/**
 * An offer's sale: a reduced price below the offer's price, and when it applies. Partners' feeds
 * send both (Google's `sale_price` and `sale_price_effective_date`); the import refuses a sale
 * price that is not below the price, and so does the Studio.
 */

export interface SalePeriod {
  from?: string
  to?: string
}

function amount(value: number, currency: string | undefined): string {
  return currency ? formatPrice(value, currency) : String(value)
}

/** What is wrong with a sale price given the offer's price, or undefined when nothing is. */
export function salePriceProblem(
  salePrice: number | undefined,
  offer: { price?: number; currency?: string } | undefined,
): string | undefined {
  if (salePrice === undefined) return undefined
  if (!(salePrice > 0)) return 'A sale price is above zero. Clear it if there is no sale.'
  const price = offer?.price
  if (price === undefined) return undefined
  if (salePrice >= price) {
    return `The sale price (${amount(salePrice, offer?.currency)}) is not below the price (${amount(price, offer?.currency)}). Enter the reduced price, or clear the sale price if there is no sale.`
  }
  return undefined
}

/** What is wrong with when a sale applies, or undefined when nothing is. */
export function salePeriodProblem(period: SalePeriod | undefined, salePrice: number | undefined): string | undefined {
  const from = period?.from
  const to = period?.to
  if (!from && !to) return undefined
  if (salePrice === undefined) {
    return 'A sale period needs a sale price: enter the sale price, or clear the dates.'
  }
  if (!from) return 'Enter when the sale starts too, or clear its end.'
  if (!to) return 'Enter when the sale ends too, or clear its start.'
  if (Date.parse(to) <= Date.parse(from)) {
    return 'The sale ends before it starts: check the two dates, the end comes after the start.'
  }
  return undefined
}
