import { readFile } from 'node:fs/promises'
import { defaultApiVersion } from '@microneedling/content/apiVersion'
import {
  ContentUnavailableError,
  loadDevice,
  loadDeviceListPage,
  loadDevicesBySlugs,
} from '@microneedling/content/loaders'
import { deviceBySlugQuery } from '@microneedling/content/queries'
import { createContentLakeSource } from '@microneedling/content/source/contentLake'
import type { ContentSource } from '@microneedling/content/source/types'
import type { LocalLake } from '@microneedling/local-lake'
import { createClient, type SanityClient } from '@sanity/client'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { startTestLake } from '../support/localLake.ts'
import { sampleDatasetPath } from '../support/paths.ts'
import { sampleDocuments, sampleOfType, slugOf } from '../support/sampleDataset.ts'

/**
 * The local Content Lake (packages/local-lake) must speak the Content Lake's query API the way
 * @sanity/client expects it, or the contract tests prove nothing. These tests pin the wire format
 * (GET with `$param` JSON values, POST for long queries, `{ms, query?, result}` replies, `{error}`
 * bodies), the perspectives and tokens, and the controls tests use: writes through the handle and
 * simulated failures.
 */

const device = sampleOfType('device')[0]!
const deviceSlug = slugOf(device)

let lake: LocalLake
let source: ContentSource

function clientFor(settings: { timeout?: number; token?: string; dataset?: string } = {}): SanityClient {
  return createClient({
    projectId: lake.projectId,
    dataset: settings.dataset ?? lake.dataset,
    apiVersion: defaultApiVersion,
    apiHost: lake.url,
    useProjectHostname: false,
    useCdn: false,
    maxRetries: 0,
    ...(settings.timeout ? { timeout: settings.timeout } : {}),
    ...(settings.token ? { token: settings.token } : {}),
  })
}

beforeAll(async () => {
  lake = await startTestLake()
  source = createContentLakeSource({
    projectId: lake.projectId,
    dataset: lake.dataset,
    apiVersion: defaultApiVersion,
    useCdn: false,
    apiHost: lake.url,
  })
})
afterAll(() => lake?.close())
afterEach(() => lake.clearRequests())

/** The Content Lake source on the lake, with a short query time-out. */
function sourceGivingUpAfter(timeoutMs: number) {
  return createContentLakeSource({
    projectId: lake.projectId,
    dataset: lake.dataset,
    apiVersion: defaultApiVersion,
    useCdn: false,
    apiHost: lake.url,
    timeoutMs,
  })
}
describe('wire format', () => {
  it('answers a GET with the query in `query` and each parameter as JSON in `$name`', async () => {
    const url = new URL(`/v${defaultApiVersion}/data/query/production`, lake.url)
    url.searchParams.set('query', '*[_type == "device" && slug.current == $slug][0]{name}')
    url.searchParams.set('$slug', JSON.stringify(deviceSlug))
    const response = await fetch(url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const body = (await response.json()) as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual(['ms', 'query', 'result'])
    expect(body.query).toBe(url.searchParams.get('query'))
    expect(typeof body.ms).toBe('number')
    expect(body.result).toEqual({ name: device.name })
  })

  it('leaves the query out of the reply when asked with returnQuery=false, as @sanity/client asks by default', async () => {
    const url = new URL(`/v${defaultApiVersion}/data/query/production`, lake.url)
    url.searchParams.set('query', 'count(*[_type == "device"])')
    url.searchParams.set('returnQuery', 'false')
    const body = (await (await fetch(url)).json()) as Record<string, unknown>
    expect(body).toEqual({ ms: expect.any(Number), result: sampleOfType('device').length })
  })

  it('refuses an unquoted string parameter with the Content Lake message, as a hand-written URL would get', async () => {
    const url = new URL(`/v${defaultApiVersion}/data/query/production`, lake.url)
    url.searchParams.set('query', '*[slug.current == $slug]')
    url.searchParams.set('$slug', deviceSlug)
    const response = await fetch(url)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: expect.objectContaining({ description: expect.stringMatching(/Please quote string values/) }),
      statusCode: 400,
    })
  })

  it('@sanity/client sends a short query as GET, with perspective, returnQuery=false and the project id header', async () => {
    const result = await clientFor().fetch(deviceBySlugQuery, { slug: deviceSlug }, { perspective: 'published' })
    expect(result).toMatchObject({ slug: deviceSlug, name: device.name })
    expect(lake.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: `/v${defaultApiVersion}/data/query/production`,
        params: { slug: deviceSlug },
        perspective: 'published',
        projectIdHeader: lake.projectId,
        outcome: 'answered',
      }),
    ])
  })

  it('@sanity/client gets `{ms, query, result}` when it asks for the whole reply', async () => {
    const reply = await clientFor().fetch('count(*[_type == "device"])', {}, { filterResponse: false })
    expect(reply).toEqual({
      ms: expect.any(Number),
      query: 'count(*[_type == "device"])',
      result: sampleOfType('device').length,
    })
  })

  it('@sanity/client sends a long query as POST with a JSON body, and gets the same answer', async () => {
    // A compare link with many slugs pushes the encoded query string past @sanity/client's 11264-character GET limit.
    const realSlugs = sampleOfType('device').slice(0, 3).map(slugOf)
    const padding = Array.from({ length: 600 }, (_, index) => `unknown-device-${index}`)
    const viaPost = await loadDevicesBySlugs(source, [...realSlugs, ...padding])
    const viaGet = await loadDevicesBySlugs(source, realSlugs)
    expect(lake.requests.map((request) => request.method)).toEqual(['POST', 'GET'])
    expect(lake.requests[0]!.params).toEqual({ slugs: [...realSlugs, ...padding] })
    expect(viaPost.map((found) => found.slug)).toEqual(realSlugs)
    expect(viaPost).toEqual(viaGet)
  })

  it('@sanity/client raises the Content Lake error description for a query it cannot run', async () => {
    await expect(clientFor().fetch('*[_type == "device"', {})).rejects.toThrow(/Syntax error in GROQ query/)
    await expect(clientFor().fetch(deviceBySlugQuery, {})).rejects.toThrow(/param \$slug referenced, but not provided/)
    expect(lake.requests.map((request) => request.statusCode)).toEqual([400, 400])
  })

  it('answers 404 for a dataset it does not hold, so a misconfigured dataset name fails loudly', async () => {
    await expect(clientFor({ dataset: 'staging' }).fetch('count(*)')).rejects.toThrow(/Dataset "staging" not found/)
  })
})

