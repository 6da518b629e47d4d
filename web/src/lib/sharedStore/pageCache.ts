import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru'
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings'
import { processWide } from '../processWide'
import { type SharedStore, sharedKeyPrefix } from './sharedStore'

/**
 * Next.js's cache (rendered pages, the data cache of `unstable_cache`, tag expiry) kept in Redis
 * for every server, through @fortedigital/nextjs-cache-handler (loaded by web/cache-handler.mjs).
 *
 * Each server also keeps copies of what it served, in memory (bounded below):
 * - while it hears the announcements of content changes (contentChanges.ts), its copy is current,
 *   so it serves it without asking Redis: an announcement expires the same tags here;
 * - while it does not (Redis down, or the subscription reconnecting), Redis is asked first and the
 *   copy is the fallback, so a page is served from the copy or rendered when Redis does not answer
 *   within the deadline.
 */

type Handler = ReturnType<typeof createLruHandler>

/**
 * Expiring a tag reads the list of every entry's tags (redis-strings keeps one hash of them), which
 * grows with the catalogue: the webhook, which no shopper waits for, allows it this long.
 */
const expiryDeadlineMs = 30_000

/** Bounds of each server's copies: entries, and their total size as JSON (pages are tens of KB). */
const copyLimits = { maxItemsNumber: 5_000, maxItemSizeBytes: 256 * 1024 * 1024 }

export interface PageCopies {
  /** Content under these tags changed on some server. */
  forget(tags: readonly string[]): void
  /** Changes may have been missed (the subscription was down): nothing here is trusted. */
  forgetAll(): void
}

export interface SharedPageCache {
  handler: Handler
  copies: PageCopies
}

export function createSharedPageCache(store: SharedStore, copiesAreCurrent: () => boolean): SharedPageCache {
  const shared = createRedisHandler({
    client: store.client,
    keyPrefix: `${sharedKeyPrefix}next:`,
    timeoutMs: store.timeoutMs,
  })
  let local = createLruHandler(copyLimits)
  const remember = (key: string, value: Parameters<Handler['set']>[1]) => local.set(key, value).catch(() => undefined)
  const handler: Handler = {
    name: 'shared-with-local-copies',
    async get(key, meta) {
      const copy = await local.get(key, meta)
      if (copy && copiesAreCurrent()) return copy
      // While the connection is down this fails at once, and the copy (or nothing) answers.
      try {
        const value = await store.run(() => shared.get(key, meta))
        if (value && value.lastModified !== copy?.lastModified) await remember(key, value)
        return value
      } catch {
        return copy
      }
    },
    async set(key, value, context) {
      await local.set(key, value, context)
      await store.run(() => shared.set(key, value, context)).catch(() => undefined)
    },
    async revalidateTag(tag) {
      await local.revalidateTag(tag)
      // Rejects when Redis does not answer; the webhook then answers so that Sanity delivers it again.
      await store.run(() => shared.revalidateTag(tag), expiryDeadlineMs)
    },
    async delete(key) {
      await local.delete?.(key)
      await store.run(async () => shared.delete?.(key)).catch(() => undefined)
    },
  }
  return {
    handler,
    copies: {
      forget(tags) {
        for (const tag of tags) void local.revalidateTag(tag)
      },
      forgetAll() {
        local = createLruHandler(copyLimits)
      },
    },
  }
}

/** Where web/cache-handler.mjs (loaded by Next.js outside the bundles) finds the handler made at start-up. */
export const sharedPageCacheKey = 'sharedPageCache'

export function registerSharedPageCache(create: () => SharedPageCache): SharedPageCache {
  return processWide(sharedPageCacheKey, create)
}

/** The handler made at start-up, if this server shares Redis. */
export function registeredSharedPageCache(): SharedPageCache | undefined {
  return processWide<SharedPageCache | undefined>(sharedPageCacheKey, () => undefined)
}
