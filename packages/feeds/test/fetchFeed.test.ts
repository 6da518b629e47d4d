import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  FeedAddressError,
  FeedFetchError,
  FeedHttpStatusError,
  FeedRedirectError,
  FeedTimeoutError,
  FeedTooLargeError,
} from '../src/fetch/fetchErrors.ts'
import { fetchFeed } from '../src/fetch/fetchFeed.ts'
import { readFeed } from '../src/readFeed.ts'
import { startFeedServer } from './support/feedServer.ts'
import { gzipped, itemsIn, tsv } from './support/feeds.ts'

/** Fetching a feed from a partner's server, over a local feed server on a free loopback port. */

const feed = tsv(
  ['id', 'link', 'price', 'availability'],
  ['FH-1', 'https://shop.example.com/p/1', '15.00 GBP', 'in_stock'],
  ['FH-2', 'https://shop.example.com/p/2', '16.00 GBP', 'out_of_stock'],
)
const megabyte = Buffer.alloc(1024 * 1024, 'a')
const limits = { timeoutMs: 2_000, maxBytes: 100_000 }
const encodingsAsked: (string | undefined)[] = []

let server: Awaited<ReturnType<typeof startFeedServer>>
let directory: string

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'feeds-test-'))
  server = await startFeedServer({
    '/feed.tsv': (request: IncomingMessage, response) => {
      encodingsAsked.push(request.headers['accept-encoding'])
      response.writeHead(200, { 'content-type': 'text/tab-separated-values' }).end(feed)
    },
    '/feed.tsv.gz': (_request, response) =>
      response.writeHead(200, { 'content-type': 'application/gzip' }).end(gzipped(feed)),
    '/mislabelled': (_request, response) =>
      response.writeHead(200, { 'content-type': 'text/plain' }).end(gzipped(feed)),
    '/broken': (_request, response) => response.writeHead(500).end('Internal error'),
    '/moved': (_request, response) => response.writeHead(301, { location: '/feed.tsv' }).end(),
    '/moved-twice': (_request, response) => response.writeHead(302, { location: '/moved' }).end(),
    '/to-localhost': (_request, response, { port }) =>
      response.writeHead(302, { location: `http://localhost:${port}/feed.tsv` }).end(),
    '/to-file': (_request, response) => response.writeHead(307, { location: 'file:///etc/passwd' }).end(),
    '/loop': (_request, response) => response.writeHead(302, { location: '/loop' }).end(),
    // Headers and one product, then nothing: a download that hangs part way.
    '/hang': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/tab-separated-values' })
      response.write(feed.slice(0, 80))
    },
    '/silent': () => {},
    '/big-streamed': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' })
      const sendMore = (left: number) => {
        if (left === 0) return response.end()
        response.write(megabyte.subarray(0, 64 * 1024), () => sendMore(left - 1))
      }
      sendMore(32)
    },
    '/big-declared': (_request, response) =>
      response.writeHead(200, { 'content-length': String(megabyte.length) }).end(megabyte),
  })
})
afterAll(async () => {
  await server?.close()
  await rm(directory, { recursive: true, force: true })
})

async function itemIds(url: string | URL, options: Parameters<typeof fetchFeed>[1] = limits): Promise<string[]> {
  const results = []
  for await (const result of readFeed(await fetchFeed(url, options), 'google-tsv')) results.push(result)
  return itemsIn(results).map((item) => item.itemId)
}

