import type { Metadata } from 'next'
import Link from 'next/link'
import { retryAfterSeconds } from '@/lib/unavailableCopy'
import { routes } from '@/lib/urls'

/**
 * What a shopper sees, with a 503 and Retry-After, when a page that has never been generated is
 * asked for while the content source cannot answer. Pages already generated keep being served.
 * unavailableResponses.ts serves this page's HTML in place of the failed render; it reads no
 * content of its own, so it can be shown during the very outage it explains.
 */
export const metadata: Metadata = {
  title: 'Temporarily unavailable',
  robots: { index: false, follow: false },
}

export default function TemporarilyUnavailable() {
  const minutes = Math.max(1, Math.round(retryAfterSeconds / 60))
  return (
    <div className="not-found" data-unavailable="">
      <h1>This page is temporarily unavailable</h1>
      <p className="lede">
        We could not load its content just now. Nothing is wrong with your connection, and nothing has been lost: please
        try again in {minutes === 1 ? 'a minute' : `${minutes} minutes`}.
      </p>
      <p>Pages you have already seen on this site may still open in the meantime:</p>
      <ul className="link-cards">
        <li>
          <Link href={routes.devices} className="link-card-title" prefetch={false}>
            All devices
          </Link>
        </li>
        <li>
          <Link href={routes.guides} className="link-card-title" prefetch={false}>
            Guides
          </Link>
        </li>
      </ul>
      <p>
        Or go to the{' '}
        <Link href={routes.home} prefetch={false}>
          home page
        </Link>
        .
      </p>
    </div>
  )
}
