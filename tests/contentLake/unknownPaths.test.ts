import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ContentLakeSite, fetchPage, sendWebhook, startContentLakeSite } from '../support/contentLakeSite.ts'
import { webDir } from '../support/paths.ts'
import { sampleOfType, slugOf } from '../support/sampleDataset.ts'

/**
 * Addresses anyone can invent must not cost a Content Lake query each, or leave something behind:
 * paths that cannot be a slug or key are refused before any query, and random slugs that could be
 * one are checked against the slugs the site knows (one query, kept briefly), so thousands of them
 * leave the data cache, the page cache and the Content Lake's request count where they were.
 * Comparisons and searches are real pages, but their combinations are endless: their answers are
 * kept in memory, a bounded number, never on disk.
 */

let running: ContentLakeSite

beforeAll(async () => {
  running = await startContentLakeSite('unknown-paths')
})
afterAll(async () => {
  await running?.close()
})

async function bytesUnder(directory: string): Promise<number> {
  let total = 0
  let entries: import('node:fs').Dirent[]
  try {
    entries = await readdir(directory, { recursive: true, withFileTypes: true })
  } catch {
    return 0
  }
  for (const entry of entries) if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size
  return total
}

/** What requests could leave behind: Next's data cache and its cache of pages rendered on demand. */
async function cacheBytes(): Promise<number> {
  const distDir = join(webDir, running.distDir)
  return (await bytesUnder(join(distDir, 'cache'))) + (await bytesUnder(join(distDir, 'server', 'app')))
}

function randomWord(length: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789'
  return Array.from({ length }, () => letters[Math.floor(Math.random() * letters.length)]).join('')
}

const device = sampleOfType('device')[0]!

async function requestAll(paths: string[], concurrency = 16): Promise<Map<number, number>> {
  const statuses = new Map<number, number>()
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) {
        const path = paths[next++]!
        const response = await fetch(`${running.site.url}${path}`, { redirect: 'manual' })
        await response.arrayBuffer()
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
      }
    }),
  )
  return statuses
}

describe('invented addresses', () => {
  it('thousands of them answer 404 without a query each, and leave the caches as they were', async () => {
    // Warm up: each kind of page once, and one partner link, as shoppers would.
    for (const path of ['/devices/warm-up', '/compare/warm-up', '/guides/warm-up', '/go/warm-up/x'])
      await fetchPage(running.site, path)
    const queriesBefore = running.lake.requests.length
    const bytesBefore = await cacheBytes()

    const paths = [
      ...Array.from({ length: 400 }, () => `/devices/${randomWord(12)}`),
      ...Array.from({ length: 300 }, () => `/compare/${randomWord(10)}-vs-${randomWord(6)}`),
      ...Array.from({ length: 300 }, () => `/guides/${randomWord(16)}`),
      ...Array.from({ length: 400 }, () => `/go/${randomWord(10)}/${randomWord(12)}`),
      ...Array.from({ length: 400 }, () => `/go/${slugOf(device)}/${randomWord(12)}`),
      // Cannot be a slug or key at all.
      ...Array.from({ length: 100 }, (_, index) => `/devices/${'x'.repeat(200 + index)}`),
      ...['/devices/%00', '/guides/..%2F..%2Fetc', '/compare/%3Cscript%3E', '/go/%E0%A4%A/x', '/devices/a%20b'],
    ]
    const statuses = await requestAll(paths)

    expect(Object.fromEntries(statuses)).toEqual({ 404: paths.length })
    // At most the one query that lists the known slugs again; never one per request.
    expect(running.lake.requests.length - queriesBefore).toBeLessThanOrEqual(2)
    expect(await cacheBytes()).toBeLessThanOrEqual(bytesBefore + 16 * 1024)
  })

  it('known pages and partner links still answer', async () => {
    expect((await fetchPage(running.site, `/devices/${slugOf(device)}`)).status).toBe(200)
    const offer = (device.offers as { _key: string }[])[0]!
    expect((await fetchPage(running.site, `/go/${slugOf(device)}/${offer._key}`)).status).toBe(302)
  })

  it('a device published after the build is found once the webhook for it arrives', async () => {
    const slug = 'published-after-the-build'
    await running.lake.setDocument({ ...device, _id: 'device-after-build', slug: { _type: 'slug', current: slug } })
    const delivered = await sendWebhook(running.site, { _type: 'device', _id: 'device-after-build', slug })
    expect(delivered.status).toBe(200)
    expect((await fetchPage(running.site, `/devices/${slug}`)).status).toBe(200)
  })
})

describe("shoppers' own comparisons and searches", () => {
  it('hundreds of different ones answer, and leave nothing on disk', async () => {
    const slugs = sampleOfType('device').map(slugOf)
    const pick = (count: number) => [...slugs].sort(() => Math.random() - 0.5).slice(0, count)
    await fetchPage(running.site, `/compare?devices=${slugs[0]},${slugs[1]}`)
    const bytesBefore = await cacheBytes()

    const paths = [
      ...Array.from({ length: 150 }, (_, index) => `/compare?devices=${pick(2 + (index % 3)).join(',')}`),
      ...Array.from({ length: 50 }, () => `/compare?devices=${pick(1).join(',')}&q=${randomWord(5)}`),
    ]
    const statuses = await requestAll(paths, 8)

    expect(Object.fromEntries(statuses)).toEqual({ 200: paths.length })
    expect(await cacheBytes()).toBeLessThanOrEqual(bytesBefore + 16 * 1024)
  })
})
