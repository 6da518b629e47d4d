import type { CatalogueOffer } from '@microneedling/feeds/catalogueOffer'

/**
 * The Awin product feed `pnpm bench:feeds` reads (feeds.ts): a row for each of the partner's
 * catalogue offers, spread evenly through the feed among products the site does not list, as a
 * whole shop's feed is. What happens to each offer's row is decided by its place alone, so the plan
 * the import must make is known in advance (`expectedPlan`) and a plan that differs fails the run.
 */

/** The columns Awin's "Create-a-Feed" writes that the reader uses, in Awin's order. */
export const awinColumns = [
  'aw_product_id',
  'merchant_product_id',
  'product_name',
  'search_price',
  'currency',
  'in_stock',
  'merchant_deep_link',
  'aw_deep_link',
  'ean',
  'rrp_price',
  'brand_name',
] as const

export type FeedOffer = Pick<CatalogueOffer, 'deviceName' | 'feedItemId' | 'price' | 'currency' | 'url'>

/** What an offer's row does to its price: moved a few percent, left as it is, or moved by half or more (held). */
export type OfferRowKind = 'priceChange' | 'samePrice' | 'held'

/** One CSV line: a cell is quoted when it holds the separator, a quote or a line break. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')}\n`
}

/** An EAN-13 with a correct check digit for product `n` (below 10^10): the feed's products have real-looking GTINs. */
export function ean13(n: number): string {
  const payload = `50${String(n).padStart(10, '0')}`
  let sum = 0
  for (let position = payload.length - 1, weight = 3; position >= 0; position--, weight = 4 - weight) {
    sum += Number(payload[position]) * weight
  }
  return `${payload}${(10 - (sum % 10)) % 10}`
}

/** One offer row in twenty is held (a move of 60%), three keep their price, the rest move by 1 to 4%. */
export function offerRowKind(index: number): OfferRowKind {
  const place = index % 20
  if (place === 0) return 'held'
  return place <= 3 ? 'samePrice' : 'priceChange'
}

const smallMoves = [-3, -2, -1, 1, 2, 3, 4] as const
const cents = (value: number) => Math.round(value * 100) / 100

/** The price the feed gives offer `index`, from its catalogue price. */
export function feedPrice(price: number, index: number): number {
  const kind = offerRowKind(index)
  if (kind === 'samePrice') return price
  if (kind === 'held') return cents(price * (Math.floor(index / 20) % 2 === 0 ? 1.6 : 0.4))
  const moved = cents(price * (1 + smallMoves[index % smallMoves.length]! / 100))
  // A price of a few pence can round back to itself; a change must change it.
  return moved === price ? cents(price + 0.01) : moved
}

/** One row in ten, offer or not, is out of stock. */
export const isOutOfStockRow = (row: number) => row % 10 === 5

/**
 * Whether row `row` (0-based) of a feed of `size` rows is an offer's: `offers` of them are (at most
 * `size`), spread evenly. Row r is an offer's when floor((r + 1) * offers / size) steps up there.
 */
export function isOfferRow(row: number, offers: number, size: number): boolean {
  return Math.floor(((row + 1) * offers) / size) > Math.floor((row * offers) / size)
}

const awinLink = (id: number) => `https://www.awin1.com/pclick.php?p=${id}&a=450123&m=7021`

/**
 * The feed's lines, header first: `size` products, the first min(size, offers) of `offers` among
 * them (an offer with no feed item id gets no row: the import could only match it by GTIN), the
 * others products of the shop on `host`.
 */
export function* awinFeedLines(offers: readonly FeedOffer[], size: number, host: string): Generator<string> {
  yield csvLine(awinColumns)
  const listed = offers.filter((offer) => offer.feedItemId !== undefined).slice(0, size)
  let offerIndex = 0
  for (let row = 0; row < size; row++) {
    const inStock = isOutOfStockRow(row) ? '0' : '1'
    const awinId = 4_000_000 + row
    const offer = isOfferRow(row, listed.length, size) ? listed[offerIndex] : undefined
    if (offer) {
      const price = feedPrice(offer.price, offerIndex++)
      yield csvLine([
        String(awinId),
        offer.feedItemId!,
        offer.deviceName,
        price.toFixed(2),
        offer.currency,
        inStock,
        offer.url,
        awinLink(awinId),
        '',
        (price * 1.25).toFixed(2),
        offer.deviceName.split(' ')[0] ?? '',
      ])
      continue
    }
    const price = 4.99 + (row % 400)
    yield csvLine([
      String(awinId),
      `DM-SHOP-${row}`,
      `Skincare accessory ${row}, ${(row % 3) * 0.25 + 0.25} mm`,
      price.toFixed(2),
      'GBP',
      inStock,
      `https://${host}/p/accessory-${row}`,
      awinLink(awinId),
      ean13(row),
      row % 4 === 0 ? '0.00' : (price * 1.2).toFixed(2),
      'Shop brand',
    ])
  }
}

/** The plan's summary an import of `awinFeedLines(offers, size, …)` must reach, and its price changes. */
export interface ExpectedPlan {
  read: number
  matched: number
  held: number
  refused: number
  unmatched: number
  /** Offers with a feed item id and no row: on a first import each is missing once, not yet out of stock. */
  missing: number
  /** Changes that set a price: the rows of kind `priceChange`. */
  priceChanges: number
}

export function expectedPlan(offers: readonly FeedOffer[], size: number): ExpectedPlan {
  const withId = offers.filter((offer) => offer.feedItemId !== undefined).length
  const matched = Math.min(withId, size)
  const kinds = { priceChange: 0, samePrice: 0, held: 0 }
  for (let index = 0; index < matched; index++) kinds[offerRowKind(index)]++
  return {
    read: size,
    matched,
    held: kinds.held,
    refused: 0,
    unmatched: size - matched,
    missing: withId - matched,
    priceChanges: kinds.priceChange,
  }
}
