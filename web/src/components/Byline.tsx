import type { Author } from '@microneedling/content/schemas'
import Link from 'next/link'
import { routes } from '@/lib/seo/urls'
import { formatDate } from '@/lib/text/formatting'
import styles from './Byline.module.css'

/**
 * Who wrote it, who checked the health content, and when it was last reviewed. A part whose content
 * failed its checks (logged where it was read) is left out rather than the whole page.
 */
export function Byline({
  writer,
  medicalReviewer,
  lastReviewedAt,
  dateLabel = 'Last reviewed',
}: {
  writer?: Author | undefined
  medicalReviewer?: Author | undefined
  lastReviewedAt?: string | undefined
  /** What the date records: a review (devices, guides), or the last check of a guide's picks. */
  dateLabel?: 'Last reviewed' | 'Last updated'
}) {
  if (!writer && !medicalReviewer && !lastReviewedAt) return null
  return (
    <p className={styles.byline}>
      {writer ? (
        <span>
          Written by <Link href={routes.author(writer.slug)}>{writer.name}</Link>
        </span>
      ) : null}
      {medicalReviewer ? (
        <span>
          Medically reviewed by <Link href={routes.author(medicalReviewer.slug)}>{medicalReviewer.name}</Link>
          {medicalReviewer.credentials ? `, ${medicalReviewer.credentials}` : ''}
        </span>
      ) : null}
      {lastReviewedAt ? (
        <span>
          {dateLabel} <time dateTime={lastReviewedAt}>{formatDate(lastReviewedAt)}</time>
        </span>
      ) : null}
    </p>
  )
}
