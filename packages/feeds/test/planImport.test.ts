import { describe, expect, it } from 'vitest'
import type { FeedItem } from '../src/feedItem.ts'
import { type CatalogueOffer, catalogueOfferSchema, offerFieldPath } from '../src/plan/catalogueOffer.ts'
import {
  createImportPlanner,
  type FeedImportPlan,
  type ImportEntry,
  type ImportInput,
  planFeedImport,
} from '../src/plan/planImport.ts'
import type { FeedReadResult } from '../src/readFeed.ts'
import { readAll } from './support/feeds.ts'

const partner = { id: 'partner-shop', allowedHosts: ['shop.example.com'] }
const now = new Date('2025-06-01T09:30:00Z')

function offer(overrides: Partial<CatalogueOffer> = {}): CatalogueOffer {
  return {
    deviceId: 'device-roller',
    deviceName: 'Roller One',
    offerKey: 'k1',
    partnerId: partner.id,
    feedItemId: 'SKU-1',
    url: 'https://shop.example.com/roller-one',
    price: 100,
    currency: 'GBP',
    availability: 'inStock',
    priceCheckedAt: '2025-05-01',
    ...overrides,
  }
}

function item(overrides: Partial<FeedItem> = {}, row = 1): Extract<FeedReadResult, { kind: 'item' }> {
  return {
    kind: 'item',
    item: {
      itemId: 'SKU-1',
      title: 'Roller One',
      link: 'https://shop.example.com/roller-one',
      price: { amount: 100, currency: 'GBP' },
      availability: 'inStock',
      ...overrides,
    },
    row,
    line: row + 1,
    warnings: [],
  }
}

function plan(
  items: ImportEntry[],
  offers: CatalogueOffer[] = [offer()],
  extra: Partial<ImportInput> = {},
): FeedImportPlan {
  return planFeedImport({ partner, offers, items, previousMisses: new Map(), now, ...extra })
}

const path = (field: Parameters<typeof offerFieldPath>[1], key = 'k1') => offerFieldPath(key, field)

