import { readFile } from 'node:fs/promises'
import { parseNdjson } from '@microneedling/content/source/ndjson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientFor, startTestLake } from './support/testLake.ts'

/**
 * The mutate API through @sanity/client, as scripts and feed imports write: each mutation kind,
 * revisions, conflicts, and transactions that succeed or change nothing at all.
 */

let lake: Awaited<ReturnType<typeof startTestLake>>
const client = () => clientFor(lake)

beforeAll(async () => {
  lake = await startTestLake()
})
afterAll(() => lake?.close())

const device = () => lake.getDocument('device-fernhill-glide-home-pen')!

describe('mutations', () => {
  it('creates, and refuses to create a document that exists with 409', async () => {
    const created = await client().create({ _id: 'brand-test-create', _type: 'brand', name: 'Test brand' })
    expect(created).toMatchObject({ _id: 'brand-test-create', name: 'Test brand', _rev: expect.any(String) })
    expect(created._createdAt).toBe(created._updatedAt)
    await expect(client().create({ _id: 'brand-test-create', _type: 'brand', name: 'Again' })).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringMatching(/already exists/),
    })
    expect(lake.getDocument('brand-test-create')?.name).toBe('Test brand')
  })

  it('gives a created document an id when it has none, and a draft id for "drafts."', async () => {
    const created = await client().create({ _type: 'brand', name: 'No id' })
    expect(created._id).toMatch(/^[a-zA-Z0-9-]{10,}$/)
    const draft = await client().create({ _id: 'drafts.', _type: 'brand', name: 'Draft' })
    expect(draft._id).toMatch(/^drafts\.[a-zA-Z0-9-]{10,}$/)
  })

  it('createIfNotExists leaves an existing document as it was; createOrReplace replaces it whole', async () => {
    const before = device()
    await client().createIfNotExists({ _id: before._id, _type: 'device', name: 'Ignored' })
    expect(device()._rev).toBe(before._rev)
    await client().createOrReplace({ _id: 'brand-test-replace', _type: 'brand', name: 'One', extra: true })
    await client().createOrReplace({ _id: 'brand-test-replace', _type: 'brand', name: 'Two' })
    expect(lake.getDocument('brand-test-replace')).toMatchObject({ name: 'Two' })
    expect(lake.getDocument('brand-test-replace')).not.toHaveProperty('extra')
  })

  it('patches with set, unset, setIfMissing, inc, dec and insert, by path and by offer _key', async () => {
    const current = device()
    const offers = current.offers as { _key: string; price: number }[]
    const offer = offers[0]!
    const patched = await client()
      .patch(current._id)
      .set({ [`offers[_key=="${offer._key}"].price`]: 12.5 })
      .setIfMissing({ editorNote: 'kept' })
      .inc({ rating: 0.5 })
      .dec({ rating: 0.25 })
      .unset(['verdictShort'])
      .insert('after', 'pros[-1]', ['A new pro'])
      .commit()
    expect((patched.offers as { _key: string; price: number }[]).find((o) => o._key === offer._key)?.price).toBe(12.5)
    expect(patched.editorNote).toBe('kept')
    expect(patched.rating).toBeCloseTo((current.rating as number) + 0.25)
    expect(patched).not.toHaveProperty('verdictShort')
    expect((patched.pros as string[]).at(-1)).toBe('A new pro')
    expect(patched._rev).not.toBe(current._rev)
    await client().patch(current._id).setIfMissing({ editorNote: 'not this' }).commit()
    expect(device().editorNote).toBe('kept')
  })

  it('applies ifRevisionID: the current revision goes through, a stale one gets 409 and changes nothing', async () => {
    const current = device()
    const updated = await client()
      .patch(current._id)
      .ifRevisionId(current._rev as string)
      .set({ name: 'Rev 1' })
      .commit()
    await expect(
      client()
        .patch(current._id)
        .ifRevisionId(current._rev as string)
        .set({ name: 'Stale' })
        .commit(),
    ).rejects.toMatchObject({ statusCode: 409, message: expect.stringMatching(/unexpected revision ID/) })
    expect(device()).toMatchObject({ name: 'Rev 1', _rev: updated._rev })
  })

  it('a transaction with one bad mutation changes nothing, and is not written to the file', async () => {
    const before = device()
    const transaction = client()
      .transaction()
      .patch(before._id, (patch) => patch.set({ name: 'Should not stay' }))
      .create({ _id: 'brand-in-failed-transaction', _type: 'brand', name: 'Nor this' })
      .patch('no-such-document', (patch) => patch.set({ name: 'x' }))
    await expect(transaction.commit()).rejects.toMatchObject({ statusCode: 404 })
    expect(device()).toEqual(before)
    expect(lake.getDocument('brand-in-failed-transaction')).toBeUndefined()
    await lake.flush()
    const stored = parseNdjson(await readFile(lake.exportPath, 'utf8')).documents
    expect(stored.find((d) => d._id === before._id)?.name).toBe(before.name)
    expect(stored.some((d) => d._id === 'brand-in-failed-transaction')).toBe(false)
  })

  it('a transaction commits every mutation under one new revision, visible to the next query', async () => {
    const result = await client()
      .transaction()
      .createOrReplace({ _id: 'brand-tx-a', _type: 'brand', name: 'A' })
      .createOrReplace({ _id: 'brand-tx-b', _type: 'brand', name: 'B' })
      .commit()
    expect(result.results.map((r) => r.id)).toEqual(['brand-tx-a', 'brand-tx-b'])
    expect(lake.getDocument('brand-tx-a')?._rev).toBe(result.transactionId)
    expect(lake.getDocument('brand-tx-b')?._rev).toBe(result.transactionId)
    expect(await client().fetch('*[_id in ["brand-tx-a", "brand-tx-b"]].name | order(@)')).toEqual(['A', 'B'])
  })

  it('deletes by id and by query; deleting what is missing changes nothing', async () => {
    await client().createOrReplace({ _id: 'brand-delete-me', _type: 'brand', name: 'Delete me' })
    await client().delete('brand-delete-me')
    expect(lake.getDocument('brand-delete-me')).toBeUndefined()
    await client().createOrReplace({ _id: 'brand-query-1', _type: 'brand', name: 'Query delete' })
    await client().createOrReplace({ _id: 'brand-query-2', _type: 'brand', name: 'Query delete' })
    await client().delete({ query: '*[_type == "brand" && name == $name]', params: { name: 'Query delete' } })
    expect(lake.getDocument('brand-query-1')).toBeUndefined()
    expect(lake.getDocument('brand-query-2')).toBeUndefined()
    await expect(client().delete('never-existed')).resolves.toBeDefined()
  })

  it('every change is in the export file once flushed, as `sanity dataset export` writes it', async () => {
    await client().createOrReplace({ _id: 'brand-on-disk', _type: 'brand', name: 'On disk' })
    await lake.flush()
    const { documents, problems } = parseNdjson(await readFile(lake.exportPath, 'utf8'))
    expect(problems).toEqual([])
    expect(documents.find((d) => d._id === 'brand-on-disk')).toMatchObject({
      name: 'On disk',
      _rev: expect.any(String),
    })
  })
})
