import type { DeviceSummary } from '@microneedling/content/schemas'
import { formFactors } from '@microneedling/content/vocabulary'
import type { Metadata } from 'next'
import Link from 'next/link'
import { DeviceCardList } from '@/components/DeviceCard'
import { DevicePictogram } from '@/components/DevicePictogram'
import linkCards from '@/components/LinkCards.module.css'
import { PartnerLinkFrame } from '@/components/PartnerLinkFrame'
import {
  getBestForGuideSummaries,
  getComparisonSummaries,
  getDeviceFacets,
  getSiteSettings,
  getTopRatedDevices,
} from '@/lib/content/siteContent'
import { pageMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/seo/urls'
import { formatDate, listInWords } from '@/lib/text/formatting'
import styles from './page.module.css'

export function generateMetadata(): Promise<Metadata> {
  return pageMetadata({
    title: 'Microneedling devices compared',
    description:
      'Home and professional microneedling devices compared on needle length and type, hygiene, skin concerns, price, pros and cons. Honest ratings, one method.',
    path: routes.home,
  })
}

/** The best-rated devices, with at least one for each use when there is one. */
function topPicks(top: Awaited<ReturnType<typeof getTopRatedDevices>>): DeviceSummary[] {
  const picks = [...top.overall]
  for (const best of [top.home, top.professional]) {
    if (!best || picks.some((device) => device.intendedUse === best.intendedUse)) continue
    picks.splice(picks.length - 1, 1, best)
  }
  return picks.sort((a, b) => b.rating - a.rating)
}

export default async function HomePage() {
  const [settings, top, facets, comparisons, bestForGuides] = await Promise.all([
    getSiteSettings(),
    getTopRatedDevices(3),
    getDeviceFacets({}),
    getComparisonSummaries(),
    getBestForGuideSummaries(),
  ])
  const picks = topPicks(top)
  const countOf = (counts: readonly { value: string; count: number }[], value: string) =>
    counts.find((entry) => entry.value === value)?.count ?? 0
  const homeCount = countOf(facets.use, 'home')
  const professionalCount = countOf(facets.use, 'professional')
  const deviceCount = homeCount + professionalCount
  const types = formFactors
    .map((term) => ({ ...term, count: countOf(facets.form, term.value) }))
    .filter((term) => term.count > 0)
  const plural = (count: number) => `${count} ${count === 1 ? 'device' : 'devices'}`

  return (
    <PartnerLinkFrame settings={settings} devices={picks}>
      {({ caveats }) => (
        <>
          <section className={styles.hero} aria-labelledby="hero-heading">
            <h1 id="hero-heading">Microneedling devices, compared plainly</h1>
            <p className="lede">
              Rollers, stamps and pens for home and clinic use, compared on what actually differs: needle length and
              type, material, replaceable parts, the skin concerns they are used for, price, pros and cons.
            </p>
          </section>

          <section className="section" aria-labelledby="by-use-heading">
            <h2 id="by-use-heading">Start with how you will use it</h2>
            <ul className={styles.waysIn}>
              <li>
                <Link href={`${routes.devices}?use=home`} className={styles.wayIn}>
                  <span className={styles.wayInTitle}>Home use</span>
                  <span>Short needles, usually 0.2 to 0.3 mm, for gentle use on your own skin.</span>
                  <span className={styles.wayInCount}>{plural(homeCount)}</span>
                </Link>
              </li>
              <li>
                <Link href={`${routes.devices}?use=professional`} className={styles.wayIn}>
                  <span className={styles.wayInTitle}>Professional use</span>
                  <span>Longer, sterile single-use needles, for trained practitioners.</span>
                  <span className={styles.wayInCount}>{plural(professionalCount)}</span>
                </Link>
              </li>
            </ul>
            <p>
              <Link href={routes.finder}>Not sure? Answer five questions and get a short list, with the reasons</Link>
            </p>
          </section>

          <section className="section" aria-labelledby="by-type-heading">
            <h2 id="by-type-heading">Or by type of device</h2>
            <ul className={styles.typeGrid}>
              {types.map((type) => (
                <li key={type.value}>
                  <Link href={`${routes.devices}?form=${type.value}`} className={styles.typeLink}>
                    <DevicePictogram formFactor={type.value} size="small" />
                    <span className={styles.typeText}>
                      <span className={styles.typeName}>{type.title}</span>
                      <span className={styles.typeCount}>{plural(type.count)}</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>

          <section className="section" aria-labelledby="picks-heading">
            <h2 id="picks-heading">Top-rated picks</h2>
            <p>
              The highest ratings we have given, each with the reason in one line. Every device is rated with the same
              method.
            </p>
            <DeviceCardList devices={picks} reasonLabel="Why we pick it:" />
            <p>
              <Link href={routes.devices}>See all {plural(deviceCount)}</Link>
            </p>
          </section>

          {bestForGuides.length > 0 ? (
            <section className="section" aria-labelledby="best-for-heading">
              <h2 id="best-for-heading">Best for your concern</h2>
              <ul className={linkCards.cards} data-testid="best-for-guide-links">
                {bestForGuides.map((guide) => (
                  <li key={guide.slug}>
                    <Link href={routes.bestForGuide(guide.slug)} className={linkCards.title}>
                      {guide.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section className={`section ${styles.explainer}`} aria-labelledby="explainer-heading">
            <h2 id="explainer-heading">Home or professional?</h2>
            <div className={styles.explainerColumns}>
              <div>
                <h3>Home devices</h3>
                <p>
                  Needles of about 0.2 to 0.3 mm that stay in the top layers of the skin. They can help skincare feel
                  and look better for a while, but they do far less than clinic treatment, and keeping them clean is up
                  to you.
                </p>
              </div>
              <div>
                <h3>Professional devices</h3>
                <p>
                  Needles from about 0.5 mm up to 2.5 mm or more, sterile and single-use, used by trained practitioners
                  for scarring and other concerns that home devices cannot reach.
                </p>
              </div>
            </div>
            <p>
              <Link href={routes.homeVersusProfessionalGuide}>Read the guide: home vs professional microneedling</Link>
            </p>
          </section>

          {caveats}

          {comparisons.length > 0 ? (
            <section className="section" aria-labelledby="comparisons-heading">
              <h2 id="comparisons-heading">Latest comparisons</h2>
              <ul className={linkCards.cards}>
                {comparisons.slice(0, 3).map((comparison) => (
                  <li key={comparison.slug}>
                    <Link href={routes.comparison(comparison.slug)} className={linkCards.title}>
                      {comparison.title}
                    </Link>
                    {comparison.devices.length > 0 ? (
                      <p className="meta">{listInWords(comparison.devices.map((device) => device.name))}</p>
                    ) : null}
                    <p>{comparison.verdict}</p>
                    {comparison.publishedAt ? (
                      <p className="meta">
                        <time dateTime={comparison.publishedAt}>{formatDate(comparison.publishedAt)}</time>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
              <p>
                <Link href={routes.compare}>Build your own comparison</Link>
              </p>
            </section>
          ) : null}
        </>
      )}
    </PartnerLinkFrame>
  )
}
