import { concerns, titleOf } from '@microneedling/content/vocabulary'
import type { Metadata } from 'next'
import Link from 'next/link'
import linkCards from '@/components/LinkCards.module.css'
import { getBestForGuideSummaries } from '@/lib/content/siteContent'
import { pageMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/seo/urls'
import { formatDate } from '@/lib/text/formatting'

export function generateMetadata(): Promise<Metadata> {
  return pageMetadata({
    title: 'Best-for guides',
    description:
      'Our picks of microneedling devices for one skin concern at a time, with the reasons, who they suit and when a clinic is the better answer.',
    path: routes.bestForGuides,
  })
}

export default async function BestForGuidesPage() {
  const guides = await getBestForGuideSummaries()
  return (
    <>
      <div className="page-intro">
        <h1>Best-for guides</h1>
        <p className="lede">
          One skin concern at a time: the device we would pick, a cheaper one and one worth paying more for, with the
          reasons. Each guide is checked by a medical reviewer.
        </p>
      </div>
      {guides.length > 0 ? (
        <ul className={linkCards.cards} data-testid="best-for-guide-list">
          {guides.map((guide) => (
            <li key={guide.slug}>
              <Link href={routes.bestForGuide(guide.slug)} className={linkCards.title}>
                {guide.title}
              </Link>
              <p className="meta">
                {titleOf(concerns, guide.concern)} · updated{' '}
                <time dateTime={guide.lastUpdatedAt}>{formatDate(guide.lastUpdatedAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>There are no best-for guides yet.</p>
      )}
    </>
  )
}
