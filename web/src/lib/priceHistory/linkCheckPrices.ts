import type { Database, Queryable } from '../database/database'
import type { LinkCheckResult } from '../linkChecks/checkLink'
import type { OfferFreshness } from '../linkChecks/offersToCheck'
import { observationOf } from './offerObservation'
import { recordPriceObservations } from './priceObservations'

/**
 * A link check that finds the shop's page there ('ok') counts as seeing the offer's stored price at
 * that moment; a page gone, moved elsewhere or not answering says nothing about the price.
 */
export async function recordLinkCheckPrices(
  db: Queryable & { transaction?: Database['transaction'] },
  checks: readonly (OfferFreshness & { result: LinkCheckResult })[],
): Promise<number> {
  const seen = checks
    .filter((check) => check.result.outcome === 'ok')
    .map((check) => observationOf({ ...check, offerKey: check.offer }, 'link-check', check.result.checkedAt))
  await recordPriceObservations(db, seen)
  return seen.length
}
