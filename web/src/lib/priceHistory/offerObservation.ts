import { type PricedOffer, shopperPrice } from '@microneedling/content/offerPrice'
import type { Availability } from '@microneedling/content/vocabulary'
import type { PriceObservation, PriceSource } from './priceObservations'

export interface ObservedOffer extends PricedOffer {
  deviceId: string
  offerKey: string
  partnerId: string
  currency: string
  availability: Availability
}

/** An offer's stored price as a sighting: what a shopper paid at `observedAt` (the sale price while it applied). */
export function observationOf(offer: ObservedOffer, source: PriceSource, observedAt: Date): PriceObservation {
  return {
    deviceId: offer.deviceId,
    offerKey: offer.offerKey,
    partnerId: offer.partnerId,
    price: shopperPrice(offer, observedAt).amount,
    currency: offer.currency,
    availability: offer.availability,
    observedAt,
    source,
  }
}
