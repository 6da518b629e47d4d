import Link from 'next/link'
import { routes } from '@/lib/seo/urls'
import styles from './SiteHeader.module.css'

const navigation = [
  { href: routes.devices, text: 'Devices' },
  { href: routes.compare, text: 'Compare' },
  { href: routes.guides, text: 'Guides' },
  { href: routes.about, text: 'How we review' },
]

/** Kept to one slim bar on phones so the disclosure at the top of <main> is on screen at once. */
export function SiteHeader({ siteName }: { siteName: string }) {
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link href={routes.home} className={styles.name}>
          <svg viewBox="0 0 24 24" className={styles.mark} aria-hidden="true" focusable="false">
            <circle cx="12" cy="12" r="11" />
            <path d="M7 8v5M10.3 8v8M13.7 8v8M17 8v5" />
          </svg>
          {siteName}
        </Link>
        <nav aria-label="Main" className={styles.nav}>
          <ul>
            {navigation.map((item) => (
              <li key={item.href}>
                <Link href={item.href}>{item.text}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  )
}
