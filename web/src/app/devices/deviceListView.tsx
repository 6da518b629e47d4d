import { devicesPerPage, pageCount } from '@microneedling/content/deviceList'
import type { Metadata } from 'next'
import Link from 'next/link'
import { DeviceCardList } from '@/components/DeviceCard'
import { DeviceFilterForm } from '@/components/DeviceFilterForm'
import { Notices } from '@/components/Notices'
import { Pagination } from '@/components/Pagination'
import { PartnerLinkFrame } from '@/components/PartnerLinkFrame'
import {
  type DeviceFilters,
  describeActiveFilters,
  listPageHref,
  parseDeviceFilters,
  parseListPage,
  type SearchParams,
} from '@/lib/catalogue/deviceFilters'
import { getDeviceFacets, getDeviceListPage, getSiteSettings } from '@/lib/content/siteContent'
import { pageMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/seo/urls'
import styles from './deviceListView.module.css'

/** Title, description and canonical of a list view; filtered views are not indexed. */
export function deviceListMetadata(raw: SearchParams): Promise<Metadata> {
  const { filters } = parseDeviceFilters(raw)
  const { page } = parseListPage(raw)
  const path = listPageHref(filters, page)
  const filtered = listPageHref(filters, 1) !== routes.devices
  return pageMetadata({
    title: page > 1 ? `All microneedling devices, page ${page}` : 'All microneedling devices',
    description:
      'Every home and professional microneedling device we have reviewed: filter by use, type, needle length, material, skin concern and price.',
    // Filtered views are the same list cut another way; the unfiltered pages are the ones to index.
    path: filtered ? routes.devices : path,
    noIndex: filtered,
  })
}

/**
 * The page asked for, or the last one when that is past the end (a shared link to a list that has
 * since shrunk), with a sentence saying so.
 */
async function loadListPage(filters: DeviceFilters, requested: number) {
  const listed = await getDeviceListPage(filters, requested)
  const pages = pageCount(listed.total)
  if (requested <= pages) return { listed, page: requested, notice: undefined }
  const last = await getDeviceListPage(filters, pages)
  const notice =
    listed.total === 0
      ? `There is no page ${requested}: no device matches these filters.`
      : `There is no page ${requested}: ${pages === 1 ? 'there is only one page' : `there are ${pages} pages`}, so here is the last.`
  return { listed: last, page: pages, notice }
}

/**
 * /devices, as a shopper asked for it: filters, sort order and page from the query string. Served
 * from ./page.tsx (any query) and ./view/[query]/page.tsx (canonical queries, cached).
 */
export async function DeviceListView({ rawParams }: { rawParams: SearchParams }) {
  const { filters, messages } = parseDeviceFilters(rawParams)
  const requested = parseListPage(rawParams)
  const [settings, { listed, page, notice }, facets] = await Promise.all([
    getSiteSettings(),
    loadListPage(filters, requested.page),
    getDeviceFacets(filters),
  ])
  const results = listed.devices
  const pages = pageCount(listed.total)
  const active = describeActiveFilters(filters)
  const notices = [...messages, ...requested.messages, ...(notice ? [notice] : [])]
  const first = (page - 1) * devicesPerPage + 1

  return (
    <PartnerLinkFrame settings={settings} devices={results}>
      {({ caveats }) => (
        <>
          <div className="page-intro">
            <h1>All microneedling devices</h1>
            <p className="lede">
              Every device we have reviewed, rated with the same method. Filter by how you will use it, the kind of
              device, its needles, the skin concern and price.
            </p>
          </div>

          <Notices title="Some of your choices could not be used" messages={notices} />

          <div className={styles.listing}>
            <DeviceFilterForm filters={filters} facets={facets} />
            <section aria-labelledby="results-heading">
              <h2 id="results-heading" className={styles.resultsCount}>
                {listed.total === listed.catalogueSize
                  ? `${listed.total} ${listed.total === 1 ? 'device' : 'devices'}`
                  : `${listed.total} of ${listed.catalogueSize} devices match`}
                {pages > 1 ? (
                  <span>
                    {' '}
                    · showing {first} to {first + results.length - 1}
                  </span>
                ) : null}
              </h2>
              {active.length > 0 ? (
                <ul className={styles.activeFilters} aria-label="Active filters">
                  {active.map((filter) => (
                    <li key={filter.name}>
                      <Link href={filter.withoutIt ? `${routes.devices}?${filter.withoutIt}` : routes.devices}>
                        {filter.text}
                        <span aria-hidden="true"> ×</span>
                        <span className="visually-hidden"> (remove this filter)</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
              {caveats}
              {results.length > 0 ? (
                <DeviceCardList devices={results} />
              ) : (
                <div className={styles.emptyState}>
                  <p>No device matches all of these filters.</p>
                  <p>
                    Try removing a filter above, or <Link href={routes.devices}>see every device</Link>.
                  </p>
                </div>
              )}
              <Pagination
                current={page}
                total={pages}
                href={(target) => listPageHref(filters, target)}
                label="Pages of devices"
              />
            </section>
          </div>
        </>
      )}
    </PartnerLinkFrame>
  )
}