describe('planFeedImport: changes', () => {
  it('applies a price change as a patch of the offer by _key, with the check day', () => {
    const result = plan([item({ price: { amount: 120, currency: 'GBP' } })])
    expect(result.changes).toEqual([
      {
        offerKey: 'k1',
        deviceId: 'device-roller',
        deviceName: 'Roller One',
        cause: 'feed',
        itemId: 'SKU-1',
        matchedBy: 'feedItemId',
        fields: [
          { field: 'price', path: 'offers[_key=="k1"].price', before: 100, after: 120 },
          {
            field: 'priceCheckedAt',
            path: 'offers[_key=="k1"].priceCheckedAt',
            before: '2025-05-01',
            after: '2025-06-01',
          },
          {
            field: 'feedCheckedAt',
            path: 'offers[_key=="k1"].feedCheckedAt',
            before: undefined,
            after: '2025-06-01T09:30:00.000Z',
          },
        ],
        patch: {
          documentId: 'device-roller',
          set: {
            'offers[_key=="k1"].price': 120,
            'offers[_key=="k1"].priceCheckedAt': '2025-06-01',
            'offers[_key=="k1"].feedCheckedAt': '2025-06-01T09:30:00.000Z',
          },
          unset: [],
        },
      },
    ])
    expect(result.summary).toMatchObject({ read: 1, matched: 1, changed: 1, unchanged: 0 })
  })

  it('records a confirmed, unchanged price as a check, counted as unchanged', () => {
    const result = plan([item()])
    expect(result.changes[0]?.fields).toEqual([
      { field: 'priceCheckedAt', path: path('priceCheckedAt'), before: '2025-05-01', after: '2025-06-01' },
      { field: 'feedCheckedAt', path: path('feedCheckedAt'), before: undefined, after: '2025-06-01T09:30:00.000Z' },
    ])
    expect(result.summary).toMatchObject({ changed: 0, unchanged: 1 })
  })

  it('changes availability (in the site spelling) and the link when the feed moves the product', () => {
    const result = plan([item({ availability: 'backorder', link: 'https://www.shop.example.com/roller-1' })])
    expect(result.changes[0]?.patch.set).toEqual({
      [path('availability')]: 'outOfStock',
      [path('url')]: 'https://www.shop.example.com/roller-1',
      [path('priceCheckedAt')]: '2025-06-01',
      [path('feedCheckedAt')]: '2025-06-01T09:30:00.000Z',
    })
  })

  it('keeps an offer link that is the feed’s tracked link', () => {
    const tracked = 'https://shop.example.com/track?p=1'
    const result = plan(
      [item({ link: 'https://shop.example.com/other', affiliateLink: tracked })],
      [offer({ url: tracked })],
    )
    expect(result.changes[0]?.fields.map((change) => change.field)).toEqual(['priceCheckedAt', 'feedCheckedAt'])
  })

  it('passes a sale price and its effective dates through, and unsets them when the sale ends', () => {
    const salePriceEffective = { from: '2025-06-01T00:00:00.000Z', to: '2025-06-08T00:00:00.000Z' }
    const onSale = plan([item({ salePrice: { amount: 80, currency: 'GBP' }, salePriceEffective })])
    expect(onSale.changes[0]?.patch).toEqual({
      documentId: 'device-roller',
      set: {
        [path('salePrice')]: 80,
        [path('salePriceEffective')]: salePriceEffective,
        [path('priceCheckedAt')]: '2025-06-01',
        [path('feedCheckedAt')]: '2025-06-01T09:30:00.000Z',
      },
      unset: [],
    })
    const ended = plan([item()], [offer({ salePrice: 80, salePriceEffective })])
    expect(ended.changes[0]?.patch.unset).toEqual([path('salePrice'), path('salePriceEffective')])
    expect(ended.changes[0]?.fields[0]).toEqual({
      field: 'salePrice',
      path: path('salePrice'),
      before: 80,
      after: undefined,
    })
    const same = plan(
      [item({ salePrice: { amount: 80, currency: 'GBP' }, salePriceEffective })],
      [offer({ salePrice: 80, salePriceEffective: { ...salePriceEffective } })],
    )
    expect(same.summary).toMatchObject({ changed: 0, unchanged: 1 })
  })
})

describe('planFeedImport: held prices', () => {
  it('holds a move of 50% up or down for an editor, and applies 49%', () => {
    const up = plan([item({ price: { amount: 150, currency: 'GBP' } })])
    expect(up.changes).toEqual([])
    expect(up.held).toHaveLength(1)
    expect(up.held[0]).toMatchObject({
      offerKey: 'k1',
      itemId: 'SKU-1',
      current: 100,
      proposed: { price: { amount: 150, currency: 'GBP' } },
      share: 0.5,
      reason: 'The price would go up 50%, from 100 to 150 GBP: a move of 50% or more waits for an editor.',
      patch: {
        documentId: 'device-roller',
        set: {
          [path('price')]: 150,
          [path('priceCheckedAt')]: '2025-06-01',
          [path('feedCheckedAt')]: '2025-06-01T09:30:00.000Z',
        },
      },
    })
    expect(up.summary).toMatchObject({ held: 1, changed: 0, unchanged: 0 })

    const down = plan([item({ price: { amount: 50, currency: 'GBP' } })])
    expect(down.held[0]?.reason).toMatch(/^The price would go down 50%/)

    const applied = plan([item({ price: { amount: 149, currency: 'GBP' } })])
    expect(applied.held).toEqual([])
    expect(applied.changes[0]?.patch.set[path('price')]).toBe(149)
    const appliedDown = plan([item({ price: { amount: 51, currency: 'GBP' } })])
    expect(appliedDown.changes[0]?.patch.set[path('price')]).toBe(51)
  })

  it('still applies availability when the price is held, but not the check day: the price is not confirmed', () => {
    const result = plan([item({ price: { amount: 300, currency: 'GBP' }, availability: 'outOfStock' })])
    expect(result.held).toHaveLength(1)
    expect(result.changes[0]?.patch.set).toEqual({ [path('availability')]: 'outOfStock' })
    expect(result.changes[0]?.fields.map((change) => change.field)).toEqual(['availability'])
    expect(result.summary).toMatchObject({ held: 1, changed: 1 })
  })

  it('honours another holdShare, and holds a sale price that deep below the current price', () => {
    const strict = plan([item({ price: { amount: 115, currency: 'GBP' } })], [offer()], {
      settings: { holdShare: 0.1 },
    })
    expect(strict.held).toHaveLength(1)
    const deepSale = plan([item({ salePrice: { amount: 40, currency: 'GBP' } })])
    expect(deepSale.held[0]?.reason).toBe(
      'The sale price 40 GBP is 60% below the current price 100: a move of 50% or more waits for an editor.',
    )
  })
})

