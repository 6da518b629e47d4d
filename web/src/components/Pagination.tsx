import Link from 'next/link'
import { pageLinks } from '@/lib/catalogue/pagination'
import styles from './Pagination.module.css'

/**
 * Previous, next and numbered page links: plain links that keep the list's filters, so every page
 * works without JavaScript and can be shared.
 */
export function Pagination({
  current,
  total,
  href,
  label,
}: {
  current: number
  total: number
  href: (page: number) => string
  label: string
}) {
  if (total <= 1) return null
  return (
    <nav className={styles.pagination} aria-label={label}>
      <ul className={styles.list}>
        {current > 1 ? (
          <li>
            <Link href={href(current - 1)} className={`${styles.link} ${styles.step}`} rel="prev">
              Previous<span className="visually-hidden"> page</span>
            </Link>
          </li>
        ) : null}
        {pageLinks(current, total).map((link) =>
          link.kind === 'gap' ? (
            <li key={link.key} className={styles.gap} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={link.page}>
              {link.page === current ? (
                <span className={styles.current} aria-current="page">
                  <span className="visually-hidden">Page </span>
                  {link.page}
                </span>
              ) : (
                <Link href={href(link.page)} className={styles.link}>
                  <span className="visually-hidden">Page </span>
                  {link.page}
                </Link>
              )}
            </li>
          ),
        )}
        {current < total ? (
          <li>
            <Link href={href(current + 1)} className={`${styles.link} ${styles.step}`} rel="next">
              Next<span className="visually-hidden"> page</span>
            </Link>
          </li>
        ) : null}
      </ul>
      <p className={styles.summary}>
        Page {current} of {total}
      </p>
    </nav>
  )
}
