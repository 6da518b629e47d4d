import type { Queryable } from '../database/database'
import { expirePriceObservations } from '../priceHistory/priceRetention'
import type { ClickEvent } from './clickEvent'

const columnsPerEvent = 6

/**
 * Writes a batch of events in one multi-row insert, and adds the clicks dropped since the last
 * write to today's count, in one transaction: either both land or neither (and the batch is retried).
 */
export async function writeClicks(
  db: { transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> },
  events: readonly ClickEvent[],
  dropped: number,
  now: Date = new Date(),
): Promise<void> {
  if (events.length === 0 && dropped === 0) return
  await db.transaction(async (tx) => {
    if (events.length > 0) {
      const params: unknown[] = []
      const rows = events.map((event, index) => {
        params.push(event.at.toISOString(), event.device, event.offer, event.partner, event.pageKind, event.filtered)
        const base = index * columnsPerEvent
        return `($${base + 1}::timestamptz, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}::boolean)`
      })
      await tx.query(
        `insert into click_events (occurred_at, device, offer, partner, page_kind, filtered) values ${rows.join(', ')}`,
        params,
      )
    }
    if (dropped > 0) {
      await tx.query(
        `insert into click_drops (day, dropped) values ($1::date, $2)
         on conflict (day) do update set dropped = click_drops.dropped + excluded.dropped`,
        [utcDay(now), dropped],
      )
    }
  })
}

/**
 * Moves raw events from before `before` (a UTC day) into the daily table, in one statement, so an
 * event is counted exactly once even while clicks are being written; then deletes what is older
 * than the retention period (clicks, link checks and price history alike).
 */
export async function rollUpAndExpire(db: Queryable, before: string, retentionDays: number): Promise<void> {
  await db.query(
    `with moved as (
       delete from click_events where occurred_at < $1::date returning occurred_at, device, offer, partner, page_kind, filtered
     )
     insert into click_daily (day, device, offer, partner, page_kind, clicks, filtered)
     select (occurred_at at time zone 'UTC')::date, device, offer, partner, page_kind,
            count(*) filter (where not filtered), count(*) filter (where filtered)
     from moved group by 1, 2, 3, 4, 5
     on conflict (day, device, offer, partner, page_kind) do update
       set clicks = click_daily.clicks + excluded.clicks, filtered = click_daily.filtered + excluded.filtered`,
    [before],
  )
  await db.query(`delete from click_daily where day < $1::date - $2::integer`, [before, retentionDays])
  await db.query(`delete from click_drops where day < $1::date - $2::integer`, [before, retentionDays])
  await db.query(`delete from link_checks where checked_at < $1::date - $2::integer`, [before, retentionDays])
  await expirePriceObservations(db, before, retentionDays)
}

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}
