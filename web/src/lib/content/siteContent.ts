import 'server-only'
import type { DeviceFilters } from '@microneedling/content/deviceList'
import {
  ContentUnavailableError,
  type LoadOptions,
  loadAuthors,
  loadBestForGuide,
  loadBestForGuideSummaries,
  loadComparison,
  loadComparisonSummaries,
  loadDevice,
  loadDeviceFacets,
  loadDeviceListPage,
  loadDevicesBySlugs,
  loadGuide,
  loadGuideSummaries,
  loadListedDeviceCount,
  loadPrerenderedDeviceSlugs,
  loadSimilarDevices,
  loadSitemapEntries,
  loadSiteSettings,
  loadTopRatedDevices,
  SiteSettingsUnavailableError,
  searchDevices,
} from '@microneedling/content/loaders'
import type { SiteSettings } from '@microneedling/content/schemas'
import { draftMode } from 'next/headers'
import { unstable_rethrow } from 'next/navigation'
import { cache } from 'react'
import { hasRangeFilters } from '../catalogue/deviceFilters'
import { markContentUnavailable, markSharedCacheable } from '../outage/requestOutcome'
import { withUsableOffers } from '../partnerLinks/usableOffers'
import { contentSource } from './contentSource'

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

/**
 * Lets a CDN keep this response: for pages the URL and published content decide (filtered lists,
 * comparisons). Previews stay private.
 */
export async function allowSharedCaching(): Promise<void> {
  if ((await readOptions()).perspective === 'drafts') return
  markSharedCacheable()
}

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

/** One page of the filtered catalogue: the query filters, sorts and counts; the page shows it. */
/**
 * List and facet answers are kept in Next's data cache when their filters have fixed values (a
 * bounded set, and the only kind a static or cached page may read), and in the bounded in-process
 * cache when they have price or needle ranges, whose values are endless (see contentSource.ts).
 */
const visitorsOwnValues = (filters: Omit<DeviceFilters, 'sort'>) => hasRangeFilters(filters)

export const getDeviceListPage = cache(async (filters: DeviceFilters, page: number) => {
  const listed = await read((options) =>
    loadDeviceListPage(contentSource(), filters, page, { ...options, paramsFromVisitors: visitorsOwnValues(filters) }),
  )
  return { ...listed, devices: listed.devices.map(withUsableOffers) }
})

/**
 * The finder's candidates: the first `count` devices of a filtered list, best rated first (see
 * lib/finder/finderCandidates.ts). Larger than a list page, so always kept in the bounded cache.
 */
export const getFinderCandidatePage = cache(async (filters: DeviceFilters, count: number) => {
  const listed = await read((options) =>
    loadDeviceListPage(contentSource(), filters, 1, { ...options, pageSize: count, paramsFromVisitors: true }),
  )
  return { ...listed, devices: listed.devices.map(withUsableOffers) }
})

export const getDeviceFacets = cache((filters: Omit<DeviceFilters, 'sort'>) =>
  read((options) =>
    loadDeviceFacets(contentSource(), filters, { ...options, paramsFromVisitors: visitorsOwnValues(filters) }),
  ),
)

export const getTopRatedDevices = cache(async (count: number) => {
  const top = await read((options) => loadTopRatedDevices(contentSource(), count, options))
  return {
    overall: top.overall.map(withUsableOffers),
    home: top.home && withUsableOffers(top.home),
    professional: top.professional && withUsableOffers(top.professional),
  }
})

export const getListedDeviceCount = cache(() => read(() => loadListedDeviceCount(contentSource())))

/**
 * The devices a shopper picked, in the order picked; unknown slugs are absent. Sets of devices, like
 * the similar devices below, are endless in combination: kept in the bounded cache, never on disk.
 */
export const getDevicesBySlugs = cache(async (slugs: readonly string[]) =>
  (
    await read((options) => loadDevicesBySlugs(contentSource(), [...slugs], { ...options, paramsFromVisitors: true }))
  ).map(withUsableOffers),
)

export const searchDeviceChoices = cache((text: string, exclude: readonly string[], limit: number) =>
  read((options) =>
    searchDevices(contentSource(), text, { exclude: [...exclude], limit }, { ...options, paramsFromVisitors: true }),
  ),
)

export const getSimilarDevices = cache(
  (like: readonly { formFactor: string; intendedUse: string }[], exclude: readonly string[], limit: number) =>
    read((options) =>
      loadSimilarDevices(
        contentSource(),
        like,
        { exclude: [...exclude], limit },
        { ...options, paramsFromVisitors: true },
      ),
    ),
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
export const getBestForGuideSummaries = cache(() =>
  read((options) => loadBestForGuideSummaries(contentSource(), options)),
)
export const getBestForGuide = cache(async (slug: string) => {
  const guide = await read((options) => loadBestForGuide(contentSource(), slug, options))
  // Picks link to shops; competitors are only named, so their offers need no check.
  return guide && { ...guide, picks: guide.picks.map((pick) => ({ ...pick, device: withUsableOffers(pick.device) })) }
})
export const getAuthors = cache(() => read((options) => loadAuthors(contentSource(), options)))
export const getSitemapEntries = cache((start: number, end: number, withEditorial: boolean) =>
  read(() => loadSitemapEntries(contentSource(), { start, end, withEditorial })),
)

/**
 * Device pages rendered at build time: the best rated and every device a written comparison
 * names. The rest render on their first request and are cached from then on, so a build's length
 * does not grow with the catalogue.
 */
export const prerenderedDeviceCount = 48
export function getPrerenderedDeviceSlugs() {
  return loadPrerenderedDeviceSlugs(contentSource(), prerenderedDeviceCount).then((slugs) =>
    slugs.map((slug) => ({ slug })),
  )
}

/** Static params for a listing; an unreachable source at build time leaves pages to render on demand. */
export async function staticSlugs(load: () => Promise<{ slug: string }[]>): Promise<{ slug: string }[]> {
  try {
    return (await load()).map(({ slug }) => ({ slug }))
  } catch (error) {
    console.error(`[content] no static params: ${error instanceof Error ? error.message : String(error)}`)
    return []
  }
}