describe('planFeedImport: refusals', () => {
  it('refuses a currency different from the offer’s', () => {
    const result = plan([item({ price: { amount: 100, currency: 'EUR' } }), item({ itemId: 'OTHER' }, 2)])
    expect(result.changes).toEqual([])
    expect(result.refused).toEqual([
      {
        itemId: 'SKU-1',
        row: 1,
        line: 2,
        offer: { offerKey: 'k1', deviceId: 'device-roller', deviceName: 'Roller One' },
        reason: "Its price is in EUR but the offer is priced in GBP: an import never changes an offer's currency.",
      },
    ])
    expect(result.summary).toMatchObject({ refused: 1, unmatched: 1, matched: 1 })
  })

  it('refuses a link on a host the partner does not allow, or not https', () => {
    const result = plan(
      [
        item({ link: 'https://shop.example.com.evil.example/roller-one' }),
        item({ itemId: 'SKU-2', link: 'http://shop.example.com/two' }, 2),
      ],
      [offer(), offer({ offerKey: 'k2', feedItemId: 'SKU-2' })],
    )
    expect(result.changes).toEqual([])
    expect(result.refused.map((entry) => [entry.itemId, entry.reason])).toEqual([
      [
        'SKU-1',
        'Its link https://shop.example.com.evil.example/roller-one is not https on a host partner partner-shop allows (shop.example.com).',
      ],
      [
        'SKU-2',
        'Its link http://shop.example.com/two is not https on a host partner partner-shop allows (shop.example.com).',
      ],
    ])
  })

  it('passes the reader’s refused rows through, and refuses negative or absurd prices', () => {
    const negative = { ...item().item, itemId: 'SKU-1', price: { amount: -5, currency: 'GBP' } } as FeedItem
    const result = plan(
      [
        { kind: 'refused', row: 3, line: 4, reason: 'price is empty.' },
        negative,
        item({ itemId: 'SKU-2', price: { amount: 5000, currency: 'GBP' } }, 5),
        item({ itemId: 'SKU-3' }, 6),
      ],
      [offer(), offer({ offerKey: 'k2', feedItemId: 'SKU-2' }), offer({ offerKey: 'k3', feedItemId: 'SKU-3' })],
      { settings: { maxPrice: 1000 } },
    )
    expect(result.refused).toEqual([
      { row: 3, line: 4, reason: 'price is empty.' },
      { itemId: 'SKU-1', reason: 'price.amount: Too small: expected number to be >0' },
      {
        itemId: 'SKU-2',
        row: 5,
        line: 6,
        reason: 'Its price 5000 GBP is above 1000, the most a price may be: check the feed.',
      },
    ])
    expect(result.changes.map((change) => change.offerKey)).toEqual(['k3'])
    expect(result.summary).toMatchObject({ read: 4, refused: 3, matched: 1 })
  })

  it('uses only the first item that matches an offer, and refuses an item matching two offers', () => {
    const duplicate = plan([item(), item({ price: { amount: 90, currency: 'GBP' } }, 2)])
    expect(duplicate.changes[0]?.fields.map((change) => change.field)).toEqual(['priceCheckedAt', 'feedCheckedAt'])
    expect(duplicate.refused[0]?.reason).toBe(
      'Item "SKU-1" earlier in the feed already matched this offer: only the first is used.',
    )

    const twice = plan([item()], [offer(), offer({ offerKey: 'k2', deviceId: 'device-other', deviceName: 'Other' })])
    expect(twice.changes).toEqual([])
    expect(twice.refused[0]?.reason).toBe(
      'It matches 2 offers by feed item id "SKU-1": Roller One (k1), Other (k2). Give each offer its own feed item id.',
    )
  })
})

