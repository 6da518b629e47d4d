import type { FeedImportPlan, OfferPatch } from '@microneedling/feeds/planImport'
import type { Database, Queryable } from '../database/database'

/**
 * What the database keeps of feed imports: each run's counts, the prices held for an editor, the
 * items the last run of a partner could not match or refused, and each offer's run of misses.
 */

export type ImportOutcome = 'applied' | 'planned' | 'unchanged' | 'failed'

export type ImportRun = {
  partnerId: string
  partner: string
  startedAt: Date
  durationMs: number
  applied: boolean
  outcome: ImportOutcome
  detail?: string
  plan?: FeedImportPlan
  /** Patches the content source did not take (the device or its offer gone, conflicts). */
  notApplied?: number
}

/** Each offer's imports in a row without it (by `offerIdOf`), as the last applied run left them. */
export async function previousMisses(db: Queryable, partnerId: string): Promise<Map<string, number>> {
  const rows = await db.query<{ offer_key: string; misses: number }>(
    'select offer_key, misses from feed_offer_misses where partner_id = $1',
    [partnerId],
  )
  return new Map(rows.map((row) => [row.offer_key, Number(row.misses)]))
}

/**
 * Stores one run. An applied plan also replaces the partner's misses and its listed items, and its
 * held prices replace any still waiting for the same offer (the newer feed is what an editor judges).
 */
export async function saveImportRun(db: Database, run: ImportRun): Promise<number> {
  return db.transaction(async (tx) => {
    const summary = run.plan?.summary
    const [row] = await tx.query<{ id: string }>(
      `insert into feed_imports (partner_id, partner, started_at, duration_ms, applied, outcome, detail,
         items_read, matched, changed, held, refused, unmatched, missing, not_applied)
       values ($1, $2, $3::timestamptz, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning id`,
      [
        run.partnerId,
        run.partner,
        run.startedAt.toISOString(),
        run.durationMs,
        run.applied,
        run.outcome,
        run.detail ?? null,
        summary?.read ?? 0,
        summary?.matched ?? 0,
        summary?.changed ?? 0,
        summary?.held ?? 0,
        summary?.refused ?? 0,
        summary?.unmatched ?? 0,
        summary?.missing ?? 0,
        run.notApplied ?? 0,
      ],
    )
    const importId = Number(row!.id)
    const plan = run.plan
    if (!run.applied || !plan || plan.empty) return importId

    await tx.query('delete from feed_offer_misses where partner_id = $1', [run.partnerId])
    await insertRows(
      tx,
      'feed_offer_misses (partner_id, offer_key, misses)',
      [...plan.misses].map(([offer, misses]) => [run.partnerId, offer, misses]),
    )
    await tx.query('delete from feed_import_items where partner_id = $1', [run.partnerId])
    await insertRows(
      tx,
      'feed_import_items (import_id, partner_id, kind, item_id, row_number, title, gtin, link, price, currency, reason)',
      [
        ...plan.unmatched.map((item) => [
          importId,
          run.partnerId,
          'unmatched',
          item.itemId,
          item.row ?? null,
          item.title ?? null,
          item.gtin ?? null,
          item.link,
          item.price.amount,
          item.price.currency,
          null,
        ]),
        ...plan.refused.map((refusal) => [
          importId,
          run.partnerId,
          'refused',
          refusal.itemId ?? null,
          refusal.row ?? null,
          refusal.offer?.deviceName ?? null,
          null,
          null,
          null,
          null,
          refusal.reason,
        ]),
      ],
    )
    for (const held of plan.held) {
      await tx.query(
        `update feed_held_changes set status = 'superseded', decided_at = $3::timestamptz,
           decision_detail = 'A later import held another price for this offer.'
         where status = 'held' and device_id = $1 and offer_key = $2`,
        [held.deviceId, held.offerKey, run.startedAt.toISOString()],
      )
    }
    await insertRows(
      tx,
      'feed_held_changes (import_id, partner_id, device_id, device_name, offer_key, item_id, current_price, proposed_price, currency, reason, patch)',
      plan.held.map((held) => [
        importId,
        run.partnerId,
        held.deviceId,
        held.deviceName,
        held.offerKey,
        held.itemId,
        held.current,
        held.proposed.price.amount,
        held.proposed.price.currency,
        held.reason,
        JSON.stringify(held.patch),
      ]),
    )
    return importId
  })
}

/** Inserts rows a few hundred at a time: a large feed's unmatched items are many. */
async function insertRows(db: Queryable, into: string, rows: unknown[][]): Promise<void> {
  const perStatement = 500
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement)
    const width = chunk[0]!.length
    const values = chunk
      .map(
        (_, index) => `(${Array.from({ length: width }, (_, column) => `$${index * width + column + 1}`).join(', ')})`,
      )
      .join(', ')
    await db.query(`insert into ${into} values ${values}`, chunk.flat())
  }
}

