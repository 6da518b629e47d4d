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
