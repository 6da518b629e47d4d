import type { MutationEvent } from '@sanity/client'
import { applyPatch } from 'mendoza'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientFor, startTestLake } from './support/testLake.ts'

/**
 * The listener as @sanity/client (and so the Studio) consumes it: a welcome, then one mutation
 * event per matching document with revisions, transition, mutations and mendoza effects that turn
 * the previous document into the new one.
 */

let lake: Awaited<ReturnType<typeof startTestLake>>

beforeAll(async () => {
  lake = await startTestLake()
})
afterAll(() => lake?.close())

function listen(
  query: string,
  params: Record<string, unknown>,
  options: Record<string, unknown> = {},
  token?: string | null,
) {
  const events: (MutationEvent | { type: string })[] = []
  const client = clientFor(lake, token === undefined ? {} : { token })
  let welcomed: () => void = () => undefined
  const welcome = new Promise<void>((resolve) => {
    welcomed = resolve
  })
  const subscription = client
    .listen(query, params, { events: ['welcome', 'mutation'], effectFormat: 'mendoza', ...options } as never)
    .subscribe((event: { type: string }) => {
      if (event.type === 'welcome') welcomed()
      else events.push(event)
    })
  return { events, welcome, stop: () => subscription.unsubscribe() }
}

async function eventually(check: () => void, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return check()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
}

describe('listener', () => {
  it('sends a welcome, then an event for each change the filter matches before or after', async () => {
    const listener = listen('*[_type == "brand" && country == $country]', { country: 'GB' })
    await listener.welcome
    await clientFor(lake).createOrReplace({ _id: 'brand-listen', _type: 'brand', name: 'Listen', country: 'GB' })
    await clientFor(lake).patch('brand-listen').set({ country: 'FR' }).commit()
    await clientFor(lake).patch('brand-listen').set({ name: 'Out of the filter now' }).commit()
    await clientFor(lake).createOrReplace({ _id: 'brand-other', _type: 'brand', name: 'Other', country: 'DE' })
    await eventually(() => expect(listener.events).toHaveLength(2))
    await new Promise((resolve) => setTimeout(resolve, 100))
    listener.stop()
    const [appeared, leftFilter] = listener.events as MutationEvent[]
    expect(appeared).toMatchObject({ type: 'mutation', documentId: 'brand-listen', transition: 'appear' })
    expect(appeared).not.toHaveProperty('previousRev')
    expect(appeared!.result).toMatchObject({ name: 'Listen' })
    // Matched before the change, not after: still sent, so a list can drop the document.
    expect(leftFilter).toMatchObject({ transition: 'update', previousRev: appeared!.resultRev })
    expect(listener.events).toHaveLength(2)
  })

  it('carries mutations and mendoza effects that rebuild the document from the previous revision', async () => {
    const listener = listen('*[_id in $ids]', { ids: ['brand-effects', 'drafts.brand-effects'] })
    await listener.welcome
    const client = clientFor(lake)
    await client.createOrReplace({ _id: 'brand-effects', _type: 'brand', name: 'Before' })
    const before = lake.getDocument('brand-effects')!
    await client.patch('brand-effects').set({ name: 'After' }).commit()
    const after = lake.getDocument('brand-effects')!
    await eventually(() => expect(listener.events).toHaveLength(2))
    listener.stop()
    const update = listener.events[1] as MutationEvent & { effects: { apply: unknown; revert: unknown } }
    const { _rev: _beforeRev, ...beforeContent } = before
    const { _rev: _afterRev, ...afterContent } = after
    expect(applyPatch(beforeContent, update.effects.apply as never)).toEqual(afterContent)
    expect(applyPatch(afterContent, update.effects.revert as never)).toEqual(beforeContent)
    expect(update.mutations).toEqual([{ patch: { id: 'brand-effects', set: { name: 'After' } } }])
    expect(update).toMatchObject({ previousRev: before._rev, resultRev: after._rev, transactionTotalEvents: 1 })
  })

  it('a publish is one transaction of two events: the draft disappears, the published document appears', async () => {
    const client = clientFor(lake)
    await client.createOrReplace({ _id: 'drafts.brand-publish', _type: 'brand', name: 'To publish' })
    const listener = listen('*[_id in $ids]', { ids: ['brand-publish', 'drafts.brand-publish'] })
    await listener.welcome
    const { transactionId } = await client.action({
      actionType: 'sanity.action.document.publish',
      draftId: 'drafts.brand-publish',
      publishedId: 'brand-publish',
    })
    await eventually(() => expect(listener.events).toHaveLength(2))
    listener.stop()
    expect(listener.events).toEqual([
      expect.objectContaining({
        documentId: 'drafts.brand-publish',
        transition: 'disappear',
        transactionId,
        transactionTotalEvents: 2,
        transactionCurrentEvent: 1,
      }),
      expect.objectContaining({
        documentId: 'brand-publish',
        transition: 'appear',
        transactionId,
        transactionTotalEvents: 2,
        transactionCurrentEvent: 2,
      }),
    ])
  })

  it('anonymous listeners never hear of drafts', async () => {
    const listener = listen('*[_type == "brand"]', {}, {}, null)
    await listener.welcome
    await clientFor(lake).createOrReplace({ _id: 'drafts.brand-secret', _type: 'brand', name: 'Secret' })
    await clientFor(lake).createOrReplace({ _id: 'brand-public', _type: 'brand', name: 'Public' })
    await eventually(() => expect(listener.events).toHaveLength(1))
    await new Promise((resolve) => setTimeout(resolve, 100))
    listener.stop()
    expect(listener.events.map((event) => (event as MutationEvent).documentId)).toEqual(['brand-public'])
  })
})
