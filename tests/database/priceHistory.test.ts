import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { rollUpAndExpire } from '../../web/src/lib/clicks/clickStore.ts'
import { type Database, openDatabase } from '../../web/src/lib/database/database.ts'
import { migrate } from '../../web/src/lib/database/migrate.ts'
import type { LinkCheckResult } from '../../web/src/lib/linkChecks/checkLink.ts'
import type { OfferFreshness } from '../../web/src/lib/linkChecks/offersToCheck.ts'
import { recordLinkCheckPrices } from '../../web/src/lib/priceHistory/linkCheckPrices.ts'
import { priceHistoryOf } from '../../web/src/lib/priceHistory/priceHistoryOf.ts'
import { type PriceObservation, recordPriceObservations } from '../../web/src/lib/priceHistory/priceObservations.ts'
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/clickDatabases.ts'

/**
 * The price history on both databases it runs on: one row per change with when it was last seen,
 * read back per offer, and purged with the click data.
 */

const at = (iso: string) => new Date(iso)

const seen = (observedAt: string, overrides: Partial<PriceObservation> = {}): PriceObservation => ({
  deviceId: 'device-roller',
  offerKey: 'o1',
  partnerId: 'partner-a',
  price: 24.99,
  currency: 'GBP',
  availability: 'inStock',
  observedAt: at(observedAt),
  source: 'feed',
  ...overrides,
})

interface StoredRow {
  offer_key: string
  price: number
  currency: string
  availability: string
  source: string
  first_seen_at: string
  last_seen_at: string
}

