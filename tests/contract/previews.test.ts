import { defaultApiVersion } from '@microneedling/content/apiVersion'
import { ContentUnavailableError, confirmContentAnswers, loadDevice } from '@microneedling/content/loaders'
import { type ContentLakeSettings, createContentLakeSource } from '@microneedling/content/source/contentLake'
import type { ContentSource } from '@microneedling/content/source/types'
import type { LocalLake } from '@microneedling/local-lake'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestLake } from '../support/localLake.ts'
import { sampleOfType, slugOf } from '../support/sampleDataset.ts'

/**
 * The read token is for previews only: published pages are read without it (so they can come from
 * the CDN and Next's data cache), drafts only with it and never from the CDN.
 */

const device = sampleOfType('device')[0]!
const slug = slugOf(device)

let lake: LocalLake
let settings: ContentLakeSettings
let withToken: ContentSource
let withoutToken: ContentSource

beforeAll(async () => {
  lake = await startTestLake()
  settings = {
    projectId: lake.projectId,
    dataset: lake.dataset,
    apiVersion: defaultApiVersion,
    useCdn: false,
    apiHost: lake.url,
  }
  withToken = createContentLakeSource({ ...settings, token: lake.token })
  withoutToken = createContentLakeSource(settings)
  await lake.setDocument({ ...device, _id: `drafts.${device._id}`, name: `${String(device.name)} (draft)` })
})
afterAll(async () => {
  await lake?.close()
})

describe('the read token', () => {
  it('is not sent with published reads, even when the site has one', async () => {
    lake.clearRequests()
    const published = await loadDevice(withToken, slug)
    expect(published?.name).toBe(device.name)
    expect(lake.requests).toHaveLength(1)
    expect(lake.requests[0]).toMatchObject({ perspective: 'published', authenticated: false })
  })

  it('is sent with drafts, which then show the draft', async () => {
    lake.clearRequests()
    const draft = await loadDevice(withToken, slug, { perspective: 'drafts' })
    expect(draft?.name).toBe(`${String(device.name)} (draft)`)
    expect(lake.requests[0]).toMatchObject({ perspective: 'drafts', authenticated: true })
  })

  it('is required for drafts: without it the load fails and names why, rather than quietly showing published content', async () => {
    lake.clearRequests()
    await expect(loadDevice(withoutToken, slug, { perspective: 'drafts' })).rejects.toThrow(
      /deviceBySlugQuery.*drafts need a read token \(SANITY_API_READ_TOKEN\)/,
    )
    expect(lake.requests).toHaveLength(0)
  })

  it('must be the one the Content Lake issued: a wrong one is refused with 401, and the load fails', async () => {
    lake.clearRequests()
    const withWrongToken = createContentLakeSource({ ...settings, token: 'sk-somebody-elses-token' })
    await expect(loadDevice(withWrongToken, slug, { perspective: 'drafts' })).rejects.toThrow(/deviceBySlugQuery/)
    expect(lake.requests).toEqual([
      expect.objectContaining({
        path: expect.stringMatching(/\/data\/query\//),
        authenticated: false,
        outcome: 'rejected',
        statusCode: 401,
      }),
    ])
  })
})

describe('confirmContentAnswers (asked by the revalidation webhook before it expires pages)', () => {
  it('passes when the Content Lake answers', async () => {
    await expect(confirmContentAnswers(withoutToken)).resolves.toBeUndefined()
  })

  it('fails with ContentUnavailableError when it does not', async () => {
    lake.failNext(1, 'serverError')
    await expect(confirmContentAnswers(withoutToken)).rejects.toBeInstanceOf(ContentUnavailableError)
  })
})
