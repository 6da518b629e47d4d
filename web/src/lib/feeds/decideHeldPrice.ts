import { cacheTags } from '@microneedling/content/cacheTags'
import { applyOfferPatches } from '@microneedling/feeds/applyOfferPatches'
import type { SanityClient } from '@sanity/client'
import type { Database } from '../database/database'
import { observationOf } from '../priceHistory/offerObservation'
import { recordPriceObservations } from '../priceHistory/priceObservations'
import { decideHeldChange, heldChangeById } from './feedImportStore'

export type HeldDecision = { ok: true; message: string } | { ok: false; status: number; message: string }

type CurrentOffer = {
  _rev: string
  slug: string | null
  offer: {
    price: number
    currency: string
    availability: 'inStock' | 'limitedStock' | 'preOrder' | 'outOfStock'
    partnerId: string
    salePrice?: number | null
    salePriceEffective?: { from?: string; to?: string } | null
  } | null
}

const currentOfferQuery = /* groq */ `*[_id == $id][0]{
  _rev, "slug": slug.current,
  "offer": offers[_key == $key][0]{ price, currency, availability, "partnerId": partner._ref, salePrice, salePriceEffective }
}`

/**
 * An editor's decision on a held feed price. Approving writes the held patch to the device (and an
 * open draft) only while the offer still has the price the feed was compared with; otherwise the
 * next import plans it again from the new price. Rejecting keeps the offer as it is.
 */
export async function decideHeldPrice(
  db: Database,
  client: SanityClient | undefined,
  id: number,
  decision: 'approve' | 'reject',
  expireTags: (tags: string[]) => Promise<unknown>,
  now: Date = new Date(),
): Promise<HeldDecision> {
  const held = await heldChangeById(db, id)
  if (!held) return { ok: false, status: 404, message: `No held price has the number ${id}.` }
  if (held.status !== 'held') return { ok: false, status: 409, message: `That price was already ${held.status}.` }
  if (decision === 'reject') {
    await decideHeldChange(db, id, 'rejected', 'Rejected by an editor.', now)
    return { ok: true, message: `The feed's price for ${held.deviceName} was rejected; the offer keeps its price.` }
  }
  if (!client) {
    return kept(db, id, 409, 'This site cannot write to its content source (see SANITY_API_WRITE_TOKEN).')
  }
  const current = await client.fetch<CurrentOffer | null>(
    currentOfferQuery,
    { id: held.deviceId, key: held.offerKey },
    { perspective: 'published', useCdn: false },
  )
  if (!current?.offer) {
    await decideHeldChange(db, id, 'rejected', 'The offer is gone.', now)
    return { ok: false, status: 409, message: `${held.deviceName} no longer has that offer.` }
  }
  if (current.offer.price !== held.currentPrice) {
    await db.query(
      `update feed_held_changes set status = 'superseded', decided_at = $2::timestamptz,
         decision_detail = 'The offer''s price changed before it was approved.' where id = $1`,
      [id, now.toISOString()],
    )
    return {
      ok: false,
      status: 409,
      message: `The price of ${held.deviceName} changed to ${current.offer.price} since the feed was read; the next import compares the feed with it.`,
    }
  }
  const [result] = await applyOfferPatches(client, [held.patch], new Map([[held.deviceId, current._rev]]))
  if (!result?.applied) return kept(db, id, 409, result?.reason ?? 'The change could not be written.')
  await decideHeldChange(db, id, 'approved', 'Approved by an editor.', now)
  const proposed = { ...current.offer, price: held.proposedPrice }
  for (const [path, value] of Object.entries(held.patch.set)) {
    const field = path.slice(path.lastIndexOf('.') + 1)
    if (field === 'salePrice' || field === 'salePriceEffective') Object.assign(proposed, { [field]: value })
  }
  await recordPriceObservations(db, [
    observationOf({ ...proposed, deviceId: held.deviceId, offerKey: held.offerKey }, 'feed', now),
  ])
  if (current.slug) await expireTags([cacheTags.device(current.slug)])
  return {
    ok: true,
    message: `The feed's price ${held.proposedPrice} ${held.currency} for ${held.deviceName} is applied.`,
  }
}

/** A decision that could not be carried out: the price stays held, with why, for the reports to say. */
async function kept(db: Database, id: number, status: number, message: string): Promise<HeldDecision> {
  await db.query('update feed_held_changes set decision_detail = $2 where id = $1', [id, message])
  return { ok: false, status, message }
}
