import type { Metadata } from 'next'
import Link from 'next/link'
import linkCards from '@/components/LinkCards.module.css'
import { routes } from '@/lib/seo/urls'
import styles from './not-found.module.css'

export const metadata: Metadata = {
  title: 'Page not found',
  robots: { index: false, follow: true },
}

export default function NotFound() {
  return (
    <div className={styles.notFound}>
      <h1>We could not find that page</h1>
      <p className="lede">
        The link may be old, or the device or offer may no longer be listed. These are good places to carry on:
      </p>
      <ul className={linkCards.cards}>
        <li>
          <Link href={routes.devices} className={linkCards.title}>
            All devices
          </Link>
          <p>Every device we review, with filters for use, needles and price.</p>
        </li>
        <li>
          <Link href={routes.compare} className={linkCards.title}>
            Compare devices
          </Link>
          <p>Put two to four devices side by side.</p>
        </li>
        <li>
          <Link href={routes.guides} className={linkCards.title}>
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
