import { describe, expect, it } from 'vitest'
import {
  applyDeviceFilters,
  describeActiveFilters,
  filtersToSearchParams,
  parseDeviceFilters,
} from '@/lib/deviceFilters'
import { makeDevice, makeOffer } from './support/devices'

const roller = makeDevice({
  slug: 'roller',
  name: 'Roller',
  intendedUse: 'home',
  formFactor: 'dermaRoller',
  needleLengthMm: { min: 0.25, max: 0.25 },
  concerns: ['wrinkles'],
  rating: 7.4,
  offers: [makeOffer({ price: 25 }), makeOffer({ price: 22.5 })],
})
const stamp = makeDevice({
  slug: 'stamp',
  name: 'Stamp',
  intendedUse: 'home',
  formFactor: 'dermaStamp',
  needleLengthMm: { min: 0.2, max: 0.2 },
  needles: { material: 'stainlessSteel' },
  concerns: ['acneScarring'],
  rating: 6.8,
  offers: [makeOffer({ price: 14 })],
})
const pen = makeDevice({
  slug: 'pen',
  name: 'Pen',
  intendedUse: 'professional',
  formFactor: 'microneedlingPen',
  needleLengthMm: { min: 0.25, max: 2.5 },
  needles: { adjustable: true, material: 'stainlessSteel', tip: 'sharp' },
  concerns: ['acneScarring', 'scarring'],
  rating: 8.6,
  offers: [makeOffer({ price: 389 })],
})
const noOffers = makeDevice({ slug: 'unlisted', name: 'Unlisted', rating: 5, needleLengthMm: { min: 1, max: 1 } })
const all = [roller, stamp, pen, noOffers]
const slugs = (devices: { slug: string }[]) => devices.map((device) => device.slug)

describe('parseDeviceFilters', () => {
  it('reads every filter from the query string', () => {
    const { filters, messages } = parseDeviceFilters({
      use: 'home',
      form: 'dermaRoller',
      material: 'titanium',
      concern: 'wrinkles',
      minNeedle: '0.2',
      maxNeedle: '0.5',
      minPrice: '10',
      maxPrice: '30',
      sort: 'price-asc',
    })
    expect(messages).toEqual([])
    expect(filters).toEqual({
      use: 'home',
      form: 'dermaRoller',
      material: 'titanium',
      concern: 'wrinkles',
      minNeedle: 0.2,
      maxNeedle: 0.5,
      minPrice: 10,
      maxPrice: 30,
      sort: 'price-asc',
    })
  })

  it('treats empty form fields as unset and defaults to sorting by rating', () => {
    expect(parseDeviceFilters({ use: '', form: '', minNeedle: '  ', sort: '' })).toEqual({
      filters: { sort: 'rating' },
      messages: [],
    })
  })

  it('ignores bad values with a message naming each, keeping the good ones', () => {
    const { filters, messages } = parseDeviceFilters({
      use: 'spaceship',
      minNeedle: 'abc',
      maxNeedle: '9',
      minPrice: '-5',
      concern: 'acneScarring',
      sort: 'cheapest',
    })
    expect(filters).toEqual({ concern: 'acneScarring', sort: 'rating' })
    expect(messages).toHaveLength(5)
    expect(messages[0]).toMatch(/“spaceship” for use/)
    expect(messages.join(' ')).toMatch(/“abc” for shortest needle length/)
    expect(messages.join(' ')).toMatch(/“9” for longest needle length/)
    expect(messages.join(' ')).toMatch(/“-5” for lowest price/)
    expect(messages.join(' ')).toMatch(/“cheapest” for sort order/)
  })

  it('shortens very long values before echoing them', () => {
    const { messages } = parseDeviceFilters({ form: 'x'.repeat(500) })
    expect(messages[0]!.length).toBeLessThan(150)
  })

  it('uses the first of repeated values and says so', () => {
    const { filters, messages } = parseDeviceFilters({ use: ['professional', 'home'] })
    expect(filters.use).toBe('professional')
    expect(messages).toEqual(['Only the first use was used.'])
  })

  it('swaps a range given the wrong way round', () => {
    const { filters, messages } = parseDeviceFilters({
      minNeedle: '1',
      maxNeedle: '0.25',
      minPrice: '50',
      maxPrice: '5',
    })
    expect(filters).toMatchObject({ minNeedle: 0.25, maxNeedle: 1, minPrice: 5, maxPrice: 50 })
    expect(messages).toHaveLength(2)
  })
})

