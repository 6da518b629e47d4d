import { describe, expect, it } from 'vitest'
import { FeedFormatError } from '../src/feedFormatError.ts'
import { gzipped, itemsIn, readAll, readUntilError, refusalsIn, tsv } from './support/feeds.ts'

/** Google Merchant Center product data as tab-separated text, as partners upload it. */

const header = [
  'id',
  'title',
  'link',
  'price',
  'sale_price',
  'sale_price_effective_date',
  'availability',
  'gtin',
  'mpn',
  'brand',
]

const goodFeed = `\uFEFF${tsv(
  header,
  [
    'FH-ROLL-05',
    'Fernhill £ roller 0.5 mm',
    'https://shop.example.com/p/fh-roll-05',
    '15.00 GBP',
    '12.50 GBP',
    '2025-03-01T00:00+01:00/2025-03-08T23:59:59Z',
    'in_stock',
    '4006381333931',
    'FHR-05',
    'Fernhill',
  ],
  ['FH-PEN-1', 'Glide pen', 'https://shop.example.com/p/fh-pen-1', '129.99 GBP', '', '', 'out of stock', '', '', ''],
  ['FH-STAMP', 'Stamp', 'https://shop.example.com/p/fh-stamp', 'gbp 40', '', '', 'preorder', '', '', 'Fernhill'],
  ['FH-KIT', 'Kit', 'https://shop.example.com/p/fh-kit', '55.00 GBP', '', '', 'backorder', '', '', ''],
)}`

