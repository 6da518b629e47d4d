import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeviceFilters } from '../src/deviceList.ts'
import { loadDeviceFacets, loadDeviceListPage } from '../src/loaders.ts'
import { shopperPrice } from '../src/offerPrice.ts'
import * as queries from '../src/queries.ts'
import { type DevicePrice, workOutRunningCosts } from '../src/runningCosts.ts'
import type { DeviceSummary } from '../src/schemas.ts'
import { createEmbeddedSource, type EmbeddedSource } from '../src/source/embedded.ts'
import { consumableKinds, valuesOf } from '../src/vocabulary.ts'

/**
 * The list query's running costs (sorting by first-year cost and cost per session, and the
 * first-year limit) against runningCosts.ts, which works out the figures a page shows: on devices
 * chosen for each rule, and on many made up at random, the two must agree to the penny.
 */

interface StoredConsumable {
  kind: string
  price?: number
  currency?: string
  packSize: number
  usesEach: number
}
interface StoredOffer {
  price: number
  salePrice?: number
  currency?: string
  availability?: string
}
interface Fixture {
  slug: string
  formFactor?: string
  sessionsPerMonth?: number
  consumables?: StoredConsumable[]
  offers: StoredOffer[]
}

const inStock = (price: number): StoredOffer => ({ price })

const fixtures: Fixture[] = [
  // £79 + 24 × £2.50 = £139; £2.50 a session.
  {
    slug: 'pen',
    formFactor: 'microneedlingPen',
    sessionsPerMonth: 2,
    consumables: [{ kind: 'cartridge', price: 2.5, packSize: 1, usesEach: 1 }],
    offers: [inStock(79), { price: 60, availability: 'outOfStock' }, { price: 50, currency: 'USD' }],
  },
  // £19 × 2 = £38; £1.58 a session.
  {
    slug: 'roller',
    sessionsPerMonth: 2,
    consumables: [{ kind: 'wholeDevice', packSize: 1, usesEach: 12 }],
    offers: [inStock(19)],
  },
  // On sale at £15 (with no end announced): £15 × 2 = £30; £1.25 a session.
  {
    slug: 'sale-roller',
    sessionsPerMonth: 2,
    consumables: [{ kind: 'wholeDevice', packSize: 1, usesEach: 12 }],
    offers: [{ price: 19, salePrice: 15 }],
  },
  // £27.50 + 6 × £14 = £111.50; £0.93 a session.
  {
    slug: 'head-roller',
    sessionsPerMonth: 8,
    consumables: [{ kind: 'replacementHead', price: 14, packSize: 1, usesEach: 15 }],
    offers: [inStock(29), inStock(27.5)],
  },
  // £58 × 3 = £174; £11.60 a session.
  {
    slug: 'sterile-pack',
    sessionsPerMonth: 1,
    consumables: [{ kind: 'wholeDevice', packSize: 5, usesEach: 1 }],
    offers: [inStock(58)],
  },
  // £74.99 + 10 × £25 = £324.99; £2.50 a session.
  {
    slug: 'boxed-pen',
    formFactor: 'microneedlingPen',
    sessionsPerMonth: 8,
    consumables: [{ kind: 'cartridge', price: 25, packSize: 10, usesEach: 1 }],
    offers: [inStock(74.99)],
  },
  // No figure: out of stock everywhere, sold in dollars only, a head with no price, no schedule.
  {
    slug: 'sold-out',
    sessionsPerMonth: 2,
    consumables: [{ kind: 'wholeDevice', packSize: 1, usesEach: 10 }],
    offers: [{ price: 5, availability: 'outOfStock' }],
  },
  {
    slug: 'dollars',
    sessionsPerMonth: 2,
    consumables: [{ kind: 'wholeDevice', packSize: 1, usesEach: 10 }],
    offers: [{ price: 5, currency: 'USD' }],
  },
  {
    slug: 'unpriced-head',
    sessionsPerMonth: 2,
    consumables: [{ kind: 'replacementHead', packSize: 1, usesEach: 10 }],
    offers: [inStock(5)],
  },
  { slug: 'no-schedule', consumables: [{ kind: 'wholeDevice', packSize: 1, usesEach: 10 }], offers: [inStock(5)] },
]

const withFigures = ['sale-roller', 'roller', 'head-roller', 'pen', 'sterile-pack', 'boxed-pen']
const withoutFigures = ['dollars', 'no-schedule', 'sold-out', 'unpriced-head']

