import type { Metadata } from 'next'
import Link from 'next/link'
import { CompareDeviceFinder } from '@/components/CompareDeviceFinder'
import { ComparisonTable } from '@/components/ComparisonTable'
import linkCards from '@/components/LinkCards.module.css'
import { NeedleDepthChart } from '@/components/NeedleDepthChart'
import { Notices } from '@/components/Notices'
import { PartnerLinkFrame } from '@/components/PartnerLinkFrame'
import type { SearchParams } from '@/lib/catalogue/deviceFilters'
import { maxCompared, requestedSlugs, resolveCompareSelection } from '@/lib/compare/compareSelection'
import {
  allowSharedCaching,
  getComparisonSummaries,
  getDevicesBySlugs,
  getSimilarDevices,
  getSiteSettings,
  getTopRatedDevices,
  searchDeviceChoices,
} from '@/lib/content/siteContent'
import { pageMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/seo/urls'
import { listInWords } from '@/lib/text/formatting'

/** Only the devices the URL names are loaded: the page costs what it shows, whatever the catalogue's size. */
async function selection(searchParams: Promise<SearchParams>) {
  const params = await searchParams
  const named = await getDevicesBySlugs(requestedSlugs(params.devices))
  const bySlug = new Map(named.map((device) => [device.slug, device]))
  const resolved = resolveCompareSelection(params.devices, bySlug)
  return { params, resolved, chosen: resolved.slugs.map((slug) => bySlug.get(slug)!) }
}

/** What the finder offers: search results for `q`, and devices like those chosen (or the best rated). */
async function finderChoices(
  params: SearchParams,
  chosen: { slug: string; formFactor: string; intendedUse: string }[],
) {
  const raw = Array.isArray(params.q) ? params.q[0] : params.q
  const searchText = (raw ?? '').trim().slice(0, 100)
  const exclude = chosen.map((device) => device.slug)
  if (chosen.length >= maxCompared) return { searchText, found: null, suggestions: [], suggestionsTitle: '' }
  const [found, suggestions] = await Promise.all([
    searchText ? searchDeviceChoices(searchText, exclude, 8) : null,
    chosen.length > 0
      ? getSimilarDevices(chosen, exclude, 4)
      : getTopRatedDevices(4).then((top) =>
          top.overall.map(({ _id, name, slug, brand, formFactor, intendedUse }) => ({
            _id,
            name,
            slug,
            brand: brand.name,
            formFactor,
            intendedUse,
          })),
        ),
  ])
  const suggestionsTitle = chosen.length > 0 ? 'Similar devices' : 'Or start with one of our top-rated devices'
  return { searchText, found, suggestions, suggestionsTitle }
}

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { resolved, chosen } = await selection(searchParams)
  if (!resolved.complete) {
    return pageMetadata({
      title: 'Compare microneedling devices',
      description:
        'Put two to four microneedling devices side by side: needles, hygiene, concerns, price, pros and cons.',
      path: routes.compare,
      noIndex: resolved.slugs.length > 0,
    })
  }
  const names = chosen.map((device) => device.name)
  return pageMetadata({
    title: `${names.join(' vs ')}`,
    description: `${listInWords(names)} side by side: needle length and type, material, replaceable parts, skin concerns, price, pros and cons.`,
    path: routes.compareDevices(resolved.slugs),
  })
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [settings, comparisons, { params, resolved, chosen }] = await Promise.all([
    getSiteSettings(),
    getComparisonSummaries(),
    selection(searchParams),
    allowSharedCaching(),
  ])
  const finder = <CompareDeviceFinder selected={resolved.slugs} {...(await finderChoices(params, chosen))} />
  const removeHref = (slug: string) => routes.compareDevices(resolved.slugs.filter((other) => other !== slug))

  return (
    <PartnerLinkFrame settings={settings} devices={chosen} withMedicalDisclaimer>
      {(slots) => (
        <>
          <div className="page-intro">
            <h1>Compare devices</h1>
            <p className="lede">
              {resolved.complete
                ? `${chosen.length} devices side by side. Rows where they differ are marked “Differs”; on a small screen, scroll the table sideways.`
                : 'Put two to four devices side by side. Rows where they differ are marked “Differs”.'}
            </p>
          </div>

          <Notices
            title={resolved.complete ? 'About your comparison' : 'Nothing to compare yet'}
            messages={resolved.notices}
          />

          {resolved.complete ? null : chosen.length === 1 ? (
            <p data-intended-use={chosen[0]!.intendedUse}>
              You have chosen the <Link href={routes.device(chosen[0]!.slug)}>{chosen[0]!.name}</Link>.
            </p>
          ) : null}

          {resolved.complete ? null : finder}
          {/* A chosen home device is shown before the table is, so its caveats come with it. */}
          {resolved.complete ? null : slots.caveats}

          {resolved.complete ? (
            <>
              <section className="section" aria-labelledby="table-heading">
                <h2 id="table-heading" className="visually-hidden">
                  Side by side
                </h2>
                <ComparisonTable
                  from="compare"
                  devices={chosen}
                  partnerLinksAllowed={slots.partnerLinksAllowed}
                  removeHref={removeHref}
                />
              </section>
              {finder}
              {slots.caveats}
              <section className="section" aria-labelledby="depth-heading">
                <h2 id="depth-heading">How deep the needles go</h2>
                <NeedleDepthChart devices={chosen} id="compare-depth" />
              </section>
            </>
          ) : null}

          {comparisons.length > 0 ? (
            <section className="section" aria-labelledby="curated-heading">
              <h2 id="curated-heading">
                {resolved.complete ? 'Our written comparisons' : 'Or start from one of our comparisons'}
              </h2>
              <ul className={linkCards.cards}>
                {comparisons.map((comparison) => (
                  <li key={comparison.slug}>
                    <Link href={routes.comparison(comparison.slug)} className={linkCards.title}>
                      {comparison.title}
                    </Link>
                    <p>{comparison.verdict}</p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </PartnerLinkFrame>
  )
}
