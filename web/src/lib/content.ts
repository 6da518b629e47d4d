import 'server-only'
import {
  ContentUnavailableError,
  type LoadOptions,
  loadAuthors,
  loadComparison,
  loadComparisonSummaries,
  loadDevice,
  loadDeviceSummaries,
  loadGuide,
  loadGuideSummaries,
  loadSitemapEntries,
  loadSiteSettings,
  type SiteSettings,
  SiteSettingsUnavailableError,
} from '@microneedling/content'
import { draftMode } from 'next/headers'
import { unstable_rethrow } from 'next/navigation'
import { cache } from 'react'
import { contentSource } from './contentSource'
import { withUsableOffers } from './offers'
import { markContentUnavailable } from './requestOutcome'

/**
 * What pages read: the content package's loaders (zod-parsed, bad documents left out and logged),
 * memoised per request so a layout, its page and generateMetadata share one query.
 *
 * In draft mode (previews from the Studio's Presentation tool, Content Lake only) the loaders read
 * the drafts perspective with stega encoding; otherwise published content, cached by tag.
 *
 * When the content source cannot answer, the error goes on up: a page is never rendered (and so
 * never cached) without its content. ISR keeps serving the last good version of a page it has
 * generated; a page never generated answers 503 "temporarily unavailable" (see
 * unavailableResponses.ts), because the request is marked here.
 */

const readOptions = cache(async (): Promise<LoadOptions> => {
  if (contentSource().kind !== 'content-lake') return {}
  let previewing = false
  try {
    previewing = (await draftMode()).isEnabled
  } catch (error) {
    // Outside a request (generateStaticParams at build time) there is no draft mode to ask about.
    unstable_rethrow(error)
  }
  return previewing ? { perspective: 'drafts', stega: true } : {}
})

async function read<T>(load: (options: LoadOptions) => Promise<T>): Promise<T> {
  const options = await readOptions()
  try {
    return await load(options)
  } catch (error) {
    if (error instanceof ContentUnavailableError) markContentUnavailable()
    throw error
  }
}

/**
 * Site settings, or null when they are missing or fail their schema. Pages then render without
 * partner links, since the disclosure that must precede them is unavailable. A source that cannot
 * answer at all is different: that is an outage, not bad content, and the page is not rendered.
 */
export const getSiteSettings = cache(async (): Promise<SiteSettings | null> => {
  try {
    return await read((options) => loadSiteSettings(contentSource(), options))
  } catch (error) {
    if (error instanceof SiteSettingsUnavailableError) return null
    throw error
  }
})

export const getDeviceSummaries = cache(async () =>
  (await read((options) => loadDeviceSummaries(contentSource(), options))).map(withUsableOffers),
)

export const getDevice = cache(async (slug: string) => {
  const device = await read((options) => loadDevice(contentSource(), slug, options))
  return device && withUsableOffers(device)
})

export const getComparisonSummaries = cache(() => read((options) => loadComparisonSummaries(contentSource(), options)))

export const getComparison = cache(async (slug: string) => {
  const comparison = await read((options) => loadComparison(contentSource(), slug, options))
  return comparison && { ...comparison, devices: comparison.devices.map(withUsableOffers) }
})
export const getGuideSummaries = cache(() => read((options) => loadGuideSummaries(contentSource(), options)))
export const getGuide = cache((slug: string) => read((options) => loadGuide(contentSource(), slug, options)))
export const getAuthors = cache(() => read((options) => loadAuthors(contentSource(), options)))
export const getSitemapEntries = cache(() => read(() => loadSitemapEntries(contentSource())))

/** Static params for a listing; an unreachable source at build time leaves pages to render on demand. */
export async function staticSlugs(load: () => Promise<{ slug: string }[]>): Promise<{ slug: string }[]> {
  try {
    return (await load()).map(({ slug }) => ({ slug }))
  } catch (error) {
    console.error(`[content] no static params: ${error instanceof Error ? error.message : String(error)}`)
    return []
  }
}
