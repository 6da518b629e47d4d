import type { Availability } from './vocabulary.ts'

/**
 * What an offer's recorded prices say to a shopper: a day-by-day series for the chart, the lowest
 * price of the last 30 days, the typical range, and whether a "price drop" may be claimed. Pure:
 * the rows come from the price_observations table (web/src/lib/priceHistory), `now` from the caller.
 *
 * A row is one price, in one currency, with one availability, seen unchanged from `firstSeenAt` to
 * `lastSeenAt`. Out-of-stock rows say when nothing could be bought: they are never a price.
 */
export interface PriceHistoryRow {
  price: number
  currency: string
  availability: Availability
  firstSeenAt: Date
  lastSeenAt: Date
}

/**
 * How long a price may go unseen and still be taken to have held: a price seen again within this
 * time held in between; beyond it, the days after it was last seen are unknown (a gap in the chart,
 * and no claim that needs them). The recorder starts a new row after such a gap for the same reason.
 */
export const maxUnseenDays = 14
/** How far back the chart and the typical range look. */
export const chartDays = 180
/** The period a price drop is measured against (EU Directive 98/6/EC, Art. 6a). */
export const priceDropWindowDays = 30
/** Fewer daily prices than this, and the typical range is simply the lowest to the highest. */
const daysForPercentiles = 30

const dayMs = 86_400_000

/** A stretch of time with one known price (`price: null`: out of stock), in one currency. */
export interface PricePeriod {
  from: Date
  to: Date
  price: number | null
  currency: string
}

/**
 * The rows as contiguous periods. A row's price holds from its first sighting until the next row
 * starts, when that came within `maxUnseenDays` of its last sighting; otherwise only until it was
 * last seen (the latest row: until now, if seen recently). Neighbours with the same price (or both
 * out of stock) and currency are joined: a change of stock level alone is not a new price.
 */
export function pricePeriods(rows: readonly PriceHistoryRow[], now: Date): PricePeriod[] {
  const sorted = [...rows].sort((a, b) => a.firstSeenAt.getTime() - b.firstSeenAt.getTime())
  const periods: PricePeriod[] = []
  sorted.forEach((row, index) => {
    const next = sorted[index + 1]
    const end = next?.firstSeenAt ?? now
    const seenRecently = end.getTime() - row.lastSeenAt.getTime() <= maxUnseenDays * dayMs
    const to = new Date(
      Math.max(
        row.firstSeenAt.getTime(),
        Math.min(seenRecently ? end.getTime() : row.lastSeenAt.getTime(), now.getTime()),
      ),
    )
    const price = row.availability === 'outOfStock' ? null : row.price
    const previous = periods.at(-1)
    if (
      previous &&
      previous.to.getTime() >= row.firstSeenAt.getTime() &&
      previous.price === price &&
      previous.currency === row.currency
    ) {
      previous.to = new Date(Math.max(previous.to.getTime(), to.getTime()))
    } else {
      periods.push({ from: row.firstSeenAt, to, price, currency: row.currency })
    }
  })
  return periods
}

export interface DailyPrice {
  /** A UTC day, YYYY-MM-DD. */
  day: string
  /** The lowest price a shopper could pay at any moment of the day; null when none is known. */
  price: number | null
  state: 'price' | 'outOfStock' | 'unknown'
}

/**
 * One entry per UTC day for the last `days` days, today last, in `currency`: a day's price is the
 * lowest in-stock price that held at any moment of it (a price held for an hour was still
 * offered). A day with only out-of-stock periods is `outOfStock`; one with nothing known (or only
 * prices in another currency) is `unknown`, and the chart leaves it blank.
 */
export function dailyPrices(
  periods: readonly PricePeriod[],
  currency: string,
  now: Date,
  days = chartDays,
): DailyPrice[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  return Array.from({ length: days }, (_, index) => {
    const start = today - (days - 1 - index) * dayMs
    const end = start + dayMs
    const during = periods.filter(
      (period) => period.currency === currency && period.from.getTime() < end && period.to.getTime() >= start,
    )
    const prices = during.flatMap((period) => (period.price === null ? [] : [period.price]))
    const day = new Date(start).toISOString().slice(0, 10)
    if (prices.length > 0) return { day, price: Math.min(...prices), state: 'price' }
    return { day, price: null, state: during.length > 0 ? 'outOfStock' : 'unknown' }
  })
}

/** The lowest in-stock price in `currency` at any moment of the last 30 days (today included). */
export function lowestPriceInLast30Days(
  periods: readonly PricePeriod[],
  currency: string,
  now: Date,
): number | undefined {
  const start = now.getTime() - priceDropWindowDays * dayMs
  const prices = periods
    .filter((period) => period.currency === currency && period.price !== null && period.to.getTime() >= start)
    .map((period) => period.price as number)
  return prices.length > 0 ? Math.min(...prices) : undefined
}

