import type { Queryable } from '../database/database'

/**
 * What the reports read: daily roll-ups plus the raw events not rolled up yet, over a range of
 * UTC days (both ends included), so today's clicks show at once.
 */
export interface DayRange {
  from: string
  to: string
}

const combined = `
  combined as (
    select day, device, offer, partner, page_kind, clicks, filtered
    from click_daily where day between $1::date and $2::date
    union all
    select (occurred_at at time zone 'UTC')::date, device, offer, partner, page_kind,
           (not filtered)::int, filtered::int
    from click_events
    where occurred_at >= ($1::date)::timestamp at time zone 'UTC'
      and occurred_at < ($2::date + 1)::timestamp at time zone 'UTC'
  )`

export interface ClickRow {
  day: string
  device: string
  offer: string
  partner: string
  page_kind: string
  clicks: number
  filtered: number
}

/** One row per day, offer and page kind: what GET /api/reports/clicks answers. */
export function clickRows(db: Queryable, range: DayRange): Promise<ClickRow[]> {
  return db.query<ClickRow>(
    `with ${combined}
     select day::text as day, device, offer, partner, page_kind,
            sum(clicks)::int as clicks, sum(filtered)::int as filtered
     from combined group by day, device, offer, partner, page_kind
     order by day, device, offer, partner, page_kind`,
    [range.from, range.to],
  )
}

export interface DayTotal {
  day: string
  clicks: number
  filtered: number
}

/** Every day of the range, with zeros for days without clicks, so a chart has no gaps. */
export function dailyTotals(db: Queryable, range: DayRange): Promise<DayTotal[]> {
  return db.query<DayTotal>(
    `with ${combined}, days as (
       select generate_series($1::date, $2::date, interval '1 day')::date as day
     )
     select days.day::text as day, coalesce(sum(c.clicks), 0)::int as clicks,
            coalesce(sum(c.filtered), 0)::int as filtered
     from days left join combined c on c.day = days.day
     group by days.day order by days.day`,
    [range.from, range.to],
  )
}

export const dimensions = {
  device: { columns: ['device'], label: 'Device' },
  offer: { columns: ['device', 'offer', 'partner'], label: 'Offer' },
  partner: { columns: ['partner'], label: 'Partner' },
  page_kind: { columns: ['page_kind'], label: 'Page kind' },
} as const
export type Dimension = keyof typeof dimensions

export type TopRow = Record<string, string | number> & { clicks: number; filtered: number }

/** The most-clicked values of one dimension (all of them when `limit` is null). */
export function topBy(db: Queryable, range: DayRange, dimension: Dimension, limit: number | null): Promise<TopRow[]> {
  // Column names come from the fixed table above, never from a request.
  const columns = dimensions[dimension].columns.join(', ')
  return db.query<TopRow>(
    `with ${combined}
     select ${columns}, sum(clicks)::int as clicks, sum(filtered)::int as filtered
     from combined group by ${columns}
     order by clicks desc, ${columns}
     ${limit === null ? '' : `limit ${Math.trunc(limit)}`}`,
    [range.from, range.to],
  )
}

export interface RangeTotals {
  clicks: number
  filtered: number
  dropped: number
}

export async function rangeTotals(db: Queryable, range: DayRange): Promise<RangeTotals> {
  const [totals] = await db.query<{ clicks: number; filtered: number }>(
    `with ${combined} select coalesce(sum(clicks), 0)::int as clicks, coalesce(sum(filtered), 0)::int as filtered from combined`,
    [range.from, range.to],
  )
  const [drops] = await db.query<{ dropped: number }>(
    'select coalesce(sum(dropped), 0)::int as dropped from click_drops where day between $1::date and $2::date',
    [range.from, range.to],
  )
  return { clicks: totals?.clicks ?? 0, filtered: totals?.filtered ?? 0, dropped: drops?.dropped ?? 0 }
}
