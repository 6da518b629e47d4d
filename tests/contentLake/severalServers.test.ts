import type { LocalLake } from '@microneedling/local-lake'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import {
  contentLakeDistDir,
  contentLakeSiteEnvironment,
  fetchPage,
  sendWebhook,
  startTestLakeForSite,
} from '../support/contentLakeSite.ts'
import { type PostgresServer, startPostgres } from '../support/postgresServer.ts'
import { delay } from '../support/processGroup.ts'
import { type RedisServer, startRedis } from '../support/redisServer.ts'
import { offersOf, sampleDocuments, sampleOfType, slugOf } from '../support/sampleDataset.ts'
import { type RunningSite, startSite } from '../support/site.ts'

/**
 * The site as it runs behind a load balancer: two `next start` servers, each on its own copy of one
 * build (as two machines would have), sharing one Redis and one PostgreSQL, on the Content Lake
 * stand-in. The webhook reaches one of them; shoppers may be sent to either.
 */

const comparison = sampleOfType('comparison')[0]!
const comparedIds = (comparison.devices as { _ref: string }[]).map((device) => device._ref)
const device = sampleDocuments.find((document) => document._id === comparedIds[0])!
const slug = slugOf(device)
const payload = { _type: 'device', _id: device._id, slug, previousSlug: slug }
const formFactor = device.formFactor as string

/** A device page, a 3-device comparison, a fixed-filter list (kept whole) and a price-range list (answers kept in memory). */
const pricePages = [
  `/devices/${slug}`,
  `/compare/${slugOf(comparison)}`,
  `/devices?form=${formFactor}`,
  '/devices?maxPrice=100000',
]
const guide = sampleOfType('guide')[0]!
const bestFor = sampleOfType('bestForGuide')[0]!
/** One of every kind of page. */
const everyPageKind = [
  '/',
  '/devices',
  ...pricePages,
  `/compare?devices=${comparedIds.map((id) => slugOf(sampleDocuments.find((d) => d._id === id)!)).join(',')}`,
  '/guides',
  `/guides/${slugOf(guide)}`,
  '/best',
  `/best/${slugOf(bestFor)}`,
  '/finder?use=home&concern=texture',
  '/about',
  '/reports',
  '/sitemap.xml',
]

/** The longest the site waits for Redis, as configured here; a page may take this plus its own work. */
const redisTimeoutMs = 300
/** No request may take longer than this while Redis is stopped or paused. */
const pageDeadlineMs = 2_500
const reportsSecret = 'reports-secret-for-two-servers-5e1'

let redis: RedisServer
let postgres: PostgresServer
let lake: LocalLake
let a: RunningSite
let b: RunningSite

beforeAll(async () => {
  const build = inject('contentLakeSite')
  if (build.buildFailure) throw new Error(`the Content Lake site did not build:\n${build.buildFailure}`)
  ;[redis, postgres, lake] = await Promise.all([startRedis(), startPostgres(), startTestLakeForSite(build.port)])
  const env = {
    ...contentLakeSiteEnvironment(lake, build.studioPort),
    REDIS_URL: redis.url,
    REDIS_TIMEOUT_MS: String(redisTimeoutMs),
    DATABASE_URL: postgres.url,
    REPORTS_SECRET: reportsSecret,
  }
  ;[a, b] = await Promise.all([
    startSite({ distDir: contentLakeDistDir, ownCopy: 'server-a', env }),
    startSite({ distDir: contentLakeDistDir, ownCopy: 'server-b', env }),
  ])
})

afterAll(async () => {
  await Promise.allSettled([a?.close(), b?.close()])
  await Promise.allSettled([lake?.close(), postgres?.destroy(), redis?.stop()])
})

async function publishPrice(price: number) {
  await lake.patchDocument(device._id, { offers: offersOf(device).map((offer) => ({ ...offer, price })) })
}

/** Fetches the pages on one server at once: which show the text. */
async function pagesShowing(site: RunningSite, paths: readonly string[], text: string): Promise<string[]> {
  const pages = await Promise.all(paths.map((path) => fetchPage(site, path)))
  return paths.filter((path, index) => {
    expect(pages[index]!.status, `${path} on ${site.url}\n${site.output().slice(-2000)}`).toBe(200)
    return pages[index]!.html.includes(text)
  })
}

/** How long after now every page shows the text on the server (asking again until `withinMs`), or Infinity. */
async function msUntilShown(site: RunningSite, text: string, withinMs: number): Promise<number> {
  const started = performance.now()
  while (performance.now() - started < withinMs) {
    if ((await pagesShowing(site, pricePages, text)).length === pricePages.length) return performance.now() - started
    await delay(100)
  }
  return Number.POSITIVE_INFINITY
}

async function warm(...sites: RunningSite[]) {
  for (const site of sites) await pagesShowing(site, pricePages, '')
}

