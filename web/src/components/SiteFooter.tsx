import Link from 'next/link'
import { routes } from '@/lib/seo/urls'
import styles from './SiteFooter.module.css'

export function SiteFooter({ siteName, tagline }: { siteName: string; tagline?: string | undefined }) {
  return (
    <footer className={styles.footer}>
      <div className={styles.inner}>
        <div>
          <p className={styles.name}>{siteName}</p>
          {tagline ? <p className={styles.tagline}>{tagline}</p> : null}
          <p className="fine-print">
            We earn a commission on some purchases made through links marked “affiliate link”. Ratings are never for
            sale.
          </p>
        </div>
        <nav aria-label="Footer">
          <ul>
            <li>
              <Link href={routes.devices}>All devices</Link>
            </li>
            <li>
              <Link href={routes.finder}>Find a device</Link>
            </li>
            <li>
              <Link href={routes.compare}>Compare devices</Link>
            </li>
            <li>
              <Link href={routes.guides}>Guides</Link>
            </li>
            <li>
              <Link href={routes.about}>How we review</Link>
            </li>
            <li>
              <Link href={routes.disclosure}>Affiliate disclosure</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  )
}
