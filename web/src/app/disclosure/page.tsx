import type { Metadata } from 'next'
import Link from 'next/link'
import { RichText } from '@/components/RichText'
import { getSiteSettings } from '@/lib/content/siteContent'
import { pageMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/seo/urls'

export function generateMetadata(): Promise<Metadata> {
  return pageMetadata({
    title: 'Affiliate disclosure',
    description: 'How this site makes money from partner links, and why that never changes a rating.',
    path: routes.disclosure,
  })
}

export default async function DisclosurePage() {
  const settings = await getSiteSettings()
  return (
    <article className="prose-page">
      <h1>Affiliate disclosure</h1>
      {settings ? (
        <>
          <p className="lede">{settings.affiliateDisclosureShort}</p>
          <RichText value={settings.affiliateDisclosureFull} />
        </>
      ) : (
        <p>The full disclosure cannot be shown right now. While it is unavailable, this site shows no partner links.</p>
      )}
      <p>
        Every partner link on this site is marked “affiliate link”. Read{' '}
        <Link href={routes.about}>how we review devices</Link>.
      </p>
    </article>
  )
}
