import type { CatalogueOffer } from '@microneedling/feeds/catalogueOffer'
import type { FeedItem } from '@microneedling/feeds/feedItem'
import { planFeedImport } from '@microneedling/feeds/planImport'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, openDatabase } from '../../web/src/lib/database/database.ts'
import { migrate } from '../../web/src/lib/database/migrate.ts'
import {
  decideHeldChange,
  heldChangeById,
  lastCompletedReads,
  listedItems,
  openHeldChanges,
  previousMisses,
  recentImports,
  saveImportRun,
} from '../../web/src/lib/feeds/feedImportStore.ts'
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/clickDatabases.ts'

/**
 * What the database keeps of feed imports, on PGlite and on PostgreSQL: each run with its counts,
 * held prices (a newer one replacing an older one for the same offer, an editor's decision), the
 * items the last run could not use, and each offer's misses carried to the next run.
 */

const partner = { id: 'partner-shop', allowedHosts: ['shop.example.com'] }
const offer = (overrides: Partial<CatalogueOffer> = {}): CatalogueOffer => ({
  deviceId: 'device-roller',
  deviceName: 'Roller One',
  offerKey: 'k1',
  partnerId: partner.id,
  feedItemId: 'SKU-1',
  url: 'https://shop.example.com/roller-one',
  price: 100,
  currency: 'GBP',
  availability: 'inStock',
  priceCheckedAt: '2026-11-01',
  ...overrides,
})
const item = (overrides: Partial<FeedItem> = {}): FeedItem => ({
  itemId: 'SKU-1',
  link: 'https://shop.example.com/roller-one',
  price: { amount: 100, currency: 'GBP' },
  availability: 'inStock',
  ...overrides,
})
const offers = [offer(), offer({ offerKey: 'k2', feedItemId: 'SKU-2', deviceId: 'device-pen', deviceName: 'Pen' })]

function planOf(items: FeedItem[], misses = new Map<string, number>(), now = new Date('2026-11-24T06:00:00Z')) {
  return planFeedImport({ partner, offers, items, previousMisses: misses, now })
}

describe.each(databaseKinds)('feed imports on %s', (kind) => {
  let test: TestDatabase
  let db: Database

  beforeAll(async () => {
    test = await createTestDatabase(kind)
    db = await openDatabase(test.target)
    await migrate(db)
  })
  afterAll(async () => {
    await db?.close()
    await test?.destroy()
  })

  it('stores a run with its counts, the held price, the items it could not use, and the misses', async () => {
    const plan = planOf([
      item({ price: { amount: 180, currency: 'GBP' } }),
      item({ itemId: 'GIFT', link: 'https://shop.example.com/gift', title: 'Gift card' }),
    ])
    expect(plan.held).toHaveLength(1)
    const startedAt = new Date('2026-11-24T06:00:00Z')
    const id = await saveImportRun(db, {
      partnerId: partner.id,
      partner: 'shop',
      startedAt,
      durationMs: 1234,
      applied: true,
      outcome: 'applied',
      plan,
    })
    expect(await recentImports(db)).toEqual([
      expect.objectContaining({
        id,
        partner: 'shop',
        started_at: '2026-11-24T06:00:00Z',
        outcome: 'applied',
        items_read: 2,
        matched: 1,
        held: 1,
        unmatched: 1,
        missing: 1,
        duration_ms: 1234,
      }),
    ])
    const [held] = await openHeldChanges(db)
    expect(held).toMatchObject({
      importId: id,
      deviceName: 'Roller One',
      offerKey: 'k1',
      currentPrice: 100,
      proposedPrice: 180,
      currency: 'GBP',
      status: 'held',
      heldAt: '2026-11-24T06:00:00Z',
      patch: plan.held[0]!.patch,
    })
    expect((await listedItems(db, 'unmatched')).map((row) => [row.item_id, row.title, Number(row.price)])).toEqual([
      ['GIFT', 'Gift card', 100],
    ])
    expect(await previousMisses(db, partner.id)).toEqual(
      new Map([
        ['device-roller#k1', 0],
        ['device-pen#k2', 1],
      ]),
    )
  })

  it('carries misses from run to run, and a plan that was not applied leaves them as they were', async () => {
    const second = planOf([item()], await previousMisses(db, partner.id))
    await saveImportRun(db, {
      partnerId: partner.id,
      partner: 'shop',
      startedAt: new Date('2026-11-25T06:00:00Z'),
      durationMs: 10,
      applied: true,
      outcome: 'applied',
      plan: second,
    })
    expect((await previousMisses(db, partner.id)).get('device-pen#k2')).toBe(2)
    const dryRun = planOf([item()], await previousMisses(db, partner.id))
    await saveImportRun(db, {
      partnerId: partner.id,
      partner: 'shop',
      startedAt: new Date('2026-11-26T06:00:00Z'),
      durationMs: 10,
      applied: false,
      outcome: 'planned',
      plan: dryRun,
    })
    expect((await previousMisses(db, partner.id)).get('device-pen#k2')).toBe(2)
    // The items a run could not use are the last applied run's: the second listed none.
    expect(await listedItems(db, 'unmatched')).toEqual([])
  })

  it('replaces a price still held for the same offer by the newer one, and keeps an editor’s decision', async () => {
    const before = await openHeldChanges(db)
    expect(before).toHaveLength(1)
    await saveImportRun(db, {
      partnerId: partner.id,
      partner: 'shop',
      startedAt: new Date('2026-11-27T06:00:00Z'),
      durationMs: 10,
      applied: true,
      outcome: 'applied',
      plan: planOf([item({ price: { amount: 20, currency: 'GBP' } })]),
    })
    const [newer] = await openHeldChanges(db)
    expect(newer).toMatchObject({ proposedPrice: 20, status: 'held' })
    expect(await heldChangeById(db, before[0]!.id)).toMatchObject({ status: 'superseded' })
    expect(await decideHeldChange(db, newer!.id, 'rejected', 'Rejected by an editor.')).toBe(true)
    expect(await decideHeldChange(db, newer!.id, 'approved', 'Approved by an editor.')).toBe(false)
    expect(await heldChangeById(db, newer!.id)).toMatchObject({
      status: 'rejected',
      decisionDetail: 'Rejected by an editor.',
    })
    expect(await openHeldChanges(db)).toEqual([])
  })

  it('counts a feed’s refresh from its last run applied or changing nothing, never a plan or a failure', async () => {
    expect(await lastCompletedReads(db)).toEqual(new Map([[partner.id, new Date('2026-11-27T06:00:00Z')]]))
    await saveImportRun(db, {
      partnerId: 'partner-other',
      partner: 'other',
      startedAt: new Date('2026-11-27T07:00:00Z'),
      durationMs: 5,
      applied: false,
      outcome: 'unchanged',
      detail: 'The feed has no products: nothing was changed.',
    })
    expect((await lastCompletedReads(db)).get('partner-other')).toEqual(new Date('2026-11-27T07:00:00Z'))
  })

  it('stores a failed run with its reason and nothing else', async () => {
    const misses = await previousMisses(db, partner.id)
    await saveImportRun(db, {
      partnerId: partner.id,
      partner: 'shop',
      startedAt: new Date('2026-11-28T06:00:00Z'),
      durationMs: 5,
      applied: false,
      outcome: 'failed',
      detail: 'Nothing was changed: the feed answered 404.',
    })
    const [latest] = await recentImports(db)
    expect(latest).toMatchObject({
      outcome: 'failed',
      detail: 'Nothing was changed: the feed answered 404.',
      items_read: 0,
    })
    expect(await previousMisses(db, partner.id)).toEqual(misses)
  })
})
