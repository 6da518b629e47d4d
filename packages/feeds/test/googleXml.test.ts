import { describe, expect, it } from 'vitest'
import { FeedFormatError } from '../src/feedFormatError.ts'
import { gzipped, itemsIn, readAll, readUntilError, refusalsIn } from './support/feeds.ts'

/** Google Merchant Center XML: RSS 2.0 and Atom 1.0, with Google's attributes in the g: namespace. */

const rssFeed = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
  <channel>
    <title>Fernhill Skincare</title>
    <link>https://shop.example.com</link>
    <item>
      <g:id>FH-ROLL-05</g:id>
      <title><![CDATA[Fernhill roller <0.5 mm> & case]]></title>
      <link>https://shop.example.com/p/roller?colour=rose&amp;size=0.5</link>
      <description><![CDATA[<p>Not read at all.</p>]]></description>
      <g:price>15.00 GBP</g:price>
      <g:sale_price>12.00 GBP</g:sale_price>
      <g:sale_price_effective_date>2025-03-01T09:00-05:00/2025-03-08T09:00-05:00</g:sale_price_effective_date>
      <g:availability>in stock</g:availability>
      <g:gtin>4006381333931</g:gtin>
      <g:brand>Fernhill &#163; &amp; Co &lt;UK&gt;</g:brand>
      <g:shipping>
        <g:country>GB</g:country>
        <g:price>3.95 GBP</g:price>
      </g:shipping>
    </item>
    <item>
      <g:id>FH-PEN-1</g:id>
      <g:title>Glide pen</g:title>
      <title>Overridden by g:title</title>
      <g:link>https://shop.example.com/p/pen</g:link>
      <link>https://shop.example.com/not-this</link>
      <g:price>129.99 GBP</g:price>
      <g:availability>out_of_stock</g:availability>
      <g:mpn>GP-1</g:mpn>
    </item>
  </channel>
</rss>
`

const atomFeed = `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">
  <title>Fernhill Skincare</title>
  <link rel="self" href="https://shop.example.com/feed.atom"/>
  <entry>
    <id>tag:shop.example.com,2025:roller</id>
    <g:id>A-1</g:id>
    <title>Roller</title>
    <link href="https://shop.example.com/p/a-1"/>
    <g:price>20.00 USD</g:price>
    <g:availability>preorder</g:availability>
  </entry>
  <entry>
    <g:id>A-2</g:id>
    <link rel="self" href="https://shop.example.com/entries/a-2"/>
    <link rel="alternate" type="text/html" href="https://shop.example.com/p/a-2"/>
    <g:price>21.00 USD</g:price>
    <g:availability>backorder</g:availability>
  </entry>
  <entry>
    <g:id>A-3</g:id>
    <link href="https://shop.example.com/p/ignored"/>
    <g:link>https://shop.example.com/p/a-3</g:link>
    <g:price>22.00 USD</g:price>
    <g:availability>in_stock</g:availability>
  </entry>
</feed>`

describe('Google Merchant Center XML', () => {
  it('reads RSS items: CDATA and entities as text, g: values first, never a nested g:price', async () => {
    const results = await readAll(rssFeed, 'google-xml')
    expect(results.map((result) => [result.kind, result.row, result.line])).toEqual([
      ['item', 1, 6],
      ['item', 2, 22],
    ])
    expect(itemsIn(results)).toEqual([
      {
        itemId: 'FH-ROLL-05',
        title: 'Fernhill roller <0.5 mm> & case',
        link: 'https://shop.example.com/p/roller?colour=rose&size=0.5',
        price: { amount: 15, currency: 'GBP' },
        salePrice: { amount: 12, currency: 'GBP' },
        salePriceEffective: { from: '2025-03-01T14:00:00.000Z', to: '2025-03-08T14:00:00.000Z' },
        availability: 'inStock',
        gtin: '4006381333931',
        brand: 'Fernhill £ & Co <UK>',
      },
      {
        itemId: 'FH-PEN-1',
        title: 'Glide pen',
        link: 'https://shop.example.com/p/pen',
        price: { amount: 129.99, currency: 'GBP' },
        availability: 'outOfStock',
        mpn: 'GP-1',
      },
    ])
  })

  it('reads Atom entries, whose link is <link href> (no rel, or rel="alternate") or g:link', async () => {
    const items = itemsIn(await readAll(atomFeed, 'google-xml'))
    expect(items.map((item) => [item.itemId, item.link, item.availability])).toEqual([
      ['A-1', 'https://shop.example.com/p/a-1', 'preOrder'],
      ['A-2', 'https://shop.example.com/p/a-2', 'backorder'],
      ['A-3', 'https://shop.example.com/p/a-3', 'inStock'],
    ])
    expect(items[0]?.title).toBe('Roller')
  })

  it('reads the same byte by byte, and gzipped', async () => {
    for (const feed of [rssFeed, atomFeed]) {
      const plain = await readAll(feed, 'google-xml')
      expect(await readAll(feed, 'google-xml', { chunkSize: 1 })).toEqual(plain)
      expect(await readAll(gzipped(feed), 'google-xml')).toEqual(plain)
    }
  })

  it('refuses a malformed item with its row and line, and reads the others', async () => {
    const item = (body: string) => `<item>${body}</item>\n`
    const feed = `<rss xmlns:g="http://base.google.com/ns/1.0"><channel>
