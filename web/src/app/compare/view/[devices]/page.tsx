import type { Metadata } from 'next'
import { CompareView, compareMetadata } from '../../compareView'

/**
 * A comparison the proxy rewrote here (lib/routing/compareViewCache.ts): two to four known devices
 * and nothing else. Rendered on its first request and kept, like a device page, so a popular
 * comparison costs what a static page costs. Refreshed by the revalidation webhook's tags, and at
 * most a minute after the content changes.
 */
export const revalidate = 60

export function generateStaticParams(): { devices: string }[] {
  return []
}

const compareParams = async (params: Promise<{ devices: string }>) => ({
  devices: decodeURIComponent((await params).devices),
})

export async function generateMetadata({ params }: { params: Promise<{ devices: string }> }): Promise<Metadata> {
  return compareMetadata(await compareParams(params))
}

export default async function KeptComparisonPage({ params }: { params: Promise<{ devices: string }> }) {
  return <CompareView params={await compareParams(params)} />
}
