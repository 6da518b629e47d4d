import { defaultApiVersion } from '@microneedling/content/apiVersion'
import { hostIsAllowed } from '@microneedling/content/partnerLinks'
import type { CustomValidator } from 'sanity'

/**
 * Offer links: the site's /go/<offer> redirect sends shoppers to the stored URL as it is, so the
 * Studio is where a wrong or hostile link must be stopped. The `https` scheme is checked by
 * `Rule.uri`; this module checks that the host belongs to the offer's partner.
 */

export const offerUrlSchemes = ['https']

const partnerAllowedHostsQuery = `*[(_type == "partner") && (_id == $partnerId)][0]{name, allowedHosts}`

export interface PartnerHosts {
  name?: string | null
  allowedHosts?: readonly string[] | null
}

/**
 * What is wrong with an https offer URL given its partner, or undefined when nothing is. URLs that
 * do not parse or are not https are left to `Rule.uri`, so an editor sees one message, not two.
 * `partner` is null when the referenced partner is not published.
 */
export function offerUrlHostProblem(url: string, partner: PartnerHosts | null): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.protocol !== 'https:') return undefined

  if (!partner) {
    return 'The partner of this offer is not published yet, so the link’s host cannot be checked. Publish the partner first.'
  }
  const partnerName = partner.name?.trim() || 'this partner'
  const allowedHosts = partner.allowedHosts ?? []
  if (allowedHosts.length === 0) {
    return `${partnerName} has no allowed hosts. Add "${parsed.hostname}" to the partner’s allowed hosts if its links really go there.`
  }
  if (hostIsAllowed(url, allowedHosts)) return undefined
  return `"${parsed.hostname}" is not a host ${partnerName} allows (${allowedHosts.join(', ')}). Use the partner’s own link, or add the host to the partner first.`
}

function referencedPartnerId(offer: unknown): string | undefined {
  if (typeof offer !== 'object' || offer === null || !('partner' in offer)) return undefined
  const partner = offer.partner
  if (typeof partner !== 'object' || partner === null || !('_ref' in partner)) return undefined
  return typeof partner._ref === 'string' && partner._ref !== '' ? partner._ref : undefined
}

/**
 * Custom rule for `offer.url`. Without a partner there is nothing to check against yet; the
 * partner field's own "required" rule tells the editor to choose one.
 */
export const offerUrlMatchesPartnerHosts: CustomValidator<string | undefined> = async (url, context) => {
  if (!url) return true
  const partnerId = referencedPartnerId(context.parent)
  if (!partnerId) return true

  const client = context.getClient({ apiVersion: defaultApiVersion })
  // Published, because the site redirects with the published partner, whatever a draft says.
  const partner = await client.fetch<PartnerHosts | null>(
    partnerAllowedHostsQuery,
    { partnerId },
    { perspective: 'published', tag: 'validation.offer-url-host' },
  )
  return offerUrlHostProblem(url, partner) ?? true
}