describe('planFeedImport: matching', () => {
  const byGtin = offer({ feedItemId: undefined, deviceGtin: '4006381333931' })

  it('matches by the device’s GTIN when the offer has no feed item id, GTIN-13 equal to its GTIN-14', () => {
    const result = plan(
      [item({ itemId: 'NEW-9', gtin: '04006381333931', price: { amount: 95, currency: 'GBP' } })],
      [byGtin],
    )
    expect(result.changes[0]).toMatchObject({ matchedBy: 'gtin', itemId: 'NEW-9' })
    expect(result.changes[0]?.patch.set).toEqual({
      [path('price')]: 95,
      [path('feedItemId')]: 'NEW-9',
      [path('priceCheckedAt')]: '2025-06-01',
      [path('feedCheckedAt')]: '2025-06-01T09:30:00.000Z',
    })
    expect(result.misses).toEqual(new Map([['device-roller#k1', 0]]))
  })

  it('prefers the feed item id, and never matches by GTIN an offer linked to another item', () => {
    const linked = offer({ deviceGtin: '4006381333931' })
    const result = plan([item({ itemId: 'SKU-OTHER', gtin: '4006381333931' })], [linked])
    expect(result.changes.filter((change) => change.cause === 'feed')).toEqual([])
    expect(result.unmatched.map((entry) => entry.itemId)).toEqual(['SKU-OTHER'])
  })

  it('does not match by a device GTIN whose check digit is wrong, and says so', () => {
    const result = plan(
      [item({ itemId: 'NEW-9', gtin: '4006381333931' })],
      [offer({ feedItemId: undefined, deviceGtin: '4006381333932' })],
    )
    expect(result.changes).toEqual([])
    expect(result.unmatched.map((entry) => entry.itemId)).toEqual(['NEW-9'])
    expect(result.warnings).toEqual([
      'The GTIN of Roller One is not used to match the feed of partner-shop: The check digit of GTIN-13 (EAN) "4006381333932" is wrong: it should end in 1. Check the number was copied correctly.',
    ])
  })

  it('lists unmatched items and never makes offers of them; ignores other partners’ offers', () => {
    const result = plan(
      [item({ itemId: 'LONE', title: 'Stamp', gtin: '96385074', link: 'https://shop.example.com/stamp' }, 4)],
      [offer({ partnerId: 'partner-else', feedItemId: 'LONE' })],
    )
    expect(result.unmatched).toEqual([
      {
        itemId: 'LONE',
        title: 'Stamp',
        gtin: '96385074',
        link: 'https://shop.example.com/stamp',
        price: { amount: 100, currency: 'GBP' },
        row: 4,
      },
    ])
    expect(result.changes).toEqual([])
    expect(result.summary).toMatchObject({ read: 1, matched: 0, unmatched: 1, missing: 0 })
  })
})

