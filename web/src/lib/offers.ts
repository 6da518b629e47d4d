import { hostIsAllowed } from '@microneedling/content/partnerLinks'
import type { Offer } from '@microneedling/content/schemas'

/**
 * Offers whose stored URL /go/ would refuse (not https, or on a host the partner does not allow)
 * are left out of every page, so the site never shows a partner link that leads to a 404.
 */
export function usableOffers(
  deviceSlug: string,
  offers: readonly Offer[],
  report: (message: string) => void = (message) => console.warn(message),
): Offer[] {
  return offers.filter((offer) => {
    if (hostIsAllowed(offer.url, offer.partner.allowedHosts)) return true
    report(`[content] left out offer ${deviceSlug}/${offer.key}: its URL is not on a host ${offer.partner.name} allows`)
    return false
  })
}

export function withUsableOffers<Device extends { slug: string; offers: Offer[] }>(device: Device): Device {
  const offers = usableOffers(device.slug, device.offers)
  return offers.length === device.offers.length ? device : { ...device, offers }
}
