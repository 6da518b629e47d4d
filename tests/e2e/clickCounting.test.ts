import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/clickDatabases.ts'
import {
  botAgent,
  browserAgent,
  byPageKind,
  fire,
  goPaths,
  percentile,
  readCounts,
  totals,
} from '../support/clickLoad.ts'
import { type RunningSite, startSite } from '../support/site.ts'

/**
 * Partner clicks counted end to end, over HTTP against the built site (`next start`), on PGlite and
 * on a real PostgreSQL server: thousands of concurrent clicks all counted exactly, HEAD, prefetch
 * and bot requests only as filtered, none lost to a SIGTERM in the middle of the load, and with
 * PostgreSQL stopped the redirects still answer at once and the held clicks are written once it is
 * back. Nothing that identifies a person ends up in any column.
 */

const secret = 'reports-secret-for-click-tests'
const clicksPerRun = 2000
const trackingCookie = 'visitor=c00kie-value-that-must-not-be-stored'

describe.each(databaseKinds)('clicks on %s', (kind) => {
  let database: TestDatabase
  let site: RunningSite
  let expectedClicks = 0
  let expectedFiltered = 0

  const start = async () => {
    site = await startSite({ env: { ...database.env, REPORTS_SECRET: secret } })
  }

  const expectCounts = async (clicks: number, filtered: number, timeout = 20_000) => {
    await expect
      .poll(async () => totals(await readCounts(site.url, secret)), { timeout, interval: 250 })
      .toEqual({ clicks, filtered })
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind)
    await start()
  }, 180_000)

  afterAll(async () => {
    await site?.close()
    await database?.destroy()
  })

  it(`counts ${clicksPerRun} concurrent clicks exactly, by kind of page`, async () => {
    const paths = [
      ...goPaths(clicksPerRun / 2, 'device'),
      ...goPaths(clicksPerRun / 4, 'comparison'),
      // Not a kind the site uses: counted, as "unknown".
      ...goPaths(clicksPerRun / 4, 'somewhere-else'),
    ]
    const results = await fire(site.url, paths, { concurrency: 64, headers: { cookie: trackingCookie } })
    expect(results.filter((result) => result.status !== 302)).toEqual([])
    expectedClicks += clicksPerRun
    await expectCounts(expectedClicks, 0)
    expect(byPageKind(await readCounts(site.url, secret))).toEqual({
      device: clicksPerRun / 2,
      comparison: clicksPerRun / 4,
      unknown: clicksPerRun / 4,
    })
  })

  it('counts HEAD requests, prefetches and bots only as filtered', async () => {
    const paths = goPaths(60, 'device')
    const answers = [
      ...(await fire(site.url, paths, { method: 'HEAD' })),
      ...(await fire(site.url, paths, { headers: { 'sec-purpose': 'prefetch' } })),
      ...(await fire(site.url, paths, { headers: { purpose: 'prefetch' } })),
      ...(await fire(site.url, paths, { headers: { 'user-agent': botAgent } })),
      ...(await fire(site.url, paths, {
        headers: { 'user-agent': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' },
      })),
    ]
    // Each still gets its redirect.
    expect(answers.filter((answer) => answer.status !== 302)).toEqual([])
    expectedFiltered += answers.length
    await expectCounts(expectedClicks, expectedFiltered)
  })

  it('loses no click answered before a SIGTERM in the middle of the load', async () => {
    let stopping: Promise<void> | undefined
    const results = await fire(site.url, goPaths(3000, 'device'), {
      concurrency: 32,
      onEach: (done) => {
        if (done === 800) stopping = site.close()
      },
    })
    await stopping
    const answered = results.filter((result) => result.status === 302).length
    expect(answered).toBeGreaterThanOrEqual(800)
    expect(site.output()).not.toMatch(/unwritten/)
    expectedClicks += answered
    await start()
    await expectCounts(expectedClicks, expectedFiltered)
  })

  it.runIf(kind === 'postgres')(
    'answers 302 at once while PostgreSQL is stopped, and writes the held clicks once it is back',
    async () => {
      const warm = await fire(site.url, goPaths(200, 'device'), { concurrency: 20 })
      expectedClicks += warm.length
      await expectCounts(expectedClicks, expectedFiltered)
      const up = warm.map((result) => result.ms)

      await database.server!.stop()
      const down = await fire(site.url, goPaths(1000, 'guide'), { concurrency: 20 })
      expect(down.filter((result) => result.status !== 302)).toEqual([])
      // "At once": no request waits for the database; the slowest is still quick.
      expect(
        percentile(
          down.map((result) => result.ms),
          99,
        ),
      ).toBeLessThan(Math.max(250, 3 * percentile(up, 99)))
      const reportsWhileDown = await fetch(`${site.url}/api/reports/clicks`, {
        headers: { authorization: `Bearer ${secret}` },
      })
      expect(reportsWhileDown.status).toBe(503)

      await database.server!.start()
      expectedClicks += down.length
      await expectCounts(expectedClicks, expectedFiltered, 60_000)
      expect(byPageKind(await readCounts(site.url, secret)).guide).toBe(1000)
    },
  )

  it('stores no address, agent, cookie or referrer anywhere', async () => {
    await site.close()
    const rows = await everyRow(database)
    const text = JSON.stringify(rows, (_key, value) => (typeof value === 'bigint' ? String(value) : value))
    expect(rows.length).toBeGreaterThan(0)
    for (const personal of ['127.0.0.1', browserAgent, 'Googlebot', 'c00kie-value', 'Mozilla']) {
      expect(text).not.toContain(personal)
    }
    const columns = rows.flatMap((row) => Object.keys(row.values))
    expect(columns.filter((column) => /ip|addr|agent|cookie|referr|user|session/i.test(column))).toEqual([])
    await start()
  })
})

/** Every row of every table in the public schema, read directly (the site stopped, for PGlite). */
async function everyRow(database: TestDatabase): Promise<{ table: string; values: Record<string, unknown> }[]> {
  const tablesSql = "select table_name from information_schema.tables where table_schema = 'public'"
  const collect = async (query: (sql: string) => Promise<Record<string, unknown>[]>) => {
    const tables = (await query(tablesSql)).map((row) => String(row.table_name))
    const rows: { table: string; values: Record<string, unknown> }[] = []
    for (const table of tables) {
      for (const values of await query(`select * from "${table}"`)) rows.push({ table, values })
    }
    return rows
  }
  if (database.target.kind === 'pglite') {
    const db = await PGlite.create(database.target.dataDir)
    try {
      return await collect(async (sql) => (await db.query<Record<string, unknown>>(sql)).rows)
    } finally {
      await db.close()
    }
  }
  const client = new pg.Client({ connectionString: database.target.url })
  await client.connect()
  try {
    return await collect(async (sql) => (await client.query(sql)).rows)
  } finally {
    await client.end()
  }
}
