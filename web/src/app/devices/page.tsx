import type { Metadata } from 'next'
import Link from 'next/link'
import { AffiliateDisclosure } from '@/components/AffiliateDisclosure'
import { DeviceCard } from '@/components/DeviceCard'
import { DeviceFilterForm } from '@/components/DeviceFilterForm'
import { HomeDeviceCaveats } from '@/components/HomeDeviceCaveats'
import { Notices } from '@/components/Notices'
import { getDeviceSummaries, getSiteSettings } from '@/lib/content'
import {
  applyDeviceFilters,
  describeActiveFilters,
  filtersToSearchParams,
  parseDeviceFilters,
  type SearchParams,
} from '@/lib/deviceFilters'
import { pageMetadata } from '@/lib/metadata'
import { homeDeviceCaveats, includesHomeDevice } from '@/lib/pageCopy'
import { routes } from '@/lib/urls'

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { filters } = parseDeviceFilters(await searchParams)
  const query = filtersToSearchParams(filters).toString()
  return pageMetadata({
    title: 'All microneedling devices',
    description:
      'Every home and professional microneedling device we have reviewed: filter by use, type, needle length, material, skin concern and price.',
    // Filtered views are the same page; the unfiltered list is the one to index.
    path: routes.devices,
    noIndex: query !== '',
  })
}

export default async function DevicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [settings, devices, rawParams] = await Promise.all([getSiteSettings(), getDeviceSummaries(), searchParams])
  const { filters, messages } = parseDeviceFilters(rawParams)
  const results = applyDeviceFilters(devices, filters)
  const active = describeActiveFilters(filters)

  return (
    <>
      {settings ? <AffiliateDisclosure settings={settings} /> : null}
      <div className="page-intro">
        <h1>All microneedling devices</h1>
        <p className="lede">
          Every device we have reviewed, rated with the same method. Filter by how you will use it, the kind of device,
          its needles, the skin concern and price.
        </p>
      </div>

      <Notices title="Some of your choices could not be used" messages={messages} />

      <div className="listing">
        <DeviceFilterForm filters={filters} />
        <section className="listing-results" aria-labelledby="results-heading">
          <h2 id="results-heading" className="results-count">
            {results.length === devices.length
              ? `${results.length} ${results.length === 1 ? 'device' : 'devices'}`
              : `${results.length} of ${devices.length} devices match`}
          </h2>
          {active.length > 0 ? (
            <ul className="active-filters" aria-label="Active filters">
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
          {includesHomeDevice(results) ? <HomeDeviceCaveats caveats={homeDeviceCaveats(settings)} /> : null}
          {results.length > 0 ? (
            <ul className="device-grid">
              {results.map((device) => (
                <li key={device.slug}>
                  <DeviceCard device={device} />
                </li>
              ))}
            </ul>
          ) : (
            <div className="empty-state">
              <p>No device matches all of these filters.</p>
              <p>
                Try removing a filter above, or <Link href={routes.devices}>see every device</Link>.
              </p>
            </div>
          )}
        </section>
      </div>
    </>
  )
}
