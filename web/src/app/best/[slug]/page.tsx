import { defaultPriceStaleDays } from '@microneedling/content/editorialChecks'
import { bestForRoles, titleOf } from '@microneedling/content/vocabulary'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { BestForGuideView } from '@/components/bestFor/BestForGuideView'
import { getBestForGuide, getBestForGuideSummaries, getSiteSettings, staticSlugs } from '@/lib/content/siteContent'
import { siteEnvironment } from '@/lib/env/siteEnvironment'
import { metaDescription, pageMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/seo/urls'
import { listInWords } from '@/lib/text/formatting'

export function generateStaticParams() {
  return staticSlugs(getBestForGuideSummaries)
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params
  const guide = await getBestForGuide(slug)
  if (!guide) return { title: 'Guide not found', robots: { index: false } }
  const picks = guide.picks.map((pick) => `${titleOf(bestForRoles, pick.role).toLowerCase()}: ${pick.device.name}`)
  return pageMetadata({
    title: guide.title,
    description: metaDescription(`Our ${listInWords(picks)}. ${guide.whoItIsFor}`),
    path: routes.bestForGuide(guide.slug),
    type: 'article',
  })
}

export default async function BestForGuidePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const [guide, settings] = await Promise.all([getBestForGuide(slug), getSiteSettings()])
  if (!guide) notFound()
  return (
    <BestForGuideView
      guide={guide}
      settings={settings}
      priceStaleDays={siteEnvironment().PRICE_STALE_DAYS ?? defaultPriceStaleDays}
      now={new Date()}
    />
  )
}
