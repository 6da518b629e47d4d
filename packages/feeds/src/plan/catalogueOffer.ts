import { availabilities, valuesOf } from '@microneedling/content/vocabulary'
import { z } from 'zod'
import { effectivePeriodSchema } from '../feedItem.ts'

/**
 * One offer as the catalogue holds it, flattened with its device: what an import compares a feed
 * item with. `offerKey` is the offer's `_key` in its device's `offers` array, so it becomes a patch
 * path; `feedItemId` is the partner's id for the product once known (set by an editor or by an
 * import that matched the device's GTIN). `salePrice` is in the offer's currency.
 */
export const catalogueOfferSchema = z.object({
  deviceId: z.string().min(1),
  deviceName: z.string(),
  offerKey: z.string().regex(/^[A-Za-z0-9_-]+$/, 'An offer key is letters, digits, "_" or "-", as Sanity writes them.'),
  partnerId: z.string().min(1),
  feedItemId: z.string().trim().min(1).optional(),
  deviceGtin: z.string().optional(),
  url: z.string(),
  price: z.number().finite().nonnegative(),
  currency: z.string(),
  availability: z.enum(valuesOf(availabilities)),
  salePrice: z.number().finite().positive().optional(),
  salePriceEffective: effectivePeriodSchema.optional(),
  /** The day (or time) the price was last confirmed. */
  priceCheckedAt: z.string().optional(),
  /** When a feed import last confirmed the offer. */
  feedCheckedAt: z.string().optional(),
})
export type CatalogueOffer = z.infer<typeof catalogueOfferSchema>

/** The offer's fields an import may write, each at `offers[_key=="<offerKey>"].<field>` of its device. */
export type OfferField =
  | 'price'
  | 'salePrice'
  | 'salePriceEffective'
  | 'availability'
  | 'url'
  | 'feedItemId'
  | 'priceCheckedAt'
  | 'feedCheckedAt'

/** Where an offer's field is in its device document, for a Sanity patch: `offers[_key=="k1"].price`. */
export function offerFieldPath(offerKey: string, field: OfferField): string {
  return `offers[_key=="${offerKey}"].${field}`
}
