import { z } from 'zod'
import { reportRejection } from './rejections.ts'
import { authorRoles, availabilities, intendedUses, needleTips, valuesOf } from './vocabulary.ts'

/**
 * zod schemas for the result of every query in `queries.ts`. Each value from the content source is
 * parsed here before a component sees it. Lists are lenient: an item that fails is reported and
 * left out, and the rest of the list renders.
 */

/** A list whose failing items are left out and reported, instead of failing the whole list. */
export function lenientList<Item extends z.ZodType>(item: Item, where: string) {
  return z
    .array(z.unknown())
    .nullish()
    .transform((items) => {
      const kept: z.output<Item>[] = []
      for (const raw of items ?? []) {
        const result = item.safeParse(raw)
        if (result.success) kept.push(result.data)
        else reportRejection(raw, where, result.error)
      }
      return kept
    })
}

const text = z.string().trim().min(1)
const optionalText = z
  .string()
  .nullish()
  .transform((value) => value?.trim() || undefined)
const isoDate = z.iso.date().or(z.iso.datetime({ offset: true }).transform((value) => value.slice(0, 10)))
const stringList = z
  .array(z.string())
  .nullish()
  .transform((items) => (items ?? []).map((item) => item.trim()).filter(Boolean))

/** Portable Text is rendered by @portabletext/react; only its outer shape is checked here. */
export const portableTextSchema = z
  .array(z.looseObject({ _type: z.string(), _key: z.string() }))
  .nullish()
  .transform((blocks) => blocks ?? [])
export type PortableTextBlocks = z.output<typeof portableTextSchema>

/**
 * Read as stored, even when partial: whether an offer is usable is decided by one rule
 * (partnerTargetProblem in partnerLinks.ts) for pages and /go/ alike, not by the schema of each.
 */
const trackingParameterSchema = z.object({ name: z.string().nullish(), value: z.string().nullish() }).nullish()

export const partnerSchema = z.object({
  _id: z.string(),
  name: text,
  slug: optionalText,
  allowedHosts: z
    .array(z.string())
    .nullish()
    .transform((hosts) => hosts ?? []),
  trackingParameter: trackingParameterSchema,
})

export const authorSchema = z.object({
  _id: z.string(),
  name: text,
  slug: text,
  role: z.enum(valuesOf(authorRoles)),
  credentials: optionalText,
})
export type Author = z.output<typeof authorSchema>

export const authorWithBioSchema = authorSchema.extend({ bio: optionalText })

export const offerSchema = z.object({
  key: text,
  url: z.url({ protocol: /^https$/, error: 'offer URL must be https' }),
  price: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code'),
  availability: z.enum(valuesOf(availabilities)).catch('inStock'),
  priceCheckedAt: isoDate,
  partner: partnerSchema,
})
export type Offer = z.output<typeof offerSchema>

const needleLengthSchema = z
  .object({ min: z.number().positive(), max: z.number().positive() })
  .refine((length) => length.min <= length.max, 'needle length min must not exceed max')

const needleDetailsSchema = z.object({
  adjustable: z.boolean().nullish().transform(Boolean),
  needleCount: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((value) => value ?? undefined),
  cartridgeConfigurations: stringList,
  material: text,
  tip: z.enum(valuesOf(needleTips)),
  replaceableHead: z.boolean().nullish().transform(Boolean),
  sterileSingleUseParts: z.boolean().nullish().transform(Boolean),
})

const imageSchema = z.object({
  _key: z.string(),
  alt: text,
  asset: z.object({ _ref: z.string() }),
})

export const deviceSummarySchema = z.object({
  _id: z.string(),
  _updatedAt: z.string(),
  name: text,
  slug: text,
  brand: z.object({ _id: z.string(), name: text, slug: optionalText }),
  formFactor: text,
  /** Strict on purpose: whether a device is for home use decides which caveats a page must show. */
  intendedUse: z.enum(valuesOf(intendedUses)),
  needleLengthMm: needleLengthSchema,
  needles: needleDetailsSchema,
  concerns: stringList,
  rating: z.number().min(0).max(10),
  verdict: text,
  pros: stringList,
  cons: stringList,
  images: lenientList(imageSchema, 'device image'),
  offers: lenientList(offerSchema, 'device offer'),
})
export type DeviceSummary = z.output<typeof deviceSummarySchema>

/**
 * What only a device's own page shows. A device that passes the list schema is listed and linked,
 * so its page must render: a bad value here leaves that field off the page (loadDevice logs it
 * with the device's id), rather than turning the page into a 404.
 */
export const optionalDevicePageFields = ['review', 'care', 'lastReviewedAt', 'writer', 'medicalReviewer'] as const

export const deviceDetailSchema = deviceSummarySchema.extend({
  review: portableTextSchema,
  care: optionalText,
  lastReviewedAt: isoDate.optional(),
  writer: authorSchema.optional(),
  medicalReviewer: authorSchema
    .refine(
      (author) => author.role === 'medicalReviewer',
      'the medical reviewer must be an author with the medical reviewer role',
    )
    .optional(),
})
export type DeviceDetail = z.output<typeof deviceDetailSchema>

