import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { ComparisonTable } from '@/components/ComparisonTable'
import { NeedleDepthChart } from '@/components/NeedleDepthChart'
import { Notice } from '@/components/Notices'
import { PartnerLinkFrame } from '@/components/PartnerLinkFrame'
import { RichText } from '@/components/RichText'
import { getComparison, getComparisonSummaries, getSiteSettings, staticSlugs } from '@/lib/content/siteContent'
import { metaDescription, pageMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/seo/urls'
import { formatDate } from '@/lib/text/formatting'
import styles from './page.module.css'

export function generateStaticParams() {
  return staticSlugs(getComparisonSummaries)
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params
  const comparison = await getComparison(slug)
  if (!comparison) return { title: 'Comparison not found', robots: { index: false } }
  return pageMetadata({
    title: comparison.title,
    description: metaDescription(comparison.verdict),
    path: routes.comparison(comparison.slug),
    type: 'article',
  })
}

export default async function CuratedComparisonPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const [comparison, settings] = await Promise.all([getComparison(slug), getSiteSettings()])
  if (!comparison) notFound()
  const devices = comparison.devices
  const crumbs = [
    { name: 'Home', href: routes.home },
    { name: 'Compare', href: routes.compare },
    { name: comparison.title, href: routes.comparison(comparison.slug) },
  ]

  return (
    <PartnerLinkFrame settings={settings} devices={devices} withMedicalDisclaimer>
      {({ partnerLinksAllowed, caveats }) => (
        <>
          <Breadcrumbs items={crumbs} />
          <article>
            <header className="page-intro">
              <h1>{comparison.title}</h1>
              {comparison.publishedAt ? (
                <p className="meta">
                  Published <time dateTime={comparison.publishedAt}>{formatDate(comparison.publishedAt)}</time>
                </p>
              ) : null}
              <p className={styles.verdict}>
                <strong>Our verdict:</strong> {comparison.verdict}
              </p>
            </header>

            {devices.length >= 2 ? (
              <section className="section" aria-labelledby="table-heading">
                <h2 id="table-heading">Side by side</h2>
                <ComparisonTable from="comparison" devices={devices} partnerLinksAllowed={partnerLinksAllowed} />
                <p>
                  <Link href={routes.compareDevices(devices.map((device) => device.slug))} prefetch={false}>
                    Change the devices in this comparison
                  </Link>
                </p>
              </section>
            ) : (
              <Notice>
                Some devices in this comparison are no longer listed, so the table is not shown.{' '}
                <Link href={routes.compare}>Build your own comparison</Link>.
              </Notice>
            )}

            {caveats}

            <section className="section" aria-labelledby="body-heading">
              <h2 id="body-heading">Our comparison</h2>
              <RichText value={comparison.body} />
            </section>

            {devices.length > 0 ? (
              <section className="section" aria-labelledby="depth-heading">
                <h2 id="depth-heading">How deep the needles go</h2>
                <NeedleDepthChart devices={devices} id="comparison-depth" />
              </section>
            ) : null}
          </article>
        </>
      )}
    </PartnerLinkFrame>
  )
}
