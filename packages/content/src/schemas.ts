import { z } from 'zod'
import { reportRejection } from './rejections.ts'
import {
  authorRoles,
  availabilities,
  bestForRoles,
  consumableKinds,
  intendedUses,
  needleTips,
  valuesOf,
} from './vocabulary.ts'

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

/** When an offer's sale price applies (see offerPrice.ts): either end may be open. */
const salePeriodSchema = z.object({
  from: z.iso.datetime({ offset: true }).nullish(),
  to: z.iso.datetime({ offset: true }).nullish(),
})

export const offerSchema = z.object({
  key: text,
  url: z.url({ protocol: /^https$/, error: 'offer URL must be https' }),
  price: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code'),
  // A sale that cannot be read is left off (the regular price is still true), not the whole offer.
  salePrice: z.number().positive().optional().catch(undefined),
  salePriceEffective: salePeriodSchema.optional().catch(undefined),
  availability: z.enum(valuesOf(availabilities)).catch('inStock'),
  priceCheckedAt: isoDate,
  partner: partnerSchema,
})
export type Offer = z.output<typeof offerSchema>

/**
 * One thing a device uses up (runningCosts.ts works out what it costs). `price` and `currency` are
 * for a pack of `packSize`; the whole device has no price of its own here: its offers price it.
 */
export const consumableSchema = z.object({
  key: optionalText,
  kind: z.enum(valuesOf(consumableKinds)),
  price: z
    .number()
    .positive()
    .nullish()
    .transform((value) => value ?? undefined),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code')
    .nullish()
    .transform((value) => value ?? undefined),
  /** Shown beside the price; a bad date leaves it off rather than the running costs. */
  priceCheckedAt: isoDate.optional().catch(undefined),
  packSize: z.number().int().positive(),
  usesEach: z.number().int().positive(),
})
export type Consumable = z.output<typeof consumableSchema>

/**
 * A device's consumables, all or none: leaving out one that fails would make the device look
 * cheaper to keep than it is, so a bad one (reported by its key) leaves its running costs unknown.
 */
const consumablesSchema = z
  .array(z.unknown())
  .nullish()
  .transform((items) => {
    const consumables: Consumable[] = []
    for (const raw of items ?? []) {
      const result = consumableSchema.safeParse(raw)
      if (!result.success) {
        reportRejection(raw, 'device consumable, running costs left out', result.error)
        return []
      }
      consumables.push(result.data)
    }
    return consumables
  })

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
  /** The schedule running costs are worked out for; a bad value leaves them unknown, not the device out. */
  sessionsPerMonth: z.number().int().positive().optional().catch(undefined),
  consumables: consumablesSchema,
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

export const bestForGuideSummarySchema = z.object({
  _id: z.string(),
  _updatedAt: z.string(),
  title: text,
  slug: text,
  /** A concern a newer Studio knows and this site does not is shown by its value (titleOf). */
  concern: text,
  whoItIsFor: text,
  lastUpdatedAt: isoDate,
})
export type BestForGuideSummary = z.output<typeof bestForGuideSummarySchema>

const bestForRoleOrder = valuesOf(bestForRoles)

const bestForPickSchema = z.object({
  key: text,
  role: z.enum(bestForRoleOrder),
  reason: text,
  /** Full summaries, so a device left out everywhere else for failing its schema is not picked here either. */
  device: deviceSummarySchema,
})
export type BestForPick = z.output<typeof bestForPickSchema>

/**
 * The picks in the order a reader expects (top, budget, upgrade), one per role: the Studio allows
 * no second, and should one be stored anyway, the first is shown.
 */
const bestForPicksSchema = lenientList(bestForPickSchema, 'best-for pick').transform((picks) =>
  bestForRoleOrder.flatMap((role) => picks.find((pick) => pick.role === role) ?? []),
)

const bestForCompetitorSchema = z.object({
  key: text,
  note: text,
  device: deviceSummarySchema,
})

export const bestForGuideDetailSchema = bestForGuideSummarySchema.extend({
  howWeChose: portableTextSchema,
  /** A guide whose picks are all left out recommends nothing: it is left out too (and logged). */
  picks: bestForPicksSchema.refine((picks) => picks.length > 0, 'no pick can be shown'),
  competition: lenientList(bestForCompetitorSchema, 'best-for competitor'),
  writer: authorSchema,
  medicalReviewer: authorSchema.refine(
    (author) => author.role === 'medicalReviewer',
    'the medical reviewer must be an author with the medical reviewer role',
  ),
})
export type BestForGuideDetail = z.output<typeof bestForGuideDetailSchema>

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
  bestForGuides: lenientList(
    sitemapEntry.extend(bestForGuideSummarySchema.pick({ title: true }).shape),
    'sitemap best-for guide',
  ),
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
  bestForGuides: z
    .array(knownSlug)
    .nullish()
    .transform((guides) => guides ?? []),
})
export type KnownPaths = z.output<typeof knownPathsSchema>