describe('perspectives', () => {
  const draftId = `drafts.${device._id}`
  afterEach(() => lake.deleteDocument(draftId))

  it('never shows drafts to published readers, and shows them only to token holders asking for drafts', async () => {
    await lake.setDocument({ ...device, _id: draftId, name: 'Edited in the Studio' })
    const query = '*[_type == "device" && _id == $id][0].name'
    const params = { id: device._id }
    expect(await clientFor().fetch(query, params, { perspective: 'published' })).toBe(device.name)
    expect(await clientFor({ token: lake.token }).fetch(query, params, { perspective: 'published' })).toBe(device.name)
    // Anonymous readers cannot see draft ids at all, even when they ask for drafts.
    expect(await clientFor().fetch(query, params, { perspective: 'drafts' })).toBe(device.name)
    expect(await clientFor({ token: lake.token }).fetch(query, params, { perspective: 'drafts' })).toBe(
      'Edited in the Studio',
    )
    expect(lake.requests.map((request) => request.authenticated)).toEqual([false, true, false, true])
  })

  it('refuses a token it did not issue with 401, rather than reading it as anonymous', async () => {
    const query = '*[_type == "device" && _id == $id][0].name'
    await expect(
      clientFor({ token: 'sk-somebody-elses-token' }).fetch(query, { id: device._id }, { perspective: 'drafts' }),
    ).rejects.toMatchObject({ statusCode: 401 })
    expect(lake.requests).toEqual([
      expect.objectContaining({ authenticated: false, outcome: 'rejected', statusCode: 401 }),
    ])
  })
})

describe('writes', () => {
  const original = structuredClone(device)
  afterEach(() => lake.setDocument(original))

  it('setDocument publishes a change that the next query sees, stamped with a new _updatedAt', async () => {
    const before = await loadDevice(source, deviceSlug)
    await lake.setDocument({ ...device, verdict: 'A changed verdict, just published.' })
    const after = await loadDevice(source, deviceSlug)
    expect(after?.verdict).toBe('A changed verdict, just published.')
    expect(after?._updatedAt).not.toBe(before?._updatedAt)
  })

  it('patchDocument changes only the fields given', async () => {
    await lake.patchDocument(device._id, { rating: 1.5 })
    const after = await loadDevice(source, deviceSlug)
    expect(after?.rating).toBe(1.5)
    expect(after?.name).toBe(device.name)
    expect(lake.getDocument(device._id)).toMatchObject({ rating: 1.5, name: device.name })
    await expect(lake.patchDocument('no-such-document', { rating: 1 })).rejects.toThrow(/no such document/)
  })

  it('writes to its own copy of the sample, never to the committed file', async () => {
    const sampleBefore = await readFile(sampleDatasetPath, 'utf8')
    await lake.patchDocument(device._id, { rating: 2.5 })
    await lake.flush()
    expect(lake.exportPath).not.toBe(sampleDatasetPath)
    expect(await readFile(lake.exportPath, 'utf8')).toContain('"rating":2.5')
    expect(await readFile(sampleDatasetPath, 'utf8')).toBe(sampleBefore)
  })
})

