import { type FeedFormat, feedFormats as feedFormatTerms, valuesOf } from '@microneedling/content/vocabulary'
import { awinCsvLayout, awinProductItem } from './awin/awinProduct.ts'
import { byteChunks, type FeedSource } from './bytes/byteChunks.ts'
import { gunzipWhenCompressed } from './bytes/gunzipWhenCompressed.ts'
import { delimitedRecords } from './delimited/delimitedRecords.ts'
import type { FeedItem } from './feedItem.ts'
import type { FeedRecord, RefusedRecord } from './feedRecord.ts'
import { defaultMaxPrice } from './fields/money.ts'
import { googleProductItem } from './google/googleProduct.ts'
import { googleTsvLayout } from './google/googleTsvLayout.ts'
import type { ReadItem } from './readResult.ts'
import { RowRefusal } from './rowRefusal.ts'
import { googleXmlProducts } from './xml/googleXmlProducts.ts'

export type { FeedFormat } from '@microneedling/content/vocabulary'
export type { FeedSource } from './bytes/byteChunks.ts'

/**
 * `google-tsv`: Google Merchant Center tab-separated product data. `google-xml`: Google Merchant
 * Center RSS 2.0 or Atom. `awin-csv`: an Awin product feed. Each may be gzip-compressed. The list
 * is the content model's, so a partner's feed format in the Studio is always one read here.
 */
const feedFormats: readonly string[] = valuesOf(feedFormatTerms)

export type ReadFeedOptions = {
  /** Prices above this are refused as likely typos (a sale price or RRP too). Default 100000. */
  maxPrice?: number
  /** The separator of an Awin feed; Awin offers others than the default ",". */
  awinDelimiter?: string
}

/**
 * What `readFeed` gives for each product, in the feed's order. `row` is the product's 1-based place
 * in the feed (a CSV header is not counted; an XML feed's nth item is row n) and `line` the line of
 * the file where it starts, so an editor can find it.
 */
export type FeedReadResult =
  | { kind: 'item'; item: FeedItem; row: number; line: number; warnings: string[] }
  | { kind: 'refused'; row: number; line: number; reason: string }

/**
 * The products of a feed, read as its bytes arrive: memory stays bounded whatever the feed's size.
 * A product with a bad value (no id, a price that is not one, a bad link) is refused with its row
 * and the reason, and reading goes on. A feed that cannot be read at all, or no further (a header
 * without the columns the format needs, XML that is not well formed), throws a `FeedFormatError`
 * after the products before the problem.
 */
export async function* readFeed(
  source: FeedSource,
  format: FeedFormat,
  options: ReadFeedOptions = {},
): AsyncGenerator<FeedReadResult> {
  if (!feedFormats.includes(format))
    throw new TypeError(`Unknown feed format "${format}": use ${feedFormats.join(', ')}.`)
  const maxPrice = options.maxPrice ?? defaultMaxPrice
  const bytes = gunzipWhenCompressed(byteChunks(source))
  const records =
    format === 'google-xml'
      ? googleXmlProducts(bytes)
      : delimitedRecords(bytes, format === 'google-tsv' ? googleTsvLayout : awinCsvLayout(options.awinDelimiter ?? ','))
  const itemOf = format === 'awin-csv' ? awinProductItem : googleProductItem
  for await (const record of records) yield resultOf(record, itemOf, maxPrice)
}

function resultOf(
  record: FeedRecord | RefusedRecord,
  itemOf: (values: ReadonlyMap<string, string>, maxPrice: number) => ReadItem,
  maxPrice: number,
): FeedReadResult {
  if (record.kind === 'refused') return record
  const { row, line } = record
  try {
    return { kind: 'item', ...itemOf(record.values, maxPrice), row, line }
  } catch (error) {
    if (error instanceof RowRefusal) return { kind: 'refused', row, line, reason: error.message }
    throw error
  }
}
