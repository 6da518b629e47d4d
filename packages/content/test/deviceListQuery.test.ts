import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeviceFilters } from '../src/deviceList.ts'
import { loadDeviceListPage } from '../src/loaders.ts'
import { createEmbeddedSource, type EmbeddedSource } from '../src/source/embedded.ts'

/**
 * The catalogue's filters and sort orders, as the list query applies them, on four devices chosen
 * to sit on each edge: an adjustable pen, two fixed-length home devices, and one with no offers.
 */

interface Fixture {
  slug: string
  intendedUse: 'home' | 'professional'
  formFactor: string
  length: number | { min: number; max: number }
  material?: string
  concerns: string[]
  rating: number
  prices: number[]
}

const fixtures: Fixture[] = [
  {
    slug: 'roller',
    intendedUse: 'home',
    formFactor: 'dermaRoller',
    length: 0.25,
    material: 'titanium',
    concerns: ['wrinkles'],
    rating: 7.4,
    prices: [25, 22.5],
  },
  {
    slug: 'stamp',
    intendedUse: 'home',
    formFactor: 'dermaStamp',
    length: 0.2,
    material: 'stainlessSteel',
    concerns: ['acneScarring'],
    rating: 6.8,
    prices: [14],
  },
  {
    slug: 'pen',
    intendedUse: 'professional',
    formFactor: 'microneedlingPen',
    length: { min: 0.25, max: 2.5 },
    material: 'stainlessSteel',
    concerns: ['acneScarring', 'scarring'],
    rating: 8.6,
    prices: [389],
  },
  {
    slug: 'unlisted',
    intendedUse: 'home',
    formFactor: 'dermaRoller',
    length: 1,
    concerns: [],
    rating: 5,
    prices: [],
  },
]

function storedDevice(fixture: Fixture) {
  const needleSpec =
    typeof fixture.length === 'number'
      ? { adjustable: false, lengthMm: fixture.length }
      : { adjustable: true, minLengthMm: fixture.length.min, maxLengthMm: fixture.length.max }
  return {
    _id: `device-${fixture.slug}`,
    _type: 'device',
    _updatedAt: '2026-11-01T00:00:00Z',
    name: fixture.slug[0]!.toUpperCase() + fixture.slug.slice(1),
    slug: { _type: 'slug', current: fixture.slug },
    brand: { _type: 'reference', _ref: 'brand-test' },
    formFactor: fixture.formFactor,
    intendedUse: fixture.intendedUse,
    needleSpec: { ...needleSpec, material: fixture.material ?? 'titanium', tip: 'bluntCosmetic' },
    concerns: fixture.concerns,
    rating: fixture.rating,
    verdict: 'A verdict.',
    pros: ['One', 'Two'],
    cons: ['One', 'Two'],
    offers: fixture.prices.map((price, index) => ({
      _key: `${fixture.slug}-${index}`,
      _type: 'offer',
      partner: { _type: 'reference', _ref: 'partner-test' },
      url: `https://shop.example.com/${fixture.slug}/${index}`,
      price,
      currency: 'GBP',
      availability: 'inStock',
      priceCheckedAt: '2026-11-01',
    })),
  }
}

let folder: string
let source: EmbeddedSource
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'device-list-'))
  const documents = [
    { _id: 'brand-test', _type: 'brand', name: 'Test brand', slug: { current: 'test-brand' } },
    { _id: 'partner-test', _type: 'partner', name: 'Test shop', allowedHosts: ['shop.example.com'] },
    ...fixtures.map(storedDevice),
  ]
  const path = join(folder, 'dataset.ndjson')
  await writeFile(path, documents.map((document) => JSON.stringify(document)).join('\n'))
  source = createEmbeddedSource(path)
})
afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

async function run(filters: Partial<DeviceFilters>): Promise<string[]> {
  const page = await loadDeviceListPage(source, { sort: 'rating', ...filters }, 1)
  return page.devices.map((device) => device.slug)
}

describe('the device list query', () => {
  it('sorts by rating, best first, by default', async () => {
    expect(await run({})).toEqual(['pen', 'roller', 'stamp', 'unlisted'])
  })

  it('filters by use, form factor, material and concern', async () => {
    expect(await run({ use: 'home' })).toEqual(['roller', 'stamp', 'unlisted'])
    expect(await run({ use: 'professional' })).toEqual(['pen'])
    expect(await run({ form: 'dermaStamp' })).toEqual(['stamp'])
    expect(await run({ material: 'stainlessSteel' })).toEqual(['pen', 'stamp'])
    expect(await run({ concern: 'acneScarring' })).toEqual(['pen', 'stamp'])
  })

  it('matches a needle-length range when any length a device can be set to lies inside it', async () => {
    expect(await run({ maxNeedle: 0.3 })).toEqual(['pen', 'roller', 'stamp'])
    expect(await run({ minNeedle: 0.5 })).toEqual(['pen', 'unlisted'])
    expect(await run({ minNeedle: 0.21, maxNeedle: 0.3 })).toEqual(['pen', 'roller'])
    expect(await run({ minNeedle: 2.6 })).toEqual([])
  })

  it('filters on the lowest price and leaves out devices with no offers', async () => {
    expect(await run({ maxPrice: 22.5 })).toEqual(['roller', 'stamp'])
    expect(await run({ minPrice: 15, maxPrice: 400 })).toEqual(['pen', 'roller'])
    expect(await run({ minPrice: 0 })).toEqual(['pen', 'roller', 'stamp'])
  })

  it('sorts by price both ways, with unpriced devices last', async () => {
    expect(await run({ sort: 'price-asc' })).toEqual(['stamp', 'roller', 'pen', 'unlisted'])
    expect(await run({ sort: 'price-desc' })).toEqual(['pen', 'roller', 'stamp', 'unlisted'])
  })

  it('sorts by needle length both ways, and by name', async () => {
    expect(await run({ sort: 'needle-asc' })).toEqual(['stamp', 'roller', 'pen', 'unlisted'])
    expect(await run({ sort: 'needle-desc' })).toEqual(['pen', 'unlisted', 'roller', 'stamp'])
    expect(await run({ sort: 'name' })).toEqual(['pen', 'roller', 'stamp', 'unlisted'])
  })

  it('counts every match, however many fit on the page', async () => {
    const page = await loadDeviceListPage(source, { sort: 'rating', use: 'home' }, 1, { pageSize: 2 })
    expect(page.devices.map((device) => device.slug)).toEqual(['roller', 'stamp'])
    expect(page.total).toBe(3)
    expect(page.catalogueSize).toBe(4)
  })
})
