import type { Metadata } from 'next'
import type { SearchParams } from '@/lib/catalogue/deviceFilters'
import { allowSharedCaching } from '@/lib/content/siteContent'
import { CompareView, compareMetadata } from './compareView'

/**
 * /compare with a search, with fewer than two devices, or with anything the page must answer with a
 * message: rendered for each request. A plain comparison of known devices goes to ./view (the proxy).
 */
export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  return compareMetadata(await searchParams)
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [params] = await Promise.all([searchParams, allowSharedCaching()])
  return <CompareView params={params} />
}
