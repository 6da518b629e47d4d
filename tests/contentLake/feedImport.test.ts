import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../web/src/lib/database/database.ts'
import { migrate } from '../../web/src/lib/database/migrate.ts'
import { recordPriceObservations } from '../../web/src/lib/priceHistory/priceObservations.ts'
import { createSessionToken } from '../../web/src/lib/reports/reportsAccess.ts'
import { launchBrowser, phoneViewport } from '../support/browser.ts'
import { createTestDatabase, type TestDatabase } from '../support/clickDatabases.ts'
import {
  type ContentLakeSite,
  fetchPage,
  mainText,
  startContentLakeSite,
  testSecrets,
} from '../support/contentLakeSite.ts'
import { sampleDatasetPath, testsDir } from '../support/paths.ts'

/**
 * A partner's feed imported into the site on the local Content Lake, as `pnpm feeds:import` and a
 * scheduler run it: through POST /api/feeds/import, from the partner's own address on a local feed
 * server (no request leaves the machine) or sent with the request. Without apply nothing is
 * written; a feed that cannot be fetched changes nothing; an applied import patches the offers
 * (and an editor's open draft), records the prices, and the device page shows the new price, its
 * history and the 30-day lowest; the reports show the run and its held price, which an editor
 * approves in the browser.
 */

const secret = 'feeds-reports-secret-0123456789'
const sampleFeedPath = join(sampleDatasetPath, '..', 'feeds', 'glow-supply.tsv')
const sampleFeed = readFileSync(sampleFeedPath, 'utf8')
const partnerId = 'partner-glow-supply'
const pen = {
  id: 'device-fernhill-glide-home-pen',
  slug: 'fernhill-glide-home-pen',
  offer: 'fernhill-glide-glow-supply',
}
const eyeRoller = { id: 'device-fernhill-gold-eye-roller-020', slug: 'fernhill-gold-eye-roller-020' }
const stamp = { id: 'device-softpoint-hydra-stamp-025', slug: 'softpoint-hydra-stamp-025' }
const tiRoller = { id: 'device-luma-titanium-roller-025', offer: 'luma-ti-roller-glow-supply' }
const day = 86_400_000

/** The sample feed with one row's cells replaced, or the row left out. */
function feedWith(itemId: string, change: ((cells: string[]) => string[]) | 'without'): string {
  return sampleFeed
    .split('\n')
    .flatMap((line) => {
      if (!line.startsWith(`${itemId}\t`)) return [line]
      return change === 'without' ? [] : [change(line.split('\t')).join('\t')]
    })
    .join('\n')
}
const priceCell = 3

let feeds: Server
let elsewhere: Server
let feedsUrl: string
let database: TestDatabase
let running: ContentLakeSite
let browser: Browser
let context: BrowserContext

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))
}

beforeAll(async () => {
  elsewhere = createServer((_request, response) => response.end(sampleFeed))
  const elsewherePort = await listen(elsewhere)
  feeds = createServer((request, response) => {
    const path = request.url ?? '/'
    if (path === '/glow-supply.tsv') return void response.end(sampleFeed)
    if (path === '/gone.tsv') return void response.writeHead(404).end('Not found')
    // Another host name for this machine: a redirect to it leaves the partner's host.
    if (path === '/moved.tsv') {
      return void response.writeHead(302, { location: `http://localhost:${elsewherePort}/feed.tsv` }).end()
    }
    if (path === '/huge.tsv') return void response.end(`${sampleFeed}\n${'x'.repeat(200_000)}`)
    if (path === '/hang.tsv') return // never answers
    response.writeHead(500).end()
  })
  feedsUrl = `http://127.0.0.1:${await listen(feeds)}`
  database = await createTestDatabase('postgres')
  running = await startContentLakeSite('feed-import', {
    env: {
      ...database.env,
      REPORTS_SECRET: secret,
      SANITY_API_WRITE_TOKEN: testSecrets.readToken,
      FEED_FETCH_TIMEOUT_MS: '1500',
      // 100 KB: the sample feed is 2 KB, the huge one 200 KB.
      FEED_MAX_MEGABYTES: '0.1',
    },
  })
  running.lake.sendWebhooksTo({
    url: `${running.site.url}/api/revalidate`,
    secret: testSecrets.revalidateSecret,
    retryDelayMs: 500,
  })
  browser = await launchBrowser()
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  await context.addCookies([
    { name: 'reports_session', value: createSessionToken(secret), url: running.site.url, httpOnly: true },
  ])
})