export interface TypicalPriceRange {
  low: number
  high: number
  /** `percentiles`: the 10th to the 90th percentile of daily prices; `lowestToHighest` with fewer than 30 days known. */
  basis: 'percentiles' | 'lowestToHighest'
  /** How many days had a known price. */
  days: number
}

/**
 * The range a price usually sits in: the 10th to 90th percentile (nearest rank) of the daily
 * prices, so a one-day blip at either end does not stretch it; below 30 known days there are too
 * few for percentiles to mean much, and it is the lowest to the highest.
 */
export function typicalPriceRange(days: readonly DailyPrice[]): TypicalPriceRange | undefined {
  const prices = days.flatMap((day) => (day.price === null ? [] : [day.price])).sort((a, b) => a - b)
  if (prices.length === 0) return undefined
  if (prices.length < daysForPercentiles) {
    return { low: prices[0]!, high: prices.at(-1)!, basis: 'lowestToHighest', days: prices.length }
  }
  const rank = (percentile: number) => prices[Math.max(0, Math.ceil((percentile / 100) * prices.length) - 1)]!
  return { low: rank(10), high: rank(90), basis: 'percentiles', days: prices.length }
}

export interface PriceDropClaim {
  /** The lowest price of the 30 days before the current price began: the price to name. */
  priorLowest: number
  currency: string
  /** When the current, lower price began. */
  since: Date
}

/**
 * Whether the page may say the price dropped, and against what. Following EU Directive 98/6/EC,
 * Art. 6a (and UK CMA guidance on reference prices), a drop is claimed only when:
 * - the history knows the current price: its latest period has this price and currency, in stock,
 *   and was seen recently;
 * - that price began within the last 30 days (after that, it is simply the price);
 * - every moment of the 30 days before it began is known, in the same currency (a gap or another
 *   currency leaves nothing to compare with), and at least one in-stock price was seen in them;
 * - the current price is below the lowest of those prices. Equal is not a drop.
 * The current price's own period never counts as the prior price.
 */
export function priceDropClaim(
  current: { price: number; currency: string; availability: Availability },
  rows: readonly PriceHistoryRow[],
  now: Date,
): PriceDropClaim | undefined {
  if (current.availability === 'outOfStock') return undefined
  const periods = pricePeriods(rows, now)
  const latest = periods.at(-1)
  if (!latest || latest.price !== current.price || latest.currency !== current.currency) return undefined
  if (latest.to.getTime() < now.getTime()) return undefined
  const since = latest.from
  if (now.getTime() - since.getTime() > priceDropWindowDays * dayMs) return undefined
  const windowStart = since.getTime() - priceDropWindowDays * dayMs
  const prior = periods.slice(0, -1).filter((period) => period.to.getTime() > windowStart)
  if (!coversWindow(prior, windowStart, since.getTime())) return undefined
  if (prior.some((period) => period.currency !== current.currency)) return undefined
  const prices = prior.flatMap((period) => (period.price === null ? [] : [period.price]))
  if (prices.length === 0) return undefined
  const priorLowest = Math.min(...prices)
  return current.price < priorLowest ? { priorLowest, currency: current.currency, since } : undefined
}

/** Whether the periods (in order) leave no moment of [start, end) unknown. */
function coversWindow(periods: readonly PricePeriod[], start: number, end: number): boolean {
  let coveredUntil = start
  for (const period of periods) {
    if (period.from.getTime() > coveredUntil) return false
    coveredUntil = Math.max(coveredUntil, period.to.getTime())
  }
  return coveredUntil >= end
}

export interface PriceHistorySummary {
  currency: string
  /** The last 180 days, today last. */
  days: DailyPrice[]
  /** The periods that touch the last 180 days, oldest first, cut to them. */
  periods: PricePeriod[]
  lowestInLast30Days?: number
  typicalRange?: TypicalPriceRange
}

/**
 * Everything the chart shows for one offer, in the currency of its latest row; undefined when no
 * price is known in the last 180 days (then a page shows no chart rather than an empty one).
 */
export function summarisePriceHistory(rows: readonly PriceHistoryRow[], now: Date): PriceHistorySummary | undefined {
  const periods = pricePeriods(rows, now)
  const currency = periods.at(-1)?.currency
  if (currency === undefined) return undefined
  const days = dailyPrices(periods, currency, now)
  if (!days.some((day) => day.state === 'price')) return undefined
  const chartStart = Date.parse(`${days[0]!.day}T00:00:00Z`)
  const shown = periods
    .filter((period) => period.currency === currency && period.to.getTime() >= chartStart)
    .map((period) => ({ ...period, from: new Date(Math.max(period.from.getTime(), chartStart)) }))
  const lowestInLast30Days = lowestPriceInLast30Days(periods, currency, now)
  const typicalRange = typicalPriceRange(days)
  return {
    currency,
    days,
    periods: shown,
    ...(lowestInLast30Days !== undefined ? { lowestInLast30Days } : {}),
    ...(typicalRange ? { typicalRange } : {}),
  }
}
