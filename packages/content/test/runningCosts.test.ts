import { describe, expect, it } from 'vitest'
import { describeConsumable, type RunningCostsInput, workOutRunningCosts } from '../src/runningCosts.ts'
import type { Consumable } from '../src/schemas.ts'

const cartridge = (overrides: Partial<Consumable> = {}): Consumable => ({
  key: 'cartridge',
  kind: 'cartridge',
  price: 2.5,
  currency: 'GBP',
  packSize: 1,
  usesEach: 1,
  ...overrides,
})
const head = (overrides: Partial<Consumable> = {}): Consumable => ({
  key: 'head',
  kind: 'replacementHead',
  price: 14,
  currency: 'GBP',
  packSize: 1,
  usesEach: 15,
  ...overrides,
})
const wholeDevice = (overrides: Partial<Consumable> = {}): Consumable => ({
  key: 'whole',
  kind: 'wholeDevice',
  price: undefined,
  currency: undefined,
  packSize: 1,
  usesEach: 12,
  ...overrides,
})

function costs(overrides: Partial<RunningCostsInput>) {
  return workOutRunningCosts({
    formFactor: 'microneedlingPen',
    sessionsPerMonth: 2,
    consumables: [cartridge()],
    devicePrice: { amount: 79, currency: 'GBP', inStock: true },
    ...overrides,
  })
}

function known(result: ReturnType<typeof workOutRunningCosts>) {
  if (!result.known) throw new Error(`expected figures, got: ${result.reason}`)
  return result
}

