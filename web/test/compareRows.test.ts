import { describe, expect, it } from 'vitest'
import { buildCompareRows, valuesDiffer } from '@/lib/compare/compareRows'
import { makeDevice, makeOffer } from './support/devices'

describe('valuesDiffer', () => {
  it('compares plain values', () => {
    expect(valuesDiffer(['a', 'a', 'a'])).toBe(false)
    expect(valuesDiffer(['a', 'a', 'b'])).toBe(true)
    expect(valuesDiffer([])).toBe(false)
  })

  it('compares lists as sets, ignoring order', () => {
    expect(
      valuesDiffer([
        ['x', 'y'],
        ['y', 'x'],
      ]),
    ).toBe(false)
    expect(valuesDiffer([['x', 'y'], ['x']])).toBe(true)
    expect(valuesDiffer([[], []])).toBe(false)
  })
})

describe('buildCompareRows', () => {
  const shop = { _id: 'p1', name: 'Shop One', slug: 'one', allowedHosts: ['shop.example.com'] }
  const a = makeDevice({
    slug: 'a',
    concerns: ['wrinkles', 'scarring'],
    pros: ['Light'],
    offers: [makeOffer({ price: 20, partner: shop })],
  })
  const b = makeDevice({
    slug: 'b',
    concerns: ['scarring', 'wrinkles'],
    pros: ['Light'],
    needles: { material: 'stainlessSteel' },
    offers: [makeOffer({ price: 30, partner: shop })],
  })
  const rows = buildCompareRows([a, b])
  const row = (key: string) => rows.find((candidate) => candidate.key === key)!

  it('has one row per compared property, in the table order', () => {
    expect(rows.map((candidate) => candidate.key)).toEqual([
      'use',
      'formFactor',
      'needleLength',
      'needleCount',
      'material',
      'tip',
      'replaceableHead',
      'sterileSingleUseParts',
      'concerns',
      'price',
      'firstYearCost',
      'costPerSession',
      'rating',
      'pros',
      'cons',
      'whereToBuy',
    ])
    expect(rows.every((candidate) => candidate.cells.length === 2)).toBe(true)
  })

  it('marks only the rows where the devices differ', () => {
    expect(rows.filter((candidate) => candidate.differs).map((candidate) => candidate.key)).toEqual([
      'material',
      'price',
    ])
    expect(row('concerns').differs).toBe(false)
    expect(row('whereToBuy').differs).toBe(false)
  })

  it('shows values in words', () => {
    expect(row('material').cells).toEqual([
      { kind: 'text', text: 'Titanium' },
      { kind: 'text', text: 'Stainless steel' },
    ])
    expect(row('needleLength').cells[0]).toEqual({ kind: 'text', text: '0.25 mm' })
    expect(row('price').cells[1]).toEqual({ kind: 'text', text: 'From £30.00' })
    expect(row('concerns').cells[0]).toEqual({
      kind: 'list',
      items: ['Wrinkles and fine lines', 'Scarring'],
      empty: 'None listed',
    })
    expect(row('rating').cells[0]).toEqual({ kind: 'text', text: '7.0 out of 10' })
  })

  it('says adjustable and lists cartridges for pens', () => {
    const pen = makeDevice({
      needleLengthMm: { min: 0.25, max: 2.5 },
      needles: { adjustable: true, needleCount: undefined, cartridgeConfigurations: ['12-pin', 'nano'] },
    })
    const [penRows] = [buildCompareRows([pen, a])]
    expect(penRows.find((candidate) => candidate.key === 'needleLength')!.cells[0]).toEqual({
      kind: 'text',
      text: '0.25–2.5 mm (adjustable)',
    })
    expect(penRows.find((candidate) => candidate.key === 'needleCount')!.cells[0]).toEqual({
      kind: 'text',
      text: 'Cartridges: 12-pin, nano',
    })
  })

  it('finds no differences between identical devices', () => {
    expect(buildCompareRows([a, { ...a, slug: 'copy' }]).some((candidate) => candidate.differs)).toBe(false)
  })
})

describe('running-cost rows', () => {
  const penCartridge = { key: 'c', kind: 'cartridge', price: 2.5, currency: 'GBP', packSize: 1, usesEach: 1 } as const
  const pen = makeDevice({
    slug: 'pen',
    formFactor: 'microneedlingPen',
    sessionsPerMonth: 2,
    consumables: [penCartridge],
    offers: [makeOffer({ price: 79 })],
  })
  const roller = makeDevice({
    slug: 'roller',
    needles: { replaceableHead: false },
    sessionsPerMonth: 2,
    consumables: [{ key: 'w', kind: 'wholeDevice', price: undefined, currency: undefined, packSize: 1, usesEach: 12 }],
    offers: [makeOffer({ price: 19 })],
  })
  const rowOf = (rows: ReturnType<typeof buildCompareRows>, key: string) => rows.find((row) => row.key === key)!

  it('shows each device’s first-year cost and cost per session with the sum behind it', () => {
    const rows = buildCompareRows([pen, roller])
    expect(rowOf(rows, 'firstYearCost')).toMatchObject({
      label: 'First-year cost',
      differs: true,
      cells: [
        {
          kind: 'figure',
          text: '£139',
          working: '£79 pen + 24 cartridges at £2.50 (24 sessions, 1 use each) = £139 in the first year',
        },
        {
          kind: 'figure',
          text: '£38',
          working: '£19 roller + 1 more at £19 (24 sessions, 12 uses each) = £38 in the first year',
        },
      ],
    })
    expect(rowOf(rows, 'costPerSession')).toMatchObject({
      label: 'Cost per session',
      differs: true,
      cells: [
        { kind: 'figure', text: '£2.50' },
        { kind: 'figure', text: '£1.58' },
      ],
    })
  })

  it('marks no difference when the amounts match, however they were worked out', () => {
    // £2.50 a session either way: one cartridge a session, or a box of ten.
    const boxed = makeDevice({
      slug: 'boxed',
      formFactor: 'microneedlingPen',
      sessionsPerMonth: 2,
      consumables: [{ ...penCartridge, price: 25, packSize: 10 }],
      offers: [makeOffer({ price: 79 })],
    })
    const rows = buildCompareRows([pen, boxed])
    expect(rowOf(rows, 'costPerSession').differs).toBe(false)
    // A year of 24 sessions buys three boxes of ten: £154, not £139.
    expect(rowOf(rows, 'firstYearCost')).toMatchObject({ differs: true, cells: [{ text: '£139' }, { text: '£154' }] })
  })

  it('works out from what a shopper pays: a sale price counts', () => {
    const onSale = { ...pen, slug: 'on-sale', offers: [makeOffer({ price: 79, salePrice: 59 })] }
    expect(rowOf(buildCompareRows([pen, onSale]), 'firstYearCost').cells[1]).toMatchObject({
      kind: 'figure',
      text: '£119',
      working: '£59 pen + 24 cartridges at £2.50 (24 sessions, 1 use each) = £119 in the first year',
    })
  })

  it('says why a device has no figure, and counts that as a difference from one that has', () => {
    const soldOut = { ...pen, slug: 'sold-out', offers: [makeOffer({ price: 79, availability: 'outOfStock' })] }
    const rows = buildCompareRows([pen, soldOut])
    expect(rowOf(rows, 'firstYearCost')).toMatchObject({
      differs: true,
      cells: [
        { kind: 'figure', text: '£139' },
        { kind: 'text', text: 'No shop has it in stock at the moment, so there is no price to work from.' },
      ],
    })
  })
})
