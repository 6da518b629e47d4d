import type { LeftOutSummary } from '@/lib/finder/finderSummary'
import styles from './FinderLeftOut.module.css'

/** How many devices the answers rule out, and why, without listing each one. */
export function FinderLeftOut({ summary }: { summary: LeftOutSummary }) {
  return (
    <div className={styles.leftOut} data-testid="finder-left-out">
      <p className={styles.heading}>{summary.heading}</p>
      <ul>
        {summary.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </div>
  )
}
