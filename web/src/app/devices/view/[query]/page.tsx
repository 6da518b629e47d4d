import type { Metadata } from 'next'
import { viewQuery } from '@/lib/routing/deviceListCache'
import { DeviceListView, deviceListMetadata } from '../../deviceListView'

/**
 * A /devices list view the proxy rewrote here (lib/routing/deviceListCache.ts): rendered on its first
 * request and kept, like a device page, so a popular filter costs what a static page costs.
 * Refreshed by the revalidation webhook's tags, and at most a minute after the content changes.
 */
export const revalidate = 60

export function generateStaticParams(): { query: string }[] {
  return []
}

export async function generateMetadata({ params }: { params: Promise<{ query: string }> }): Promise<Metadata> {
  return deviceListMetadata(viewQuery((await params).query))
}

export default async function CachedDeviceListPage({ params }: { params: Promise<{ query: string }> }) {
  return <DeviceListView rawParams={viewQuery((await params).query)} />
}
