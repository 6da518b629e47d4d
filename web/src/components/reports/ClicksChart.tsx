import type { DayTotal } from '@/lib/reports/clickReports'
import styles from './ClicksChart.module.css'

/**
 * Clicks per day as bars, drawn on the server as SVG (no chart script reaches any browser). The
 * table after it carries the same numbers for screen readers and for copying.
 */
export function ClicksChart({ days }: { days: readonly DayTotal[] }) {
  const width = 720
  const height = 200
  const top = 12
  const bottom = 24
  const left = 40
  const most = Math.max(1, ...days.map((day) => day.clicks))
  const slot = (width - left) / Math.max(1, days.length)
  const barWidth = Math.max(1, slot * 0.7)
  const scale = (clicks: number) => ((height - top - bottom) * clicks) / most
  const total = days.reduce((sum, day) => sum + day.clicks, 0)
  const first = days[0]?.day ?? ''
  const last = days.at(-1)?.day ?? ''
  return (
    <figure className={styles.chart}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="clicks-chart-title"
        data-testid="clicks-chart"
        preserveAspectRatio="none"
      >
        <title id="clicks-chart-title">{`Clicks per day, ${first} to ${last}: ${total} in all, at most ${most} in a day`}</title>
        <line x1={left} x2={width} y1={height - bottom} y2={height - bottom} className={styles.axis} />
        <text x={left - 6} y={top + 4} textAnchor="end" className={styles.label}>
          {most}
        </text>
        <text x={left - 6} y={height - bottom} textAnchor="end" className={styles.label}>
          0
        </text>
        {days.map((day, index) => (
          <rect
            key={day.day}
            x={left + index * slot + (slot - barWidth) / 2}
            y={height - bottom - scale(day.clicks)}
            width={barWidth}
            height={scale(day.clicks)}
            className={styles.bar}
            data-day={day.day}
            data-clicks={day.clicks}
          >
            <title>{`${day.day}: ${day.clicks} clicks`}</title>
          </rect>
        ))}
        <text x={left} y={height - 6} className={styles.label}>
          {first}
        </text>
        <text x={width} y={height - 6} textAnchor="end" className={styles.label}>
          {last}
        </text>
      </svg>
      <figcaption>Clicks per day (bars); the table below has the same numbers.</figcaption>
    </figure>
  )
}
