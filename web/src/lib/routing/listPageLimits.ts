import { type DeviceFilters, defaultDeviceSortOrder, pageCount } from '@microneedling/content/deviceList'
import { loadDeviceListPage } from '@microneedling/content/loaders'
import type { ContentSource } from '@microneedling/content/source/types'
import { filtersToSearchParams } from '../catalogue/deviceFilters'
import { processWide } from '../processWide'

/**
 * How many pages each kept list view has, so the proxy keeps only pages that exist: a page past
 * the end (made up, or left from before devices were removed) is answered for each request, with
 * its message, and never kept. One count per combination of fixed-value filters, so the entries
 * are bounded by the vocabulary; each is trusted for `listPageCountMaxAgeMs` and dropped by the
 * revalidation webhook.
 */

export const listPageCountMaxAgeMs = 30_000

interface Entry {
  pages: Promise<number>
  at: number
  generation: number
}

interface Holder {
  /** Raised by the webhook: counts from an earlier generation are not trusted. */
  generation: number
  counts: WeakMap<ContentSource, Map<string, Entry>>
}

// Process-wide: the proxy and the webhook route are separate bundles in one server process.
const holder = () => processWide<Holder>('listPageCounts', () => ({ generation: 0, counts: new WeakMap() }))

/** Whether a list with these filters has this page; throws when the content source cannot say. */
export async function listPageExists(
  source: ContentSource,
  filters: DeviceFilters,
  page: number,
  now = Date.now(),
): Promise<boolean> {
  if (page <= 1) return true
  const state = holder()
  let counts = state.counts.get(source)
  if (!counts) {
    counts = new Map()
    state.counts.set(source, counts)
  }
  const countFilters = { ...filters, sort: defaultDeviceSortOrder }
  const key = filtersToSearchParams(countFilters).toString()
  let entry = counts.get(key)
  if (!entry || entry.generation !== state.generation || now - entry.at >= listPageCountMaxAgeMs) {
    const pages = loadDeviceListPage(source, countFilters, 1, { pageSize: 0 }).then(({ total }) => pageCount(total))
    entry = { pages, at: now, generation: state.generation }
    counts.set(key, entry)
    const loading = entry
    // A failed count is not kept: the next request asks again.
    pages.catch(() => {
      if (counts.get(key) === loading) counts.delete(key)
    })
  }
  return page <= (await entry.pages)
}

/** Published content changed: the next check counts again. */
export function forgetListPageCounts(): void {
  holder().generation += 1
}
