import { checkedItem } from '../checkedItem.ts'
import type { Money } from '../feedItem.ts'
import { parseGoogleAvailability } from '../fields/availability.ts'
import { parseEffectivePeriod } from '../fields/effectivePeriod.ts'
import { parseGtin } from '../fields/gtin.ts'
import { parseLink } from '../fields/link.ts'
import { parseGooglePrice } from '../fields/money.ts'
import { optionalValue } from '../fields/optionalValue.ts'
import type { ReadItem } from '../readResult.ts'
import { RowRefusal } from '../rowRefusal.ts'

/**
 * One Google Merchant Center product, from its attributes by Google's names (`id`, `price`,
 * `sale_price`...), whether a TSV row or an XML item gave them.
 */
export function googleProductItem(attributes: ReadonlyMap<string, string>, maxPrice: number): ReadItem {
  const text = (attribute: string) => attributes.get(attribute)?.trim() ?? ''
  const warnings: string[] = []

  const itemId = text('id')
  if (itemId === '') throw new RowRefusal('id is empty: every product needs the id the partner gives it.')
  const price = parseGooglePrice(text('price'), 'price', maxPrice)
  const salePrice = text('sale_price') === '' ? undefined : parseGooglePrice(text('sale_price'), 'sale_price', maxPrice)
  if (salePrice) checkSaleAgainstPrice(salePrice, price)
  let salePriceEffective: ReturnType<typeof parseEffectivePeriod> | undefined
  if (text('sale_price_effective_date') !== '') {
    if (salePrice) salePriceEffective = parseEffectivePeriod(text('sale_price_effective_date'))
    else warnings.push('sale_price_effective_date was left out: there is no sale_price.')
  }
  const gtin = parseGtin(text('gtin'), 'gtin')
  if (gtin.warning) warnings.push(gtin.warning)

  const item = checkedItem({
    itemId,
    title: optionalValue(text('title')),
    link: parseLink(text('link'), 'link'),
    price,
    salePrice,
    salePriceEffective,
    availability: parseGoogleAvailability(text('availability')),
    gtin: gtin.gtin,
    mpn: optionalValue(text('mpn')),
    brand: optionalValue(text('brand')),
  })
  return { item, warnings }
}

function checkSaleAgainstPrice(salePrice: Money, price: Money): void {
  if (salePrice.currency !== price.currency) {
    throw new RowRefusal(`sale_price is in ${salePrice.currency} but price is in ${price.currency}.`)
  }
  if (salePrice.amount >= price.amount) {
    throw new RowRefusal(
      `sale_price ${salePrice.amount} ${salePrice.currency} is not below price ${price.amount} ${price.currency}.`,
    )
  }
}
