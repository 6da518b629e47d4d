import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { Byline } from '@/components/Byline'
import { MedicalDisclaimer } from '@/components/MedicalDisclaimer'
import { RichText } from '@/components/RichText'
import { medicalDisclaimer } from '@/lib/compliance/pageCompliance'
import { getGuide, getGuideSummaries, getSiteSettings, staticSlugs } from '@/lib/content/siteContent'
import { metaDescription, pageMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/seo/urls'

export function generateStaticParams() {
  return staticSlugs(getGuideSummaries)
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params
  const guide = await getGuide(slug)
  if (!guide) return { title: 'Guide not found', robots: { index: false } }
  return pageMetadata({
    title: guide.title,
    description: metaDescription(guide.summary ?? `${guide.title}: a plain guide to microneedling.`),
    path: routes.guide(guide.slug),
    type: 'article',
  })
}

export default async function GuidePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const [guide, settings] = await Promise.all([getGuide(slug), getSiteSettings()])
  if (!guide) notFound()
  const crumbs = [
    { name: 'Home', href: routes.home },
    { name: 'Guides', href: routes.guides },
    { name: guide.title, href: routes.guide(guide.slug) },
  ]
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <article>
        <header className="page-intro">
          <h1>{guide.title}</h1>
          {guide.summary ? <p className="lede">{guide.summary}</p> : null}
          <Byline writer={guide.writer} medicalReviewer={guide.medicalReviewer} lastReviewedAt={guide.lastReviewedAt} />
        </header>
        <RichText value={guide.body} />
      </article>
      <MedicalDisclaimer text={medicalDisclaimer(settings)} />
    </>
  )
}
