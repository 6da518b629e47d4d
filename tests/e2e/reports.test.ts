import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSessionToken } from '../../web/src/lib/reports/reportsAccess.ts'
import { launchBrowser } from '../support/browser.ts'
import { browserAgent, fire, goPaths, readCounts, totals } from '../support/clickLoad.ts'
import { copyOfSample, documentById, writeDataset } from '../support/datasetFixtures.ts'
import { isPartnerHost } from '../support/partnerOffers.ts'
import { sampleOfType, slugOf } from '../support/sampleDataset.ts'
import { type RunningSite, startSite } from '../support/site.ts'

/**
 * /reports in Chromium, as an owner uses it: signing in (and being refused with a wrong secret, a
 * forged or expired cookie), reading the totals, the chart and the tables, downloading a CSV, and
 * signing out. Also: a shopper's real click counted with its kind of page, the reports API's
 * answers without the secret or with bad dates, link checks and stale prices showing in the
 * reports and on the device page, and /reports without a secret saying how to turn it on.
 */

const secret = 'owner-reports-secret-0123456789'
const staleDeviceSlug = 'stale-price-test-pen'
const freshDevice = sampleOfType('device')[0]!

let site: RunningSite
let browser: Browser
let dataDir: string
let context: BrowserContext
let page: Page

beforeAll(async () => {
  // A device whose prices were last checked years ago, added to the sample (rendered on demand,
  // so it shows what the running server decides about stale prices).
  const documents = copyOfSample()
  const stale = structuredClone(documentById(documents, freshDevice._id))
  stale._id = `device-${staleDeviceSlug}`
  stale.slug = { _type: 'slug', current: staleDeviceSlug }
  stale.name = 'Stale Price Test Pen'
  stale.offers = (stale.offers as Record<string, unknown>[]).map((offer) => ({
    ...offer,
    priceCheckedAt: '2020-01-02',
  }))
  documents.push(stale)
  const dataset = await writeDataset('reports', documents)
  dataDir = await mkdtemp(join(tmpdir(), 'clicks-reports-'))
  ;[site, browser] = await Promise.all([
    startSite({
      // Its own dataset: pages it regenerates must not reach the other servers of the shared build.
      ownCopy: 'reports',
      env: {
        CONTENT_DATASET: dataset,
        CLICKS_DATA_DIR: dataDir,
        REPORTS_SECRET: secret,
        PRICE_STALE_DAYS: '30',
        // The sample's shops are reserved example domains: unreachable, so every check fails fast.
        LINK_CHECK_TIMEOUT_MS: '1500',
      },
    }),
    launchBrowser(),
  ])
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
  // The embedded database takes a few seconds to open on a fresh folder: wait until it answers.
  await waitUntil(async () => Array.isArray(await readCounts(site.url, secret)), 60_000)
})

/** Polls `check` (errors count as "not yet") until it holds, or fails after `timeoutMs`. */
async function waitUntil(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < deadline) {
    try {
      if (await check()) return
    } catch (error) {
      last = error
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`still not so after ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`)
}

