import Link from 'next/link'
import { breadcrumbJsonLd } from '@/lib/seo/jsonLd'
import { absoluteUrl } from '@/lib/seo/urls'
import styles from './Breadcrumbs.module.css'
import { JsonLd } from './JsonLd'

export interface Crumb {
  name: string
  href: string
}

/** The trail above a nested page, and the same trail as structured data; the last item is the current page. */
export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  return (
    <>
      <JsonLd data={breadcrumbJsonLd(items.map((item) => ({ name: item.name, url: absoluteUrl(item.href) })))} />
      <nav aria-label="Breadcrumb" className={styles.breadcrumbs}>
        <ol>
          {items.map((item, index) =>
            index === items.length - 1 ? (
              <li key={item.href}>
                <span aria-current="page">{item.name}</span>
              </li>
            ) : (
              <li key={item.href}>
                <Link href={item.href}>{item.name}</Link>
              </li>
            ),
          )}
        </ol>
      </nav>
    </>
  )
}
