import type { Availability } from '@microneedling/content/vocabulary'
import type { FeedAvailability } from './feedItem.ts'

/**
 * How the site shows what a feed says. Three values are the site's own. A backordered product is
 * out of stock now, however orderable: the site calls it out of stock, so it never sets a "from"
 * price, and never "pre-order", which would say the product is not released yet. No feed says
 * "limited stock", so no feed value becomes it.
 */
const siteAvailabilities: Record<FeedAvailability, Availability> = {
  inStock: 'inStock',
  outOfStock: 'outOfStock',
  preOrder: 'preOrder',
  backorder: 'outOfStock',
}

export function siteAvailabilityOf(availability: FeedAvailability): Availability {
  return siteAvailabilities[availability]
}
