import { CacheHandler } from '@fortedigital/nextjs-cache-handler'

/**
 * Next.js's cache handler when the servers share Redis (next.config.ts names this file only then).
 * Next.js loads it itself, outside the bundles, so it only hands over the handler that start-up
 * made (src/lib/sharedStore/pageCache.ts) and registered on globalThis.
 */
CacheHandler.onCreation(() => {
  const shared = globalThis[Symbol.for('microneedling.sharedPageCache')]
  if (!shared) throw new Error('[shared store] the shared page cache was not made at start-up (instrumentation.ts)')
  return { handlers: [shared.handler] }
})

export default CacheHandler
