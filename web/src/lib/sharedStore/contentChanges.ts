import { z } from 'zod'
import { type SharedStore, sharedKeyPrefix } from './sharedStore'

/**
 * The webhook reaches one server; the others learn of the change from it, through Redis's
 * publish/subscribe, and empty what they keep in memory under the expired tags (siteCaches.ts).
 * A server whose subscription was down may have missed announcements: once it is back, it empties
 * everything it keeps.
 */

const channel = `${sharedKeyPrefix}content-changed`
const announcementSchema = z.object({ tags: z.array(z.string().min(1).max(256)).max(100) })

export type ContentChange = readonly string[] | 'everything'

/** Tells every server (this one included) that content under these tags changed. Rejects when Redis does not answer. */
export async function announceContentChange(store: SharedStore, tags: readonly string[]): Promise<void> {
  await store.run((client) => client.publish(channel, JSON.stringify({ tags })))
}

export interface ContentChangeListener {
  /** Whether announcements are being heard now: only then is what this server keeps known to be current. */
  listening(): boolean
}

export function listenForContentChanges(
  store: SharedStore,
  onChange: (change: ContentChange) => void,
): ContentChangeListener {
  const subscriber = store.subscriber()
  let subscribed = false
  let missedSome = false
  const listener = (message: string) => {
    const announcement = announcementSchema.safeParse(safeJson(message))
    // Something this site did not send: anything may have changed.
    onChange(announcement.success ? announcement.data.tags : 'everything')
  }
  // On every connection, not once: a subscription asked for while the first connection failed is
  // lost. (When the client has renewed it already, this only finds it in place.)
  subscriber.on('ready', () => {
    if (missedSome) onChange('everything')
    missedSome = false
    subscriber.subscribe(channel, listener).then(
      () => {
        subscribed = true
      },
      (error: unknown) => console.error(`[shared store] could not listen for content changes: ${String(error)}`),
    )
  })
  subscriber.on('reconnecting', () => {
    missedSome = true
    subscribed = false
  })
  return { listening: () => subscribed && subscriber.isReady && !missedSome }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