describe('fetchFeed', () => {
  it('streams a feed from a 200 answer, asking for the bytes as stored', async () => {
    expect(await itemIds(server.url('/feed.tsv'))).toEqual(['FH-1', 'FH-2'])
    expect(encodingsAsked.at(-1)).toBe('identity')
  })

  it('decompresses gzip content, whatever its name or type says', async () => {
    expect(await itemIds(server.url('/feed.tsv.gz'))).toEqual(['FH-1', 'FH-2'])
    expect(await itemIds(server.url('/mislabelled'))).toEqual(['FH-1', 'FH-2'])
    const bytes: Buffer[] = []
    for await (const chunk of await fetchFeed(server.url('/feed.tsv.gz'), limits)) bytes.push(chunk)
    expect(Buffer.concat(bytes).toString('utf8')).toBe(feed)
  })

  it('names the status of an error answer', async () => {
    await expect(fetchFeed(server.url('/nowhere'), limits)).rejects.toThrow(
      new FeedHttpStatusError(404, 'Not Found', server.url('/nowhere')),
    )
    await expect(fetchFeed(server.url('/nowhere'), limits)).rejects.toThrow(
      `${server.url('/nowhere')} answered 404 Not Found.`,
    )
    await expect(fetchFeed(server.url('/broken'), limits)).rejects.toMatchObject({
      name: 'FeedHttpStatusError',
      status: 500,
      message: `${server.url('/broken')} answered 500 Internal Server Error.`,
    })
  })

  it('follows redirects on the same host, and refuses one to another host unless it is allowed', async () => {
    expect(await itemIds(server.url('/moved-twice'))).toEqual(['FH-1', 'FH-2'])
    const refused = fetchFeed(server.url('/to-localhost'), limits)
    await expect(refused).rejects.toBeInstanceOf(FeedRedirectError)
    await expect(refused).rejects.toThrow(
      `${server.url('/to-localhost')} redirects to localhost:${server.port}, another host than 127.0.0.1:${server.port}: add it to allowedHosts if it is the partner's.`,
    )
    expect(await itemIds(server.url('/to-localhost'), { ...limits, allowedHosts: ['localhost'] })).toEqual([
      'FH-1',
      'FH-2',
    ])
  })

  it('never follows a redirect to a file, nor more than five', async () => {
    await expect(fetchFeed(server.url('/to-file'), limits)).rejects.toThrow(
      `${server.url('/to-file')} redirects to file:///etc/passwd is not an https address.`,
    )
    await expect(fetchFeed(server.url('/loop'), limits)).rejects.toThrow(
      new FeedRedirectError(
        `${server.url('/loop')} redirected more than 5 times, so it was not followed.`,
        server.url('/loop'),
      ),
    )
  })

  it('stops a download that hangs past the time limit, quickly, mid-body or before any answer', async () => {
    const started = performance.now()
    const reading = itemIds(server.url('/hang'), { ...limits, timeoutMs: 300 })
    await expect(reading).rejects.toBeInstanceOf(FeedTimeoutError)
    await expect(reading).rejects.toThrow(`Fetching ${server.url('/hang')} took longer than 300 ms, so it was stopped.`)
    await expect(fetchFeed(server.url('/silent'), { ...limits, timeoutMs: 300 })).rejects.toBeInstanceOf(
      FeedTimeoutError,
    )
    expect(performance.now() - started).toBeLessThan(3_000)
  })

  it('stops a feed past maxBytes: as it arrives, or at once when its length says so', async () => {
    await expect(itemIds(server.url('/big-streamed'), { ...limits, maxBytes: 500_000 })).rejects.toThrow(
      new FeedTooLargeError(server.url('/big-streamed'), 500_000),
    )
    await expect(fetchFeed(server.url('/big-declared'), { ...limits, maxBytes: 500_000 })).rejects.toThrow(
      `${server.url('/big-declared')} is larger than 500000 bytes, the most a feed may be, so it was stopped.`,
    )
    // The limit counts the bytes sent: a feed that fits compressed is read in full.
    const roomy = await itemIds(server.url('/feed.tsv.gz'), { ...limits, maxBytes: gzipped(feed).length })
    expect(roomy).toEqual(['FH-1', 'FH-2'])
    await expect(
      itemIds(server.url('/feed.tsv.gz'), { ...limits, maxBytes: gzipped(feed).length - 1 }),
    ).rejects.toBeInstanceOf(FeedTooLargeError)
  })

  it('reads a file: URL, gzipped or not, within the same limits', async () => {
    const plainPath = join(directory, 'feed.tsv')
    const gzipPath = join(directory, 'feed.data')
    await writeFile(plainPath, feed)
    await writeFile(gzipPath, gzipped(feed))
    expect(await itemIds(pathToFileURL(plainPath))).toEqual(['FH-1', 'FH-2'])
    expect(await itemIds(pathToFileURL(gzipPath).href)).toEqual(['FH-1', 'FH-2'])
    await expect(fetchFeed(pathToFileURL(plainPath), { ...limits, maxBytes: 10 })).rejects.toBeInstanceOf(
      FeedTooLargeError,
    )
    await expect(fetchFeed(pathToFileURL(join(directory, 'none.tsv')), limits)).rejects.toThrow(
      new FeedFetchError(
        `There is no feed file at ${join(directory, 'none.tsv')}.`,
        pathToFileURL(join(directory, 'none.tsv')).href,
      ),
    )
  })

  it('refuses addresses a feed is not fetched from: plain http off this machine, other schemes, non-URLs', async () => {
    await expect(fetchFeed('http://shop.example.com/feed.tsv', limits)).rejects.toThrow(
      new FeedAddressError(
        'http://shop.example.com/feed.tsv uses http: fetch feeds over https.',
        'http://shop.example.com/feed.tsv',
      ),
    )
    await expect(fetchFeed('ftp://shop.example.com/feed.tsv', limits)).rejects.toThrow(
      'ftp://shop.example.com/feed.tsv is not an https or file: address.',
    )
    await expect(fetchFeed('feed.tsv', limits)).rejects.toBeInstanceOf(FeedAddressError)
  })
})
