import type { Metadata } from 'next'
import type { SearchParams } from '@/lib/catalogue/deviceFilters'
import { allowSharedCaching } from '@/lib/content/siteContent'
import { DeviceListView, deviceListMetadata } from './deviceListView'

/**
 * /devices with a query the proxy did not send to the cached view (./view/[query]): one with values
 * the page must answer with a message, or with price and needle ranges, whose values are endless.
 */
export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  return deviceListMetadata(await searchParams)
}

export default async function DevicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [rawParams] = await Promise.all([searchParams, allowSharedCaching()])
  return <DeviceListView rawParams={rawParams} />
}
