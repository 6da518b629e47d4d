import { announceContentChange } from './contentChanges'
import { registeredSharedPageCache } from './pageCache'
import { sharedStore } from './sharedStore'

export type SharedExpiry = 'alone' | 'everywhere' | 'here only'

/**
 * Expires these tags in the shared cache, then tells every server to empty its copies. In that
 * order: a server told first could copy the old entry from Redis again. ('alone': no REDIS_URL.)
 * Next.js's own `revalidateTag` runs after the webhook's answer, too late for the announcement.
 */
export async function expireEverywhere(tags: readonly string[]): Promise<SharedExpiry> {
  const store = sharedStore()
  if (!store) return 'alone'
  const pages = registeredSharedPageCache()
  try {
    for (const tag of tags) await pages?.handler.revalidateTag(tag)
    await announceContentChange(store, tags)
    return 'everywhere'
  } catch (error) {
    console.error(`[shared store] ${tags.join(', ')} expired on this server only: ${String(error)}`)
    return 'here only'
  }
}