afterAll(async () => {
  await browser?.close()
  await site?.close()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

const signInForm = () => page.getByRole('textbox', { name: 'Reports secret' }).or(page.getByLabel('Reports secret'))

async function signIn(withSecret: string): Promise<void> {
  await page.goto(`${site.url}/reports`)
  await signInForm().fill(withSecret)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForLoadState('domcontentloaded')
}

describe('clicks from a real browser', () => {
  it("counts a shopper's click on a device page as a click from a device page", async () => {
    // Headless Chromium names itself in its user agent, and isbot rightly files that as a bot.
    const shopper = await browser.newContext({ userAgent: browserAgent })
    try {
      const tab = await shopper.newPage()
      await tab.route(
        (url) => isPartnerHost(url.hostname),
        (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Partner shop</h1>' }),
      )
      await tab.goto(`${site.url}/devices/${slugOf(freshDevice)}`)
      await tab.locator('a[href^="/go/"]').first().click()
      await tab.waitForURL((url) => isPartnerHost(url.hostname))
    } finally {
      await shopper.close()
    }
    await expect
      .poll(async () => (await readCounts(site.url, secret)).filter((row) => row.page_kind === 'device'), {
        timeout: 10_000,
      })
      .toEqual([expect.objectContaining({ device: slugOf(freshDevice), clicks: 1, filtered: 0 })])
  })
})

describe('the reports API without the secret', () => {
  it('answers 401 without credentials, with a wrong bearer, or a forged cookie', async () => {
    const url = `${site.url}/api/reports/clicks`
    expect((await fetch(url)).status).toBe(401)
    expect((await fetch(url, { headers: { authorization: 'Bearer not-the-secret-at-all' } })).status).toBe(401)
    expect((await fetch(url, { headers: { cookie: 'reports_session=9999999999.abc.def' } })).status).toBe(401)
    expect((await fetch(`${site.url}/api/links/check`, { method: 'POST' })).status).toBe(401)
  })

  it('answers 400 with a message for malformed dates and ranges over 400 days', async () => {
    const headers = { authorization: `Bearer ${secret}` }
    const malformed = await fetch(`${site.url}/api/reports/clicks?from=2026-13-01&to=2026-12-31`, { headers })
    expect(malformed.status).toBe(400)
    expect(await malformed.text()).toMatch(/YYYY-MM-DD/)
    const tooLong = await fetch(`${site.url}/api/reports/clicks?from=2024-01-01&to=2026-01-01`, { headers })
    expect(tooLong.status).toBe(400)
    expect(await tooLong.text()).toMatch(/400 days/)
  })
})

describe('signing in', () => {
  it('keeps /reports out of search engines and asks for the secret', async () => {
    const response = await page.goto(`${site.url}/reports`)
    expect(response?.status()).toBe(200)
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toMatch(/noindex/)
    await expect.poll(() => signInForm().isVisible()).toBe(true)
    const sitemap = await (await fetch(`${site.url}/sitemap.xml`)).text()
    expect(sitemap).not.toContain('/reports')
  })

  it('refuses a wrong secret and sets no cookie', async () => {
    await signIn('a-wrong-secret-of-some-length')
    expect(await page.locator('p[role="alert"]').innerText()).toContain('That secret is not right')
    expect(await context.cookies()).toEqual([])
  })

  it('refuses a forged cookie and an expired one', async () => {
    const forged = `${Math.floor(Date.now() / 1000) + 3600}.bm9uY2U.${'x'.repeat(43)}`
    const expired = createSessionToken(secret, new Date(Date.now() - 9 * 60 * 60 * 1000))
    for (const value of [forged, expired, createSessionToken('some-other-secret-value')]) {
      await context.addCookies([{ name: 'reports_session', value, url: site.url }])
      await page.goto(`${site.url}/reports`)
      expect(await signInForm().isVisible()).toBe(true)
      expect(await page.locator('[data-testid="report-totals"]').count()).toBe(0)
      const api = await fetch(`${site.url}/api/reports/clicks`, { headers: { cookie: `reports_session=${value}` } })
      expect(api.status).toBe(401)
    }
    await context.clearCookies()
  })

  it('signs in with the secret: an httpOnly, SameSite=Strict, expiring session cookie', async () => {
    await signIn(secret)
    await expect.poll(() => page.locator('h1').innerText()).toBe('Click reports')
    const [cookie] = await context.cookies()
    expect(cookie).toMatchObject({ name: 'reports_session', httpOnly: true, sameSite: 'Strict' })
    expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000)
    expect(cookie!.expires).toBeLessThan(Date.now() / 1000 + 24 * 60 * 60)
  })
})

describe('reading the reports', () => {
  beforeAll(async () => {
    await fire(site.url, goPaths(40, 'comparison'))
    await fire(site.url, goPaths(10, 'device'), { method: 'HEAD' })
    await waitUntil(async () => {
      const { clicks, filtered } = totals(await readCounts(site.url, secret))
      return clicks === 41 && filtered === 10
    })
  })

  it('shows the totals, a chart of clicks per day and the same numbers in a table', async () => {
    await page.goto(`${site.url}/reports`)
    expect(await page.locator('[data-total="clicks"]').innerText()).toBe('41')
    expect(await page.locator('[data-total="filtered"]').innerText()).toBe('10')
    expect(await page.locator('[data-total="dropped"]').innerText()).toBe('0')
    const bars = await page
      .locator('[data-testid="clicks-chart"] rect')
      .evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('data-clicks'))))
    expect(bars).toHaveLength(30)
    expect(bars.reduce((sum, clicks) => sum + clicks, 0)).toBe(41)
    const today = new Date().toISOString().slice(0, 10)
    const todayRow = page.locator('[data-report="daily"] tr', { has: page.getByRole('cell', { name: today }) })
    expect(await todayRow.locator('td').allInnerTexts()).toEqual([today, '41', '10'])
    // No chart library: the page's scripts are the site's own, and the chart is in the HTML.
    const html = await (await fetch(`${site.url}/reports`, { headers: { cookie: await sessionCookieHeader() } })).text()
    expect(html).toContain('data-testid="clicks-chart"')
  })

  it('lists the top kinds of page, partners, devices and offers', async () => {
    const kinds = await page.locator('[data-report="page-kinds"] tbody tr').allInnerTexts()
    expect(kinds.map((row) => row.split('\t').slice(0, 2))).toEqual([
      ['comparison', '40'],
      ['device', '1'],
    ])
    expect(await page.locator('[data-report="devices"] tbody tr').count()).toBeGreaterThan(1)
    expect(await page.locator('[data-report="partners"] tbody tr').count()).toBeGreaterThan(1)
    expect(await page.locator('[data-report="offers"] tbody tr').count()).toBeGreaterThan(1)
  })

  it('narrows the range with the date form', async () => {
    await page.getByLabel('From', { exact: true }).fill('2025-01-01')
    await page.getByLabel('To', { exact: true }).fill('2025-01-31')
    await page.getByRole('button', { name: 'Show', exact: true }).click()
    await page.waitForURL(/from=2025-01-01&to=2025-01-31/)
    expect(await page.locator('[data-total="clicks"]').innerText()).toBe('0')
    expect(await page.locator('[data-testid="clicks-chart"] rect').count()).toBe(31)
  })

  it('downloads the clicks as CSV', async () => {
    await page.goto(`${site.url}/reports`)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('csv-clicks').first().click(),
    ])
    const csv = await readFile((await download.path())!, 'utf8')
    const [header, ...rows] = csv.trim().split('\n')
    expect(header).toBe('day,device,offer,partner,page_kind,clicks,filtered')
    const sum = rows.reduce((total, row) => total + Number(row.split(',').at(-2)), 0)
    expect(sum).toBe(41)
    const [pageKinds] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-page-kinds').click()])
    expect((await readFile((await pageKinds.path())!, 'utf8')).split('\n')[0]).toBe('page_kind,clicks,filtered')
  })

  it('lists offers whose link check failed and stale prices, each with a link to edit it in the Studio', async () => {
    const check = await fetch(`${site.url}/api/links/check`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}` },
    })
    expect(check.status).toBe(200)
    const summary = (await check.json()) as { checked: number; ok: number }
    expect(summary.checked).toBeGreaterThan(10)
    expect(summary.ok).toBe(0)

    await page.goto(`${site.url}/reports`)
    const broken = page.locator('[data-report="broken-offers"] tbody tr')
    expect(await broken.count()).toBe(summary.checked)
    const edit = broken.first().getByRole('link', { name: 'Edit in the Studio' })
    expect(await edit.getAttribute('href')).toMatch(
      /^http:\/\/localhost:3333\/intent\/edit\/id=device-[^;]+;type=device$/,
    )

    const stale = page.locator('[data-report="stale-prices"] tbody tr')
    const staleRows = await stale.allInnerTexts()
    expect(staleRows.length).toBeGreaterThan(0)
    expect(staleRows.every((row) => row.startsWith(staleDeviceSlug))).toBe(true)
    expect(await stale.first().getByRole('link', { name: 'Edit in the Studio' }).getAttribute('href')).toContain(
      `id=device-${staleDeviceSlug};type=device`,
    )
  })

  it('says on the device page that a price checked long ago may have changed', async () => {
    const shopper = await browser.newPage()
    try {
      await shopper.goto(`${site.url}/devices/${staleDeviceSlug}`)
      const notes = await shopper.getByTestId('price-stale').allInnerTexts()
      expect(notes.length).toBeGreaterThan(0)
      expect(notes[0]).toMatch(/checked over 30 days ago and may have changed/)
      await shopper.goto(`${site.url}/devices/${slugOf(freshDevice)}`)
      expect(await shopper.locator('[data-testid="offer"]').count()).toBeGreaterThan(0)
      expect(await shopper.getByTestId('price-stale').count()).toBe(0)
    } finally {
      await shopper.close()
    }
  })

  it('signs out, and the old cookie no longer opens the reports', async () => {
    const before = await sessionCookieHeader()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect.poll(() => signInForm().isVisible()).toBe(true)
    expect(await context.cookies()).toEqual([])
    const reused = await fetch(`${site.url}/api/reports/clicks`, { headers: { cookie: before } })
    expect(reused.status).toBe(401)
  })

  it('stops taking secrets after ten wrong ones in a minute', async () => {
    for (let attempt = 0; attempt < 10; attempt++) await signIn(`wrong-secret-number-${attempt}`)
    await signIn(secret)
    expect(await page.locator('p[role="alert"]').innerText()).toContain('Too many wrong secrets')
    expect(await context.cookies()).toEqual([])
  })
})

async function sessionCookieHeader(): Promise<string> {
  const cookie = (await context.cookies()).find((candidate) => candidate.name === 'reports_session')
  return cookie ? `reports_session=${cookie.value}` : ''
}

describe('without REPORTS_SECRET', () => {
  let bare: RunningSite
  beforeAll(async () => {
    bare = await startSite({ env: { CLICKS_DATA_DIR: join(dataDir, 'bare') } })
  })
  afterAll(() => bare?.close())

  it('says the reports are off and how to turn them on', async () => {
    const html = await (await fetch(`${bare.url}/reports`)).text()
    expect(html).toContain('Click reports are off')
    expect(html).toContain('REPORTS_SECRET')
    expect((await fetch(`${bare.url}/api/reports/clicks`)).status).toBe(404)
  })
})