describe.each(databaseKinds)('price history on %s', (kind) => {
  let testDb: TestDatabase
  let db: Database

  const stored = (deviceId = 'device-roller') =>
    db.query<StoredRow>(
      `select offer_key, price::float8 as price, currency, availability, source,
              to_char(first_seen_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as first_seen_at,
              to_char(last_seen_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as last_seen_at
       from price_observations where device_id = $1 order by offer_key, first_seen_at`,
      [deviceId],
    )

  beforeAll(async () => {
    testDb = await createTestDatabase(kind)
    db = await openDatabase(testDb.target)
    await migrate(db)
  }, 120_000)

  beforeEach(async () => {
    await db.query('delete from price_observations')
  })

  afterAll(async () => {
    await db?.close()
    await testDb?.destroy()
  })

  it('keeps one row per change, moving the last sighting forward while nothing changes', async () => {
    await recordPriceObservations(db, [seen('2026-03-01T06:00:00Z')])
    await recordPriceObservations(db, [seen('2026-03-02T06:00:00Z')])
    await recordPriceObservations(db, [seen('2026-03-03T06:00:00Z', { source: 'link-check' })])
    await recordPriceObservations(db, [seen('2026-03-04T06:00:00Z', { price: 19.99 })])
    await recordPriceObservations(db, [seen('2026-03-05T06:00:00Z', { price: 19.99, availability: 'outOfStock' })])
    await recordPriceObservations(db, [seen('2026-03-06T06:00:00Z', { price: 19.99, currency: 'EUR' })])
    expect(await stored()).toEqual([
      {
        offer_key: 'o1',
        price: 24.99,
        currency: 'GBP',
        availability: 'inStock',
        source: 'feed',
        first_seen_at: '2026-03-01T06:00:00Z',
        last_seen_at: '2026-03-03T06:00:00Z',
      },
      {
        offer_key: 'o1',
        price: 19.99,
        currency: 'GBP',
        availability: 'inStock',
        source: 'feed',
        first_seen_at: '2026-03-04T06:00:00Z',
        last_seen_at: '2026-03-04T06:00:00Z',
      },
      {
        offer_key: 'o1',
        price: 19.99,
        currency: 'GBP',
        availability: 'outOfStock',
        source: 'feed',
        first_seen_at: '2026-03-05T06:00:00Z',
        last_seen_at: '2026-03-05T06:00:00Z',
      },
      {
        offer_key: 'o1',
        price: 19.99,
        currency: 'EUR',
        availability: 'inStock',
        source: 'feed',
        first_seen_at: '2026-03-06T06:00:00Z',
        last_seen_at: '2026-03-06T06:00:00Z',
      },
    ])
  })

  it('never moves a sighting back, and lets a late report of an older price change nothing', async () => {
    await recordPriceObservations(db, [seen('2026-03-01T06:00:00Z'), seen('2026-03-05T06:00:00Z')])
    await recordPriceObservations(db, [seen('2026-03-03T06:00:00Z'), seen('2026-03-04T06:00:00Z', { price: 30 })])
    expect(await stored()).toMatchObject([
      { price: 24.99, first_seen_at: '2026-03-01T06:00:00Z', last_seen_at: '2026-03-05T06:00:00Z' },
    ])
  })

  it('starts a new row after a price went unseen for more than 14 days, so the gap stays a gap', async () => {
    await recordPriceObservations(db, [seen('2026-03-01T06:00:00Z'), seen('2026-03-15T06:00:00Z')])
    await recordPriceObservations(db, [seen('2026-04-10T06:00:00Z')])
    expect(await stored()).toMatchObject([
      { first_seen_at: '2026-03-01T06:00:00Z', last_seen_at: '2026-03-15T06:00:00Z' },
      { first_seen_at: '2026-04-10T06:00:00Z', last_seen_at: '2026-04-10T06:00:00Z' },
    ])
  })

  it('records a batch in time order whatever order it comes in, many offers in one call', async () => {
    const offers = Array.from({ length: 3000 }, (_, index) => `k${index}`)
    const batch = offers.flatMap((offerKey) => [
      seen('2026-03-03T06:00:00Z', { offerKey, price: 18 }),
      seen('2026-03-01T06:00:00Z', { offerKey }),
      seen('2026-03-02T06:00:00Z', { offerKey }),
    ])
    const started = performance.now()
    await recordPriceObservations(db, batch)
    expect(performance.now() - started).toBeLessThan(20_000)
    const rows = await stored()
    expect(rows).toHaveLength(6000)
    expect(rows.filter((row) => row.offer_key === 'k42')).toMatchObject([
      { price: 24.99, first_seen_at: '2026-03-01T06:00:00Z', last_seen_at: '2026-03-02T06:00:00Z' },
      { price: 18, first_seen_at: '2026-03-03T06:00:00Z', last_seen_at: '2026-03-03T06:00:00Z' },
    ])
    // The next import moves 3000 rows forward with one update.
    await recordPriceObservations(
      db,
      offers.map((offerKey) => seen('2026-03-04T06:00:00Z', { offerKey, price: 18 })),
    )
    const moved = await db.query<{ count: number }>(
      `select count(*)::int as count from price_observations where last_seen_at = '2026-03-04T06:00:00Z'`,
    )
    expect(moved[0]?.count).toBe(3000)
    expect(await stored()).toHaveLength(6000)
  })

  it('writes nothing of a batch with a bad observation, and names it', async () => {
    await expect(
      recordPriceObservations(db, [seen('2026-03-01T06:00:00Z'), seen('2026-03-02T06:00:00Z', { currency: 'pounds' })]),
    ).rejects.toThrow(/price observation 1 \(device-roller\/o1\).*currency/)
    expect(await stored()).toEqual([])
  })

  it('records inside a caller’s transaction, and a rollback takes it back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await recordPriceObservations(tx, [seen('2026-03-01T06:00:00Z')])
        expect(await tx.query('select 1 from price_observations')).toHaveLength(1)
        throw new Error('the import failed later')
      }),
    ).rejects.toThrow('the import failed later')
    expect(await stored()).toEqual([])
  })

  it('lets two recorders at once leave one row per change, not two', async () => {
    await Promise.all([
      recordPriceObservations(db, [seen('2026-03-01T06:00:00Z', { source: 'feed' })]),
      recordPriceObservations(db, [seen('2026-03-01T07:00:00Z', { source: 'link-check' })]),
    ])
    expect(await stored()).toHaveLength(1)
  })

  it('reads a device’s history back per offer, oldest first, from the rows still seen since a time', async () => {
    await recordPriceObservations(db, [
      seen('2026-01-01T06:00:00Z', { offerKey: 'o2', price: 50 }),
      seen('2026-03-01T06:00:00Z'),
      seen('2026-03-02T06:00:00Z', { price: 22 }),
      seen('2026-03-02T06:00:00Z', { offerKey: 'o2', price: 45 }),
      seen('2026-03-02T06:00:00Z', { deviceId: 'device-pen', price: 99 }),
    ])
    const history = await priceHistoryOf(db, 'device-roller', { since: at('2026-02-01T00:00:00Z') })
    expect([...history.keys()].sort()).toEqual(['o1', 'o2'])
    expect(history.get('o1')).toEqual([
      {
        price: 24.99,
        currency: 'GBP',
        availability: 'inStock',
        firstSeenAt: at('2026-03-01T06:00:00Z'),
        lastSeenAt: at('2026-03-01T06:00:00Z'),
      },
      {
        price: 22,
        currency: 'GBP',
        availability: 'inStock',
        firstSeenAt: at('2026-03-02T06:00:00Z'),
        lastSeenAt: at('2026-03-02T06:00:00Z'),
      },
    ])
    // The price of 50 was last seen before `since`: left out.
    expect(history.get('o2')?.map((row) => row.price)).toEqual([45])
    expect((await priceHistoryOf(db, 'device-unknown', { since: at('2026-01-01T00:00:00Z') })).size).toBe(0)
  })

  it('purges rows last seen before the retention period with the click data, keeping the rest', async () => {
    await recordPriceObservations(db, [
      seen('2025-01-01T06:00:00Z', { offerKey: 'old' }),
      seen('2025-01-01T06:00:00Z', { offerKey: 'still-seen' }),
      seen('2025-01-10T06:00:00Z', { offerKey: 'still-seen' }),
      seen('2026-03-01T06:00:00Z', { offerKey: 'recent' }),
    ])
    // 400 days before 2026-02-01 is 2024-12-28: every row was seen since.
    await rollUpAndExpire(db, '2026-02-01', 400)
    expect((await stored()).map((row) => row.offer_key)).toEqual(['old', 'recent', 'still-seen'])
    // 25 days before 2025-01-31 is 2025-01-06: only the row last seen on 2025-01-01 goes.
    await rollUpAndExpire(db, '2025-01-31', 25)
    expect((await stored()).map((row) => row.offer_key)).toEqual(['recent', 'still-seen'])
  })

  it('counts a link check that found the shop’s page as seeing the stored price, and no other', async () => {
    const offer = (offerKey: string, overrides: Partial<OfferFreshness> = {}): OfferFreshness => ({
      deviceId: 'device-roller',
      device: 'roller',
      deviceName: 'Roller',
      offer: offerKey,
      url: `https://shop.example.com/${offerKey}`,
      partner: 'Shop A',
      priceCheckedAt: '2026-03-01',
      partnerId: 'partner-a',
      price: 40,
      currency: 'GBP',
      availability: 'inStock',
      ...overrides,
    })
    const result = (outcome: LinkCheckResult['outcome']): LinkCheckResult => ({
      url: 'https://shop.example.com/',
      checkedAt: at('2026-03-10T06:00:00Z'),
      statusCode: outcome === 'ok' ? 200 : 404,
      finalUrl: null,
      outcome,
      detail: null,
    })
    const recorded = await recordLinkCheckPrices(db, [
      { ...offer('on-sale', { salePrice: 32 }), result: result('ok') },
      { ...offer('gone'), result: result('broken') },
      { ...offer('elsewhere'), result: result('redirected-elsewhere') },
    ])
    expect(recorded).toBe(1)
    expect(await stored()).toEqual([
      {
        offer_key: 'on-sale',
        price: 32,
        currency: 'GBP',
        availability: 'inStock',
        source: 'link-check',
        first_seen_at: '2026-03-10T06:00:00Z',
        last_seen_at: '2026-03-10T06:00:00Z',
      },
    ])
  })
})