describe('applyDeviceFilters', () => {
  const run = (query: Record<string, string>) => slugs(applyDeviceFilters(all, parseDeviceFilters(query).filters))

  it('sorts by rating, best first, by default', () => {
    expect(run({})).toEqual(['pen', 'roller', 'stamp', 'unlisted'])
  })

  it('filters by use, form factor, material and concern', () => {
    expect(run({ use: 'home' })).toEqual(['roller', 'stamp', 'unlisted'])
    expect(run({ use: 'professional' })).toEqual(['pen'])
    expect(run({ form: 'dermaStamp' })).toEqual(['stamp'])
    expect(run({ material: 'stainlessSteel' })).toEqual(['pen', 'stamp'])
    expect(run({ concern: 'acneScarring' })).toEqual(['pen', 'stamp'])
  })

  it('matches a needle-length range when any length a device can be set to lies inside it', () => {
    expect(run({ maxNeedle: '0.3' })).toEqual(['pen', 'roller', 'stamp'])
    expect(run({ minNeedle: '0.5' })).toEqual(['pen', 'unlisted'])
    expect(run({ minNeedle: '0.21', maxNeedle: '0.3' })).toEqual(['pen', 'roller'])
    expect(run({ minNeedle: '2.6' })).toEqual([])
  })

  it('filters on the lowest price and leaves out devices with no offers', () => {
    expect(run({ maxPrice: '22.5' })).toEqual(['roller', 'stamp'])
    expect(run({ minPrice: '15', maxPrice: '400' })).toEqual(['pen', 'roller'])
    expect(run({ minPrice: '0' })).toEqual(['pen', 'roller', 'stamp'])
  })

  it('sorts by price both ways, with unpriced devices last', () => {
    expect(run({ sort: 'price-asc' })).toEqual(['stamp', 'roller', 'pen', 'unlisted'])
    expect(run({ sort: 'price-desc' })).toEqual(['pen', 'roller', 'stamp', 'unlisted'])
  })

  it('sorts by needle length both ways, and by name', () => {
    expect(run({ sort: 'needle-asc' })).toEqual(['stamp', 'roller', 'pen', 'unlisted'])
    expect(run({ sort: 'needle-desc' })).toEqual(['pen', 'unlisted', 'roller', 'stamp'])
    expect(run({ sort: 'name' })).toEqual(['pen', 'roller', 'stamp', 'unlisted'])
  })

  it('does not change the list it is given', () => {
    const before = slugs(all)
    applyDeviceFilters(all, parseDeviceFilters({ sort: 'name' }).filters)
    expect(slugs(all)).toEqual(before)
  })
})

describe('filters in URLs', () => {
  it('round-trips through the query string, leaving out the default sort', () => {
    const { filters } = parseDeviceFilters({ use: 'home', maxNeedle: '0.3', sort: 'rating' })
    const query = filtersToSearchParams(filters).toString()
    expect(query).toBe('use=home&maxNeedle=0.3')
    expect(parseDeviceFilters(Object.fromEntries(new URLSearchParams(query))).filters).toEqual(filters)
  })

  it('describes each active filter with the link that removes it', () => {
    const { filters } = parseDeviceFilters({ use: 'home', concern: 'wrinkles', sort: 'name' })
    expect(describeActiveFilters(filters)).toEqual([
      { name: 'use', text: 'Home use', withoutIt: 'concern=wrinkles&sort=name' },
      { name: 'concern', text: 'Wrinkles and fine lines', withoutIt: 'use=home&sort=name' },
    ])
  })
})
