import { formatRating } from '@/lib/text/formatting'
import styles from './Rating.module.css'

/** "8.6 /10", read out as "Our rating: 8.6 out of 10". */
type RatingSize = 'normal' | 'large'

const sizeClasses: Record<RatingSize, string | undefined> = {
  normal: styles.rating,
  large: `${styles.rating} ${styles.large}`,
}

export function Rating({ value, size = 'normal' }: { value: number; size?: RatingSize }) {
  return (
    <p className={sizeClasses[size]}>
      <span className="visually-hidden">Our rating: </span>
      <span>{formatRating(value)}</span>
      <span className={styles.scale} aria-hidden="true">
        /10
      </span>
      <span className="visually-hidden"> out of 10</span>
    </p>
  )
}
