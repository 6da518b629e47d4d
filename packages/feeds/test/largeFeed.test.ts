import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { readFeed } from '../src/readFeed.ts'

/** A large feed is read in bounded memory: the feed is generated as it is read, never held whole. */

const rowCount = 200_000
const rowsPerChunk = 500
const header =
  'aw_product_id,merchant_product_id,product_name,search_price,currency,in_stock,merchant_deep_link,aw_deep_link,ean,rrp_price,brand_name\n'

/** About 40 MB of Awin CSV, produced a chunk at a time as the reader asks for it. */
async function* generatedAwinFeed(): AsyncGenerator<Uint8Array> {
  yield Buffer.from(header)
  for (let first = 0; first < rowCount; first += rowsPerChunk) {
    let chunk = ''
    for (let index = first; index < first + rowsPerChunk; index++) {
      const price = (10 + (index % 500) + 0.99).toFixed(2)
      chunk += `${3_000_000 + index},SKU-${index},"Fernhill roller ${index}, 0.5 mm",${price},GBP,${index % 3 === 0 ? 0 : 1},https://shop.example.com/p/${index},https://www.awin1.example.com/pclick.php?p=${index}&a=1,,${index % 7 === 0 ? '0.00' : '599.00'},Fernhill\n`
    }
    yield Buffer.from(chunk)
  }
}

/** About 30 MB of Google RSS, 100,000 items, produced the same way. */
async function* generatedGoogleRss(itemCount: number): AsyncGenerator<Uint8Array> {
  yield Buffer.from('<?xml version="1.0"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>\n')
  for (let first = 0; first < itemCount; first += rowsPerChunk) {
    let chunk = ''
    for (let index = first; index < first + rowsPerChunk; index++) {
      chunk += `<item><g:id>SKU-${index}</g:id><title><![CDATA[Roller ${index} & case]]></title><link>https://shop.example.com/p/${index}?a=1&amp;b=2</link><description>${'A long description. '.repeat(8)}</description><g:price>${(index % 900) + 1}.00 GBP</g:price><g:availability>in_stock</g:availability><g:shipping><g:price>3.95 GBP</g:price></g:shipping></item>\n`
    }
    yield Buffer.from(chunk)
  }
  yield Buffer.from('</channel></rss>\n')
}

// The heap after a full collection: gc is exposed to this test alone; where it cannot be, the
// heap as it stands is measured, which only overstates the growth.
const collectGarbage = exposedGc()
function exposedGc(): () => void {
  try {
    setFlagsFromString('--expose-gc')
    return runInNewContext('gc') as () => void
  } catch {
    return () => {}
  }
}
function retainedHeap(): number {
  collectGarbage()
  return process.memoryUsage().heapUsed
}

// Each takes a few seconds; the margin is for a busy machine.
describe('a large feed', { timeout: 60_000 }, () => {
  it(`reads ${rowCount} Awin rows with the heap growing by far less than the feed`, async () => {
    const before = retainedHeap()
    let peakGrowth = 0
    let items = 0
    let refused = 0
    let inStock = 0
    for await (const result of readFeed(generatedAwinFeed(), 'awin-csv')) {
      if (result.kind === 'refused') refused += 1
      else {
        items += 1
        if (result.item.availability === 'inStock') inStock += 1
        if (items % 50_000 === 0) peakGrowth = Math.max(peakGrowth, retainedHeap() - before)
      }
    }
    expect(items).toBe(rowCount)
    expect(refused).toBe(0)
    expect(inStock).toBe(rowCount - Math.ceil(rowCount / 3))
    expect(peakGrowth).toBeLessThan(100 * 1024 * 1024)
  })

  it('reads 100000 RSS items the same way', async () => {
    const before = retainedHeap()
    let peakGrowth = 0
    let items = 0
    let priceTotal = 0
    for await (const result of readFeed(generatedGoogleRss(100_000), 'google-xml')) {
      if (result.kind !== 'item') throw new Error(`row ${result.row} refused: ${result.reason}`)
      items += 1
      priceTotal += result.item.price.amount
      if (items % 25_000 === 0) peakGrowth = Math.max(peakGrowth, retainedHeap() - before)
    }
    expect(items).toBe(100_000)
    // Each item's own g:price, never its shipping's 3.95.
    expect(priceTotal).toBe(Array.from({ length: 100_000 }, (_, index) => (index % 900) + 1).reduce((a, b) => a + b))
    expect(peakGrowth).toBeLessThan(100 * 1024 * 1024)
  })
})