function storedDevice(fixture: Fixture) {
  return {
    _id: `device-${fixture.slug}`,
    _type: 'device',
    _updatedAt: '2026-11-01T00:00:00Z',
    name: fixture.slug,
    slug: { _type: 'slug', current: fixture.slug },
    brand: { _type: 'reference', _ref: 'brand-test' },
    formFactor: fixture.formFactor ?? 'dermaRoller',
    intendedUse: 'home',
    needleSpec: { adjustable: false, lengthMm: 0.25, material: 'titanium', tip: 'bluntCosmetic' },
    concerns: ['wrinkles'],
    rating: 7,
    verdict: 'A verdict.',
    pros: ['One', 'Two'],
    cons: ['One', 'Two'],
    ...(fixture.sessionsPerMonth === undefined ? {} : { sessionsPerMonth: fixture.sessionsPerMonth }),
    consumables: (fixture.consumables ?? []).map((consumable, index) => ({
      _key: `consumable-${index}`,
      _type: 'consumable',
      ...(consumable.kind === 'wholeDevice' ? {} : { currency: 'GBP' }),
      ...consumable,
    })),
    offers: fixture.offers.map((offer, index) => ({
      _key: `${fixture.slug}-${index}`,
      _type: 'offer',
      partner: { _type: 'reference', _ref: 'partner-test' },
      url: `https://shop.example.com/${fixture.slug}/${index}`,
      currency: 'GBP',
      availability: 'inStock',
      priceCheckedAt: '2026-11-01',
      ...offer,
    })),
  }
}

async function embeddedSourceOf(folder: string, devices: Fixture[]): Promise<EmbeddedSource> {
  const documents = [
    { _id: 'brand-test', _type: 'brand', name: 'Test brand', slug: { current: 'test-brand' } },
    { _id: 'partner-test', _type: 'partner', name: 'Test shop', allowedHosts: ['shop.example.com'] },
    ...devices.map(storedDevice),
  ]
  const path = join(folder, `dataset-${devices.length}.ndjson`)
  await writeFile(path, documents.map((document) => JSON.stringify(document)).join('\n'))
  return createEmbeddedSource(path)
}

/**
 * The "from" price by the site's rule: the least a shopper pays now (a sale counts) for an offer
 * in stock, in pounds when any are.
 */
function devicePriceOf(device: DeviceSummary): DevicePrice | undefined {
  const now = new Date()
  const buyable = device.offers.filter((offer) => offer.availability !== 'outOfStock')
  const pounds = buyable.filter((offer) => offer.currency === 'GBP')
  const [lowest] = (pounds.length > 0 ? pounds : buyable)
    .map((offer) => ({ amount: shopperPrice(offer, now).amount, currency: offer.currency, inStock: true }))
    .sort((a, b) => a.amount - b.amount)
  return lowest
}

function figuresOf(device: DeviceSummary) {
  const costs = workOutRunningCosts({
    formFactor: device.formFactor,
    sessionsPerMonth: device.sessionsPerMonth,
    consumables: device.consumables,
    devicePrice: devicePriceOf(device),
  })
  return costs.known ? { firstYear: costs.firstYear.amount, perSession: costs.perSession.amount } : undefined
}

async function slugs(source: EmbeddedSource, filters: Partial<DeviceFilters>): Promise<string[]> {
  const page = await loadDeviceListPage(source, { sort: 'name', ...filters }, 1, { pageSize: 1000 })
  return page.devices.map((device) => device.slug)
}

let folder: string
let source: EmbeddedSource
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'running-costs-'))
  source = await embeddedSourceOf(folder, fixtures)
})
afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

