import { resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { repositoryRoot } from '@microneedling/content/config'
import type { FeedPartner } from '@microneedling/feeds/feedCatalogue'
import { fetchFeed } from '@microneedling/feeds/fetchFeed'
import type { FeedSource } from '@microneedling/feeds/readFeed'
import { feedImportSettings } from './feedImportSettings'

/**
 * Where a partner's feed is read from: its https address, or (outside production, for trying
 * imports out) a file: URL or a path inside the repository, like the sample partners give.
 */
export function feedLocation(address: string, filesAllowed: boolean): URL {
  const fileProblem = 'Feeds named by a file are read only outside production; give the feed’s https address.'
  if (URL.canParse(address)) {
    const url = new URL(address)
    if (url.protocol === 'file:' && !filesAllowed) throw new Error(fileProblem)
    return url
  }
  if (!filesAllowed) throw new Error(fileProblem)
  const path = resolve(repositoryRoot, address)
  if (!path.startsWith(repositoryRoot + sep)) throw new Error(`The feed path ${address} leads out of the repository.`)
  return pathToFileURL(path)
}

/** The partner's feed as bytes, fetched within the time and size limits, redirects to its own hosts only. */
export async function partnerFeed(partner: FeedPartner): Promise<FeedSource> {
  if (!partner.feed) throw new Error(`${partner.name} names no feed.`)
  const settings = feedImportSettings()
  return fetchFeed(feedLocation(partner.feed.url, settings.filesAllowed), {
    timeoutMs: settings.fetchTimeoutMs,
    maxBytes: settings.maxBytes,
    allowedHosts: partner.allowedHosts,
  })
}