afterAll(async () => {
  await browser?.close()
  await running?.close()
  await database?.destroy()
  feeds?.closeAllConnections()
  feeds?.close()
  elsewhere?.close()
})

type Report = {
  outcome: string
  detail?: string
  summary?: Record<string, number>
  changes?: { deviceId: string; offer: string; fields: { field: string; before: unknown; after: unknown }[] }[]
  held?: { deviceId: string; offer: string; current: number }[]
  refused?: { itemId?: string; reason: string }[]
  missing?: { offerKey: string; markedOutOfStock: boolean }[]
}

async function importFeed(options: { apply?: boolean; body?: string } = {}): Promise<Report> {
  const address = new URL('/api/feeds/import', running.site.url)
  address.searchParams.set('partner', 'glow-supply')
  if (options.apply) address.searchParams.set('apply', '1')
  const response = await fetch(address, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, ...(options.body === undefined ? { 'content-length': '0' } : {}) },
    ...(options.body === undefined ? {} : { body: options.body }),
    signal: AbortSignal.timeout(30_000),
  })
  expect(response.status, await response.clone().text()).toBe(200)
  const answer = (await response.json()) as { apply: boolean; imports: Report[] }
  expect(answer.imports).toHaveLength(1)
  return answer.imports[0]!
}

async function feedAt(path: string): Promise<void> {
  const partner = running.lake.getDocument(partnerId)!
  await running.lake.patchDocument(partnerId, { feed: { ...(partner.feed as object), url: `${feedsUrl}${path}` } })
}

const revisionsOfPartnerDevices = () =>
  [pen.id, eyeRoller.id, stamp.id, tiRoller.id].map((id) => running.lake.getDocument(id)?._rev)
const offerOf = (id: string, key: string) =>
  ((running.lake.getDocument(id)?.offers ?? []) as { _key: string; price: number; availability: string }[]).find(
    (offer) => offer._key === key,
  )

describe('importing a partner’s feed without apply', () => {
  it('fetches the feed from the partner’s address and answers the diff per offer, writing nothing', async () => {
    await feedAt('/glow-supply.tsv')
    const before = revisionsOfPartnerDevices()
    const report = await importFeed()
    expect(report.outcome).toBe('planned')
    expect(report.summary).toMatchObject({ read: 10, matched: 9, held: 1, unmatched: 1 })
    const penChange = report.changes!.find((change) => change.offer === pen.offer)!
    expect(penChange.fields).toContainEqual({ field: 'price', before: 79, after: 76 })
    expect(revisionsOfPartnerDevices()).toEqual(before)
  })
})

describe('pnpm feeds:import', () => {
  const command = join(testsDir, '..', 'scripts', 'feeds-import.ts')
  /** The command in a process of its own, awaited: the lake answers in this one, so it must not block. */
  const run = (args: string[], environment: Record<string, string> = {}) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [command, ...args], {
        env: { ...process.env, REPORTS_SECRET: secret, FEEDS_IMPORT_SITE_URL: running.site.url, ...environment },
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
      })
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString()
      })
      child.once('error', reject)
      child.once('close', (status) => resolve({ status, stdout, stderr }))
    })

  it('sends a feed file and prints each offer’s changes, writing nothing without --apply', async () => {
    const before = revisionsOfPartnerDevices()
    const result = await run(['--partner', 'glow-supply', '--file', sampleFeedPath])
    expect(result.status, `${result.stderr}\n${running.site.output().slice(-3000)}`).toBe(0)
    expect(result.stdout).toContain('glow-supply: planned')
    expect(result.stdout).toContain('10 items read, 9 matched')
    expect(result.stdout).toContain('Fernhill Glide Home Pen (fernhill-glide-glow-supply): price 79 → 76')
    expect(result.stdout).toMatch(
      /held: Softpoint Hydra Stamp 0\.25 mm \(softpoint-hydra-glow-supply\): The price would go down/,
    )
    expect(result.stdout).toContain('unmatched: GS-GIFT-25')
    expect(result.stdout).toContain('Nothing was written: run again with --apply')
    expect(revisionsOfPartnerDevices()).toEqual(before)
  })

  it('refuses --file without --partner, and says so when the site refuses the secret', async () => {
    const alone = await run(['--file', sampleFeedPath])
    expect(alone.status).toBe(2)
    expect(alone.stderr).toContain('--file needs --partner')
    const wrong = await run([], { REPORTS_SECRET: 'not-the-secret-0123456789' })
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toContain('The site answered 401')
  })
})

