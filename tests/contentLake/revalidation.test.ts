import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ContentLakeSite, fetchPage, sendWebhook, startContentLakeSite } from '../support/contentLakeSite.ts'
import { webDir } from '../support/paths.ts'
import { offersOf, sampleDocuments, sampleOfType, slugOf } from '../support/sampleDataset.ts'

/**
 * An editor changes a price and publishes; Sanity's GROQ-powered webhook posts the document to
 * /api/revalidate, signed with the shared secret. The next shopper sees the new price on the
 * device's page, on the list of devices and on comparisons that include it. Anyone else posting
 * to the webhook changes nothing.
 */

const comparison = sampleOfType('comparison')[0]!
const deviceId = (comparison.devices as { _ref: string }[])[0]!._ref
const device = sampleDocuments.find((document) => document._id === deviceId)!
const slug = slugOf(device)
const otherId = (comparison.devices as { _ref: string }[])[1]!._ref
const other = slugOf(sampleDocuments.find((document) => document._id === otherId)!)
/**
 * Its page, the list, a written comparison, and two pages whose answers are kept in memory rather
 * than in Next's data cache: a shopper's own comparison and a list with a price range.
 */
const pages = [
  `/devices/${slug}`,
  '/devices',
  `/compare/${slugOf(comparison)}`,
  `/compare?devices=${slug},${other}`,
  '/devices?maxPrice=100000',
]
/** The projection the README tells editors to paste into Sanity's dashboard, for this device. */
const payload = { _type: 'device', _id: deviceId, slug, previousSlug: slug }

let running: ContentLakeSite

beforeAll(async () => {
  running = await startContentLakeSite('revalidation')
})
afterAll(async () => {
  await running?.close()
})

/** Publishes a new price for every offer of the device (in the lake, as the Content Lake would hold it). */
async function publishPrice(price: number) {
  await running.lake.patchDocument(deviceId, { offers: offersOf(device).map((offer) => ({ ...offer, price })) })
}

async function pagesShowing(text: string): Promise<string[]> {
  const showing: string[] = []
  for (const path of pages) {
    const page = await fetchPage(running.site, path)
    expect(page.status, `${path}\n${running.site.output().slice(-2000)}`).toBe(200)
    if (page.html.includes(text)) showing.push(path)
  }
  return showing
}

describe("Next's data cache", () => {
  it('holds the answers pages read from the Content Lake, under the tags the loaders gave them, and no raw replies', async () => {
    const directory = join(webDir, running.distDir, 'cache', 'fetch-cache')
    const entries = await Promise.all(
      (await readdir(directory)).map(
        async (name) =>
          JSON.parse(await readFile(join(directory, name), 'utf8')) as {
            tags?: string[]
            data: { url?: string; body: string }
          },
      ),
    )
    const devicePage = entries.find((entry) => entry.tags?.includes(`device:${slug}`))
    expect(devicePage?.tags).toEqual(['devices', `device:${slug}`])
    expect(JSON.parse(devicePage!.data.body)).toMatchObject({ _id: deviceId, name: device.name })
    for (const tag of ['settings', 'devices', 'comparisons', 'guides', 'authors']) {
      expect(
        entries.some((entry) => entry.tags?.includes(tag)),
        tag,
      ).toBe(true)
    }
    // HTTP replies are not cached as such: one cut short would be served again until the next webhook.
    expect(entries.filter((entry) => entry.data.url)).toEqual([])
  })
})

describe('the revalidation webhook', () => {
  it('the pages are cached: a published change is not shown before the webhook arrives', async () => {
    expect(await pagesShowing('123.45')).toEqual([])
    await publishPrice(123.45)
    expect(await pagesShowing('123.45')).toEqual([])
  })

  it('refuses an unsigned webhook, or one signed with another secret, and nothing changes', async () => {
    const unsigned = await sendWebhook(running.site, payload, 'unsigned')
    expect(unsigned.status).toBe(401)
    expect(unsigned.body).toMatchObject({ message: 'The webhook signature is missing.' })
    const wronglySigned = await sendWebhook(running.site, payload, 'wrongSecret')
    expect(wronglySigned.status).toBe(401)
    expect(wronglySigned.body).toMatchObject({ message: 'The webhook signature is invalid.' })
    expect(await pagesShowing('123.45')).toEqual([])
  })

  it('refuses, with 401 and without reading it as JSON, a body that is not JSON under a bogus signature', async () => {
    const refused = await sendWebhook(running.site, payload, 'signed', {
      body: '{ not json',
      headers: { 'sanity-webhook-signature': 't=1764396000000,v1=bogus' },
    })
    expect(refused.status).toBe(401)
  })

  it('refuses a body over the size limit with 413, before checking anything in it', async () => {
    const refused = await sendWebhook(running.site, payload, 'signed', {
      body: JSON.stringify({ ...payload, padding: 'x'.repeat(5 * 1024 * 1024) }),
      headers: { 'sanity-webhook-signature': 't=1764396000000,v1=bogus' },
    })
    expect(refused.status).toBe(413)
  })

  it('refuses a correctly signed body that was signed long ago (a replay), and nothing changes', async () => {
    const replayed = await sendWebhook(running.site, payload, 'signed', { signedAt: Date.now() - 30 * 24 * 3600_000 })
    expect(replayed.status).toBe(401)
    expect(await pagesShowing('123.45')).toEqual([])
  })

  it('after a signed webhook, the next request for each affected page shows the new price', async () => {
    const signed = await sendWebhook(running.site, payload)
    expect(signed.status).toBe(200)
    expect(signed.body).toEqual({ revalidated: [`device:${slug}`, 'devices', 'comparisons'] })
    expect(await pagesShowing('123.45')).toEqual(pages)
  })

  it("handles a delivery once: Sanity's retry with the same idempotency-key refreshes nothing more", async () => {
    const headers = { 'idempotency-key': `test-delivery-${Date.now()}` }
    const first = await sendWebhook(running.site, payload, 'signed', { headers })
    expect(first.body).toEqual({ revalidated: [`device:${slug}`, 'devices', 'comparisons'] })
    const retry = await sendWebhook(running.site, payload, 'signed', { headers })
    expect(retry.status).toBe(200)
    expect(retry.body).toEqual({ revalidated: [], repeat: true })
    // The first delivery expired the pages: the next request renders them again, with the price.
    expect(await pagesShowing('123.45')).toEqual(pages)
  })

  it('while the Content Lake does not answer, refreshes nothing and says so, so the pages keep their last good content', async () => {
    await publishPrice(234.56)
    const retryHeaders = { 'idempotency-key': `test-delivery-outage-${Date.now()}` }
    running.lake.failNext(1000, 'serverError')
    try {
      const refused = await sendWebhook(running.site, payload, 'signed', { headers: retryHeaders })
      expect(refused.status).toBe(503)
      expect(refused.headers.get('retry-after')).toBe('60')
      expect(await pagesShowing('123.45')).toEqual(pages)
    } finally {
      running.lake.clearFailures()
    }
    // Sanity delivers the webhook again, with the same idempotency-key; now it goes through.
    expect((await sendWebhook(running.site, payload, 'signed', { headers: retryHeaders })).status).toBe(200)
    expect(await pagesShowing('234.56')).toEqual(pages)
  })
})