export const caveatSchema = z.object({ _key: z.string(), statement: text, details: optionalText })
export type Caveat = z.output<typeof caveatSchema>

export const siteSettingsSchema = z.object({
  siteName: text,
  tagline: optionalText,
  affiliateDisclosureShort: text,
  affiliateDisclosureFull: portableTextSchema.refine((blocks) => blocks.length > 0, 'the full disclosure is empty'),
  medicalDisclaimer: text,
  homeDeviceCaveats: lenientList(caveatSchema, 'home-device caveat').refine(
    (caveats) => caveats.length > 0,
    'there must be at least one home-device caveat',
  ),
})
export type SiteSettings = z.output<typeof siteSettingsSchema>

export const comparisonSummarySchema = z.object({
  _id: z.string(),
  _updatedAt: z.string(),
  title: text,
  slug: text,
  verdict: text,
  publishedAt: isoDate.nullish(),
  /** Full summaries, so a device left out everywhere else for failing its schema is not named here either. */
  devices: lenientList(deviceSummarySchema, 'compared device'),
})
export type ComparisonSummary = z.output<typeof comparisonSummarySchema>

export const comparisonDetailSchema = comparisonSummarySchema.extend({
  body: portableTextSchema,
})
export type ComparisonDetail = z.output<typeof comparisonDetailSchema>

export const guideSummarySchema = z.object({
  _id: z.string(),
  _updatedAt: z.string(),
  title: text,
  slug: text,
  summary: optionalText,
})
export type GuideSummary = z.output<typeof guideSummarySchema>

export const guideDetailSchema = guideSummarySchema.extend({
  body: portableTextSchema,
  lastReviewedAt: isoDate,
  writer: authorSchema,
  medicalReviewer: authorSchema,
})
export type GuideDetail = z.output<typeof guideDetailSchema>

export const offerRedirectSchema = z.object({
  key: text,
  url: z.url({ protocol: /^https$/ }),
  partner: z.object({
    _id: z.string(),
    name: text,
    allowedHosts: z.array(z.string()).min(1),
    trackingParameter: trackingParameterSchema,
  }),
})
export type OfferRedirect = z.output<typeof offerRedirectSchema>

const count = z.number().int().nonnegative()

export const deviceListPageSchema = z.object({
  total: count,
  catalogueSize: count,
  devices: lenientList(deviceSummarySchema, 'device list'),
})
export type DeviceListPage = z.output<typeof deviceListPageSchema>

const facetCounts = z.array(z.object({ value: z.string(), count }))
export const deviceFacetsSchema = z.object({
  use: facetCounts,
  form: facetCounts,
  material: facetCounts,
  concern: facetCounts,
})
export type DeviceFacetCounts = z.output<typeof deviceFacetsSchema>

/** A device left out for failing its schema is simply not a pick. */
const optionalDevice = z.unknown().transform((raw) => {
  if (raw === null || raw === undefined) return null
  const result = deviceSummarySchema.safeParse(raw)
  if (result.success) return result.data
  reportRejection(raw, 'top-rated device', result.error)
  return null
})

export const topRatedDevicesSchema = z.object({
  overall: lenientList(deviceSummarySchema, 'top-rated device'),
  home: optionalDevice,
  professional: optionalDevice,
})

export const prerenderedDeviceSlugsSchema = z.object({
  topRated: stringList,
  compared: z
    .array(z.string().nullable())
    .nullish()
    .transform((slugs) => (slugs ?? []).filter((slug) => slug !== null)),
})

export const deviceChoiceSchema = z.object({
  _id: z.string(),
  name: text,
  slug: text,
  brand: optionalText,
  formFactor: text,
  intendedUse: z.enum(valuesOf(intendedUses)),
})
export type DeviceChoice = z.output<typeof deviceChoiceSchema>

const sitemapEntry = z.object({ slug: text, _updatedAt: z.string() })
export const sitemapSchema = z.object({
  devices: lenientList(
    sitemapEntry.extend(deviceSummarySchema.pick({ name: true, intendedUse: true, rating: true, verdict: true }).shape),
    'sitemap device',
  ),
  comparisons: lenientList(
    sitemapEntry.extend(comparisonSummarySchema.pick({ title: true, verdict: true }).shape),
    'sitemap comparison',
  ),
  guides: lenientList(sitemapEntry.extend(guideSummarySchema.pick({ title: true }).shape), 'sitemap guide'),
})
export type SitemapEntries = z.output<typeof sitemapSchema>

export const listedDeviceCountSchema = count

const knownSlug = z.object({ slug: z.string() })
export const knownPathsSchema = z.object({
  devices: z
    .array(knownSlug.extend({ offerKeys: z.array(z.string().nullable()).nullish() }))
    .nullish()
    .transform((devices) => devices ?? []),
  comparisons: z
    .array(knownSlug)
    .nullish()
    .transform((comparisons) => comparisons ?? []),
  guides: z
    .array(knownSlug)
    .nullish()
    .transform((guides) => guides ?? []),
})
export type KnownPaths = z.output<typeof knownPathsSchema>
