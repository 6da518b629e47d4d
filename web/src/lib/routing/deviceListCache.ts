import {
  type DeviceFilters,
  hasRangeFilters,
  listPageHref,
  parseDeviceFilters,
  parseListPage,
  type SearchParams,
} from '../catalogue/deviceFilters'

/** Pages past this are rendered for each request rather than kept: no list of ours is this long. */
const maxCachedPage = 500
const viewPrefix = '/devices/view/'
/** The parameters a kept view may have: filters with a fixed list of values, the sort and the page. */
const keptParameters = new Set(['use', 'form', 'material', 'concern', 'sort', 'page'])

/** A view the proxy keeps: its path, and what it shows. */
export interface CachedDeviceListView {
  path: string
  /** What the view shows: the proxy checks that the list has this page (listPageLimits.ts). */
  filters: DeviceFilters
  page: number
}

/**
 * Where the proxy sends a /devices request so Next.js renders it once and keeps it (revalidated
 * by tag and every minute): the view named by its canonical query, so equivalent URLs share one
 * copy. Null for a query the page must answer with a message, for price and needle ranges (their
 * values are endless, so their views are rendered per request from cached query results) and for
 * very deep pages.
 */
export function cachedDeviceListView(searchParams: URLSearchParams): CachedDeviceListView | null {
  const raw = asSearchParams(searchParams)
  const { filters, messages } = parseDeviceFilters(raw)
  const { page, messages: pageMessages } = parseListPage(raw)
  const unknownKeys = [...searchParams.keys()].some((key) => !keptParameters.has(key))
  if (messages.length > 0 || pageMessages.length > 0 || unknownKeys) return null
  // Only filters with a fixed list of values: their views are few enough to keep every one.
  if (hasRangeFilters(filters) || page > maxCachedPage) return null
  const query = new URL(listPageHref(filters, page), 'http://site.invalid').search.slice(1)
  return { path: `${viewPrefix}${query ? encodeURIComponent(query) : 'all'}`, filters, page }
}

/**
 * The view of a /devices/view/ path, when it is one cachedDeviceListView gives: only those are
 * rendered and kept, so a made-up address cannot add a page to the cache.
 */
export function cachedDeviceListViewOfPath(pathname: string): CachedDeviceListView | null {
  const segment = pathname.slice(viewPrefix.length)
  if (!pathname.startsWith(viewPrefix) || !segment || segment.includes('/')) return null
  let query: string
  try {
    query = segment === 'all' ? '' : decodeURIComponent(segment)
  } catch {
    return null
  }
  const view = cachedDeviceListView(new URLSearchParams(query))
  return view?.path === pathname ? view : null
}

/** The query string a cached view stands for (the inverse of cachedDeviceListView). */
export function viewQuery(segment: string): SearchParams {
  const query = segment === 'all' ? '' : decodeURIComponent(segment)
  return asSearchParams(new URLSearchParams(query))
}

/** A query string in the shape pages receive their search parameters in. */
function asSearchParams(params: URLSearchParams): SearchParams {
  const raw: SearchParams = {}
  for (const key of new Set(params.keys())) raw[key] = params.getAll(key)
  return raw
}