describe('workOutRunningCosts', () => {
  it('adds a year of single-use cartridges to a pen', () => {
    const result = known(costs({}))
    expect(result.sessionsPerYear).toBe(24)
    expect(result.firstYear).toEqual({
      amount: 139,
      text: '£139',
      working: '£79 pen + 24 cartridges at £2.50 (24 sessions, 1 use each) = £139 in the first year',
    })
    expect(result.perSession).toEqual({
      amount: 2.5,
      text: '£2.50',
      working: '£2.50 cartridge ÷ 1 use = £2.50 a session',
    })
  })

  it('buys cartridges in whole packs', () => {
    // 96 cartridges a year is 9.6 boxes of ten: ten boxes are bought.
    const result = known(
      costs({
        sessionsPerMonth: 8,
        consumables: [cartridge({ price: 25, packSize: 10 })],
        devicePrice: { amount: 74.99, currency: 'GBP', inStock: true },
      }),
    )
    expect(result.firstYear.amount).toBe(324.99)
    expect(result.firstYear.working).toBe(
      '£74.99 pen + 10 packs of 10 cartridges at £25 (96 sessions, 1 use each) = £324.99 in the first year',
    )
    expect(result.perSession.working).toBe('£25 pack of 10 cartridges ÷ 10 uses = £2.50 a session')
  })

  it('counts the head a roller comes with, and buys replacements for the rest of the year', () => {
    // 96 sessions at 15 uses a head is 7 heads; one comes fitted.
    const result = known(
      costs({
        formFactor: 'dermaRoller',
        sessionsPerMonth: 8,
        consumables: [head()],
        devicePrice: { amount: 27.5, currency: 'GBP', inStock: true },
      }),
    )
    expect(result.firstYear.amount).toBe(111.5)
    expect(result.firstYear.working).toBe(
      '£27.50 roller + 6 replacement heads at £14 (96 sessions, 15 uses each, one comes fitted) = £111.50 in the first year',
    )
    expect(result.perSession).toMatchObject({
      amount: 0.93,
      working: '£14 replacement head ÷ 15 uses = £0.93 a session',
    })
  })

  it('says when the fitted head lasts the whole year', () => {
    const result = known(
      costs({
        formFactor: 'dermaStamp',
        sessionsPerMonth: 1,
        consumables: [head({ usesEach: 20 })],
        devicePrice: { amount: 18, currency: 'GBP', inStock: true },
      }),
    )
    expect(result.firstYear.working).toBe(
      '£18 stamp, whose fitted head lasts the year (12 sessions, 20 uses each) = £18 in the first year',
    )
  })

  it('buys the whole device again when nothing on it can be renewed', () => {
    // 24 sessions at 12 uses a roller: the one bought, and one more.
    const result = known(
      costs({
        formFactor: 'dermaRoller',
        consumables: [wholeDevice()],
        devicePrice: { amount: 19, currency: 'GBP', inStock: true },
      }),
    )
    expect(result.firstYear).toMatchObject({
      amount: 38,
      working: '£19 roller + 1 more at £19 (24 sessions, 12 uses each) = £38 in the first year',
    })
    expect(result.perSession).toMatchObject({ amount: 1.58, working: '£19 roller ÷ 12 uses = £1.58 a session' })
  })

  it('counts every device in a pack of single-use devices before buying another pack', () => {
    // 12 sessions of one roller each: the pack of 5 bought, then two more packs.
    const result = known(
      costs({
        formFactor: 'dermaRoller',
        sessionsPerMonth: 1,
        consumables: [wholeDevice({ packSize: 5, usesEach: 1 })],
        devicePrice: { amount: 58, currency: 'GBP', inStock: true },
      }),
    )
    expect(result.firstYear).toMatchObject({
      amount: 174,
      working: '£58 pack of 5 rollers + 2 more packs at £58 (12 sessions, 1 use each) = £174 in the first year',
    })
    expect(result.perSession).toMatchObject({
      amount: 11.6,
      working: '£58 pack of 5 rollers ÷ 5 uses = £11.60 a session',
    })
  })

  it('says when the device bought lasts the year', () => {
    const result = known(
      costs({
        formFactor: 'dermaRoller',
        sessionsPerMonth: 2,
        consumables: [wholeDevice({ usesEach: 24 })],
        devicePrice: { amount: 17.5, currency: 'GBP', inStock: true },
      }),
    )
    expect(result.firstYear.working).toBe(
      '£17.50 roller, which lasts the year (24 sessions, 24 uses each) = £17.50 in the first year',
    )
  })

  it('lets a cheap roller thrown away often cost more over a year than a dearer one with heads', () => {
    const steel = known(
      costs({
        formFactor: 'dermaRoller',
        sessionsPerMonth: 8,
        consumables: [wholeDevice({ usesEach: 10 })],
        devicePrice: { amount: 14.99, currency: 'GBP', inStock: true },
      }),
    )
    const titanium = known(
      costs({
        formFactor: 'dermaRoller',
        sessionsPerMonth: 8,
        consumables: [head()],
        devicePrice: { amount: 27.5, currency: 'GBP', inStock: true },
      }),
    )
    expect(steel.firstYear.amount).toBe(149.9)
    expect(steel.firstYear.amount).toBeGreaterThan(titanium.firstYear.amount)
  })

  it('gives no figure without an offer in stock, and says why', () => {
    for (const devicePrice of [undefined, { amount: 79, currency: 'GBP', inStock: false }]) {
      expect(costs({ devicePrice })).toEqual({
        known: false,
        reason: 'No shop has it in stock at the moment, so there is no price to work from.',
        shortReason: 'Not in stock',
      })
    }
  })

  it('gives no figure when a price is not in pounds', () => {
    expect(costs({ devicePrice: { amount: 94, currency: 'USD', inStock: true } })).toMatchObject({
      known: false,
      reason: expect.stringContaining('quotes a price in pounds'),
    })
    expect(costs({ consumables: [cartridge({ currency: 'EUR' })] })).toMatchObject({
      known: false,
      reason: 'Its cartridges are not priced in pounds, and we work out running costs in pounds only.',
    })
  })

  it('gives no figure for what is not recorded: the parts, their price, or the schedule', () => {
    expect(costs({ consumables: [] })).toMatchObject({
      known: false,
      reason: expect.stringContaining('what it uses up'),
    })
    expect(costs({ sessionsPerMonth: undefined })).toMatchObject({
      known: false,
      reason: expect.stringContaining('schedule'),
    })
    expect(costs({ consumables: [head({ price: undefined })] })).toMatchObject({
      known: false,
      reason: 'We do not have a price for its replacement heads yet, so its running costs are not worked out.',
      shortReason: 'Parts not priced',
    })
  })
})

describe('describeConsumable', () => {
  it('names each kind of consumable with its price and how long it lasts', () => {
    expect(describeConsumable(cartridge({ price: 25, packSize: 10 }), 'microneedlingPen')).toBe(
      'Cartridges: £25 for a pack of 10, 1 use each',
    )
    expect(describeConsumable(head({ price: undefined }), 'dermaRoller')).toBe(
      'Replacement heads: price not known, 15 uses each',
    )
    expect(describeConsumable(head({ price: 12, currency: 'USD' }), 'dermaRoller')).toBe(
      'Replacement heads: US$12.00 each, 15 uses each',
    )
    expect(describeConsumable(wholeDevice({ usesEach: 10 }), 'dermaRoller')).toBe(
      'The whole roller: replaced after 10 uses',
    )
    expect(describeConsumable(wholeDevice({ packSize: 10, usesEach: 1 }), 'dermaStamp')).toBe(
      'The whole stamp: 10 stamps a pack, 1 use each',
    )
  })
})
