import type { Author } from '@microneedling/content/schemas'
import Link from 'next/link'
import { formatDate } from '@/lib/formatting'
import { routes } from '@/lib/urls'

/** Who wrote it, who checked the health content, and when it was last reviewed. */
export function Byline({
  writer,
  medicalReviewer,
  lastReviewedAt,
}: {
  writer: Author
  medicalReviewer: Author
  lastReviewedAt: string
}) {
  return (
    <p className="byline">
      <span>
        Written by <Link href={routes.author(writer.slug)}>{writer.name}</Link>
      </span>
      <span>
        Medically reviewed by <Link href={routes.author(medicalReviewer.slug)}>{medicalReviewer.name}</Link>
        {medicalReviewer.credentials ? `, ${medicalReviewer.credentials}` : ''}
      </span>
      <span>
        Last reviewed <time dateTime={lastReviewedAt}>{formatDate(lastReviewedAt)}</time>
      </span>
    </p>
  )
}