export type HeldChange = {
  id: number
  importId: number
  partnerId: string
  deviceId: string
  deviceName: string
  offerKey: string
  itemId: string
  currentPrice: number
  proposedPrice: number
  currency: string
  reason: string
  patch: OfferPatch
  status: 'held' | 'approved' | 'rejected' | 'superseded'
  heldAt: string
  /** Why it was decided so, or why an approval could not be carried out. */
  decisionDetail: string | null
}

type HeldRow = {
  id: string
  import_id: string
  partner_id: string
  device_id: string
  device_name: string
  offer_key: string
  item_id: string
  current_price: number
  proposed_price: number
  currency: string
  reason: string
  patch: OfferPatch | string
  status: HeldChange['status']
  held_at: string
  decision_detail: string | null
}

const heldColumns = `h.id, h.import_id, h.partner_id, h.device_id, h.device_name, h.offer_key, h.item_id,
  h.current_price, h.proposed_price, h.currency, h.reason, h.patch, h.status, h.decision_detail,
  to_char(i.started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as held_at`

function heldChange(row: HeldRow): HeldChange {
  return {
    id: Number(row.id),
    importId: Number(row.import_id),
    partnerId: row.partner_id,
    deviceId: row.device_id,
    deviceName: row.device_name,
    offerKey: row.offer_key,
    itemId: row.item_id,
    currentPrice: Number(row.current_price),
    proposedPrice: Number(row.proposed_price),
    currency: row.currency,
    reason: row.reason,
    // pg parses jsonb; PGlite too, but a driver may hand back the text.
    patch: typeof row.patch === 'string' ? (JSON.parse(row.patch) as OfferPatch) : row.patch,
    status: row.status,
    heldAt: row.held_at,
    decisionDetail: row.decision_detail,
  }
}

/** Prices waiting for an editor, newest first. */
export async function openHeldChanges(db: Queryable): Promise<HeldChange[]> {
  const rows = await db.query<HeldRow>(
    `select ${heldColumns} from feed_held_changes h join feed_imports i on i.id = h.import_id
     where h.status = 'held' order by i.started_at desc, h.id`,
  )
  return rows.map(heldChange)
}

export async function heldChangeById(db: Queryable, id: number): Promise<HeldChange | undefined> {
  const rows = await db.query<HeldRow>(
    `select ${heldColumns} from feed_held_changes h join feed_imports i on i.id = h.import_id where h.id = $1`,
    [id],
  )
  return rows[0] && heldChange(rows[0])
}

/** Records an editor's decision on a price still held; false when it was no longer held. */
export async function decideHeldChange(
  db: Queryable,
  id: number,
  status: 'approved' | 'rejected',
  detail: string,
  at: Date = new Date(),
): Promise<boolean> {
  const rows = await db.query(
    `update feed_held_changes set status = $2, decided_at = $3::timestamptz, decision_detail = $4
     where id = $1 and status = 'held' returning id`,
    [id, status, at.toISOString(), detail],
  )
  return rows.length > 0
}

export type ImportRow = {
  id: number
  partner: string
  started_at: string
  duration_ms: number
  outcome: ImportOutcome
  items_read: number
  matched: number
  changed: number
  held: number
  refused: number
  unmatched: number
  missing: number
  not_applied: number
  detail: string | null
}

/**
 * When each partner's feed was last read to the end and applied (or found to change nothing): what
 * its refresh interval counts from. Planned and failed runs do not count.
 */
export async function lastCompletedReads(db: Queryable): Promise<Map<string, Date>> {
  const rows = await db.query<{ partner_id: string; started_at: string }>(
    `select partner_id, to_char(max(started_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as started_at
     from feed_imports where outcome in ('applied', 'unchanged') group by partner_id`,
  )
  return new Map(rows.map((row) => [row.partner_id, new Date(row.started_at)]))
}

/** The latest runs, newest first. */
export async function recentImports(db: Queryable, limit = 200): Promise<ImportRow[]> {
  const rows = await db.query<ImportRow>(
    `select id, partner, to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as started_at,
       duration_ms, outcome, items_read, matched, changed, held, refused, unmatched, missing, not_applied, detail
     from feed_imports order by started_at desc, id desc limit $1`,
    [limit],
  )
  return rows.map((row) => ({ ...row, id: Number(row.id) }))
}

export type ListedItemRow = {
  partner_id: string
  kind: 'unmatched' | 'refused'
  item_id: string | null
  row_number: number | null
  title: string | null
  gtin: string | null
  link: string | null
  price: number | null
  currency: string | null
  reason: string | null
}

/** What the last applied run of each partner could not use. */
export async function listedItems(db: Queryable, kind: 'unmatched' | 'refused'): Promise<ListedItemRow[]> {
  return db.query<ListedItemRow>(
    `select partner_id, kind, item_id, row_number, title, gtin, link, price, currency, reason
     from feed_import_items where kind = $1 order by partner_id, row_number nulls last, id`,
    [kind],
  )
}