describe('simulated failures', () => {
  it('serverError: the loader reports the Content Lake as unavailable; @sanity/client does not retry a 500', async () => {
    lake.failNext(1, 'serverError')
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    await expect(loadDeviceListPage(source, { sort: 'rating' }, 1)).rejects.toBeInstanceOf(ContentUnavailableError)
    // Operators find the failing query by name in the server log.
    expect(String(logged.mock.calls[0]?.[0])).toMatch(/deviceListPageQuery.*simulated failure/)
    logged.mockRestore()
    expect(lake.requests.map((request) => request.outcome)).toEqual(['serverError'])
    // Answering resumes after the failures asked for.
    expect((await loadDeviceListPage(source, { sort: 'rating' }, 1)).total).toBe(sampleOfType('device').length)
  })

  it('hang: a client with a timeout gives up; the lake still closes cleanly afterwards', async () => {
    lake.failNext(1, 'hang')
    const started = Date.now()
    await expect(clientFor({ timeout: 300 }).fetch('count(*)')).rejects.toMatchObject({ name: 'TimeoutError' })
    expect(Date.now() - started).toBeLessThan(5000)
    expect(lake.requests.map((request) => request.outcome)).toEqual(['hang'])
  })

  // @sanity/client falls back to the raw text when a reply is not valid JSON; without the source's
  // own check that would read as "no devices" and render an empty page.
  it('malformedJson: a reply cut short is reported as unavailable, not shown as "no devices"', async () => {
    lake.failNext(1, 'malformedJson')
    const outcome = loadDeviceListPage(source, { sort: 'rating' }, 1)
    await expect(outcome).rejects.toBeInstanceOf(ContentUnavailableError)
  })

  it('malformedJson: the lake sends a 200 whose JSON body is cut short', async () => {
    lake.failNext(1, 'malformedJson')
    const response = await fetch(new URL(`/v${defaultApiVersion}/data/query/production?query=count(*)`, lake.url))
    expect(response.status).toBe(200)
    await expect(response.json()).rejects.toThrow(SyntaxError)
    expect(lake.requests.map((request) => request.outcome)).toEqual(['malformedJson'])
  })

  it('hang: a load through createContentLakeSource gives up at its timeout and says which query', async () => {
    lake.failNext(1, 'hang')
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const impatient = sourceGivingUpAfter(300)
    const started = Date.now()
    await expect(loadDeviceListPage(impatient, { sort: 'rating' }, 1)).rejects.toBeInstanceOf(ContentUnavailableError)
    expect(Date.now() - started).toBeLessThan(5000)
    expect(String(logged.mock.calls[0]?.[0])).toMatch(/deviceListPageQuery/)
    logged.mockRestore()
  })

  it("unavailable: the query time-out bounds the whole query, the client's own retries included", async () => {
    lake.failNext(1000, 'unavailable')
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const timeoutMs = 500
    const impatient = sourceGivingUpAfter(timeoutMs)
    const started = Date.now()
    try {
      await expect(loadDeviceListPage(impatient, { sort: 'rating' }, 1)).rejects.toBeInstanceOf(ContentUnavailableError)
      // A little over the limit for the last back-off pause; never the retries' several seconds.
      expect(Date.now() - started).toBeLessThan(timeoutMs + 400)
      expect(lake.requests.length).toBeGreaterThanOrEqual(1)
    } finally {
      lake.clearFailures()
      logged.mockRestore()
    }
  })

  it('unavailable: a passing overload is still retried within the time-out, and the query answers', async () => {
    lake.failNext(1, 'unavailable')
    const patient = createContentLakeSource({
      projectId: lake.projectId,
      dataset: lake.dataset,
      apiVersion: defaultApiVersion,
      useCdn: false,
      apiHost: lake.url,
      timeoutMs: 3000,
    })
    expect((await loadDeviceListPage(patient, { sort: 'rating' }, 1)).total).toBe(sampleOfType('device').length)
    expect(lake.requests.map((request) => request.outcome)).toEqual(['unavailable', 'answered'])
  })

  it('failNext counts: exactly N requests fail, in order', async () => {
    lake.failNext(2, 'serverError')
    const client = clientFor()
    await expect(client.fetch('count(*)')).rejects.toThrow()
    await expect(client.fetch('count(*)')).rejects.toThrow()
    expect(await client.fetch('count(*[!(_id in path("drafts.**"))])')).toBe(
      sampleDocuments.filter((d) => !d._id.startsWith('drafts.')).length,
    )
    expect(lake.requests.map((request) => request.outcome)).toEqual(['serverError', 'serverError', 'answered'])
  })
})
