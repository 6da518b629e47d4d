import { feedFormats, valuesOf } from '@microneedling/content/vocabulary'
import { z } from 'zod'
import { type CatalogueOffer, catalogueOfferSchema } from '../plan/catalogueOffer.ts'

/**
 * What an import reads from the content source: the partners that name a feed, and one partner's
 * offers with each device's revision (the guard its patches carry). Published documents only; an
 * open draft is found when the changes are applied.
 */

/** Runs a GROQ query on the published documents: a ContentSource's `fetch`, or a client's. */
export type PublishedQuery = (query: string, params: Record<string, string>) => Promise<unknown>

const feedPartnersQuery = /* groq */ `*[_type == "partner" && defined(slug.current)] | order(slug.current asc){
  _id, name, "slug": slug.current, "allowedHosts": coalesce(allowedHosts, []), feed
}`

const partnerOffersQuery = /* groq */ `*[_type == "device" && references($partnerId)]{
  _id, _rev, name, gtin, "slug": slug.current,
  "offers": offers[partner._ref == $partnerId]{
    "offerKey": _key, "partnerId": partner._ref, feedItemId, url, price, currency, availability,
    salePrice, salePriceEffective, priceCheckedAt, feedCheckedAt
  }
}`

const feedSettingsSchema = z.object({
  url: z.string().trim().min(1),
  format: z.enum(valuesOf(feedFormats)),
  refreshHours: z.number().positive().nullish(),
})

export const feedPartnerSchema = z.object({
  _id: z.string(),
  name: z.string(),
  slug: z.string(),
  allowedHosts: z.array(z.string()),
  feed: feedSettingsSchema.nullish().catch(null),
})
export type FeedPartner = z.infer<typeof feedPartnerSchema>

/** Every partner, with its feed when it names a complete one (address and format). */
export async function loadFeedPartners(query: PublishedQuery): Promise<FeedPartner[]> {
  return z.array(feedPartnerSchema).parse(await query(feedPartnersQuery, {}))
}

const nullsAsMissing = (value: unknown) =>
  Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, field]) => field !== null))

const deviceSchema = z.object({
  _id: z.string(),
  _rev: z.string(),
  name: z.string().catch('Unnamed device'),
  gtin: z.string().nullish(),
  slug: z.string().nullish(),
  offers: z.array(z.unknown()).nullish(),
})

export type PartnerCatalogue = {
  offers: CatalogueOffer[]
  /** Each device's revision when read: its patches apply only to that revision. */
  revisions: Map<string, string>
  /** Each device's slug, for the pages to refresh once its history is recorded. */
  slugs: Map<string, string>
  /** Offers the import cannot compare (no price, a key Sanity would not write), with the reason. */
  skipped: { deviceId: string; deviceName: string; reason: string }[]
}

/** The partner's offers on published devices, as the planner compares them with the feed. */
export async function loadPartnerCatalogue(query: PublishedQuery, partnerId: string): Promise<PartnerCatalogue> {
  const devices = z.array(deviceSchema).parse(await query(partnerOffersQuery, { partnerId }))
  const catalogue: PartnerCatalogue = { offers: [], revisions: new Map(), slugs: new Map(), skipped: [] }
  for (const device of devices) {
    catalogue.revisions.set(device._id, device._rev)
    if (device.slug) catalogue.slugs.set(device._id, device.slug)
    for (const raw of device.offers ?? []) {
      const parsed = catalogueOfferSchema.safeParse({
        ...nullsAsMissing(raw),
        deviceId: device._id,
        deviceName: device.name,
        ...(device.gtin ? { deviceGtin: device.gtin } : {}),
      })
      if (parsed.success) catalogue.offers.push(parsed.data)
      else {
        const reason = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
        catalogue.skipped.push({ deviceId: device._id, deviceName: device.name, reason })
      }
    }
  }
  return catalogue
}
