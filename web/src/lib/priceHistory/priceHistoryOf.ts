import type { PriceHistoryRow } from '@microneedling/content/priceHistory'
import { availabilities, valuesOf } from '@microneedling/content/vocabulary'
import { z } from 'zod'
import type { Queryable } from '../database/database'

const storedRowSchema = z.object({
  offer_key: z.string(),
  price: z.number(),
  currency: z.string(),
  availability: z.enum(valuesOf(availabilities)),
  first_seen_ms: z.number(),
  last_seen_ms: z.number(),
})

/**
 * A device's recorded prices, per offer key, oldest first: every row still seen on or after
 * `since` (so a price that began earlier and still held is included).
 */
export async function priceHistoryOf(
  db: Queryable,
  deviceId: string,
  { since }: { since: Date },
): Promise<Map<string, PriceHistoryRow[]>> {
  const rows = await db.query<unknown>(
    `select offer_key, price::float8 as price, currency, availability,
            (extract(epoch from first_seen_at) * 1000)::float8 as first_seen_ms,
            (extract(epoch from last_seen_at) * 1000)::float8 as last_seen_ms
     from price_observations
     where device_id = $1 and last_seen_at >= $2::timestamptz
     order by offer_key, first_seen_at, id`,
    [deviceId, since.toISOString()],
  )
  const history = new Map<string, PriceHistoryRow[]>()
  for (const raw of rows) {
    const row = storedRowSchema.safeParse(raw)
    // The table's checks make this unlikely; a row that is still odd is left out and named.
    if (!row.success) {
      console.warn(`[prices] left out a price history row of ${deviceId}: ${z.prettifyError(row.error)}`)
      continue
    }
    const { offer_key, price, currency, availability, first_seen_ms, last_seen_ms } = row.data
    const offerRows = history.get(offer_key) ?? []
    offerRows.push({
      price,
      currency,
      availability,
      firstSeenAt: new Date(first_seen_ms),
      lastSeenAt: new Date(last_seen_ms),
    })
    history.set(offer_key, offerRows)
  }
  return history
}