describe('a feed that cannot be read', () => {
  it.each([
    ['/gone.tsv', /404/],
    ['/moved.tsv', /redirect/i],
    ['/hang.tsv', /1500 ms|took longer|time/i],
    ['/huge.tsv', /larger|bytes|MB|size/i],
  ])('%s: the import fails with the reason and changes nothing', async (path, reason) => {
    await feedAt(path)
    const before = revisionsOfPartnerDevices()
    const report = await importFeed({ apply: true })
    expect(report.outcome).toBe('failed')
    expect(report.detail).toMatch(reason)
    expect(report.detail).toMatch(/^Nothing was changed/)
    expect(revisionsOfPartnerDevices()).toEqual(before)
  })
})

describe('applying a feed', () => {
  it('refuses a currency change with the row and the reason, and applies the rest', async () => {
    const euros = feedWith('GS-LUMA-TI', (cells) => cells.with(priceCell, '31.00 EUR'))
    const report = await importFeed({ apply: true, body: euros })
    expect(report.outcome).toBe('applied')
    expect(report.refused).toEqual([
      expect.objectContaining({
        itemId: 'GS-LUMA-TI',
        reason: expect.stringMatching(/in EUR but the offer is priced in GBP/),
      }),
    ])
    expect(offerOf(tiRoller.id, tiRoller.offer)?.price).toBe(29)
    expect(offerOf(pen.id, pen.offer)?.price).toBe(76)
  })

  it('shows the new price, its history and the 30-day lowest on the device page, and a price drop only by the 30-day rule', async () => {
    // The pen was seen at £79 for the 40 days up to an hour ago (its history, as daily imports leave it);
    // the sample feed says £76.
    const db = await openDatabase(database.target)
    try {
      await migrate(db)
      await db.query('delete from price_observations where device_id = $1 and offer_key = $2', [pen.id, pen.offer])
      const seenAt79 = [40, 30, 20, 10, 1].map((daysAgo) => ({
        deviceId: pen.id,
        offerKey: pen.offer,
        partnerId,
        price: 79,
        currency: 'GBP',
        availability: 'inStock' as const,
        observedAt: new Date(Date.now() - daysAgo * day),
        source: 'feed' as const,
      }))
      await recordPriceObservations(db, seenAt79)
      await db.query(
        `update price_observations set last_seen_at = now() - interval '1 hour' where device_id = $1 and offer_key = $2`,
        [pen.id, pen.offer],
      )
    } finally {
      await db.close()
    }
    const editorDraft = { ...running.lake.getDocument(tiRoller.id)!, _id: `drafts.${tiRoller.id}`, verdict: 'Draft.' }
    await running.lake.setDocument(editorDraft)
    const report = await importFeed({ apply: true, body: sampleFeed })
    expect(report.outcome).toBe('applied')
    expect(offerOf(tiRoller.id, tiRoller.offer)?.price).toBe(31)
    // The editor's draft has the feed's price too: publishing it will not put the old one back.
    const draftOffer = offerOf(`drafts.${tiRoller.id}`, tiRoller.offer)
    expect(draftOffer?.price).toBe(31)

    const page = await context.newPage()
    try {
      await expect
        .poll(async () => mainText((await fetchPage(running.site, `/devices/${pen.slug}`)).html), { timeout: 15_000 })
        .toContain('Lowest in the last 30 days')
      await page.goto(`${running.site.url}/devices/${pen.slug}`)
      const offer = page.getByTestId('offer').filter({ hasText: 'Glow Supply' })
      await expect.poll(() => offer.textContent()).toContain('£76.00')
      const text = (await offer.textContent()) ?? ''
      expect(text).toMatch(/Lowest price in the 30 days before: £79\.00/)
      expect(text).toMatch(/Lowest in the last 30 days: £76\.00/)
      expect(text).toMatch(/Price checked on/)
      expect(await offer.getByTestId('price-history').locator('svg').count()).toBe(1)
      expect(await offer.getByTestId('price-history').locator('table caption').count()).toBe(1)
      await mkdir(join(testsDir, 'artifacts', 'screenshots'), { recursive: true })
      await page.setViewportSize(phoneViewport)
      await offer.scrollIntoViewIfNeeded()
      await page.screenshot({ path: join(testsDir, 'artifacts', 'screenshots', 'device-price-history-phone.png') })
      // Another offer of the pen has no history of 30 days: no drop is claimed for it.
      const other = page.getByTestId('offer').filter({ hasText: 'DermaMart' })
      expect(await other.getByTestId('price-drop').count()).toBe(0)
    } finally {
      await page.close()
    }
  })

  it('lists the run and its held price in the reports, and applies the price an editor approves', async () => {
    const page = await context.newPage()
    try {
      await page.goto(`${running.site.url}/reports`)
      const runs = page.locator('[data-report="feed-imports"] tbody tr')
      expect(await runs.count()).toBeGreaterThanOrEqual(6)
      expect(await runs.first().textContent()).toMatch(/glow-supply.*applied/)
      const held = page.locator('[data-report="held-prices"] tbody tr').filter({ hasText: 'Softpoint Hydra' })
      expect(await held.count()).toBe(1)
      expect(await held.textContent()).toMatch(/32.*12.*GBP/)
      await mkdir(join(testsDir, 'artifacts', 'screenshots'), { recursive: true })
      await page.locator('[data-report="held-prices"]').screenshot({
        path: join(testsDir, 'artifacts', 'screenshots', 'reports-held-prices.png'),
      })
      await held.getByRole('button', { name: 'Approve' }).click()
      await page.waitForURL(/decided=/)
      await expect.poll(() => page.getByTestId('held-decision').getAttribute('data-status')).toBe('approved')
      expect(offerOf(stamp.id, 'softpoint-hydra-glow-supply')?.price).toBe(12)
      expect(await page.locator('[data-report="held-prices"] tbody tr').count()).toBe(0)
      const csv = await fetch(`${running.site.url}/api/reports/feed-imports`, {
        headers: { authorization: `Bearer ${secret}` },
      })
      expect(csv.status).toBe(200)
      expect((await csv.text()).split('\n')[0]).toBe(
        'started_at,partner,outcome,items_read,matched,changed,held,refused,unmatched,missing,not_applied,duration_ms,detail',
      )
    } finally {
      await page.close()
    }
  })

  it('shows an offer missing from its feed for three imports out of stock, leaving it out of the "from" price', async () => {
    const without = feedWith('GS-FERN-EYE', 'without')
    const misses = []
    for (let run = 0; run < 3; run++) misses.push((await importFeed({ apply: true, body: without })).missing)
    expect(misses.map((missing) => missing?.map((offer) => [offer.offerKey, offer.markedOutOfStock]))).toEqual([
      [['fernhill-eye-roller-glow-supply', false]],
      [['fernhill-eye-roller-glow-supply', false]],
      [['fernhill-eye-roller-glow-supply', true]],
    ])
    expect(offerOf(eyeRoller.id, 'fernhill-eye-roller-glow-supply')).toMatchObject({
      availability: 'outOfStock',
      price: 19.5,
    })
    const fromPrice = async () => {
      const text = mainText((await fetchPage(running.site, `/devices/${eyeRoller.slug}`)).html)
      return /From \S+/.exec(text)?.[0] ?? text.slice(0, 600)
    }
    // Its other shop, in stock, quotes dollars: the pounds out of stock no longer set the price.
    await expect.poll(fromPrice, { timeout: 15_000 }).toBe('From US$22.00')
  })

  it('reads, for every partner, only the feeds due by their refresh interval; a file is never read in production', async () => {
    const call = async (query: string) => {
      const response = await fetch(`${running.site.url}/api/feeds/import?${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-length': '0' },
        signal: AbortSignal.timeout(30_000),
      })
      expect(response.status).toBe(200)
      return (await response.json()) as {
        imports: { partner: string; outcome: string; detail?: string }[]
        notDue: { partner: string; dueAt: string }[]
      }
    }
    const scheduled = await call('apply=1')
    // Glow Supply was read a moment ago and asks for every 24 hours.
    expect(scheduled.notDue.map((entry) => entry.partner)).toEqual(['glow-supply'])
    expect(new Date(scheduled.notDue[0]!.dueAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000)
    // The other sample partners name files in the repository, which a production server never reads.
    expect(scheduled.imports.map((run) => [run.partner, run.outcome])).toEqual([
      ['clinicsource', 'failed'],
      ['dermamart', 'failed'],
      ['skin-tools-direct', 'failed'],
    ])
    for (const run of scheduled.imports) expect(run.detail).toMatch(/read only outside production/)
    const everyFeed = await call('apply=1&all=1')
    expect(everyFeed.notDue).toEqual([])
    expect(everyFeed.imports.map((run) => run.partner)).toContain('glow-supply')
  })
})
