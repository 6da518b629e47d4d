import { defaultApiVersion } from '@microneedling/content/apiVersion'
import { ContentUnavailableError, confirmContentAnswers, loadDevice } from '@microneedling/content/loaders'
import { createContentLakeSource } from '@microneedling/content/source/contentLake'
import type { ContentSource } from '@microneedling/content/source/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ContentLakeStandIn, startContentLakeStandIn } from '../support/contentLakeStandIn.ts'
import { sampleDatasetPath } from '../support/paths.ts'
import { sampleOfType, slugOf } from '../support/sampleDataset.ts'

/**
 * The read token is for previews only: published pages are read without it (so they can come from
 * the CDN and Next's data cache), drafts only with it and never from the CDN.
 */

const device = sampleOfType('device')[0]!
const slug = slugOf(device)

let standIn: ContentLakeStandIn
let withToken: ContentSource
let withoutToken: ContentSource

beforeAll(async () => {
  standIn = await startContentLakeStandIn({ datasetPath: sampleDatasetPath })
  const settings = {
    projectId: 'standin',
    dataset: 'production',
    apiVersion: defaultApiVersion,
    useCdn: false,
    apiHost: standIn.url,
  }
  withToken = createContentLakeSource({ ...settings, token: 'test-read-token' })
  withoutToken = createContentLakeSource(settings)
  standIn.setDocument({ ...device, _id: `drafts.${device._id}`, name: `${String(device.name)} (draft)` })
})
afterAll(async () => {
  await standIn?.close()
})

describe('the read token', () => {
  it('is not sent with published reads, even when the site has one', async () => {
    standIn.clearRequests()
    const published = await loadDevice(withToken, slug)
    expect(published?.name).toBe(device.name)
    expect(standIn.requests).toHaveLength(1)
    expect(standIn.requests[0]).toMatchObject({ perspective: 'published', authenticated: false })
  })

  it('is sent with drafts, which then show the draft', async () => {
    standIn.clearRequests()
    const draft = await loadDevice(withToken, slug, { perspective: 'drafts' })
    expect(draft?.name).toBe(`${String(device.name)} (draft)`)
    expect(standIn.requests[0]).toMatchObject({ perspective: 'drafts', authenticated: true })
  })

  it('is required for drafts: without it the load fails and names why, rather than quietly showing published content', async () => {
    standIn.clearRequests()
    await expect(loadDevice(withoutToken, slug, { perspective: 'drafts' })).rejects.toThrow(
      /deviceBySlugQuery.*drafts need a read token \(SANITY_API_READ_TOKEN\)/,
    )
    expect(standIn.requests).toHaveLength(0)
  })
})

describe('confirmContentAnswers (asked by the revalidation webhook before it expires pages)', () => {
  it('passes when the Content Lake answers', async () => {
    await expect(confirmContentAnswers(withoutToken)).resolves.toBeUndefined()
  })

  it('fails with ContentUnavailableError when it does not', async () => {
    standIn.failNext(1, 'serverError')
    await expect(confirmContentAnswers(withoutToken)).rejects.toBeInstanceOf(ContentUnavailableError)
  })
})
