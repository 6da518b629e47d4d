import type { Metadata } from 'next'
import Link from 'next/link'
import { routes } from '@/lib/seo/urls'

export const metadata: Metadata = {
  title: 'Page not found',
  robots: { index: false, follow: true },
}

export default function NotFound() {
  return (
    <div className="not-found">
      <h1>We could not find that page</h1>
      <p className="lede">
        The link may be old, or the device or offer may no longer be listed. These are good places to carry on:
      </p>
      <ul className="link-cards">
        <li>
          <Link href={routes.devices} className="link-card-title">
            All devices
          </Link>
          <p>Every device we review, with filters for use, needles and price.</p>
        </li>
        <li>
          <Link href={routes.compare} className="link-card-title">
            Compare devices
          </Link>
          <p>Put two to four devices side by side.</p>
        </li>
        <li>
          <Link href={routes.guides} className="link-card-title">
            Guides
          </Link>
          <p>What microneedling can and cannot do, and how to do it safely.</p>
        </li>
      </ul>
      <p>
        Or go to the <Link href={routes.home}>home page</Link>.
      </p>
    </div>
  )
}