describe('Google Merchant Center TSV', () => {
  it('reads each product into a normalised item, with its row and line', async () => {
    const results = await readAll(goodFeed, 'google-tsv')
    expect(results.map((result) => [result.kind, result.row, result.line])).toEqual([
      ['item', 1, 2],
      ['item', 2, 3],
      ['item', 3, 4],
      ['item', 4, 5],
    ])
    const [roller, pen, stamp, kit] = itemsIn(results)
    expect(roller).toEqual({
      itemId: 'FH-ROLL-05',
      title: 'Fernhill £ roller 0.5 mm',
      link: 'https://shop.example.com/p/fh-roll-05',
      price: { amount: 15, currency: 'GBP' },
      salePrice: { amount: 12.5, currency: 'GBP' },
      salePriceEffective: { from: '2025-02-28T23:00:00.000Z', to: '2025-03-08T23:59:59.000Z' },
      availability: 'inStock',
      gtin: '4006381333931',
      mpn: 'FHR-05',
      brand: 'Fernhill',
    })
    expect(pen).toEqual({
      itemId: 'FH-PEN-1',
      title: 'Glide pen',
      link: 'https://shop.example.com/p/fh-pen-1',
      price: { amount: 129.99, currency: 'GBP' },
      availability: 'outOfStock',
    })
    expect(stamp?.price).toEqual({ amount: 40, currency: 'GBP' })
    expect(stamp?.availability).toBe('preOrder')
    expect(kit?.availability).toBe('backorder')
  })

  it('reads the same items byte by byte, and gzipped (told by its magic bytes, not a name)', async () => {
    const plain = await readAll(goodFeed, 'google-tsv')
    expect(await readAll(goodFeed, 'google-tsv', { chunkSize: 1 })).toEqual(plain)
    expect(await readAll(gzipped(goodFeed), 'google-tsv')).toEqual(plain)
    expect(await readAll(gzipped(goodFeed), 'google-tsv', { chunkSize: 3 })).toEqual(plain)
  })

  it('reads quoted tabs and newlines inside values, counting lines for the rows after them', async () => {
    const feed = tsv(
      ['id', 'title', 'link', 'price', 'availability'],
      ['A1', '"Roller\twith a tab"', 'https://shop.example.com/a1', '10.00 EUR', 'in_stock'],
      ['A2', '"Two\nline ""quoted"" title"', 'https://shop.example.com/a2', '11.00 EUR', 'in_stock'],
      ['A3', '12" needle roller', 'https://shop.example.com/a3', '12.00 EUR', 'in_stock'],
    )
    const results = await readAll(feed, 'google-tsv')
    expect(itemsIn(results).map((item) => item.title)).toEqual([
      'Roller\twith a tab',
      'Two\nline "quoted" title',
      '12" needle roller',
    ])
    expect(results.map((result) => result.line)).toEqual([2, 3, 5])
  })

  it('reads headers as Google does: any case, g: prefixes, spaces for underscores', async () => {
    const feed = tsv(
      ['G:ID', 'Link', 'Price', 'Sale Price', 'availability'],
      ['B1', 'https://shop.example.com/b1', '20.00 USD', '15.00 USD', 'in stock'],
    )
    expect(itemsIn(await readAll(feed, 'google-tsv'))).toEqual([
      {
        itemId: 'B1',
        link: 'https://shop.example.com/b1',
        price: { amount: 20, currency: 'USD' },
        salePrice: { amount: 15, currency: 'USD' },
        availability: 'inStock',
      },
    ])
  })

  it('refuses a malformed row with its row number and a plain reason, and reads the rest', async () => {
    const columns = ['id', 'link', 'price', 'sale_price', 'availability']
    const good = (id: string) => [id, `https://shop.example.com/${id}`, '10.00 GBP', '', 'in_stock']
    const feed = tsv(
      columns,
      good('ok-1'),
      ['', 'https://shop.example.com/no-id', '10.00 GBP', '', 'in_stock'],
      ['bad-price', 'https://shop.example.com/x', 'ten pounds', '', 'in_stock'],
      ['negative', 'https://shop.example.com/x', '-10.00 GBP', '', 'in_stock'],
      ['huge', 'https://shop.example.com/x', '250000.00 GBP', '', 'in_stock'],
      ['comma', 'https://shop.example.com/x', '10,50 EUR', '', 'in_stock'],
      ['no-currency', 'https://shop.example.com/x', '10.00 XYZ', '', 'in_stock'],
      ['bad-link', 'shop.example.com/x', '10.00 GBP', '', 'in_stock'],
      ['ftp-link', 'ftp://shop.example.com/x', '10.00 GBP', '', 'in_stock'],
      ['sale-above', 'https://shop.example.com/x', '10.00 GBP', '12.00 GBP', 'in_stock'],
      ['no-stock-word', 'https://shop.example.com/x', '10.00 GBP', '', 'maybe'],
      ['too-many', 'https://shop.example.com/x', '10.00 GBP', '', 'in_stock', 'extra'],
      good('ok-2'),
    )
    const results = await readAll(feed, 'google-tsv')
    expect(itemsIn(results).map((item) => item.itemId)).toEqual(['ok-1', 'ok-2'])
    expect(results.at(-1)).toMatchObject({ kind: 'item', row: 13, line: 14 })
    expect(refusalsIn(results).map(({ row, line, reason }) => [row, line, reason])).toEqual([
      [2, 3, 'id is empty: every product needs the id the partner gives it.'],
      [3, 4, 'price "ten pounds" is not an amount and a currency code, like "15.00 GBP".'],
      [4, 5, 'price -10.00 GBP is negative.'],
      [5, 6, 'price 250000.00 GBP is above 100000, the most a price may be: check the feed.'],
      [
        6,
        7,
        'price "10,50" has a comma: write the amount with a decimal point and no thousands separator, like "1500.00".',
      ],
      [7, 8, 'price currency "XYZ" is not an ISO 4217 currency code, like "GBP".'],
      [8, 9, 'link "shop.example.com/x" is not an absolute URL.'],
      [9, 10, 'link "ftp://shop.example.com/x" is not an http or https link.'],
      [10, 11, 'sale_price 12 GBP is not below price 10 GBP.'],
      [11, 12, 'availability "maybe" is not one of in_stock, out_of_stock, preorder, backorder.'],
      [12, 13, 'The row has 6 values but the header names 5 columns: a separator inside a value that is not quoted?'],
    ])
  })

  it('takes a lower price limit when told one', async () => {
    const feed = tsv(
      ['id', 'link', 'price', 'availability'],
      ['p', 'https://shop.example.com/p', '600 GBP', 'in_stock'],
    )
    const [result] = await readAll(feed, 'google-tsv', { maxPrice: 500 })
    expect(result).toMatchObject({
      kind: 'refused',
      reason: 'price 600 GBP is above 500, the most a price may be: check the feed.',
    })
  })

  it('refuses the whole feed when its header lacks a column every product needs', async () => {
    const { results, error } = await readUntilError(tsv(['id', 'title', 'price'], ['a', 'b', '1 GBP']), 'google-tsv')
    expect(results).toEqual([])
    expect(error).toBeInstanceOf(FeedFormatError)
    expect((error as Error).message).toBe(
      'Line 1: The header has no link, availability columns: is this a Google Merchant Center TSV feed? The header has: id, title, price.',
    )
  })

  it('gives the rows before a quote that is never closed, then stops with the line', async () => {
    const feed = `${tsv(['id', 'link', 'price', 'availability'], ['a', 'https://shop.example.com/a', '1.00 GBP', 'in_stock'])}b\t"https://shop.example.com/b\t1.00 GBP\tin_stock\n`
    const { results, error } = await readUntilError(feed, 'google-tsv')
    expect(itemsIn(results).map((item) => item.itemId)).toEqual(['a'])
    expect(error).toBeInstanceOf(FeedFormatError)
    expect((error as Error).message).toMatch(/A quoted value is never closed/)
  })
})
