import type { SiteSettings } from '@microneedling/content/schemas'
import Link from 'next/link'
import { routes } from '@/lib/seo/urls'
import styles from './AffiliateDisclosure.module.css'

/**
 * The short affiliate disclosure. Pages put it first in <main>, so it comes before any partner link
 * and is on screen at once, even on a phone.
 */
export function AffiliateDisclosure({ settings }: { settings: SiteSettings }) {
  return (
    <p className={styles.disclosure} data-testid="affiliate-disclosure">
      <span className={styles.label}>Ad disclosure:</span> {settings.affiliateDisclosureShort}{' '}
      <Link href={routes.disclosure}>How we make money</Link>
    </p>
  )
}
