import { describe, expect, it } from 'vitest'
import { FeedFormatError } from '../src/feedFormatError.ts'
import { gzipped, itemsIn, readAll, readUntilError, refusalsIn } from './support/feeds.ts'

/** Awin product feeds: CSV with Awin's column names, as "Create-a-Feed" downloads them. */

const columns = [
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
]
const csv = (...rows: string[][]) => `${rows.map((row) => row.join(',')).join('\r\n')}\r\n`
const awinLink = (id: string) => `https://www.awin1.example.com/pclick.php?p=${id}&a=1&m=2`

const goodFeed = `\uFEFF${csv(
  columns,
  [
    '3000001',
    'FH-ROLL-05',
    '"Fernhill roller, 0.5 mm"',
    '15.00',
    'GBP',
    '1',
    'https://shop.example.com/p/fh-roll-05',
    `"${awinLink('3000001')}"`,
    '4006381333931',
    '19.99',
    'Fernhill',
  ],
  [
    '3000002',
    'FH-PEN-1',
    '"Glide pen\nwith ""spare"" cartridges"',
    '129.99',
    'gbp',
    '0',
    'https://shop.example.com/p/fh-pen-1',
    awinLink('3000002'),
    '5.06E+12',
    '0.00',
    '',
  ],
  ['3000003', 'FH-STAMP', '12" stamp', '40', 'GBP', '1', '', awinLink('3000003'), '', '', 'Fernhill'],
)}`

describe('Awin product feed CSV', () => {
  it('reads merchant ids, prices, stock, both links, EAN and RRP, with rows and lines', async () => {
    const results = await readAll(goodFeed, 'awin-csv')
    expect(results.map((result) => [result.kind, result.row, result.line])).toEqual([
      ['item', 1, 2],
      ['item', 2, 3],
      ['item', 3, 5],
    ])
    expect(itemsIn(results)).toEqual([
      {
        itemId: 'FH-ROLL-05',
        title: 'Fernhill roller, 0.5 mm',
        link: 'https://shop.example.com/p/fh-roll-05',
        affiliateLink: awinLink('3000001'),
        price: { amount: 15, currency: 'GBP' },
        availability: 'inStock',
        gtin: '4006381333931',
        brand: 'Fernhill',
        rrp: { amount: 19.99, currency: 'GBP' },
      },
      {
        itemId: 'FH-PEN-1',
        title: 'Glide pen\nwith "spare" cartridges',
        link: 'https://shop.example.com/p/fh-pen-1',
        affiliateLink: awinLink('3000002'),
        price: { amount: 129.99, currency: 'GBP' },
        availability: 'outOfStock',
      },
      {
        itemId: 'FH-STAMP',
        title: '12" stamp',
        // No merchant link: Awin's tracked link is the only way to the product.
        link: awinLink('3000003'),
        affiliateLink: awinLink('3000003'),
        price: { amount: 40, currency: 'GBP' },
        availability: 'inStock',
        brand: 'Fernhill',
      },
    ])
    expect(results[1]).toMatchObject({
      warnings: ['ean "5.06E+12" was left out: it is not a GTIN (8, 12, 13 or 14 digits with a correct check digit).'],
    })
  })

  it('reads the same byte by byte, gzipped, and with another separator', async () => {
    const plain = await readAll(goodFeed, 'awin-csv')
    expect(await readAll(goodFeed, 'awin-csv', { chunkSize: 1 })).toEqual(plain)
    expect(await readAll(gzipped(goodFeed), 'awin-csv')).toEqual(plain)
    const piped = `${[
      columns,
      ['1', 'P-1', 'Roller, boxed', '9.50', 'EUR', '1', 'https://shop.example.com/p1', '', '', '', ''],
    ]
      .map((row) => row.join('|'))
      .join('\n')}\n`
    expect(itemsIn(await readAll(piped, 'awin-csv', { awinDelimiter: '|' }))).toEqual([
      {
        itemId: 'P-1',
        title: 'Roller, boxed',
        link: 'https://shop.example.com/p1',
        price: { amount: 9.5, currency: 'EUR' },
        availability: 'inStock',
      },
    ])
  })

  it('refuses a malformed row with its row number and a plain reason, and reads the rest', async () => {
    const row = (id: string, price: string, currency: string, inStock: string, link = 'https://shop.example.com/x') => [
      '1',
      id,
      'Roller',
      price,
      currency,
      inStock,
      link,
      '',
      '',
      '',
      '',
    ]
    const feed = csv(
      columns,
      row('ok-1', '10.00', 'GBP', '1'),
      row('', '10.00', 'GBP', '1'),
      row('no-price', '', 'GBP', '1'),
      row('no-currency', '10.00', '', '1'),
      row('zero', '0.00', 'GBP', '1'),
      row('stock-word', '10.00', 'GBP', 'maybe'),
      row('no-link', '10.00', 'GBP', '1', ''),
      [...row('shifted', '10.00', 'GBP', '1'), 'extra'],
      row('ok-2', '99999.99', 'GBP', '0'),
    )
    const results = await readAll(feed, 'awin-csv')
    expect(itemsIn(results).map((item) => [item.itemId, item.price.amount])).toEqual([
      ['ok-1', 10],
      ['ok-2', 99999.99],
    ])
    expect(refusalsIn(results).map(({ row: number, reason }) => [number, reason])).toEqual([
      [2, 'merchant_product_id is empty: every product needs the id the merchant gives it.'],
      [3, 'search_price is empty.'],
      [4, 'currency is empty: give an ISO 4217 code, like "GBP".'],
      [5, 'search_price is zero: a product with no price cannot be compared.'],
      [6, 'in_stock "maybe" is not 1 (in stock) or 0 (out of stock).'],
      [7, `aw_deep_link is empty: give the product's page, like "https://shop.example.com/p/1".`],
      [8, 'The row has 12 values but the header names 11 columns: a separator inside a value that is not quoted?'],
    ])
  })

  it('refuses the whole feed when a column it needs is not in it', async () => {
    const { error } = await readUntilError(
      csv(['merchant_product_id', 'search_price', 'currency'], ['a', '1', 'GBP']),
      'awin-csv',
    )
    expect(error).toBeInstanceOf(FeedFormatError)
    expect((error as Error).message).toBe(
      "Line 1: The header has no in_stock, merchant_deep_link or aw_deep_link column: add it to the feed's columns in Awin. The header has: merchant_product_id, search_price, currency.",
    )
  })

  it('says a ZIP archive or an empty feed is not a feed it can read', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])
    expect(((await readUntilError(zip, 'awin-csv')).error as Error).message).toBe(
      'The feed is a ZIP archive: only gzip-compressed or uncompressed feeds are read.',
    )
    expect(((await readUntilError('', 'awin-csv')).error as Error).message).toBe(
      'The feed is empty: not even a header line.',
    )
    const cut = gzipped(goodFeed).subarray(0, 60)
    expect(((await readUntilError(cut, 'awin-csv')).error as Error).message).toMatch(
      /^The gzip data is damaged or cut short/,
    )
  })
})
