import { formatPrice } from '@microneedling/content/formatting'
import {
  chartDays,
  type DailyPrice,
  type PriceHistorySummary,
  type PricePeriod,
  priceDropWindowDays,
} from '@microneedling/content/priceHistory'
import { formatDate } from '@/lib/text/formatting'
import styles from './PriceHistoryChart.module.css'

const width = 320
const height = 96
const plotLeft = 56
const plotRight = width - 4
const plotTop = 8
const plotBottom = height - 20
/** The line stays above the out-of-stock band along the bottom. */
const lineBottom = plotBottom - 8

/**
 * One offer's price over the last 180 days, drawn on the server: a step line (each day's lowest
 * price), blank where the price is not known, a band along the bottom where it was out of stock.
 * The drawing is for sighted readers only (aria-hidden); the same facts are in the words beside it
 * and in a table of price periods for screen readers.
 */
export function PriceHistoryChart({
  summary,
  shop,
  id,
  now,
}: {
  summary: PriceHistorySummary
  shop: string
  id: string
  now: Date
}) {
  const { currency, days, periods, lowestInLast30Days, typicalRange } = summary
  const prices = days.flatMap((day) => (day.price === null ? [] : [day.price]))
  const lowest = Math.min(...prices)
  const highest = Math.max(...prices)
  const span = highest - lowest
  const dayWidth = (plotRight - plotLeft) / days.length
  const x = (index: number) => plotLeft + index * dayWidth
  // A flat price sits in the middle rather than on an edge.
  const y = (price: number) =>
    span === 0 ? (plotTop + lineBottom) / 2 : lineBottom - ((price - lowest) / span) * (lineBottom - plotTop)

  const runs = dayRuns(days)
  let path = ''
  runs.forEach((run, index) => {
    if (run.price === null) return
    const joinsPrevious = runs[index - 1]?.price != null
    path += joinsPrevious ? ` V${round(y(run.price))}` : ` M${round(x(run.start))} ${round(y(run.price))}`
    path += ` H${round(x(run.end))}`
  })
  const outOfStock = runs.filter((run) => run.state === 'outOfStock')
  const firstKnown = days.findIndex((day) => day.state !== 'unknown')
  const hasGaps = days.slice(firstKnown).some((day) => day.state === 'unknown')
  const titleId = `${id}-title`

  return (
    <figure className={styles.history} aria-labelledby={titleId} data-testid="price-history">
      <svg viewBox={`0 0 ${width} ${height}`} className={styles.svg} aria-hidden="true" focusable="false">
        <line x1={plotLeft} x2={plotRight} y1={plotBottom} y2={plotBottom} className={styles.axis} />
        <text x={plotLeft - 6} y={y(highest)} textAnchor="end" dominantBaseline="middle" className={styles.label}>
          {formatPrice(highest, currency)}
        </text>
        {span > 0 ? (
          <text x={plotLeft - 6} y={y(lowest)} textAnchor="end" dominantBaseline="middle" className={styles.label}>
            {formatPrice(lowest, currency)}
          </text>
        ) : null}
        {outOfStock.map((run) => (
          <rect
            key={run.start}
            x={round(x(run.start))}
            y={plotBottom - 4}
            width={round(x(run.end) - x(run.start))}
            height={4}
            className={styles.outOfStock}
          />
        ))}
        <path d={path.trim()} className={styles.line} />
        <text x={plotLeft} y={height - 4} className={styles.label}>
          {chartDays} days ago
        </text>
        <text x={plotRight} y={height - 4} textAnchor="end" className={styles.label}>
          Today
        </text>
      </svg>
      <figcaption className={styles.caption}>
        <p id={titleId} className={styles.title}>
          Price at {shop} over the last {chartDays} days
        </p>
        {lowestInLast30Days !== undefined ? (
          <p>
            Lowest in the last {priceDropWindowDays} days: <strong>{formatPrice(lowestInLast30Days, currency)}</strong>
          </p>
        ) : null}
        {typicalRange ? (
          <p>
            {typicalRange.low === typicalRange.high ? (
              <>Usually {formatPrice(typicalRange.low, currency)}</>
            ) : (
              <>
                Usually {formatPrice(typicalRange.low, currency)}–{formatPrice(typicalRange.high, currency)}
              </>
            )}{' '}
            <span className={styles.basis}>
              {typicalRange.basis === 'percentiles'
                ? `(on 8 in 10 of the ${typicalRange.days} days with a known price)`
                : `(lowest to highest, over the ${typicalRange.days} ${typicalRange.days === 1 ? 'day' : 'days'} with a known price)`}
            </span>
          </p>
        ) : null}
        {hasGaps || outOfStock.length > 0 ? (
          <p className={styles.basis}>
            {[
              hasGaps ? 'Blank stretches: the price was not checked then.' : '',
              outOfStock.length > 0 ? 'The band along the bottom: out of stock.' : '',
            ]
              .filter(Boolean)
              .join(' ')}
          </p>
        ) : null}
      </figcaption>
      <table className="visually-hidden">
        <caption>
          Prices at {shop} over the last {chartDays} days, oldest first
        </caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Price</th>
          </tr>
        </thead>
        <tbody>
          {tableRows(periods, now).map((row) => (
            <tr key={row.from.toISOString()}>
              <td>{formatDate(row.from.toISOString())}</td>
              <td>{row.to.getTime() >= now.getTime() ? 'today' : formatDate(row.to.toISOString())}</td>
              <td>{row.price}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}

const round = (value: number) => Math.round(value * 10) / 10

/** Consecutive days with the same price (or the same lack of one), as index ranges [start, end). */
function dayRuns(
  days: readonly DailyPrice[],
): { start: number; end: number; price: number | null; state: DailyPrice['state'] }[] {
  const runs: { start: number; end: number; price: number | null; state: DailyPrice['state'] }[] = []
  days.forEach((day, index) => {
    const last = runs.at(-1)
    if (last && last.price === day.price && last.state === day.state) last.end = index + 1
    else runs.push({ start: index, end: index + 1, price: day.price, state: day.state })
  })
  return runs
}

/** The periods in words, with a row for each stretch in between when the price was not checked. */
function tableRows(periods: readonly PricePeriod[], now: Date): { from: Date; to: Date; price: string }[] {
  return periods.flatMap((period, index) => {
    const previous = periods[index - 1]
    const price = period.price === null ? 'Out of stock' : formatPrice(period.price, period.currency)
    const row = { from: period.from, to: new Date(Math.min(period.to.getTime(), now.getTime())), price }
    return previous && previous.to.getTime() < period.from.getTime()
      ? [{ from: previous.to, to: period.from, price: 'Not checked' }, row]
      : [row]
  })
}
