import { readFileSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { sampleDatasetPath } from '@microneedling/content/config'
import { parseNdjson, type StoredDocument } from '@microneedling/content/source/ndjson'

/**
 * Scale datasets for the benchmark and for tests that need a large catalogue: the sample dataset
 * as it is, plus clones of its devices until the catalogue has the requested number of devices.
 *
 * Every clone gets its own _id, slug, name and offer keys, and keeps its source device's brand,
 * partners and authors, so every reference resolves and the dataset passes `content:check`.
 * Names, ratings and prices (of offers and of the heads and cartridges a device uses up) vary, so
 * sorting and filtering a large catalogue, by price or by running cost, behaves as it would on a
 * real one. The output depends only on the sample and the device count: the clone with a
 * given number is the same in every dataset that has it.
 */

/** The sample's device ids, in file order: clone n copies sampleDevices[n % count]. */
function sampleDevices(documents: readonly StoredDocument[]): StoredDocument[] {
  return documents.filter((document) => document._type === 'device' && !document._id.startsWith('drafts.'))
}

function readSample(): { text: string; documents: StoredDocument[] } {
  const text = readFileSync(sampleDatasetPath, 'utf8')
  const { documents, problems } = parseNdjson(text)
  if (problems.length > 0) throw new Error(`the sample dataset has unreadable lines: ${JSON.stringify(problems)}`)
  return { text, documents }
}

/** How many devices the sample has: the smallest dataset this module writes. */
export function sampleDeviceCount(): number {
  return sampleDevices(readSample().documents).length
}

/** Model-line words put after the brand in a clone's name, so clones of one device sort apart. */
const modelLines = [
  'Aero',
  'Aster',
  'Beacon',
  'Bloom',
  'Cirrus',
  'Clarity',
  'Crest',
  'Dawn',
  'Delta',
  'Ember',
  'Evo',
  'Flux',
  'Glint',
  'Halo',
  'Harbor',
  'Iris',
  'Juniper',
  'Kite',
  'Lumen',
  'Meridian',
  'Mist',
  'Nova',
  'Onyx',
  'Opal',
  'Pulse',
  'Quartz',
  'Radiant',
  'Sable',
  'Serene',
  'Sierra',
  'Summit',
  'Tide',
  'Umbra',
  'Vale',
  'Vega',
  'Willow',
  'Zenith',
  'Zephyr',
] as const

/** Clones are rated below the sample's best devices, so those stay the top-rated ones. */
const cloneRatingRange = { min: 2.0, max: 8.9 } as const
/** The first clone is the catalogue's lowest-rated device: the benchmark's page that is never prerendered. */
const lowestCloneRating = 1.5
/** Clone prices are the source offer's price times a factor in this range. */
const priceFactorRange = { min: 0.55, max: 1.6 } as const

/**
 * mulberry32: a small, well-known seeded generator. Seeded per clone, so a clone does not depend
 * on how many clones come before it in the file.
 */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!
}

function between(range: { min: number; max: number }, random: () => number): number {
  return range.min + random() * (range.max - range.min)
}

interface StoredOffer {
  _key: string
  url: string
  price: number
  [field: string]: unknown
}

/** The name a clone gets: the source's brand word, a model line and number, then the rest of the source's name. */
export function cloneName(sourceName: string, cloneNumber: number): string {
  const [brandWord, ...rest] = sourceName.split(' ')
  const line = pick(modelLines, seededRandom(cloneNumber * 7919 + 17))
  return [brandWord, line, String(cloneNumber), ...rest].join(' ')
}

/** The slug of clone `cloneNumber` (1-based), without generating a dataset. */
export function cloneSlug(cloneNumber: number): string {
  const { documents } = readSample()
  const devices = sampleDevices(documents)
  const source = devices[(cloneNumber - 1) % devices.length]!
  return slugify(cloneName(String(source.name), cloneNumber))
}

function cloneOffer(offer: StoredOffer, slug: string, cloneNumber: number, random: () => number): StoredOffer {
  const url = new URL(offer.url)
  const segments = url.pathname.split('/')
  segments[segments.length - 1] = slug
  url.pathname = segments.join('/')
  return {
    ...offer,
    _key: `${offer._key}-${cloneNumber}`,
    url: url.toString(),
    price: Math.round(offer.price * between(priceFactorRange, random) * 100) / 100,
  }
}

interface StoredConsumable {
  price?: number
  [field: string]: unknown
}

/** A head's or cartridge's price moves like the offers' (the whole device has no price of its own). */
function cloneConsumable(consumable: StoredConsumable, random: () => number): StoredConsumable {
  if (consumable.price === undefined) return { ...consumable }
  return { ...consumable, price: Math.round(consumable.price * between(priceFactorRange, random) * 100) / 100 }
}

function cloneDevice(source: StoredDocument, cloneNumber: number): StoredDocument {
  const random = seededRandom(cloneNumber)
  const name = cloneName(String(source.name), cloneNumber)
  const slug = slugify(name)
  const rating = cloneNumber === 1 ? lowestCloneRating : Math.round(between(cloneRatingRange, random) * 10) / 10
  const offers = ((source.offers ?? []) as StoredOffer[]).map((offer) => cloneOffer(offer, slug, cloneNumber, random))
  // Drawn after the offers' prices, so those stay what they were before devices had consumables.
  const consumables = (source.consumables as StoredConsumable[] | undefined)?.map((consumable) =>
    cloneConsumable(consumable, random),
  )
  return {
    ...structuredClone(source),
    _id: `device-${slug}`,
    name,
    slug: { _type: 'slug', current: slug },
    rating,
    offers,
    ...(consumables ? { consumables } : {}),
  }
}

function assertDeviceCount(devices: number, sampleCount: number): void {
  if (!Number.isInteger(devices) || devices < sampleCount) {
    throw new RangeError(`a scale dataset has a whole number of devices, at least the sample's ${sampleCount}`)
  }
}

/**
 * The NDJSON text of a dataset with `devices` devices: the sample unchanged (its 18 devices, brands,
 * partners, authors, guides and curated comparisons), then `devices - 18` cloned devices.
 */
export function scaleDataset(devices: number): string {
  const { text, documents } = readSample()
  const sources = sampleDevices(documents)
  assertDeviceCount(devices, sources.length)
  const lines = [text.endsWith('\n') ? text.slice(0, -1) : text]
  for (let cloneNumber = 1; cloneNumber <= devices - sources.length; cloneNumber++) {
    const source = sources[(cloneNumber - 1) % sources.length]!
    lines.push(JSON.stringify(cloneDevice(source, cloneNumber)))
  }
  return `${lines.join('\n')}\n`
}

/** Writes scaleDataset(devices) to `outFile`, leaving the file untouched when it already holds that text. */
export async function writeScaleDataset(devices: number, outFile: string): Promise<void> {
  const text = scaleDataset(devices)
  const existing = await readFile(outFile, 'utf8').catch(() => undefined)
  if (existing === text) return
  await mkdir(dirname(outFile), { recursive: true })
  await writeFile(outFile, text)
}
