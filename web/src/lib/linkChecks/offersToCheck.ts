import { loadDeviceListPage } from '@microneedling/content/loaders'
import type { SalePeriod } from '@microneedling/content/offerPrice'
import type { ContentSource } from '@microneedling/content/source/types'
import type { Availability } from '@microneedling/content/vocabulary'
import type { OfferToCheck } from './runLinkChecks'

export interface OfferFreshness extends OfferToCheck {
  deviceName: string
  partner: string
  priceCheckedAt: string
  /** The stored price, for the price history when a check finds the shop's page. */
  partnerId: string
  price: number
  salePrice?: number
  salePriceEffective?: SalePeriod
  currency: string
  availability: Availability
}

/** Devices read per query: a batch job's pages, so no one answer holds the whole catalogue. */
const devicesPerBatch = 500

/** Every offer of every published device, with what the checks and the price freshness need. */
export async function currentOffers(source: ContentSource): Promise<OfferFreshness[]> {
  const devices = []
  for (let page = 1; ; page += 1) {
    const listed = await loadDeviceListPage(source, { sort: 'name' }, page, { pageSize: devicesPerBatch })
    devices.push(...listed.devices)
    if (page * devicesPerBatch >= listed.total) break
  }
  return devices.flatMap((device) =>
    device.offers.map((offer) => ({
      deviceId: device._id,
      device: device.slug,
      deviceName: device.name,
      offer: offer.key,
      url: offer.url,
      partner: offer.partner.name,
      priceCheckedAt: offer.priceCheckedAt,
      partnerId: offer.partner._id,
      price: offer.price,
      salePrice: offer.salePrice,
      salePriceEffective: offer.salePriceEffective,
      currency: offer.currency,
      availability: offer.availability,
    })),
  )
}
