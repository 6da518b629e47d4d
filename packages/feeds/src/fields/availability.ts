import type { FeedAvailability } from '../feedItem.ts'
import { RowRefusal } from '../rowRefusal.ts'

// Google's current values, and the spellings with spaces it still accepts ("in stock").
const googleValues: Record<string, FeedAvailability> = {
  in_stock: 'inStock',
  out_of_stock: 'outOfStock',
  preorder: 'preOrder',
  backorder: 'backorder',
}

/** Google Merchant Center's `availability`: in_stock, out_of_stock, preorder, backorder. */
export function parseGoogleAvailability(text: string): FeedAvailability {
  if (text === '') throw new RowRefusal('availability is empty: give in_stock, out_of_stock, preorder or backorder.')
  const availability = googleValues[text.toLowerCase().replace(/[\s_]+/g, '_')]
  if (!availability) {
    throw new RowRefusal(`availability "${text}" is not one of in_stock, out_of_stock, preorder, backorder.`)
  }
  return availability
}

const awinInStock = new Set(['1', 'yes', 'true', 'y'])
const awinOutOfStock = new Set(['0', 'no', 'false', 'n'])

/** Awin's `in_stock`: 1 or 0. Awin states no pre-order or backorder in this column. */
export function parseAwinInStock(text: string): FeedAvailability {
  const value = text.toLowerCase()
  if (awinInStock.has(value)) return 'inStock'
  if (awinOutOfStock.has(value)) return 'outOfStock'
  if (value === '') throw new RowRefusal('in_stock is empty: give 1 (in stock) or 0 (out of stock).')
  throw new RowRefusal(`in_stock "${text}" is not 1 (in stock) or 0 (out of stock).`)
}
