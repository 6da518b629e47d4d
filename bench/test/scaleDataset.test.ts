import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sampleDatasetPath } from '@microneedling/content/config'
import { parseNdjson, type StoredDocument } from '@microneedling/content/source/ndjson'
import { afterAll, describe, expect, it } from 'vitest'
import { cloneSlug, sampleDeviceCount, scaleDataset, writeScaleDataset } from '../src/scaleDataset.ts'

const size = 600
const text = scaleDataset(size)
const { documents, problems } = parseNdjson(text)
const devices = documents.filter((document) => document._type === 'device')

interface Offer {
  _key: string
  url: string
  price: number
  partner: { _ref: string }
}
const offersOf = (device: StoredDocument) => (device.offers ?? []) as Offer[]
const slugOf = (document: StoredDocument) => (document.slug as { current: string }).current

/** Every `_ref` anywhere in a document, with the field path it sits at. */
function references(value: unknown, path = ''): { path: string; ref: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => references(item, `${path}[${index}]`))
  if (!value || typeof value !== 'object') return []
  const record = value as Record<string, unknown>
  const own = typeof record._ref === 'string' ? [{ path, ref: record._ref }] : []
  return [...own, ...Object.entries(record).flatMap(([key, child]) => references(child, `${path}.${key}`))]
}

describe('scaleDataset', () => {
  it('writes exactly the requested number of devices, as NDJSON every line of which parses', () => {
    expect(problems).toEqual([])
    expect(devices).toHaveLength(size)
    expect(text.endsWith('\n')).toBe(true)
  })

  it('is the sample unchanged at the sample size, and keeps the sample first at every size', () => {
    const sample = readFileSync(sampleDatasetPath, 'utf8')
    expect(sampleDeviceCount()).toBe(18)
    expect(scaleDataset(18).trimEnd()).toBe(sample.trimEnd())
    expect(text.startsWith(sample.trimEnd())).toBe(true)
  })

  it('gives the same text on every call, and the same clones at every size that has them', () => {
    expect(scaleDataset(size)).toBe(text)
    const smaller = scaleDataset(100)
    expect(text.startsWith(smaller)).toBe(true)
    expect(cloneSlug(1)).toBe(slugOf(devices[18]!))
    expect(cloneSlug(250)).toBe(slugOf(devices[18 + 249]!))
  })

  it('gives every document its own _id, every device its own slug and name, every offer its own key', () => {
    const ids = documents.map((document) => document._id)
    expect(new Set(ids).size).toBe(ids.length)
    const slugs = devices.map(slugOf)
    expect(new Set(slugs).size).toBe(size)
    expect(new Set(devices.map((device) => device.name)).size).toBe(size)
    const keys = devices.flatMap((device) => offersOf(device).map((offer) => offer._key))
    expect(new Set(keys).size).toBe(keys.length)
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  })

  it('keeps every reference resolvable: brands, partners, authors and the curated comparisons', () => {
    const byId = new Map(documents.map((document) => [document._id, document]))
    const dangling = documents.flatMap((document) =>
      references(document)
        .filter(({ ref }) => !byId.has(ref))
        .map(({ path, ref }) => `${document._id}${path} -> ${ref}`),
    )
    expect(dangling).toEqual([])
    const comparisons = documents.filter((document) => document._type === 'comparison')
    expect(comparisons.length).toBeGreaterThan(0)
    for (const device of devices) {
      expect(byId.get((device.brand as { _ref: string })._ref)?._type).toBe('brand')
      for (const offer of offersOf(device)) expect(byId.get(offer.partner._ref)?._type).toBe('partner')
    }
  })

  it('keeps each offer on a host its partner allows, at a path of its own', () => {
    const allowedHosts = new Map(
      documents
        .filter((document) => document._type === 'partner')
        .map((partner) => [partner._id, partner.allowedHosts as string[]]),
    )
    const urls = devices.flatMap((device) => offersOf(device).map((offer) => offer.url))
    expect(new Set(urls).size).toBe(urls.length)
    for (const device of devices) {
      for (const offer of offersOf(device)) {
        const url = new URL(offer.url)
        expect(url.protocol).toBe('https:')
        expect(allowedHosts.get(offer.partner._ref)).toContain(url.hostname)
      }
    }
  })

  it('varies names, ratings and prices, so sorting a large catalogue is not sorting copies', () => {
    const clones = devices.slice(18)
    const ratings = clones.map((device) => device.rating as number)
    expect(new Set(ratings).size).toBeGreaterThan(40)
    for (const rating of ratings) {
      expect(rating).toBeGreaterThanOrEqual(0)
      expect(rating).toBeLessThanOrEqual(10)
      expect(Math.round(rating * 10) / 10).toBe(rating)
    }
    // The sample's best device stays the best; the first clone is the lowest-rated device of all.
    const best = Math.max(...devices.slice(0, 18).map((device) => device.rating as number))
    expect(Math.max(...ratings)).toBeLessThan(best)
    expect(clones[0]!.rating).toBe(Math.min(...devices.map((device) => device.rating as number)))
    const firstLetters = new Set(clones.map((device) => String(device.name).split(' ')[1]![0]))
    expect(firstLetters.size).toBeGreaterThan(10)
    const prices = clones.flatMap((device) => offersOf(device).map((offer) => offer.price))
    expect(new Set(prices).size).toBeGreaterThan(prices.length / 2)
    for (const price of prices) expect(price).toBeGreaterThan(0)
  })

  it('gives every clone what its source device uses up, with the heads and cartridges priced like its offers', () => {
    const sources = devices.slice(0, 18)
    const clones = devices.slice(18)
    type Consumable = { kind: string; price?: number; packSize: number; usesEach: number }
    const consumablesOf = (device: StoredDocument) => (device.consumables ?? []) as Consumable[]
    expect(sources.every((device) => consumablesOf(device).length > 0)).toBe(true)
    clones.forEach((clone, index) => {
      const source = sources[index % sources.length]!
      expect(clone.sessionsPerMonth, String(clone.name)).toBe(source.sessionsPerMonth)
      const withoutPrice = (consumable: Consumable) => ({ ...consumable, price: undefined })
      expect(consumablesOf(clone).map(withoutPrice)).toEqual(consumablesOf(source).map(withoutPrice))
    })
    const prices = clones.flatMap((clone) => consumablesOf(clone).flatMap((consumable) => consumable.price ?? []))
    expect(prices.length).toBeGreaterThan(clones.length / 10)
    expect(new Set(prices).size).toBeGreaterThan(prices.length / 2)
    for (const price of prices) expect(price).toBeGreaterThan(0)
  })

  it('refuses a size smaller than the sample or not a whole number', () => {
    expect(() => scaleDataset(10)).toThrow(RangeError)
    expect(() => scaleDataset(20.5)).toThrow(RangeError)
  })
})

describe('writeScaleDataset', () => {
  const directories: string[] = []
  afterAll(async () => {
    for (const directory of directories) await rm(directory, { recursive: true, force: true })
  })

  it('writes the dataset to the file, creating its folder, and leaves an identical file untouched', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'scale-dataset-'))
    directories.push(directory)
    const file = join(directory, 'nested', 'devices-40.ndjson')
    await writeScaleDataset(40, file)
    expect(await readFile(file, 'utf8')).toBe(scaleDataset(40))
    const written = (await stat(file)).mtimeMs
    await new Promise((resolve) => setTimeout(resolve, 20))
    await writeScaleDataset(40, file)
    expect((await stat(file)).mtimeMs).toBe(written)
  })
})
