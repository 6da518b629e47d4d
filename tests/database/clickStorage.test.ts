import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClickEvent } from '../../web/src/lib/clicks/clickEvent.ts'
import { createClickRecording } from '../../web/src/lib/clicks/clickRecording.ts'
import { rollUpAndExpire, writeClicks } from '../../web/src/lib/clicks/clickStore.ts'
import { type Database, openDatabase } from '../../web/src/lib/database/database.ts'
import { migrate } from '../../web/src/lib/database/migrate.ts'
import { migrations } from '../../web/src/lib/database/migrations/index.ts'
import { clickRows, dailyTotals, rangeTotals, topBy } from '../../web/src/lib/reports/clickReports.ts'
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/clickDatabases.ts'

/**
 * The click store on both databases it runs on: the same SQL must give the same counts on PGlite
 * and on a real PostgreSQL 15 server.
 */

const event = (overrides: Partial<ClickEvent> = {}): ClickEvent => ({
  device: 'luma-roller',
  offer: 'o1',
  partner: 'Shop A',
  pageKind: 'device',
  at: new Date('2026-03-10T12:00:00Z'),
  filtered: false,
  ...overrides,
})

describe.each(databaseKinds)('click storage on %s', (kind) => {
  let testDb: TestDatabase
  let db: Database

  beforeAll(async () => {
    testDb = await createTestDatabase(kind)
    db = await openDatabase(testDb.target)
  }, 120_000)

  afterAll(async () => {
    await db?.close()
    await testDb?.destroy()
  })

  it('applies every migration once, and nothing when run again', async () => {
    expect(await migrate(db)).toEqual(migrations.map((migration) => migration.version))
    expect(await migrate(db)).toEqual([])
    const versions = await db.query<{ version: number }>('select version from schema_migrations order by version')
    expect(versions.map((row) => row.version)).toEqual(migrations.map((migration) => migration.version))
  })

  it('rolls back a failing migration entirely', async () => {
    const broken = {
      version: 999,
      name: 'broken',
      sql: 'create table half_done (id int); select * from no_such_table;',
    }
    await expect(migrate(db, [...migrations, broken])).rejects.toThrow(/no_such_table/)
    const tables = await db.query("select 1 from information_schema.tables where table_name = 'half_done'")
    expect(tables).toEqual([])
    expect(await db.query('select 1 from schema_migrations where version = 999')).toEqual([])
  })

  it('keeps no column that could hold an address, an agent, a cookie or a referrer', async () => {
    const columns = await db.query<{ table_name: string; column_name: string }>(
      "select table_name, column_name from information_schema.columns where table_schema = 'public'",
    )
    expect(columns.length).toBeGreaterThan(10)
    const personal = columns.filter((column) =>
      /ip|addr|agent|cookie|referr|session|user|visitor|fingerprint/i.test(column.column_name),
    )
    expect(personal).toEqual([])
  })

  it('writes a batch in one insert and reports it by day, offer, page kind and dimension', async () => {
    const events = [
      ...Array.from({ length: 700 }, () => event()),
      ...Array.from({ length: 3 }, () => event({ filtered: true })),
      event({ offer: 'o2', partner: 'Shop B', pageKind: 'comparison', at: new Date('2026-03-11T23:59:59Z') }),
      event({
        device: 'pen-x',
        offer: 'o9',
        partner: 'Shop B',
        pageKind: 'unknown',
        at: new Date('2026-03-12T00:00:00Z'),
      }),
    ]
    await writeClicks(db, events, 5, new Date('2026-03-11T10:00:00Z'))
    const range = { from: '2026-03-10', to: '2026-03-12' }
    expect(await clickRows(db, range)).toEqual([
      {
        day: '2026-03-10',
        device: 'luma-roller',
        offer: 'o1',
        partner: 'Shop A',
        page_kind: 'device',
        clicks: 700,
        filtered: 3,
      },
      {
        day: '2026-03-11',
        device: 'luma-roller',
        offer: 'o2',
        partner: 'Shop B',
        page_kind: 'comparison',
        clicks: 1,
        filtered: 0,
      },
      {
        day: '2026-03-12',
        device: 'pen-x',
        offer: 'o9',
        partner: 'Shop B',
        page_kind: 'unknown',
        clicks: 1,
        filtered: 0,
      },
    ])
    expect(await dailyTotals(db, { from: '2026-03-09', to: '2026-03-12' })).toEqual([
      { day: '2026-03-09', clicks: 0, filtered: 0 },
      { day: '2026-03-10', clicks: 700, filtered: 3 },
      { day: '2026-03-11', clicks: 1, filtered: 0 },
      { day: '2026-03-12', clicks: 1, filtered: 0 },
    ])
    expect(await topBy(db, range, 'partner', 10)).toEqual([
      { partner: 'Shop A', clicks: 700, filtered: 3 },
      { partner: 'Shop B', clicks: 2, filtered: 0 },
    ])
    expect(await rangeTotals(db, range)).toEqual({ clicks: 702, filtered: 3, dropped: 5 })
    // The range is inclusive at both ends, by UTC day.
    expect(await rangeTotals(db, { from: '2026-03-11', to: '2026-03-11' })).toMatchObject({ clicks: 1 })
  })

  it('rolls raw events up by day without changing any count, and expires what is past retention', async () => {
    const range = { from: '2026-03-01', to: '2026-03-31' }
    const before = await clickRows(db, range)
    await rollUpAndExpire(db, '2026-03-12', 400)
    expect(await db.query("select 1 from click_events where occurred_at < '2026-03-12'")).toEqual([])
    expect(await clickRows(db, range)).toEqual(before)
    // Rolling up again, with new raw events for a rolled-up day, adds to it.
    await writeClicks(db, [event()], 0)
    await rollUpAndExpire(db, '2026-03-12', 400)
    expect((await clickRows(db, range))[0]).toMatchObject({ day: '2026-03-10', clicks: 701 })
    // Ten days' retention on 2026-03-21 keeps 2026-03-11 onwards.
    await rollUpAndExpire(db, '2026-03-21', 10)
    const days = (await clickRows(db, range)).map((row) => row.day)
    expect(days).toEqual(['2026-03-11', '2026-03-12'])
  })

  it('counts every click recorded concurrently through the queue, and writes them all at shutdown', async () => {
    const recording = createClickRecording({
      target: testDb.target,
      enabled: true,
      retentionDays: 400,
      queue: { intervalMs: 50, batchSize: 250 },
    })
    if (kind === 'pglite') {
      // PGlite has one opener per folder: this test's recording takes over from the shared handle.
      await db.close()
    }
    const at = new Date()
    await Promise.all(
      Array.from({ length: 20 }, (_, client) =>
        (async () => {
          for (let n = 0; n < 150; n++) {
            recording.record(event({ device: 'queue-test', offer: `o${client % 4}`, at }))
            if (n % 10 === 0) await new Promise((resolve) => setImmediate(resolve))
          }
        })(),
      ),
    )
    const stored = await recording.database()
    const today = at.toISOString().slice(0, 10)
    const read = async () =>
      (await topBy(stored, { from: today, to: today }, 'device', null)).find((row) => row.device === 'queue-test')
    await expect.poll(async () => (await read())?.clicks, { timeout: 10_000 }).toBeGreaterThan(0)
    for (let n = 0; n < 100; n++) recording.record(event({ device: 'queue-test', at }))
    expect(await recording.shutdown()).toBe(true)
    db = await openDatabase(testDb.target)
    expect(
      (await topBy(db, { from: today, to: today }, 'device', null)).find((row) => row.device === 'queue-test'),
    ).toMatchObject({ clicks: 3100, filtered: 0 })
  })
})

describe('migrations from two processes at once (PostgreSQL)', () => {
  let testDb: TestDatabase
  beforeAll(async () => {
    testDb = await createTestDatabase('postgres')
  }, 120_000)
  afterAll(() => testDb?.destroy())

  it('applies each migration exactly once', async () => {
    const [first, second] = await Promise.all([openDatabase(testDb.target), openDatabase(testDb.target)])
    try {
      const applied = await Promise.all([migrate(first), migrate(second)])
      expect([...applied[0], ...applied[1]].sort()).toEqual(migrations.map((migration) => migration.version))
    } finally {
      await Promise.all([first.close(), second.close()])
    }
  })
})
