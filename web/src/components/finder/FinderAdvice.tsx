import type { ProfessionalAdvice } from '@microneedling/content/finder'
import Link from 'next/link'
import { routes } from '@/lib/seo/urls'
import styles from './FinderAdvice.module.css'

/**
 * "See a professional" in the ranking's own words (the medical reviewer's), shown before any
 * device whenever a dermatologist or trained practitioner is the honest first answer.
 */
export function FinderAdvice({ advice }: { advice: ProfessionalAdvice }) {
  return (
    <section className={styles.advice} data-testid="finder-advice" aria-labelledby="finder-advice-heading">
      <h2 id="finder-advice-heading" className={styles.heading}>
        {advice.heading}
      </h2>
      {advice.paragraphs.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <p className={styles.more}>
        <Link href={routes.homeVersusProfessionalGuide}>Read our guide: home vs professional microneedling</Link>
      </p>
    </section>
  )
}