describe('running costs in the device list query', () => {
  it('prices every kind of consumable in the vocabulary, and only those', () => {
    const kinds = /kind in (\[[^\]]*\])/.exec(queries.deviceListPageQuery)?.[1]
    expect(JSON.parse(kinds ?? 'null')).toEqual(valuesOf(consumableKinds))
  })

  it('gives the figures the device page works out, for each kind of consumable', async () => {
    const { devices } = await loadDeviceListPage(source, { sort: 'name' }, 1, { pageSize: 1000 })
    const figures = Object.fromEntries(devices.map((device) => [device.slug, figuresOf(device)]))
    expect(figures).toEqual({
      pen: { firstYear: 139, perSession: 2.5 },
      'sale-roller': { firstYear: 30, perSession: 1.25 },
      roller: { firstYear: 38, perSession: 1.58 },
      'head-roller': { firstYear: 111.5, perSession: 0.93 },
      'sterile-pack': { firstYear: 174, perSession: 11.6 },
      'boxed-pen': { firstYear: 324.99, perSession: 2.5 },
      'sold-out': undefined,
      dollars: undefined,
      'unpriced-head': undefined,
      'no-schedule': undefined,
    })
  })

  it('sorts by first-year cost, lowest first, with devices it cannot be worked out for last', async () => {
    expect(await slugs(source, { sort: 'first-year-asc' })).toEqual([...withFigures, ...withoutFigures])
  })

  it('sorts by cost per session, lowest first, ties by name', async () => {
    expect(await slugs(source, { sort: 'per-session-asc' })).toEqual([
      'head-roller',
      'sale-roller',
      'roller',
      'boxed-pen',
      'pen',
      'sterile-pack',
      ...withoutFigures,
    ])
  })

  it('limits the first-year cost, counting a device at exactly the limit, and never one without a figure', async () => {
    expect(await slugs(source, { sort: 'first-year-asc', maxFirstYear: 139 })).toEqual([
      'sale-roller',
      'roller',
      'head-roller',
      'pen',
    ])
    expect(await slugs(source, { sort: 'first-year-asc', maxFirstYear: 138.99 })).toEqual([
      'sale-roller',
      'roller',
      'head-roller',
    ])
    expect(await slugs(source, { maxFirstYear: 1_000_000 })).toEqual([...withFigures].sort())
    expect(await slugs(source, { maxFirstYear: 0 })).toEqual([])
  })

  it('counts the facets with the first-year limit, as the list does', async () => {
    const facets = await loadDeviceFacets(source, { maxFirstYear: 150 })
    expect(facets.form.find((option) => option.value === 'dermaRoller')?.count).toBe(3)
    expect(facets.form.find((option) => option.value === 'microneedlingPen')?.count).toBe(1)
    expect(facets.use.find((option) => option.value === 'home')?.count).toBe(4)
  })
})

/** mulberry32, seeded: the same devices on every run, so a failure can be repeated. */
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

function randomFixtures(count: number): Fixture[] {
  const random = seededRandom(20261202)
  const upTo = (most: number) => 1 + Math.floor(random() * most)
  const pennies = (most: number) => Math.round(random() * most * 100) / 100 + 0.01
  // A sale with no end announced, on about a third of the devices: what a shopper pays counts.
  const onSaleSometimes = (price: number): StoredOffer =>
    random() < 0.35 ? { price, salePrice: Math.round(price * 70) / 100 } : inStock(price)
  return Array.from({ length: count }, (_, index) => {
    const choice = random()
    const consumables: StoredConsumable[] =
      choice < 0.35
        ? [{ kind: 'wholeDevice', packSize: upTo(10), usesEach: upTo(30) }]
        : choice < 0.7
          ? [{ kind: 'replacementHead', price: pennies(40), packSize: upTo(4), usesEach: upTo(30) }]
          : [{ kind: 'cartridge', price: pennies(8), packSize: upTo(20), usesEach: upTo(2) }]
    return {
      slug: `random-${String(index).padStart(3, '0')}`,
      sessionsPerMonth: upTo(12),
      consumables,
      offers: [
        onSaleSometimes(pennies(500)),
        inStock(pennies(500)),
        { price: pennies(500), availability: 'outOfStock' },
      ],
    }
  })
}

describe('running costs on devices made up at random', () => {
  let randomSource: EmbeddedSource
  let figures: Map<string, { firstYear: number; perSession: number }>
  beforeAll(async () => {
    randomSource = await embeddedSourceOf(folder, randomFixtures(60))
    const { devices } = await loadDeviceListPage(randomSource, { sort: 'name' }, 1, { pageSize: 1000 })
    figures = new Map(devices.flatMap((device) => [[device.slug, figuresOf(device)!] as const]))
    expect([...figures.values()].every(Boolean)).toBe(true)
  })

  it('sorts in the order of the figures pages show', async () => {
    for (const [sort, figure] of [
      ['first-year-asc', 'firstYear'],
      ['per-session-asc', 'perSession'],
    ] as const) {
      const amounts = (await slugs(randomSource, { sort })).map((slug) => figures.get(slug)![figure])
      expect(amounts, sort).toEqual([...amounts].sort((a, b) => a - b))
    }
  })

  it('works out each first-year cost to the same penny', async () => {
    for (const [slug, { firstYear }] of figures) {
      expect(await slugs(randomSource, { maxFirstYear: firstYear }), `${slug} at ${firstYear}`).toContain(slug)
      expect(await slugs(randomSource, { maxFirstYear: firstYear - 0.01 }), `${slug} below ${firstYear}`).not.toContain(
        slug,
      )
    }
  })
})
