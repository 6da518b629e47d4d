import { formatPrice } from '@microneedling/content/formatting'
import { availabilities, titleOf } from '@microneedling/content/vocabulary'

/** The price as the site shows it, once the editor has entered one; the bare number until a currency is chosen. */
function priceSoFar(price: number | undefined, currency: string | undefined): string | undefined {
  if (price === undefined) return undefined
  return currency ? formatPrice(price, currency) : String(price)
}

/**
 * The line under an offer's partner in the device's offer list, e.g. "£24.99 · In stock · checked
 * 2025-01-08". An offer the feed import keeps says so ("from feed, checked <day>"), so an editor
 * knows a hand edit of its price would be overwritten by the next import.
 */
export function offerSubtitle(offer: {
  price?: number
  salePrice?: number
  currency?: string
  availability?: string
  priceCheckedAt?: string
  feedCheckedAt?: string
}): string {
  const salePrice = priceSoFar(offer.salePrice, offer.currency)
  return [
    priceSoFar(offer.price, offer.currency),
    salePrice && `sale ${salePrice}`,
    offer.availability && titleOf(availabilities, offer.availability),
    offer.feedCheckedAt
      ? `from feed, checked ${offer.feedCheckedAt.slice(0, 10)}`
      : offer.priceCheckedAt && `checked ${offer.priceCheckedAt}`,
  ]
    .filter((part): part is string => Boolean(part))
    .join(' · ')
}
