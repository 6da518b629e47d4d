import { partnerTargetProblem } from '@microneedling/content/partnerLinks'
import type { Offer } from '@microneedling/content/schemas'

/**
 * Offers /go/ would refuse (a URL that is not https on a host the partner allows, or a partial
 * tracking parameter) are left out of every page, by the same rule /go/ applies
 * (partnerTargetProblem), so the site never shows a partner link that leads to a 404.
 */
export function usableOffers(
  deviceSlug: string,
  offers: readonly Offer[],
  report: (message: string) => void = (message) => console.warn(message),
): Offer[] {
  return offers.filter((offer) => {
    const problem = partnerTargetProblem(offer)
    if (problem === undefined) return true
    report(`[content] left out offer ${deviceSlug}/${offer.key} (partner ${offer.partner._id}): ${problem}`)
    return false
  })
}

export function withUsableOffers<Device extends { slug: string; offers: Offer[] }>(device: Device): Device {
  const offers = usableOffers(device.slug, device.offers)
  return offers.length === device.offers.length ? device : { ...device, offers }
}
