import 'server-only'
import {
  ContentUnavailableError,
  loadAuthors,
  loadComparison,
  loadComparisonSummaries,
  loadDevice,
  loadDeviceSummaries,
  loadGuide,
  loadGuideSummaries,
  loadSiteSettings,
  loadSitemapEntries,
  SiteSettingsUnavailableError,
  type SiteSettings,
} from '@microneedling/content'
import { cache } from 'react'
import { contentSource } from './contentSource'
import { withUsableOffers } from './offers'

/**
 * What pages read: the content package's loaders (zod-parsed, bad documents left out and logged),
 * memoised per request so a layout, its page and generateMetadata share one query.
 */

/**
 * Site settings, or null when they are missing or fail their schema. Pages then render without
 * partner links, since the disclosure that must precede them is unavailable.
 */
export const getSiteSettings = cache(async (): Promise<SiteSettings | null> => {
  try {
    return await loadSiteSettings(contentSource())
  } catch (error) {
    if (error instanceof SiteSettingsUnavailableError || error instanceof ContentUnavailableError) return null
    throw error
  }
})

export const getDeviceSummaries = cache(async () => (await loadDeviceSummaries(contentSource())).map(withUsableOffers))

export const getDevice = cache(async (slug: string) => {
  const device = await loadDevice(contentSource(), slug)
  return device && withUsableOffers(device)
})

export const getComparisonSummaries = cache(() => loadComparisonSummaries(contentSource()))

export const getComparison = cache(async (slug: string) => {
  const comparison = await loadComparison(contentSource(), slug)
  return comparison && { ...comparison, devices: comparison.devices.map(withUsableOffers) }
})
export const getGuideSummaries = cache(() => loadGuideSummaries(contentSource()))
export const getGuide = cache((slug: string) => loadGuide(contentSource(), slug))
export const getAuthors = cache(() => loadAuthors(contentSource()))
export const getSitemapEntries = cache(() => loadSitemapEntries(contentSource()))

/** Static params for a listing; an unreachable source at build time leaves pages to render on demand. */
export async function staticSlugs(load: () => Promise<{ slug: string }[]>): Promise<{ slug: string }[]> {
  try {
    return (await load()).map(({ slug }) => ({ slug }))
  } catch (error) {
    console.error(`[content] no static params: ${error instanceof Error ? error.message : String(error)}`)
    return []
  }
}
