import Link from 'next/link'
import styles from './Breadcrumbs.module.css'

export interface Crumb {
  name: string
  href: string
}

/** The trail above a nested page; the last item is the current page. */
export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  return (
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
  )
}
