import { createReadStream } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyOfferPatches } from '../src/apply/applyOfferPatches.ts'
import { type FeedPartner, loadFeedPartners } from '../src/catalogue/feedCatalogue.ts'
import { planPartnerImport } from '../src/import/planPartnerImport.ts'
import { publishedQuery, startSampleLake } from './support/lake.ts'

/**
 * The sample's feeds applied to the local Content Lake through @sanity/client, as an import with
 * --apply writes them: patches by offer key, guarded by revision, to an editor's open draft too,
 * retried when a document changed in between.
 */

const repositoryRoot = resolve(import.meta.dirname, '../../..')
const now = new Date('2026-11-24T06:00:00Z')
let sample: Awaited<ReturnType<typeof startSampleLake>>
let partners: FeedPartner[]

beforeAll(async () => {
  sample = await startSampleLake()
  partners = await loadFeedPartners(publishedQuery(sample.client))
})
afterAll(() => sample?.close())

const partner = (slug: string) => partners.find((candidate) => candidate.slug === slug)!
const offerOf = (documentId: string, key: string) =>
  ((sample.lake.getDocument(documentId)?.offers ?? []) as { _key: string; [field: string]: unknown }[]).find(
    (offer) => offer._key === key,
  )

async function planSample(slug: string) {
  const found = partner(slug)
  return planPartnerImport({
    partner: found,
    feed: createReadStream(join(repositoryRoot, found.feed!.url)),
    query: publishedQuery(sample.client),
    previousMisses: new Map(),
    now,
  })
}

describe('applying a planned import', () => {
  it('reads the partners with their feeds from the content source', () => {
    expect(partner('glow-supply').feed).toMatchObject({ format: 'google-tsv', url: expect.stringContaining('glow') })
    expect(partners.every((candidate) => candidate.feed)).toBe(true)
  })

  it('patches the offers by key on the published document, with the check times, and changes nothing else', async () => {
    const {
      plan,
      catalogue: { revisions },
    } = await planSample('skin-tools-direct')
    const change = plan.changes.find((candidate) => candidate.fields.some((field) => field.field === 'price'))!
    const before = sample.lake.getDocument(change.deviceId)!
    const results = await applyOfferPatches(
      sample.client,
      plan.changes.map((candidate) => candidate.patch),
      revisions,
    )
    expect(results.every((result) => result.applied && result.attempts === 1)).toBe(true)
    const after = sample.lake.getDocument(change.deviceId)!
    const price = change.fields.find((field) => field.field === 'price')!.after
    expect(offerOf(change.deviceId, change.offerKey)).toMatchObject({
      price,
      priceCheckedAt: '2026-11-24',
      feedCheckedAt: now.toISOString(),
    })
    expect(after._rev).not.toBe(before._rev)
    expect({ ...after, offers: undefined, _rev: undefined, _updatedAt: undefined }).toEqual({
      ...before,
      offers: undefined,
      _rev: undefined,
      _updatedAt: undefined,
    })
  })

  it('patches an editor’s open draft too, so publishing the draft keeps the feed’s price', async () => {
    const {
      plan,
      catalogue: { revisions },
    } = await planSample('glow-supply')
    const change = plan.changes.find((candidate) => candidate.fields.some((field) => field.field === 'price'))!
    const published = sample.lake.getDocument(change.deviceId)!
    // The editor started rewording the verdict before the import ran.
    await sample.lake.setDocument({ ...published, _id: `drafts.${change.deviceId}`, verdict: 'Reworded verdict.' })
    const results = await applyOfferPatches(
      sample.client,
      plan.changes.map((candidate) => candidate.patch),
      revisions,
    )
    expect(results.find((result) => result.documentId === change.deviceId)).toMatchObject({
      applied: true,
      draftPatched: true,
    })
    const price = change.fields.find((field) => field.field === 'price')!.after
    await sample.client.action({
      actionType: 'sanity.action.document.publish',
      draftId: `drafts.${change.deviceId}`,
      publishedId: change.deviceId,
    })
    expect(sample.lake.getDocument(`drafts.${change.deviceId}`)).toBeUndefined()
    expect(sample.lake.getDocument(change.deviceId)?.verdict).toBe('Reworded verdict.')
    expect(offerOf(change.deviceId, change.offerKey)?.price).toBe(price)
  })

  it('reads a document again and retries when it changed after the plan was made', async () => {
    const {
      plan,
      catalogue: { revisions },
    } = await planSample('dermamart')
    const change = plan.changes.find((candidate) => candidate.fields.some((field) => field.field === 'price'))!
    await sample.lake.patchDocument(change.deviceId, { verdict: 'Edited while the feed was read.' })
    const results = await applyOfferPatches(
      sample.client,
      plan.changes.map((candidate) => candidate.patch),
      revisions,
    )
    expect(results.find((result) => result.documentId === change.deviceId)).toMatchObject({
      applied: true,
      attempts: 2,
    })
    expect(results.every((result) => result.applied)).toBe(true)
    expect(sample.lake.getDocument(change.deviceId)?.verdict).toBe('Edited while the feed was read.')
    expect(offerOf(change.deviceId, change.offerKey)?.price).toBe(
      change.fields.find((field) => field.field === 'price')!.after,
    )
  })

  it('leaves a document whose offer an editor removed, saying why', async () => {
    const {
      plan,
      catalogue: { revisions },
    } = await planSample('clinicsource')
    const change = plan.changes.find((candidate) => candidate.cause === 'feed')!
    const device = sample.lake.getDocument(change.deviceId)!
    const offers = (device.offers as { _key: string }[]).filter((offer) => offer._key !== change.offerKey)
    await sample.lake.patchDocument(change.deviceId, { offers })
    const results = await applyOfferPatches(sample.client, [change.patch], revisions)
    expect(results).toEqual([
      {
        documentId: change.deviceId,
        applied: false,
        draftPatched: false,
        attempts: 1,
        reason: `The device no longer has the offer ${change.offerKey}.`,
      },
    ])
  })

  it('gives up after the tries allowed, when the document keeps changing', async () => {
    const {
      plan,
      catalogue: { revisions },
    } = await planSample('glow-supply')
    const change = plan.changes[0]!
    const stale = new Map(revisions)
    stale.set(change.deviceId, 'not-the-revision')
    const { client } = sample
    const fetched = client.fetch
    // Every read of the document is followed by an editor's save before the patch lands.
    client.fetch = (async (...args: Parameters<typeof fetched>) => {
      const answer = await fetched.apply(client, args)
      await sample.lake.patchDocument(change.deviceId, { verdict: `Saved at ${performance.now()}` })
      return answer
    }) as typeof fetched
    const results = await applyOfferPatches(client, [change.patch], stale, { maxAttempts: 3 }).finally(() => {
      client.fetch = fetched
    })
    expect(results).toEqual([
      {
        documentId: change.deviceId,
        applied: false,
        draftPatched: false,
        attempts: 3,
        reason: 'The device kept changing while it was patched (3 tries): the next import tries again.',
      },
    ])
  })
})
