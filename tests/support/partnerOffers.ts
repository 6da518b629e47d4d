import type { StoredDocument } from '@microneedling/content/source/ndjson'
import { sampleDocuments, slugOf } from './sampleDataset.ts'

/**
 * Where each partner link in a dataset must lead, worked out here from the stored documents with
 * the URL API alone (not with the site's own partnerLinks module), so a bug there cannot hide
 * itself by moving the expectation along with the behaviour.
 */

export interface StoredPartner {
  id: string
  name: string
  allowedHosts: string[]
  trackingParameter?: { name: string; value: string } | undefined
}

export interface ExpectedOffer {
  deviceSlug: string
  deviceId: string
  offerKey: string
  partner: StoredPartner
  /** The URL stored in the dataset for this offer. */
  storedUrl: string
  /** The stored URL with the partner's tracking parameter set: where /go/ must send a shopper. */
  target: string
  /** The site path of the partner link. */
  goPath: string
}

interface RawOffer {
  _key: string
  url: string
  partner: { _ref: string }
}

export function partnersIn(documents: readonly StoredDocument[]): Map<string, StoredPartner> {
  return new Map(
    documents
      .filter((document) => document._type === 'partner' && !document._id.startsWith('drafts.'))
      .map((document) => [
        document._id,
        {
          id: document._id,
          name: document.name as string,
          allowedHosts: (document.allowedHosts ?? []) as string[],
          trackingParameter: document.trackingParameter as StoredPartner['trackingParameter'],
        },
      ]),
  )
}

export function expectedTarget(storedUrl: string, partner: StoredPartner): string {
  const url = new URL(storedUrl)
  if (partner.trackingParameter) url.searchParams.set(partner.trackingParameter.name, partner.trackingParameter.value)
  return url.toString()
}

/** Every offer of every published device in `documents`, with the target its /go/ link must have. */
export function expectedOffers(documents: readonly StoredDocument[] = sampleDocuments): ExpectedOffer[] {
  const partners = partnersIn(documents)
  return documents
    .filter((document) => document._type === 'device' && !document._id.startsWith('drafts.'))
    .flatMap((device) =>
      ((device.offers ?? []) as RawOffer[]).map((offer) => {
        const partner = partners.get(offer.partner._ref)
        if (!partner) throw new Error(`offer ${offer._key} of ${device._id} names a partner that is not in the dataset`)
        const deviceSlug = slugOf(device)
        return {
          deviceSlug,
          deviceId: device._id,
          offerKey: offer._key,
          partner,
          storedUrl: offer.url,
          target: expectedTarget(offer.url, partner),
          goPath: `/go/${encodeURIComponent(deviceSlug)}/${encodeURIComponent(offer._key)}`,
        }
      }),
    )
}

/** Every host any partner allows; a link to one of these (or a subdomain) is a commerce link. */
export const partnerHosts: string[] = [...partnersIn(sampleDocuments).values()].flatMap(
  (partner) => partner.allowedHosts,
)

export function isPartnerHost(hostname: string, hosts: readonly string[] = partnerHosts): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  return hosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))
}
