import type { CatalogueOffer } from '@microneedling/feeds/catalogueOffer'
import { offerIdOf } from '@microneedling/feeds/planImport'
import type { PartnerImport } from '@microneedling/feeds/planPartnerImport'
import { observationOf } from '../priceHistory/offerObservation'
import type { PriceObservation } from '../priceHistory/priceObservations'

/**
 * The prices an applied import confirmed: every offer it wrote (a changed price, or the same one
 * seen again), as the offer stands after the patch. Held prices are not observations until an
 * editor approves them.
 */
export function observedPrices(imported: PartnerImport, written: ReadonlySet<string>, at: Date): PriceObservation[] {
  const offers = new Map(imported.catalogue.offers.map((offer) => [offerIdOf(offer), offer]))
  return imported.plan.changes.flatMap((change) => {
    const offer = offers.get(offerIdOf(change))
    if (!offer || !written.has(change.deviceId)) return []
    const after: CatalogueOffer = { ...offer }
    for (const field of change.fields) Object.assign(after, { [field.field]: field.after })
    return [observationOf(after, 'feed', at)]
  })
}