describe('planFeedImport: missing offers', () => {
  it('counts imports without the offer, marks it out of stock after 3, never removes it, and resets when back', () => {
    const offers = [
      offer(),
      offer({
        offerKey: 'k2',
        feedItemId: 'SKU-2',
        deviceId: 'device-pen',
        deviceName: 'Pen',
        url: 'https://shop.example.com/pen',
      }),
    ]
    const other = item({ itemId: 'SKU-2', link: 'https://shop.example.com/pen' })
    let misses: Map<string, number> = new Map()
    const plans: FeedImportPlan[] = []
    for (let run = 0; run < 3; run++) {
      const result = plan([other], offers, { previousMisses: misses })
      plans.push(result)
      misses = result.misses
    }
    expect(plans.map((result) => result.misses.get('device-roller#k1'))).toEqual([1, 2, 3])
    expect(plans.map((result) => result.misses.get('device-pen#k2'))).toEqual([0, 0, 0])
    expect(plans[0]?.missing).toEqual([
      {
        offerKey: 'k1',
        deviceId: 'device-roller',
        deviceName: 'Roller One',
        feedItemId: 'SKU-1',
        misses: 1,
        markedOutOfStock: false,
        reason: 'Not in the feed (or its row was refused) for 1 import in a row; it is marked out of stock after 3.',
      },
    ])
    expect(plans[1]?.changes.some((change) => change.offerKey === 'k1')).toBe(false)
    const third = plans[2]!
    expect(third.missing[0]).toMatchObject({ misses: 3, markedOutOfStock: true })
    expect(third.changes.find((change) => change.offerKey === 'k1')).toEqual({
      offerKey: 'k1',
      deviceId: 'device-roller',
      deviceName: 'Roller One',
      cause: 'missing',
      fields: [{ field: 'availability', path: path('availability'), before: 'inStock', after: 'outOfStock' }],
      patch: { documentId: 'device-roller', set: { [path('availability')]: 'outOfStock' }, unset: [] },
    })
    expect(third.summary).toMatchObject({ missing: 1, changed: 1, unchanged: 1 })

    // Once out of stock, it stays listed as missing and is not patched again.
    const outOfStock = [offer({ availability: 'outOfStock' }), offers[1]!]
    const fourth = plan([other], outOfStock, { previousMisses: misses })
    expect(fourth.missing[0]).toMatchObject({ misses: 4, markedOutOfStock: false })
    expect(fourth.changes.map((change) => change.offerKey)).toEqual(['k2'])

    const back = plan([item(), other], outOfStock, { previousMisses: fourth.misses })
    expect(back.misses.get('device-roller#k1')).toBe(0)
    expect(back.missing).toEqual([])
    expect(back.changes[0]?.patch.set[path('availability')]).toBe('inStock')
  })

  it('counts an offer matched before by GTIN (known only by its miss count), with the threshold from settings', () => {
    const result = plan([item({ itemId: 'SKU-2' })], [offer({ feedItemId: undefined, deviceGtin: '96385074' })], {
      previousMisses: new Map([['device-roller#k1', 0]]),
      settings: { missingImportsBeforeUnavailable: 1 },
    })
    expect(result.missing[0]).toMatchObject({ offerKey: 'k1', misses: 1, markedOutOfStock: true })
    expect(result.missing[0]).not.toHaveProperty('feedItemId')
  })
})

describe('planFeedImport: empty feeds', () => {
  const previousMisses = new Map([['device-roller#k1', 2]])

  it('changes nothing and advances no miss count when the feed has no products', () => {
    const result = plan([], [offer()], { previousMisses })
    expect(result).toMatchObject({
      empty: true,
      emptyReason: 'The feed has no products: nothing was changed.',
      changes: [],
      held: [],
      missing: [],
    })
    expect(result.misses).toEqual(new Map([['device-roller#k1', 2]]))
    expect(result.summary).toEqual({
      read: 0,
      matched: 0,
      changed: 0,
      unchanged: 0,
      held: 0,
      refused: 0,
      unmatched: 0,
      missing: 0,
    })
  })

  it('changes nothing when every product is refused, and lists the refusals', () => {
    const result = plan(
      [
        { kind: 'refused', row: 1, line: 2, reason: 'id is empty.' },
        item({ price: { amount: 100, currency: 'USD' } }, 2),
      ],
      [offer(), offer({ offerKey: 'k2', feedItemId: 'SKU-2' })],
      { previousMisses },
    )
    expect(result).toMatchObject({
      empty: true,
      emptyReason: 'All 2 products of the feed were refused: nothing was changed.',
      changes: [],
      missing: [],
    })
    expect(result.refused).toHaveLength(2)
    expect(result.misses).toEqual(new Map([['device-roller#k1', 2]]))
    // One usable product is enough for the feed to count.
    expect(plan([item({ itemId: 'NEW' })], [offer()], { previousMisses }).empty).toBe(false)
  })
})

