import type { SiteSettings } from '@microneedling/content/schemas'
import Link from 'next/link'
import { routes } from '@/lib/seo/urls'

/**
 * The short affiliate disclosure. Pages put it first in <main>, so it comes before any partner link
 * and is on screen at once, even on a phone.
 */
export function AffiliateDisclosure({ settings }: { settings: SiteSettings }) {
  return (
    <p className="affiliate-disclosure" data-testid="affiliate-disclosure">
      <span className="affiliate-disclosure-label">Ad disclosure:</span> {settings.affiliateDisclosureShort}{' '}
      <Link href={routes.disclosure}>How we make money</Link>
    </p>
  )
}
