import { revalidateTag } from 'next/cache'
import { forgetVisitorQueryAnswers } from '../content/contentSource'
import { forgetKnownPaths } from '../routing/knownPaths'
import { forgetListPageCounts } from '../routing/listPageLimits'
import type { ContentChange } from '../sharedStore/contentChanges'
import { expireEverywhere, type SharedExpiry } from '../sharedStore/expireEverywhere'
import { registeredSharedPageCache } from '../sharedStore/pageCache'

/**
 * Content under these tags changed (or anything may have): this server empties what it keeps of it.
 * Every cache the site keeps is listed in cacheInventory.ts.
 */
export function forgetLocalCopies(change: ContentChange): void {
  forgetKnownPaths()
  forgetListPageCounts()
  forgetVisitorQueryAnswers(change)
  const pages = registeredSharedPageCache()
  if (change === 'everything') pages?.copies.forgetAll()
  else pages?.copies.forget(change)
}

/**
 * Expires the pages and answers cached under these tags, on this server and, with REDIS_URL, on
 * every server. `{ expire: 0 }`: the next request for such a page waits for fresh content instead
 * of being served the old page while it refreshes ('max'). An editor who fixes a price expects the
 * next shopper to see it. (`updateTag` would do the same but is for Server Actions only.)
 */
export async function expireTags(tags: readonly string[]): Promise<SharedExpiry> {
  if (tags.length === 0) return 'alone'
  for (const tag of tags) revalidateTag(tag, { expire: 0 })
  forgetLocalCopies(tags)
  return expireEverywhere(tags)
}
