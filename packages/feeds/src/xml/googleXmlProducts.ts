import sax from 'sax'
import { peekBytes } from '../bytes/peekBytes.ts'
import { FeedFormatError } from '../feedFormatError.ts'
import type { FeedRecord, RefusedRecord } from '../feedRecord.ts'
import { xmlTextDecoder } from './xmlTextDecoder.ts'

const googleNamespace = 'http://base.google.com/ns/1.0'
const atomNamespace = 'http://www.w3.org/2005/Atom'

/** The Google attributes an item's values are read from; any other element is skipped unread. */
const wantedAttributes = new Set([
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
])
// RSS's and Atom's own elements that Google reads when the g: one is absent.
const ownElementsGoogleReads = new Set(['title', 'link'])
const maxValueCharacters = 10_000

type Capture = { attribute: string; fromGoogle: boolean; text: string }
type OpenItem = {
  row: number
  line: number
  depth: number
  googleValues: Map<string, string>
  ownValues: Map<string, string>
  tooLong: string | undefined
  capture: Capture | undefined
}

/**
 * The products of a Google Merchant Center XML feed, RSS 2.0 (`<item>`) or Atom (`<entry>`), read
 * with sax as the bytes arrive. Values come from the item's own children in Google's namespace
 * (`g:price`, never `g:shipping`'s `g:price`); RSS's `<link>` and `<title>`, and Atom's
 * `<link href>`, stand in for `g:link` and `g:title`. CDATA and entities are read as text.
 */
export async function* googleXmlProducts(
  chunks: AsyncIterable<Uint8Array>,
): AsyncGenerator<FeedRecord | RefusedRecord> {
  const peeked = await peekBytes(chunks, 256)
  const decoder = xmlTextDecoder(peeked.head)
  const parser = sax.parser(true, { xmlns: true, position: true })
  const products: (FeedRecord | RefusedRecord)[] = []
  let failure: FeedFormatError | undefined
  let rootSeen = false
  let rows = 0
  let item: OpenItem | undefined

  parser.onerror = (error) => {
    // A g: prefix the feed forgot to declare is still Google's; any other error ends the reading.
    if (error.message.startsWith('Unbound namespace prefix')) {
      parser.resume()
      return
    }
    failure ??= new FeedFormatError(`The XML is not well formed: ${error.message.split('\n')[0]}.`, parser.line + 1)
  }
  parser.onopentag = (tag) => {
    if (failure) return
    const element = tag as sax.QualifiedTag
    if (!rootSeen) {
      rootSeen = true
      if (element.local !== 'rss' && element.local !== 'feed') {
        failure = new FeedFormatError(
          `The document is <${element.name}>, not an RSS <rss> or Atom <feed> product feed.`,
          parser.line + 1,
        )
      }
      return
    }
    if (!item) {
      if (isProductElement(element)) {
        rows += 1
        item = {
          row: rows,
          line: parser.line + 1,
          depth: 0,
          googleValues: new Map(),
          ownValues: new Map(),
          tooLong: undefined,
          capture: undefined,
        }
      }
      return
    }
    item.depth += 1
    if (item.depth === 1) item.capture = captureFor(item, element)
  }
  const onText = (text: string) => {
    const capture = item?.capture
    if (failure || !item || !capture) return
    if (capture.text.length + text.length > maxValueCharacters) item.tooLong ??= capture.attribute
    else capture.text += text
  }
  parser.ontext = onText
  parser.oncdata = onText
  parser.onclosetag = () => {
    if (failure || !item) return
    if (item.depth === 0) {
      products.push(finished(item))
      item = undefined
      return
    }
    if (item.depth === 1 && item.capture) {
      const { attribute, fromGoogle, text } = item.capture
      ;(fromGoogle ? item.googleValues : item.ownValues).set(attribute, text.trim())
      item.capture = undefined
    }
    item.depth -= 1
  }

  for await (const chunk of peeked.chunks) {
    parser.write(decoder.decode(chunk, { stream: true }))
    yield* products.splice(0)
    if (failure) throw failure
  }
  parser.write(decoder.decode())
  if (!failure) {
    if (item) failure = new FeedFormatError(`The feed ends inside a product (row ${item.row}): it was cut short.`)
    else if (!rootSeen) failure = new FeedFormatError('The feed is empty: no XML element at all.')
  }
  if (!failure) parser.close()
  yield* products.splice(0)
  if (failure) throw failure
}

/** Where a child of the item puts its text, if it is one read; Atom's <link href> is read at once. */
function captureFor(item: OpenItem, element: sax.QualifiedTag): Capture | undefined {
  if (isGoogleElement(element)) {
    const wanted = wantedAttributes.has(element.local) && !item.googleValues.has(element.local)
    return wanted ? { attribute: element.local, fromGoogle: true, text: '' } : undefined
  }
  if (!isFeedOwnElement(element) || !ownElementsGoogleReads.has(element.local) || item.ownValues.has(element.local)) {
    return undefined
  }
  if (element.uri === atomNamespace && element.local === 'link') {
    const href = atomProductHref(element)
    if (href !== undefined) item.ownValues.set('link', href)
    return undefined
  }
  return { attribute: element.local, fromGoogle: false, text: '' }
}

function isProductElement(element: sax.QualifiedTag): boolean {
  return (
    (element.local === 'item' && element.uri === '') || (element.local === 'entry' && element.uri === atomNamespace)
  )
}

function isFeedOwnElement(element: sax.QualifiedTag): boolean {
  return element.uri === '' || element.uri === atomNamespace
}

function isGoogleElement(element: sax.QualifiedTag): boolean {
  return element.uri === googleNamespace || (element.prefix === 'g' && element.uri === 'g')
}

/** Atom's `<link href>`: the product's page is the link with no rel, or rel="alternate". */
function atomProductHref(element: sax.QualifiedTag): string | undefined {
  const rel = element.attributes.rel?.value ?? 'alternate'
  const href = element.attributes.href?.value
  return rel === 'alternate' && href !== undefined ? href.trim() : undefined
}

function finished(item: OpenItem): FeedRecord | RefusedRecord {
  const { row, line } = item
  if (item.tooLong) {
    return { kind: 'refused', row, line, reason: `${item.tooLong} is longer than ${maxValueCharacters} characters.` }
  }
  const values = new Map(item.ownValues)
  for (const [attribute, value] of item.googleValues) values.set(attribute, value)
  return { kind: 'record', values, row, line }
}
