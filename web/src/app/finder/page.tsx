import { findDevices, lowestBuyablePriceGbp, parseFinderAnswers } from '@microneedling/content/finder'
import type { Metadata } from 'next'
import { FinderView } from '@/components/finder/FinderView'
import type { SearchParams } from '@/lib/catalogue/deviceFilters'
import { allowSharedCaching, getFinderCandidatePage, getSiteSettings } from '@/lib/content/siteContent'
import { loadFinderCandidates } from '@/lib/finder/finderCandidates'
import { finderFormValues, hasFinderAnswers } from '@/lib/finder/finderForm'
import { pageMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/seo/urls'

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  return pageMetadata({
    title: 'Find a microneedling device',
    description:
      'Answer five questions about your skin concern, the area, your experience, budget and setting, and get a short list of devices with the reasons for each.',
    path: routes.finder,
    // Every combination of answers is the same page asked another way, without end: the questions
    // are the one page to index, and a shared link to answers still opens for whoever follows it.
    noIndex: hasFinderAnswers(await searchParams),
  })
}

/**
 * /finder: rendered per request from the answers in the query string, and the same for everyone
 * with that URL, so a CDN may keep it for a minute like a filtered list.
 */
export default async function FinderPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [rawParams] = await Promise.all([searchParams, allowSharedCaching()])
  const parsed = parseFinderAnswers(rawParams)
  const [settings, candidates] = await Promise.all([
    getSiteSettings(),
    hasFinderAnswers(rawParams) ? loadFinderCandidates(parsed.answers, getFinderCandidatePage) : undefined,
  ])
  const outcome = candidates && {
    candidates,
    result: findDevices(candidates.devices, parsed.answers, { priceOf: lowestBuyablePriceGbp }),
  }
  return <FinderView parsed={parsed} formValues={finderFormValues(rawParams)} outcome={outcome} settings={settings} />
}
