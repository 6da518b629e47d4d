import type { SimulatedFailure } from '@microneedling/local-lake'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ContentLakeSite,
  fetchPage,
  mainText,
  sendWebhook,
  startContentLakeSite,
} from '../support/contentLakeSite.ts'
import { sampleOfType, slugOf } from '../support/sampleDataset.ts'

/**
 * When the Content Lake misbehaves, shoppers keep the pages the site has already generated; a page
 * it has never generated answers 503 with a plain "temporarily unavailable" page (site header and
 * footer, Retry-After, no stack trace); and the log names the query that failed. Documents that
 * fail their schema are left out, and the log names them.
 */

const devices = sampleOfType('device')
const generatedDevice = devices[0]!
const homeDevice = devices.find((device) => device.intendedUse === 'home')!

let running: ContentLakeSite

beforeAll(async () => {
  running = await startContentLakeSite('outage')
})
afterAll(async () => {
  await running?.close()
})

/** Publishes a device the site has never rendered (it did not exist when the site was built). */
async function publishNewDevice(slug: string, fields: Record<string, unknown> = {}) {
  const id = `device-${slug}`
  await running.lake.setDocument({
    ...homeDevice,
    _id: id,
    name: `New device ${slug}`,
    slug: { _type: 'slug', current: slug },
    ...fields,
  })
  return id
}

const failures: { failure: SimulatedFailure; what: string; logged: RegExp }[] = [
  { failure: 'serverError', what: 'HTTP 500', logged: /content query "deviceBySlugQuery" failed: .*simulated failure/ },
  {
    failure: 'hang',
    what: 'no answer (time-out)',
    logged: /content query "deviceBySlugQuery" failed: .*(time|abort)/i,
  },
  { failure: 'malformedJson', what: 'JSON cut short', logged: /content query "deviceBySlugQuery" failed: / },
]

describe.each(failures)('when the Content Lake gives $what', ({ failure, logged }) => {
  const newSlug = `never-generated-${failure.toLowerCase()}`

  it('serves the pages already generated, and 503 "temporarily unavailable" for a page never generated', async () => {
    const id = await publishNewDevice(newSlug)
    // Pages the site has served keep being served; a filtered list is one query per filter set.
    expect((await fetchPage(running.site, '/devices?use=home')).status).toBe(200)
    const logBefore = running.site.output().length
    running.lake.failNext(10_000, failure)
    try {
      // Sanity delivers the publish; the site cannot refresh anything now, and says so.
      const delivered = await sendWebhook(running.site, { _type: 'device', _id: id, slug: newSlug, previousSlug: null })
      expect(delivered.status).toBe(503)
      for (const path of ['/', `/devices/${slugOf(generatedDevice)}`, '/guides', '/devices?use=home']) {
        const page = await fetchPage(running.site, path)
        expect(page.status, `${path} during the outage`).toBe(200)
        expect(mainText(page.html).length).toBeGreaterThan(200)
      }

      const started = Date.now()
      const unavailable = await fetchPage(running.site, `/devices/${newSlug}`)
      expect(unavailable.status).toBe(503)
      expect(unavailable.headers.get('retry-after')).toBe('60')
      expect(unavailable.headers.get('cache-control')).toBe('no-store')
      expect(unavailable.headers.get('content-type')).toMatch(/^text\/html/)
      expect(mainText(unavailable.html)).toMatch(
        /^This page is temporarily unavailable We could not load its content just now\./,
      )
      expect(unavailable.html).toMatch(/<header class="site-header"/)
      expect(unavailable.html).toMatch(/<footer class="site-footer"/)
      // Plain words only: no stack trace, no error name, and no scripts (the page works without them).
      expect(unavailable.html).not.toMatch(/ContentUnavailableError|simulated failure|\bat .*\.js:\d+/)
      expect(unavailable.html).not.toMatch(/<script/i)
      if (failure === 'hang') expect(Date.now() - started).toBeLessThan(15_000)

      expect(running.site.output().slice(logBefore)).toMatch(logged)
    } finally {
      running.lake.clearFailures()
    }

    // Once the Content Lake answers again, so does the page.
    const recovered = await fetchPage(running.site, `/devices/${newSlug}`)
    expect(recovered.status).toBe(200)
    expect(mainText(recovered.html)).toContain(`New device ${newSlug}`)
  })
})

describe('a partner link during an outage', () => {
  it('answers 503 "temporarily unavailable" with Retry-After, not 404, and works again afterwards', async () => {
    const offer = (generatedDevice.offers as { _key: string }[])[0]!
    const path = `/go/${slugOf(generatedDevice)}/${offer._key}`
    running.lake.failNext(10_000, 'serverError')
    try {
      const unavailable = await fetchPage(running.site, path)
      expect(unavailable.status).toBe(503)
      expect(unavailable.headers.get('retry-after')).toBe('60')
      expect(unavailable.headers.get('location')).toBeNull()
      expect(mainText(unavailable.html)).toMatch(/^This page is temporarily unavailable/)
    } finally {
      running.lake.clearFailures()
    }
    const recovered = await fetchPage(running.site, path)
    expect(recovered.status).toBe(302)
  })
})

describe('a document that fails its schema', () => {
  it('is left out: its page is not found, the list goes on without it, and the log names it', async () => {
    const logBefore = running.site.output().length
    const id = await publishNewDevice('schema-failure', { rating: 'excellent' })
    // Published, webhook delivered: the list is refreshed, and still renders, without it.
    expect(
      (await sendWebhook(running.site, { _type: 'device', _id: id, slug: 'schema-failure', previousSlug: null }))
        .status,
    ).toBe(200)
    const page = await fetchPage(running.site, '/devices/schema-failure')
    expect(page.status).toBe(404)
    expect(running.site.output().slice(logBefore)).toMatch(new RegExp(`left out ${id} \\(device page\\): rating`))
    const list = await fetchPage(running.site, '/devices')
    expect(list.status).toBe(200)
    expect(list.html).not.toContain('New device schema-failure')
    expect(list.html).toContain(String(homeDevice.name))
    expect(running.site.output().slice(logBefore)).toMatch(new RegExp(`left out ${id} \\(device list\\)`))
  })
})