${item('<g:id>ok-1</g:id><link>https://shop.example.com/1</link><g:price>5 EUR</g:price><g:availability>in_stock</g:availability>')}${item('<link>https://shop.example.com/2</link><g:price>5 EUR</g:price><g:availability>in_stock</g:availability>')}${item('<g:id>no-price</g:id><link>https://shop.example.com/3</link><g:availability>in_stock</g:availability>')}${item('<g:id>bad-period</g:id><link>https://shop.example.com/4</link><g:price>5 EUR</g:price><g:sale_price>4 EUR</g:sale_price><g:sale_price_effective_date>2025-02-30T00:00Z/2025-03-08T00:00Z</g:sale_price_effective_date><g:availability>in_stock</g:availability>')}${item('<g:id>ok-2</g:id><link>https://shop.example.com/5</link><g:price>5 EUR</g:price><g:availability>in_stock</g:availability><g:gtin>1234567890123</g:gtin>')}</channel></rss>`
    const results = await readAll(feed, 'google-xml')
    expect(itemsIn(results).map((found) => found.itemId)).toEqual(['ok-1', 'ok-2'])
    expect(refusalsIn(results).map(({ row, line, reason }) => [row, line, reason])).toEqual([
      [2, 3, 'id is empty: every product needs the id the partner gives it.'],
      [3, 4, 'price is empty: give an amount and a currency code, like "15.00 GBP".'],
      [
        4,
        5,
        'sale_price_effective_date "2025-02-30T00:00Z/2025-03-08T00:00Z": "2025-02-30T00:00Z" is not an ISO 8601 time.',
      ],
    ])
    // A bad GTIN leaves the item's price and availability good: it is left out, with a warning.
    expect(results.at(-1)).toMatchObject({
      kind: 'item',
      row: 5,
      warnings: [
        'gtin "1234567890123" was left out: it is not a GTIN (8, 12, 13 or 14 digits with a correct check digit).',
      ],
    })
    expect(itemsIn(results).at(-1)?.gtin).toBeUndefined()
  })

  it('still reads g: attributes when the feed forgot to declare the namespace', async () => {
    const feed =
      '<rss><channel><item><g:id>u-1</g:id><link>https://shop.example.com/u</link><g:price>3.00 CAD</g:price><g:availability>in_stock</g:availability></item></channel></rss>'
    expect(itemsIn(await readAll(feed, 'google-xml')).map((item) => [item.itemId, item.price])).toEqual([
      ['u-1', { amount: 3, currency: 'CAD' }],
    ])
  })

  it('gives the items before XML that is not well formed, then stops with the line', async () => {
    const feed = `<rss xmlns:g="http://base.google.com/ns/1.0"><channel>
<item><g:id>ok</g:id><link>https://shop.example.com/ok</link><g:price>5 EUR</g:price><g:availability>in_stock</g:availability></item>
<item><g:id>broken</g:id></g:price></item>
</channel></rss>`
    const { results, error } = await readUntilError(feed, 'google-xml')
    expect(itemsIn(results).map((item) => item.itemId)).toEqual(['ok'])
    expect(error).toBeInstanceOf(FeedFormatError)
    expect(error).toMatchObject({ line: 3 })
    expect((error as Error).message).toMatch(/^Line 3: The XML is not well formed: Unexpected close tag/)
  })

  it('says so when the document is not a feed, or was cut short', async () => {
    const page = await readUntilError('<!DOCTYPE html><html><body>Sign in</body></html>', 'google-xml')
    expect((page.error as Error).message).toBe(
      'Line 1: The document is <html>, not an RSS <rss> or Atom <feed> product feed.',
    )
    const cut = await readUntilError(atomFeed.slice(0, atomFeed.indexOf('<g:price>22')), 'google-xml')
    expect(itemsIn(cut.results).map((item) => item.itemId)).toEqual(['A-1', 'A-2'])
    expect((cut.error as Error).message).toBe('The feed ends inside a product (row 3): it was cut short.')
  })
})
