import type { Queryable } from '../database/database'

/**
 * Price history is kept as long as the click data (CLICKS_RETENTION_DAYS): a row goes once it was
 * last seen before the retention period, counted back from `before` (a UTC day), as clicks are.
 */
export async function expirePriceObservations(db: Queryable, before: string, retentionDays: number): Promise<void> {
  await db.query(`delete from price_observations where last_seen_at < $1::date - $2::integer`, [before, retentionDays])
}
