import { maxUnseenDays } from '@microneedling/content/priceHistory'
import { type Availability, availabilities, valuesOf } from '@microneedling/content/vocabulary'
import { z } from 'zod'
import type { Database, Queryable } from '../database/database'

/** Who saw a price: a partner's feed, an editor publishing the device, or a link check that found the shop's page. */
export type PriceSource = 'feed' | 'editor' | 'link-check'

/** One sighting of an offer's price. `price` is what a shopper paid at that moment: the sale price when one applied. */
export type PriceObservation = {
  deviceId: string
  offerKey: string
  partnerId: string
  price: number
  currency: string
  availability: Availability
  observedAt: Date
  source: PriceSource
}

const observationSchema = z.object({
  deviceId: z.string().min(1),
  offerKey: z.string().min(1),
  partnerId: z.string().min(1),
  price: z.number().finite().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a currency is three upper-case letters'),
  availability: z.enum(valuesOf(availabilities)),
  observedAt: z.date().refine((date) => !Number.isNaN(date.getTime()), 'not a valid time'),
  source: z.enum(['feed', 'editor', 'link-check']),
})

/** Any fixed number, other than the migrations' lock: recorders (imports, link checks, publishes) take turns. */
const priceHistoryLock = 814_225_032
const maxUnseenMs = maxUnseenDays * 86_400_000

interface LatestRow {
  id: string
  device_id: string
  offer_key: string
  price: number
  currency: string
  availability: string
  last_seen_ms: number
}

/** An offer's latest row as it will be after this batch: a stored one (with its id) or a new one. */
interface PlannedRow {
  id?: string
  price: number
  currency: string
  availability: string
  lastSeenMs: number
  moved: boolean
}

interface NewRow extends PlannedRow {
  observation: PriceObservation
  firstSeenMs: number
}

/**
 * Records sightings, one row per change: when an offer's latest row has the same price, currency
 * and availability, and was seen within `maxUnseenDays`, its last_seen_at moves forward (never
 * back); otherwise a new row starts. A sighting no later than what is already recorded for its
 * offer changes nothing: history only grows forward, so a late report never rewrites it.
 *
 * Any batch size costs four statements (a lock, a read of each offer's latest row, one update,
 * one insert), in one transaction: its own when given a Database, the caller's when given a
 * transaction's Queryable (a feed import recording alongside its other writes).
 */
export async function recordPriceObservations(
  db: Queryable & { transaction?: Database['transaction'] },
  observations: readonly PriceObservation[],
): Promise<void> {
  if (observations.length === 0) return
  for (const [index, observation] of observations.entries()) {
    const parsed = observationSchema.safeParse(observation)
    if (!parsed.success) {
      const problem = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
      throw new Error(
        `price observation ${index} (${observation.deviceId}/${observation.offerKey}) was not recorded: ${problem}`,
      )
    }
  }
  const work = (tx: Queryable) => writeObservations(tx, observations)
  if (db.transaction) await db.transaction(work)
  else await work(db)
}

async function writeObservations(tx: Queryable, observations: readonly PriceObservation[]): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1)', [priceHistoryLock])
  const byOffer = new Map<string, PriceObservation[]>()
  for (const observation of observations) {
    const key = offerKeyOf(observation.deviceId, observation.offerKey)
    const group = byOffer.get(key)
    if (group) group.push(observation)
    else byOffer.set(key, [observation])
  }
  const offers = [...byOffer.values()].map((group) => group[0]!)
  const latestRows = await tx.query<LatestRow>(
    `select distinct on (device_id, offer_key)
            id::text as id, device_id, offer_key, price::float8 as price, currency, availability,
            (extract(epoch from last_seen_at) * 1000)::float8 as last_seen_ms
     from price_observations
     where (device_id, offer_key) in (select * from unnest($1::text[], $2::text[]))
     order by device_id, offer_key, first_seen_at desc, id desc`,
    [offers.map((offer) => offer.deviceId), offers.map((offer) => offer.offerKey)],
  )
  const latest = new Map(latestRows.map((row) => [offerKeyOf(row.device_id, row.offer_key), row]))

  const stored: PlannedRow[] = []
  const added: NewRow[] = []
  for (const [key, group] of byOffer) {
    const row = latest.get(key)
    let current: PlannedRow | undefined = row && {
      id: row.id,
      price: row.price,
      currency: row.currency,
      availability: row.availability,
      lastSeenMs: row.last_seen_ms,
      moved: false,
    }
    if (current) stored.push(current)
    for (const observation of [...group].sort((a, b) => a.observedAt.getTime() - b.observedAt.getTime())) {
      const at = observation.observedAt.getTime()
      if (current && at <= current.lastSeenMs) continue
      if (current && samePrice(current, observation) && at - current.lastSeenMs <= maxUnseenMs) {
        current.lastSeenMs = at
        current.moved = true
        continue
      }
      const { price, currency, availability } = observation
      const next: NewRow = { observation, price, currency, availability, firstSeenMs: at, lastSeenMs: at, moved: false }
      added.push(next)
      current = next
    }
  }

  const updates = stored.filter((row) => row.moved)
  if (updates.length > 0) {
    await tx.query(
      `update price_observations as stored set last_seen_at = greatest(stored.last_seen_at, seen.at)
       from unnest($1::bigint[], $2::timestamptz[]) as seen(id, at)
       where stored.id = seen.id`,
      [updates.map((row) => row.id), updates.map((row) => new Date(row.lastSeenMs).toISOString())],
    )
  }
  if (added.length > 0) {
    const column = <T>(value: (row: NewRow) => T) => added.map(value)
    await tx.query(
      `insert into price_observations
         (device_id, offer_key, partner_id, price, currency, availability, source, first_seen_at, last_seen_at)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::numeric[], $5::text[], $6::text[], $7::text[],
                            $8::timestamptz[], $9::timestamptz[])`,
      [
        column((row) => row.observation.deviceId),
        column((row) => row.observation.offerKey),
        column((row) => row.observation.partnerId),
        column((row) => String(row.observation.price)),
        column((row) => row.observation.currency),
        column((row) => row.observation.availability),
        column((row) => row.observation.source),
        column((row) => new Date(row.firstSeenMs).toISOString()),
        column((row) => new Date(row.lastSeenMs).toISOString()),
      ],
    )
  }
}

function offerKeyOf(deviceId: string, offerKey: string): string {
  return JSON.stringify([deviceId, offerKey])
}

function samePrice(a: PlannedRow, b: PriceObservation): boolean {
  return a.price === b.price && a.currency === b.currency && a.availability === b.availability
}
