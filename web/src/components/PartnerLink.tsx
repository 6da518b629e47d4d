import { partnerLinkPath } from '@microneedling/content/partnerLinks'
import type { ReactNode } from 'react'
import { type PageKind, pageKindParameter } from '@/lib/clicks/pageKinds'
import button from './Button.module.css'
import styles from './PartnerLink.module.css'

/**
 * The only way the site links to a partner: through /go/ (which records the click and redirects),
 * marked as sponsored for search engines and as an affiliate link for people. A plain <a>, not
 * next/link, so the redirect is never prefetched or counted without a click. `from` says which kind
 * of page the link is on, for the click reports; it never changes where the link goes.
 */
export function PartnerLink({
  deviceSlug,
  offerKey,
  from,
  children,
  appearance = 'link',
}: {
  deviceSlug: string
  offerKey: string
  from: PageKind
  children: ReactNode
  appearance?: 'link' | 'button'
}) {
  return (
    <a
      href={`${partnerLinkPath(deviceSlug, offerKey)}?${pageKindParameter}=${from}`}
      rel="sponsored nofollow noopener"
      className={appearance === 'button' ? `${button.button} ${styles.button}` : undefined}
      data-partner-link=""
    >
      {children} <span className={styles.cue}>(affiliate link)</span>
    </a>
  )
}