const origin = (site: RunningSite) => ({ origin: site.url })
/** Posts the sign-in form as the reports page does: where it sends the browser, and the session cookie if any. */
async function signIn(site: RunningSite, secret: string): Promise<{ location: string; cookie?: string }> {
  const response = await fetch(`${site.url}/reports/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ secret }),
    headers: origin(site),
    redirect: 'manual',
  })
  expect(response.status).toBe(303)
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('reports_session='))
  return { location: response.headers.get('location') ?? '', ...(cookie ? { cookie: cookie.split(';')[0]! } : {}) }
}
/** The reports API's status with this session cookie: 200 signed in, 401 not. */
const reportsApi = async (site: RunningSite, cookie: string) =>
  (await fetch(`${site.url}/api/reports/clicks`, { headers: { cookie } })).status

async function signOut(site: RunningSite, cookie: string) {
  const response = await fetch(`${site.url}/reports/sign-out`, {
    method: 'POST',
    headers: { ...origin(site), cookie },
    redirect: 'manual',
  })
  expect(response.status).toBe(303)
}

describe('two servers sharing Redis', () => {
  it("serve one server's rendered page from the other's copy in Redis", async () => {
    const path = `/best/${slugOf(bestFor)}`
    expect((await fetchPage(a, path)).status).toBe(200)
    const onB = await fetchPage(b, path)
    expect(onB.status).toBe(200)
    expect(onB.headers.get('x-nextjs-cache')).toBe('HIT')
  })

  it('a webhook to A shows the new price on B within 2 seconds: device page, comparison, fixed-filter list, price-range list', async () => {
    await warm(a, b, a, b)
    await publishPrice(123.45)
    expect(await pagesShowing(b, pricePages, '123.45')).toEqual([])
    const webhook = await sendWebhook(a, payload)
    expect(webhook.status, a.output().slice(-2000)).toBe(200)
    const onB = await msUntilShown(b, '123.45', 5_000)
    expect(onB, b.output().slice(-3000)).toBeLessThanOrEqual(2_000)
    expect(await pagesShowing(a, pricePages, '123.45')).toEqual(pricePages)
  })

  it('a delivery handled by A is a repeat for B', async () => {
    const options = { signedAt: Date.now(), headers: { 'idempotency-key': `two-servers-${Date.now()}` } }
    const first = await sendWebhook(a, payload, 'signed', options)
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ revalidated: expect.arrayContaining(['devices']) })
    const again = await sendWebhook(b, payload, 'signed', options)
    expect(again.status).toBe(200)
    expect(again.body).toEqual({ revalidated: [], repeat: true })
  })
})

describe('reports sessions and the sign-in limit, shared', () => {
  it('a sign-out on A is refused on B', async () => {
    const { cookie } = await signIn(a, reportsSecret)
    expect(cookie).toBeDefined()
    expect(await reportsApi(b, cookie!)).toBe(200)
    await signOut(a, cookie!)
    expect(await reportsApi(b, cookie!)).toBe(401)
    expect(await reportsApi(a, cookie!)).toBe(401)
  })

  it('the sign-in attempt limit holds across both: ten wrong secrets on either, and the right one waits', async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const { location } = await signIn(attempt % 2 === 0 ? a : b, `wrong-secret-number-${attempt}`)
      expect(location).toBe('/reports?signin=wrong')
    }
    for (const site of [a, b]) {
      const refused = await signIn(site, reportsSecret)
      expect(refused.location).toBe('/reports?signin=limited')
      expect(refused.cookie).toBeUndefined()
    }
  })
})

describe('with Redis down', () => {
  async function everyPageAnswers(site: RunningSite) {
    const slow: string[] = []
    for (const path of everyPageKind) {
      const started = performance.now()
      const page = await fetchPage(site, path)
      const ms = performance.now() - started
      expect(page.status, `${path} on ${site.url}\n${site.output().slice(-2000)}`).toBeLessThan(500)
      if (ms > pageDeadlineMs) slow.push(`${path}: ${Math.round(ms)} ms`)
    }
    expect(slow, site.url).toEqual([])
  }

  it('paused (accepting connections, answering nothing): every page kind answers on both servers, none slower than the deadline', async () => {
    const logBefore = a.output().length
    redis.pause()
    try {
      await Promise.all([everyPageAnswers(a), everyPageAnswers(b)])
    } finally {
      redis.resume()
    }
    // Said once when Redis stopped answering, and once when it answers again.
    await expect.poll(() => a.output().slice(logBefore), { timeout: 10_000 }).toContain('answers again')
    expect(
      a
        .output()
        .slice(logBefore)
        .match(/does not answer \(/g),
    ).toHaveLength(1)
  })

  it('stopped: every page kind answers on both, and a webhook refreshes its own server and asks to be delivered again', async () => {
    await warm(a, b)
    const logBefore = a.output().length
    await redis.stop()
    await Promise.all([everyPageAnswers(a), everyPageAnswers(b)])
    // A sign-out while Redis is down holds on the server that took it, and reaches the other once Redis is back.
    const { cookie } = await signIn(a, reportsSecret)
    await signOut(a, cookie!)
    expect(await reportsApi(a, cookie!)).toBe(401)
    await publishPrice(234.56)
    const headers = { 'idempotency-key': `two-servers-outage-${Date.now()}` }
    const refused = await sendWebhook(a, payload, 'signed', { headers })
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toBeTruthy()
    expect(await pagesShowing(a, pricePages, '234.56')).toEqual(pricePages)
    // The log says so once, not per request.
    expect(
      a
        .output()
        .slice(logBefore)
        .match(/does not answer \(/g)?.length,
    ).toBe(1)

    // Back: Sanity's retry reaches B this time, and A's pages follow.
    await redis.start()
    const deadline = Date.now() + 15_000
    let retried = await sendWebhook(b, payload, 'signed', { headers })
    while (retried.status !== 200 && Date.now() < deadline) {
      await delay(500)
      retried = await sendWebhook(b, payload, 'signed', { headers })
    }
    expect(retried.status, b.output().slice(-2000)).toBe(200)
    await publishPrice(345.67)
    expect((await sendWebhook(b, payload)).status).toBe(200)
    expect(await msUntilShown(a, '345.67', 5_000)).toBeLessThanOrEqual(2_000)
    expect(a.output()).toContain('answers again')
    await expect.poll(() => reportsApi(b, cookie!), { timeout: 10_000 }).toBe(401)
  })
})