describe('createImportPlanner', () => {
  it('plans a feed read as a stream by readFeed', async () => {
    const tsv = [
      'id\ttitle\tlink\tprice\tavailability\tgtin',
      'SKU-1\tRoller One\thttps://shop.example.com/roller-one\t110.00 GBP\tin_stock\t',
      'SKU-7\tNew stamp\thttps://shop.example.com/stamp\t20.00 GBP\tpreorder\t036000291452',
      'SKU-8\tBad\thttps://shop.example.com/bad\tten pounds\tin_stock\t',
    ].join('\n')
    const planner = createImportPlanner({ partner, offers: [offer()], previousMisses: new Map(), now })
    for (const result of await readAll(tsv, 'google-tsv')) planner.add(result)
    const result = planner.finish()
    expect(result.changes[0]?.patch.set[path('price')]).toBe(110)
    expect(result.unmatched.map((entry) => [entry.itemId, entry.gtin])).toEqual([['SKU-7', '036000291452']])
    expect(result.refused.map((entry) => entry.row)).toEqual([3])
    expect(result.summary).toEqual({
      read: 3,
      matched: 1,
      changed: 1,
      unchanged: 0,
      held: 0,
      refused: 1,
      unmatched: 1,
      missing: 0,
    })
  })

  it('refuses bad settings and offers with keys that cannot be patch paths', () => {
    const input = { partner, offers: [offer()], previousMisses: new Map(), now }
    expect(() => createImportPlanner({ ...input, settings: { holdShare: 0 } })).toThrow(/holdShare is 0/)
    expect(() => createImportPlanner({ ...input, offers: [offer({ offerKey: 'a"]' })] })).toThrow(/offer key/)
    expect(catalogueOfferSchema.safeParse(offer()).success).toBe(true)
  })

  it('lists at most maxListed refused rows and unmatched items, and counts every one', () => {
    const unmatchedItems = Array.from({ length: 30 }, (_, index) =>
      item({ itemId: `OTHER-${index}`, link: `https://shop.example.com/other-${index}` }, index + 2),
    )
    const refusals: ImportEntry[] = Array.from({ length: 30 }, (_, index) => ({
      kind: 'refused',
      row: 100 + index,
      line: 101 + index,
      reason: 'Its price is not a number.',
    }))
    const result = plan([item(), ...unmatchedItems, ...refusals], [offer()], { settings: { maxListed: 5 } })
    expect(result.unmatched.map((entry) => entry.itemId)).toEqual([
      'OTHER-0',
      'OTHER-1',
      'OTHER-2',
      'OTHER-3',
      'OTHER-4',
    ])
    expect(result.refused.map((entry) => entry.row)).toEqual([100, 101, 102, 103, 104])
    expect(result.summary).toMatchObject({ read: 61, matched: 1, unmatched: 30, refused: 30 })
  })

  it('tells apart the offers of a duplicated device, which keep the same keys', () => {
    const copy = offer({ deviceId: 'device-roller-copy', deviceName: 'Roller One (copy)', feedItemId: 'SKU-COPY' })
    const result = plan([item({ price: { amount: 120, currency: 'GBP' } })], [offer(), copy])
    expect(result.changes.map((change) => change.deviceId)).toEqual(['device-roller'])
    expect(result.misses).toEqual(
      new Map([
        ['device-roller#k1', 0],
        ['device-roller-copy#k1', 1],
      ]),
    )
  })
})
