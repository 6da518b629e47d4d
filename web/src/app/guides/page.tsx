import type { Metadata } from 'next'
import Link from 'next/link'
import linkCards from '@/components/LinkCards.module.css'
import { getGuideSummaries } from '@/lib/content/siteContent'
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
  const guides = await getGuideSummaries()
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
    </>
  )
}
