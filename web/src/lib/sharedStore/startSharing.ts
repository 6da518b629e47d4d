import { forgetLocalCopies } from '../caches/siteCaches'
import { listenForContentChanges } from './contentChanges'
import { createSharedPageCache, registerSharedPageCache } from './pageCache'
import { sharedStore } from './sharedStore'

/**
 * At start-up, with REDIS_URL: the page cache Next.js is handed (cache-handler.mjs) and the
 * subscription to other servers' content changes. Nothing waits for Redis to answer.
 */
export function startSharing(): void {
  const store = sharedStore()
  if (!store) return
  const listener = listenForContentChanges(store, (change) => {
    forgetLocalCopies(change)
    console.info(
      `[shared store] content changed (${change === 'everything' ? 'anything may have' : change.join(', ')}): this server's copies of it are emptied`,
    )
  })
  registerSharedPageCache(() => createSharedPageCache(store, listener.listening))
  console.info('[shared store] pages, the data cache and report sessions are shared through Redis')
}
