import type { Metadata } from 'next'
import Link from 'next/link'
import linkCards from '@/components/LinkCards.module.css'
import { getBestForGuideSummaries, getGuideSummaries } from '@/lib/content/siteContent'
import { pageMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/seo/urls'

export function generateMetadata(): Promise<Metadata> {
  return pageMetadata({
    title: 'Guides',
    description:
      'Plain guides to microneedling: home versus professional treatment, needle lengths, cleaning and safety.',
    path: routes.guides,
  })
}

export default async function GuidesPage() {
  const [guides, bestForGuides] = await Promise.all([getGuideSummaries(), getBestForGuideSummaries()])
  return (
    <>
      <div className="page-intro">
        <h1>Guides</h1>
        <p className="lede">
          What microneedling can and cannot do, and how to do it safely. Each guide is checked by a medical reviewer.
        </p>
      </div>
      {guides.length > 0 ? (
        <ul className={linkCards.cards}>
          {guides.map((guide) => (
            <li key={guide.slug}>
              <Link href={routes.guide(guide.slug)} className={linkCards.title}>
                {guide.title}
              </Link>
              {guide.summary ? <p>{guide.summary}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>There are no guides yet.</p>
      )}
      {bestForGuides.length > 0 ? (
        <section className="section" aria-labelledby="best-for-heading">
          <h2 id="best-for-heading">Best for your concern</h2>
          <p>Our picks for one skin concern at a time, with the reasons and when a clinic is the better answer.</p>
          <ul className={linkCards.cards} data-testid="best-for-guide-links">
            {bestForGuides.map((guide) => (
              <li key={guide.slug}>
                <Link href={routes.bestForGuide(guide.slug)} className={linkCards.title}>
                  {guide.title}
                </Link>
              </li>
            ))}
          </ul>
          <p>
            <Link href={routes.bestForGuides}>All best-for guides</Link>
          </p>
        </section>
      ) : null}
    </>
  )
}
