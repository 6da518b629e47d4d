import { loadDeviceSummaries } from '@microneedling/content/loaders'
import type { ContentSource } from '@microneedling/content/source/types'
import type { OfferToCheck } from './runLinkChecks'

export interface OfferFreshness extends OfferToCheck {
  deviceName: string
  partner: string
  priceCheckedAt: string
}

/** Every offer of every published device, with what the checks and the price freshness need. */
export async function currentOffers(source: ContentSource): Promise<OfferFreshness[]> {
  const devices = await loadDeviceSummaries(source)
  return devices.flatMap((device) =>
    device.offers.map((offer) => ({
      deviceId: device._id,
      device: device.slug,
      deviceName: device.name,
      offer: offer.key,
      url: offer.url,
      partner: offer.partner.name,
      priceCheckedAt: offer.priceCheckedAt,
    })),
  )
}
