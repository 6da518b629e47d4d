import { formatRating } from '@/lib/text/formatting'

/** "8.6 /10", read out as "Our rating: 8.6 out of 10". */
export function Rating({ value, size = 'normal' }: { value: number; size?: 'normal' | 'large' }) {
  return (
    <p className={`rating rating-${size}`}>
      <span className="visually-hidden">Our rating: </span>
      <span className="rating-value">{formatRating(value)}</span>
      <span className="rating-scale" aria-hidden="true">
        /10
      </span>
      <span className="visually-hidden"> out of 10</span>
    </p>
  )
}
