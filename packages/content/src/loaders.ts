import type { z } from 'zod'
import { cacheTags } from './cacheTags.ts'
import { type DeviceFilters, deviceFacetParams, deviceListPageParams } from './deviceList.ts'
import { deviceSearchTerms } from './deviceSearch.ts'
import * as queries from './queries.ts'
import { describeIssues, reportRejection } from './rejections.ts'
import * as schemas from './schemas.ts'
import type { ContentSource, Perspective, QueryParams } from './source/types.ts'

/** A query failed to answer (network, HTTP error, malformed reply): pages decide how to degrade. */
export class ContentUnavailableError extends Error {
  override name = 'ContentUnavailableError'
  readonly queryName: string

  constructor(queryName: string, cause: unknown) {
    super(`content query "${queryName}" failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
    this.queryName = queryName
  }
}

export interface LoadOptions {
  /** `drafts` in draft mode (previews); published content otherwise. */
  perspective?: Perspective
  /** Previews only: see FetchOptions.stega. */
  stega?: boolean
  /** The parameters come from what a visitor typed, with no limit to their values: see FetchOptions. */
  paramsFromVisitors?: boolean
}

async function run(
  source: ContentSource,
  queryName: keyof typeof queries,
  params: QueryParams,
  tags: string[],
  options: LoadOptions,
): Promise<unknown> {
  try {
    // biome-ignore lint/performance/noDynamicNamespaceImportAccess: every query is used; the name is for the log
    return await source.fetch(queries[queryName], params, { tags, ...options })
  } catch (error) {
    const failure = new ContentUnavailableError(queryName, error)
    console.error(`[content] ${failure.message}`)
    throw failure
  }
}

/** Parses a single document; one that fails is reported by id and treated as absent. */
function parseOne<S extends z.ZodType>(schema: S, raw: unknown, where: string): z.output<S> | null {
  if (raw === null || raw === undefined) return null
  const result = schema.safeParse(raw)
  if (result.success) return result.data
  reportRejection(raw, where, result.error)
  return null
}

function parseList<S extends z.ZodType>(schema: S, raw: unknown, where: string): z.output<S>[] {
  return schemas.lenientList(schema, where).parse(Array.isArray(raw) ? raw : [])
}

export class SiteSettingsUnavailableError extends Error {
  override name = 'SiteSettingsUnavailableError'
}

/**
 * Site settings carry the disclosure and caveats that pages with partner links must show, so
 * unlike other documents they cannot simply be left out: without them, those pages cannot render.
 */
export async function loadSiteSettings(source: ContentSource, options: LoadOptions = {}) {
  const raw = await run(source, 'siteSettingsQuery', {}, [cacheTags.settings], options)
  const result = schemas.siteSettingsSchema.safeParse(raw)
  if (!result.success) {
    const problems = raw ? describeIssues(result.error) : ['the siteSettings document is missing']
    console.error(`[content] siteSettings unusable: ${problems.join('; ')}`)
    throw new SiteSettingsUnavailableError(`site settings are unusable: ${problems.join('; ')}`)
  }
  return result.data
}

/** One page of the filtered, sorted catalogue, with the number of matches and of all devices. */
export async function loadDeviceListPage(
  source: ContentSource,
  filters: DeviceFilters,
  page: number,
  options: LoadOptions & { pageSize?: number } = {},
) {
  const { pageSize, ...loadOptions } = options
  const params = deviceListPageParams(filters, page, pageSize)
  const raw = await run(source, 'deviceListPageQuery', params, [cacheTags.devices], loadOptions)
  return schemas.deviceListPageSchema.parse(raw)
}

/** For each filter option, how many devices it would give with the other filters kept. */
export async function loadDeviceFacets(
  source: ContentSource,
  filters: Omit<DeviceFilters, 'sort'>,
  options: LoadOptions = {},
) {
  const raw = await run(source, 'deviceFacetsQuery', deviceFacetParams(filters), [cacheTags.devices], options)
  return schemas.deviceFacetsSchema.parse(raw)
}

/** The `count` best-rated devices, and the best for each use (for picks that cover both). */
export async function loadTopRatedDevices(source: ContentSource, count: number, options: LoadOptions = {}) {
  const raw = await run(source, 'topRatedDevicesQuery', { count }, [cacheTags.devices], options)
  return schemas.topRatedDevicesSchema.parse(raw)
}

/** Device pages worth rendering at build time: the `count` best rated and every compared device. */
export async function loadPrerenderedDeviceSlugs(source: ContentSource, count: number) {
  const raw = await run(
    source,
    'prerenderedDeviceSlugsQuery',
    { count },
    [cacheTags.devices, cacheTags.comparisons],
    {},
  )
  const { topRated, compared } = schemas.prerenderedDeviceSlugsSchema.parse(raw)
  return [...new Set([...topRated, ...compared])]
}

/** Devices whose name or brand match every word of `text`, best rated first. */
export async function searchDevices(
  source: ContentSource,
  text: string,
  { exclude = [], limit }: { exclude?: string[]; limit: number },
  options: LoadOptions = {},
) {
  const terms = deviceSearchTerms(text)
  if (terms.length === 0) return []
  const raw = await run(source, 'deviceSearchQuery', { terms, exclude, limit }, [cacheTags.devices], {
    ...options,
  })
  return parseList(schemas.deviceChoiceSchema, raw, 'device search result')
}

/** Devices of the same form factors and uses as `like`, best rated first, for one-click adding. */
export async function loadSimilarDevices(
  source: ContentSource,
  like: readonly { formFactor: string; intendedUse: string }[],
  { exclude = [], limit }: { exclude?: string[]; limit: number },
  options: LoadOptions = {},
) {
  if (like.length === 0) return []
  const params = {
    formFactors: [...new Set(like.map((device) => device.formFactor))].sort(),
    intendedUses: [...new Set(like.map((device) => device.intendedUse))].sort(),
    exclude: [...exclude].sort(),
    limit,
  }
  const raw = await run(source, 'similarDevicesQuery', params, [cacheTags.devices], options)
  return parseList(schemas.deviceChoiceSchema, raw, 'similar device')
}

export async function loadDevice(source: ContentSource, slug: string, options: LoadOptions = {}) {
  const raw = await run(source, 'deviceBySlugQuery', { slug }, [cacheTags.devices, cacheTags.device(slug)], options)
  return parseDevicePage(raw)
}

/**
 * One decision per device: when only fields its page alone shows are bad, the page renders
 * without them (and the log names the device and the fields); when a field lists need is bad, the
 * device is left out of lists and page alike.
 */
function parseDevicePage(raw: unknown): schemas.DeviceDetail | null {
  if (raw === null || raw === undefined) return null
  const result = schemas.deviceDetailSchema.safeParse(raw)
  if (result.success) return result.data
  const badFields = new Set(result.error.issues.map((issue) => issue.path[0]))
  const optional: ReadonlySet<unknown> = new Set(schemas.optionalDevicePageFields)
  const retried =
    typeof raw === 'object' && [...badFields].every((field) => optional.has(field))
      ? schemas.deviceDetailSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([f]) => !badFields.has(f))))
      : undefined
  reportRejection(raw, retried?.success ? 'device page, shown without these fields' : 'device page', result.error)
  return retried?.success ? retried.data : null
}

/** Devices in the order the slugs were given; unknown slugs are simply absent. */
export async function loadDevicesBySlugs(source: ContentSource, slugs: string[], options: LoadOptions = {}) {
  if (slugs.length === 0) return []
  const raw = await run(
    source,
    'devicesBySlugsQuery',
    { slugs },
    [cacheTags.devices, ...slugs.map(cacheTags.device)],
    options,
  )
  const devices = parseList(schemas.deviceSummarySchema, raw, 'compared device')
  const bySlug = new Map(devices.map((device) => [device.slug, device]))
  return slugs.flatMap((slug) => bySlug.get(slug) ?? [])
}

export async function loadComparisonSummaries(source: ContentSource, options: LoadOptions = {}) {
  const raw = await run(source, 'comparisonSummariesQuery', {}, [cacheTags.comparisons], options)
  return parseList(schemas.comparisonSummarySchema, raw, 'comparison list')
}

export async function loadComparison(source: ContentSource, slug: string, options: LoadOptions = {}) {
  const raw = await run(
    source,
    'comparisonBySlugQuery',
    { slug },
    [cacheTags.comparisons, cacheTags.comparison(slug), cacheTags.devices],
    options,
  )
  return parseOne(schemas.comparisonDetailSchema, raw, 'comparison page')
}

export async function loadGuideSummaries(source: ContentSource, options: LoadOptions = {}) {
  const raw = await run(source, 'guideSummariesQuery', {}, [cacheTags.guides], options)
  return parseList(schemas.guideSummarySchema, raw, 'guide list')
}

export async function loadGuide(source: ContentSource, slug: string, options: LoadOptions = {}) {
  const raw = await run(
    source,
    'guideBySlugQuery',
    { slug },
    [cacheTags.guides, cacheTags.guide(slug), cacheTags.authors],
    options,
  )
  return parseOne(schemas.guideDetailSchema, raw, 'guide page')
}

export async function loadBestForGuideSummaries(source: ContentSource, options: LoadOptions = {}) {
  const raw = await run(source, 'bestForGuideSummariesQuery', {}, [cacheTags.bestForGuides], options)
  return parseList(schemas.bestForGuideSummarySchema, raw, 'best-for guide list')
}

/** Tagged with devices and authors too: a pick's price, stock or name, and the byline, are shown on the page. */
export async function loadBestForGuide(source: ContentSource, slug: string, options: LoadOptions = {}) {
  const raw = await run(
    source,
    'bestForGuideBySlugQuery',
    { slug },
    [cacheTags.bestForGuides, cacheTags.bestForGuide(slug), cacheTags.devices, cacheTags.authors],
    options,
  )
  return parseOne(schemas.bestForGuideDetailSchema, raw, 'best-for guide page')
}

export async function loadAuthors(source: ContentSource, options: LoadOptions = {}) {
  const raw = await run(source, 'authorsQuery', {}, [cacheTags.authors], options)
  return parseList(schemas.authorWithBioSchema, raw, 'author list')
}

export async function loadOfferRedirect(source: ContentSource, device: string, offer: string) {
  const raw = await run(
    source,
    'offerRedirectQuery',
    { device, offer },
    [cacheTags.device(device), cacheTags.partners],
    {},
  )
  return parseOne(schemas.offerRedirectSchema, raw, 'offer redirect')
}

/**
 * Whether the source answers right now: one small query that no cache may answer. The revalidation
 * webhook asks this before expiring cached pages, so that an outage never turns pages that are
 * still good into "temporarily unavailable" ones. Throws ContentUnavailableError when it does not.
 */
export async function confirmContentAnswers(source: ContentSource): Promise<void> {
  await run(source, 'siteSettingsQuery', {}, [], {})
}

/** Every slug with a page, and every device's offer keys (see knownPathsQuery). */
export async function loadKnownPaths(source: ContentSource) {
  const raw = await run(
    source,
    'knownPathsQuery',
    {},
    [cacheTags.devices, cacheTags.comparisons, cacheTags.guides, cacheTags.bestForGuides],
    {},
  )
  return schemas.knownPathsSchema.parse(raw ?? {})
}

/**
 * One sitemap's pages: devices `start` to `end` (in id order, so sitemaps do not shift when a
 * device is renamed) and, with `withEditorial`, every comparison and guide of either kind.
 */
export async function loadSitemapEntries(
  source: ContentSource,
  { start, end, withEditorial }: { start: number; end: number; withEditorial: boolean },
) {
  const tags = [cacheTags.devices, cacheTags.comparisons, cacheTags.guides, cacheTags.bestForGuides]
  const raw = await run(source, 'sitemapQuery', { start, end, withEditorial }, tags, {})
  return schemas.sitemapSchema.parse(raw ?? {})
}

/** How many devices have a page. */
export async function loadListedDeviceCount(source: ContentSource) {
  const raw = await run(source, 'listedDeviceCountQuery', {}, [cacheTags.devices], {})
  return schemas.listedDeviceCountSchema.parse(raw)
}
