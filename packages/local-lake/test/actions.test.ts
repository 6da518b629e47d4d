import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientFor, startTestLake } from './support/testLake.ts'

/**
 * The Actions API the Studio writes drafts through (create, edit, publish, unpublish, discard,
 * delete), with the refusals the Studio's own handling expects.
 */

let lake: Awaited<ReturnType<typeof startTestLake>>
const client = () => clientFor(lake)
const id = 'brand-actions-test'
const draftId = `drafts.${id}`

beforeAll(async () => {
  lake = await startTestLake()
})
afterAll(() => lake?.close())

describe('document actions', () => {
  it('create makes a draft; a second create of the same draft is refused with 409', async () => {
    await client().action({
      actionType: 'sanity.action.document.create',
      publishedId: id,
      attributes: { _id: draftId, _type: 'brand', name: 'Draft brand' },
      ifExists: 'fail',
    })
    expect(lake.getDocument(draftId)).toMatchObject({ _type: 'brand', name: 'Draft brand' })
    expect(lake.getDocument(id)).toBeUndefined()
    await expect(
      client().action({
        actionType: 'sanity.action.document.create',
        publishedId: id,
        attributes: { _id: draftId, _type: 'brand', name: 'Again' },
        ifExists: 'fail',
      }),
    ).rejects.toMatchObject({ statusCode: 409 })
  })

  it('edit patches the draft; published readers still see nothing', async () => {
    await client().action({
      actionType: 'sanity.action.document.edit',
      draftId,
      publishedId: id,
      patch: { set: { name: 'Edited draft' } },
    })
    expect(lake.getDocument(draftId)?.name).toBe('Edited draft')
    expect(await client().fetch('*[_id == $id][0].name', { id }, { perspective: 'published' })).toBeNull()
    expect(await client().fetch('*[_id == $id][0]{name, _originalId}', { id }, { perspective: 'drafts' })).toEqual({
      name: 'Edited draft',
      _originalId: draftId,
    })
  })

  it('publish moves the draft to the published id in one transaction; a stale ifPublishedRevisionId gets 409', async () => {
    const { transactionId } = await client().action({
      actionType: 'sanity.action.document.publish',
      draftId,
      publishedId: id,
    })
    expect(lake.getDocument(draftId)).toBeUndefined()
    expect(lake.getDocument(id)).toMatchObject({ name: 'Edited draft', _rev: transactionId })

    // The first edit of a published document starts its draft from what is published.
    await client().action({
      actionType: 'sanity.action.document.edit',
      draftId,
      publishedId: id,
      patch: { set: { country: 'GB' } },
    })
    expect(lake.getDocument(draftId)).toMatchObject({ name: 'Edited draft', country: 'GB' })
    await expect(
      client().action({
        actionType: 'sanity.action.document.publish',
        draftId,
        publishedId: id,
        ifPublishedRevisionId: 'an-old-revision',
      }),
    ).rejects.toMatchObject({ statusCode: 409 })
    expect(lake.getDocument(id)).not.toHaveProperty('country')
    await client().action({
      actionType: 'sanity.action.document.publish',
      draftId,
      publishedId: id,
      ifPublishedRevisionId: transactionId,
    })
    expect(lake.getDocument(id)).toMatchObject({ country: 'GB' })
  })

  it('unpublish keeps the content as a draft; unpublishing what is not published is refused', async () => {
    await client().action({ actionType: 'sanity.action.document.unpublish', draftId, publishedId: id })
    expect(lake.getDocument(id)).toBeUndefined()
    expect(lake.getDocument(draftId)).toMatchObject({ name: 'Edited draft', country: 'GB' })
    await expect(
      client().action({ actionType: 'sanity.action.document.unpublish', draftId, publishedId: id }),
    ).rejects.toMatchObject({ statusCode: 409 })
  })

  it('discard drops the draft; delete removes the published document and the drafts named', async () => {
    await client().action({ actionType: 'sanity.action.document.discard', draftId })
    expect(lake.getDocument(draftId)).toBeUndefined()
    await expect(client().action({ actionType: 'sanity.action.document.discard', draftId })).rejects.toMatchObject({
      statusCode: 409,
    })
    await client().createOrReplace({ _id: id, _type: 'brand', name: 'Published' })
    await client().createOrReplace({ _id: draftId, _type: 'brand', name: 'Draft' })
    await client().action({ actionType: 'sanity.action.document.delete', publishedId: id, includeDrafts: [draftId] })
    expect(lake.getDocument(id)).toBeUndefined()
    expect(lake.getDocument(draftId)).toBeUndefined()
  })

  it('several actions are one transaction: a refused one leaves the others undone', async () => {
    await expect(
      client().action([
        {
          actionType: 'sanity.action.document.create',
          publishedId: 'brand-actions-atomic',
          attributes: { _id: 'drafts.brand-actions-atomic', _type: 'brand', name: 'Atomic' },
          ifExists: 'fail',
        },
        { actionType: 'sanity.action.document.publish', draftId: 'drafts.nothing-here', publishedId: 'nothing-here' },
      ]),
    ).rejects.toMatchObject({ statusCode: 409 })
    expect(lake.getDocument('drafts.brand-actions-atomic')).toBeUndefined()
  })

  it("refuses an unknown action, and a draft id that is not the published id's draft, with 400", async () => {
    await expect(
      client().action({ actionType: 'sanity.action.document.explode', publishedId: id } as never),
    ).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringMatching(/unknown or unsupported actionType/),
    })
    await expect(
      client().action({
        actionType: 'sanity.action.document.edit',
        draftId: 'drafts.someone-else',
        publishedId: id,
        patch: { set: { name: 'x' } },
      }),
    ).rejects.toMatchObject({ statusCode: 400 })
  })
})
