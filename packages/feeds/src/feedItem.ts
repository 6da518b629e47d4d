import { gtinProblem } from '@microneedling/content/gtin'
import { z } from 'zod'
import { isIso4217Code } from './fields/iso4217.ts'

/**
 * One product as a partner's feed states it, whatever the feed's format. Nothing here is compared
 * with the site's offers yet: that is the importer's work.
 */

/**
 * How available a feed says an item is. The first three use the site's own spelling
 * (`@microneedling/content/vocabulary`); `backorder` has no site term, so it stays what the feed
 * said until `siteAvailabilityOf` decides how the site shows it.
 */
export const feedAvailabilities = ['inStock', 'outOfStock', 'preOrder', 'backorder'] as const
export type FeedAvailability = (typeof feedAvailabilities)[number]

export const moneySchema = z.object({
  amount: z.number().finite().positive(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'A currency is three upper-case letters (ISO 4217), like "GBP".')
    .refine(isIso4217Code, 'Not an ISO 4217 currency code.'),
})
export type Money = z.infer<typeof moneySchema>

/** When a sale price applies: `from` inclusive, `to` exclusive, both UTC ISO 8601 times. */
export const effectivePeriodSchema = z
  .object({ from: z.iso.datetime(), to: z.iso.datetime() })
  .refine((period) => period.from < period.to, 'A sale period ends after it starts.')
export type EffectivePeriod = z.infer<typeof effectivePeriodSchema>

const webLinkSchema = z.url({ protocol: /^https?$/, error: 'A link is an absolute http(s) URL.' })

/** GTIN-8, GTIN-12 (UPC), GTIN-13 (EAN) or GTIN-14, with a correct check digit (`gtinProblem`). */
export const gtinSchema = z.string().superRefine((value, context) => {
  const problem = gtinProblem(value)
  if (problem !== undefined) context.addIssue({ code: 'custom', message: problem })
})

const optionalText = z.string().trim().min(1).optional()

export const feedItemSchema = z
  .object({
    /** The partner's own id for the product, stable from one feed to the next. */
    itemId: z.string().trim().min(1).max(256),
    title: optionalText,
    /** The product's page at the partner. */
    link: webLinkSchema,
    /** A tracked link the affiliate network gives besides the product page (Awin's aw_deep_link). */
    affiliateLink: webLinkSchema.optional(),
    price: moneySchema,
    salePrice: moneySchema.optional(),
    salePriceEffective: effectivePeriodSchema.optional(),
    availability: z.enum(feedAvailabilities),
    gtin: gtinSchema.optional(),
    mpn: optionalText,
    brand: optionalText,
    /** The manufacturer's recommended retail price: not a price the partner ever charged. */
    rrp: moneySchema.optional(),
  })
  .superRefine((item, context) => {
    if (item.salePrice) {
      if (item.salePrice.currency !== item.price.currency) {
        context.addIssue({ code: 'custom', path: ['salePrice'], message: 'The sale price is in another currency.' })
      } else if (item.salePrice.amount >= item.price.amount) {
        context.addIssue({ code: 'custom', path: ['salePrice'], message: 'The sale price is not below the price.' })
      }
    }
    if (item.salePriceEffective && !item.salePrice) {
      context.addIssue({ code: 'custom', path: ['salePriceEffective'], message: 'A sale period needs a sale price.' })
    }
  })
export type FeedItem = z.infer<typeof feedItemSchema>
