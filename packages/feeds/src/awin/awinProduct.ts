import { checkedItem } from '../checkedItem.ts'
import type { DelimitedLayout } from '../delimited/delimitedRecords.ts'
import type { Money } from '../feedItem.ts'
import { parseAwinInStock } from '../fields/availability.ts'
import { parseGtin } from '../fields/gtin.ts'
import { parseLink } from '../fields/link.ts'
import { parseSplitPrice } from '../fields/money.ts'
import { optionalValue } from '../fields/optionalValue.ts'
import type { ReadItem } from '../readResult.ts'
import { RowRefusal } from '../rowRefusal.ts'

const requiredColumns = ['merchant_product_id', 'search_price', 'currency', 'in_stock']
const linkColumns = ['merchant_deep_link', 'aw_deep_link']

/** The columns of an Awin product feed (Awin's "Create-a-Feed" CSV), separated by `delimiter`. */
export function awinCsvLayout(delimiter: string): DelimitedLayout {
  return {
    delimiter,
    columnName: (cell) => cell.trim().toLowerCase(),
    headerProblem: (columns) => {
      const missing = requiredColumns.filter((column) => !columns.has(column))
      if (!linkColumns.some((column) => columns.has(column))) missing.push(linkColumns.join(' or '))
      if (missing.length === 0) return undefined
      return `The header has no ${missing.join(', ')} column: add it to the feed's columns in Awin.`
    },
  }
}

/**
 * One Awin product. Its id is `merchant_product_id`, the merchant's own and stable one (`aw_product_id`
 * is Awin's number for the listing, not the merchant's). The link is the merchant's page
 * (`merchant_deep_link`), or Awin's tracked link when the merchant gives none; Awin's tracked link is
 * kept as `affiliateLink`. `rrp_price` is kept as the RRP, never as a former price.
 */
export function awinProductItem(columns: ReadonlyMap<string, string>, maxPrice: number): ReadItem {
  const text = (column: string) => columns.get(column)?.trim() ?? ''
  const warnings: string[] = []

  const itemId = text('merchant_product_id')
  if (itemId === '')
    throw new RowRefusal('merchant_product_id is empty: every product needs the id the merchant gives it.')
  const price = parseSplitPrice(text('search_price'), text('currency'), 'search_price', maxPrice)
  const merchantLink = text('merchant_deep_link')
  const link = parseLink(merchantLink || text('aw_deep_link'), merchantLink ? 'merchant_deep_link' : 'aw_deep_link')
  const affiliateLink = optionalLink(text('aw_deep_link'), warnings)
  const gtin = parseGtin(text('ean') || text('product_gtin'), text('ean') ? 'ean' : 'product_gtin')
  if (gtin.warning) warnings.push(gtin.warning)

  const item = checkedItem({
    itemId,
    title: optionalValue(text('product_name')),
    link,
    affiliateLink,
    price,
    availability: parseAwinInStock(text('in_stock')),
    gtin: gtin.gtin,
    mpn: optionalValue(text('mpn')),
    brand: optionalValue(text('brand_name')),
    rrp: recommendedPrice(text('rrp_price'), price, maxPrice, warnings),
  })
  return { item, warnings }
}

function optionalLink(text: string, warnings: string[]): string | undefined {
  if (text === '') return undefined
  try {
    return parseLink(text, 'aw_deep_link')
  } catch (refusal) {
    if (!(refusal instanceof RowRefusal)) throw refusal
    warnings.push(`aw_deep_link was left out: ${refusal.message}`)
    return undefined
  }
}

// Awin writes 0 or 0.00 when a merchant gives no RRP.
function recommendedPrice(text: string, price: Money, maxPrice: number, warnings: string[]): Money | undefined {
  if (text === '' || /^0+(?:\.0+)?$/.test(text)) return undefined
  try {
    return parseSplitPrice(text, price.currency, 'rrp_price', maxPrice)
  } catch (refusal) {
    if (!(refusal instanceof RowRefusal)) throw refusal
    warnings.push(`rrp_price was left out: ${refusal.message}`)
    return undefined
  }
}
