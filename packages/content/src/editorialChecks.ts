import type { Availability } from './vocabulary.ts'

/**
 * The checks editors run every week, each a list of devices in the Studio's desk (studio/structure.ts):
 * a GROQ filter and the parameters it takes at a given moment. The filters are plain GROQ, which
 * the Content Lake and groq-js answer alike, and they follow the site's own rules (which price it
 * calls old, which offer a shopper can act on), so the lists show what the pages show.
 *
 * Dates are compared as text: `date` fields are stored as YYYY-MM-DD, which sorts as it counts.
 */

/** How long a checked price is trusted before the site says it may have changed (PRICE_STALE_DAYS). */
export const defaultPriceStaleDays = 30

/**
 * What PRICE_STALE_DAYS (the site) and SANITY_STUDIO_PRICE_STALE_DAYS (the Studio) must be. A
 * message, worded to follow the variable's name.
 */
export const priceStaleDaysRequirement = 'must be a whole number of days, at least 1'

/**
 * The number of days in a PRICE_STALE_DAYS-style setting: the default when it is unset or blank,
 * and an error naming the variable (never its value) when it is not a whole number from 1.
 */
export function parsePriceStaleDays(value: string | undefined, variableName: string): number {
  const trimmed = value?.trim()
  if (!trimmed) return defaultPriceStaleDays
  const days = Number(trimmed)
  if (!Number.isInteger(days) || days < 1) throw new Error(`${variableName} ${priceStaleDaysRequirement}.`)
  return days
}

export interface EditorialCheckSettings {
  /** A price checked longer ago than this many days is to be checked again (see `defaultPriceStaleDays`). */
  priceStaleDays: number
}

export interface EditorialCheck {
  /** The desk pane's id (also its place in the Studio's URL). */
  id: string
  title: string
  /** A GROQ filter over documents, parenthesised so that adding a clause cannot change its meaning. */
  filter: string
  /** The filter's parameters, computed when the list is built. */
  params: (now: Date, settings: EditorialCheckSettings) => Record<string, string>
}

const dayMs = 86_400_000

/**
 * The first day (YYYY-MM-DD, UTC) that starts at or after `instant`. A stored date is before it
 * exactly when that date's start (midnight UTC, as `Date.parse` reads it) is before the instant,
 * so `date < firstDayFrom(t)` says "more than (now - t) ago" as the site reckons it.
 */
function firstDayFrom(instant: Date): string {
  return new Date(Math.ceil(instant.getTime() / dayMs) * dayMs).toISOString().slice(0, 10)
}

/**
 * The day before which a price counts as checked more than `staleDays` days before `now`, the
 * way the site's `priceMayHaveChanged` (web/src/lib/catalogue/priceFreshness.ts) decides it.
 */
export function staleBefore(now: Date, staleDays: number): string {
  return firstDayFrom(new Date(now.getTime() - staleDays * dayMs))
}

/** The day before which a medical review is more than a year before `now`. */
export function reviewedBefore(now: Date): string {
  const yearAgo = new Date(now.getTime())
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1)
  return firstDayFrom(yearAgo)
}

/** The only availability the site does not sell from (its "from" price and offer order use the same rule). */
const unavailable: Availability = 'outOfStock'

const isDevice = /* groq */ `(_type == "device")`

/** An offer whose price check is older than `$staleBefore`, or was never entered (the site calls that old too). */
const offerPriceIsOld = /* groq */ `((!defined(priceCheckedAt)) || (priceCheckedAt < $staleBefore))`

/** An offer a shopper can act on; an offer without an availability counts, as the site reads it as in stock. */
const offerIsInStock = /* groq */ `(availability != "${unavailable}")`

/**
 * The three lists, in the order the desk shows them. Each filter is `(device) && (condition)`.
 */
export const editorialChecks: Readonly<
  Record<'pricesToCheck' | 'dueForMedicalReview' | 'noOfferInStock', EditorialCheck>
> = {
  /** Devices with an offer whose price was checked more than `priceStaleDays` days ago: the site marks that price as possibly changed. */
  pricesToCheck: {
    id: 'prices-to-check',
    title: 'Prices to check',
    // `offers[…][0]` is null, so not defined, when no offer matches or the device has no offers.
    filter: `${isDevice} && (defined(offers[${offerPriceIsOld}][0]))`,
    params: (now, { priceStaleDays }) => ({ staleBefore: staleBefore(now, priceStaleDays) }),
  },
  /** Devices whose last medical review was more than a year ago, or that have no review date. */
  dueForMedicalReview: {
    id: 'due-for-medical-review',
    title: 'Due for medical review',
    filter: `${isDevice} && ((!defined(lastReviewedAt)) || (lastReviewedAt < $reviewedBefore))`,
    params: (now) => ({ reviewedBefore: reviewedBefore(now) }),
  },
  /** Devices none of whose offers is in stock: every offer out of stock, or no offers at all. */
  noOfferInStock: {
    id: 'no-offer-in-stock',
    title: 'No offer in stock',
    filter: `${isDevice} && (!defined(offers[${offerIsInStock}][0]))`,
    params: () => ({}),
  },
}
